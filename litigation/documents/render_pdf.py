"""PDF renderer of a `Doc`. PDF needs a CJK font: the first of `CJK_FONTS` that exists (or
`$FACETORT_CJK_FONT`) is embedded (subset) in the file, so Chinese text renders and can be extracted.

The text is laid out here, not by fpdf2's `multi_cell`/`table` (which measure a line again for every
character they add: a 200-participant memo took most of a minute, and a table cell taller than a page
raised). Lines are broken with the font's glyph widths (cumulative sums and a bisection: Chinese breaks
between any two characters, other text at a space where it can), drawn with `FPDF.text`, and a table
row taller than what is left of the page continues on the next one, under the repeated header. Every
page carries its number in the footer ("第 1 页 共 N 页" / "Page 1 of N").
"""

from __future__ import annotations

import copy
import os
import threading
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

from litigation.documents.blocks import Doc, ExportError
from litigation.facts.bounds import clean_text
from litigation.i18n import T

CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
)

NO_FONT = T("找不到中文字体，无法生成 PDF（请安装 fonts-wqy-microhei，或设置 FACETORT_CJK_FONT）；可改用 Word 或 Markdown。",
             "No CJK font found, so no PDF (install fonts-wqy-microhei or set FACETORT_CJK_FONT); use Word or "
             "Markdown instead.")
PAGE_OF = T("第 {page} 页 共 {nb} 页", "Page {page} of {nb}")

MARGIN, BOTTOM = 18.0, 15.0  # mm; the footer sits in the bottom margin
PAD_X, PAD_Y = 1.0, 0.8      # table cell padding, mm


def cjk_font() -> Path | None:
    env = os.environ.get("FACETORT_CJK_FONT", "").strip()
    for cand in ([env] if env else []) + list(CJK_FONTS):
        if cand and Path(cand).is_file():
            return Path(cand)
    return None


_FONT_CACHE: dict[tuple[str, int], object] = {}  # (path, mtime) -> a parsed font never written to a PDF
_FONT_LOCK = threading.Lock()


def _add_font(pdf, font: Path) -> None:  # noqa: ANN001 - an fpdf.FPDF
    """`pdf.add_font("cjk", font)`, parsing the font file once per process: each document gets a copy of
    the parsed font (glyph widths and ids) with its own subset and its own fontTools object, which the
    output step cuts down in place. Falls back to a plain add_font if fpdf2's font object changes."""
    from fontTools.ttLib import TTFont
    from fpdf.fonts import SubsetMap

    try:
        key = (str(font), font.stat().st_mtime_ns)
        with _FONT_LOCK:
            tpl = _FONT_CACHE.get(key)
            if tpl is None:
                from fpdf import FPDF

                probe = FPDF()
                probe.add_font("cjk", fname=str(font))
                tpl = probe.fonts["cjk"]
                _FONT_CACHE.clear()
                _FONT_CACHE[key] = tpl
            f = copy.copy(tpl)  # the tables a document changes are its own:
            f.cw, f.glyph_ids = tpl.cw.copy(), dict(tpl.glyph_ids)
        f.ttfont = TTFont(str(font), recalcTimestamp=False, fontNumber=tpl.collection_font_number, lazy=True)
        f.missing_glyphs = []
        f.subset = SubsetMap(f)
        f.i = len(pdf.fonts) + 1
        pdf.fonts["cjk"] = f
    except (AttributeError, TypeError, ImportError):  # pragma: no cover - another fpdf2
        pdf.add_font("cjk", fname=str(font))


_PDF_SUBST = {"✅": "✔", "❌": "✘", "❔": "?", "⚠️": "!", "⚑": "*", "\u2009": " "}


def _pdf_text(s: str) -> str:
    s = clean_text(s).replace("\t", "    ")  # control characters have no glyph; a tab is four spaces
    for a, b in _PDF_SUBST.items():
        s = s.replace(a, b)
    return s


def _breaks_words(c: str) -> bool:
    """A character inside a word that should not be split (Latin letters, digits); CJK can break anywhere."""
    return not c.isspace() and ord(c) < 0x2E80


# Chinese line-breaking rules (禁则): closing punctuation never starts a line, opening brackets never end one.
NO_START = frozenset("，。、；：？！）》」』】〉〕］｝”’…—·%,.;:?!)]}")
NO_END = frozenset("（《「『【〈〔［｛“‘([{")


def _kinsoku(line: str, s: int, e: int) -> int:
    """Move a break at `e` back so that the next line does not start with closing punctuation and this one
    does not end with an opening bracket (never below one character a line)."""
    while e - 1 > s and (line[e] in NO_START or line[e - 1] in NO_END):
        e -= 1
    return e


def wrap(text: str, widths: dict[int, float], limit: float) -> list[str]:
    """`text` broken into lines no wider than `limit` (in the units of `widths`, a glyph-width table by
    code point); at least one character a line, so nothing loops however narrow the column. Chinese
    punctuation follows the line-breaking rules (`NO_START`, `NO_END`)."""
    out: list[str] = []
    for line in text.split("\n"):
        n = len(line)
        if n == 0:
            out.append("")
            continue
        cum = list(accumulate(map(widths.__getitem__, map(ord, line)), initial=0))
        if cum[-1] <= limit:
            out.append(line)
            continue
        s = 0
        while s < n:
            e = max(bisect_right(cum, cum[s] + limit, s + 1) - 1, s + 1)  # the most characters that fit
            if e >= n:
                out.append(line[s:])
                break
            nxt = e
            if _breaks_words(line[e]) and _breaks_words(line[e - 1]):  # mid-word: go back to a space
                sp = line.rfind(" ", s + 1, e)
                if sp > s:
                    e, nxt = sp, sp + 1
            elif line[e] == " ":
                nxt = e + 1
            else:
                e = nxt = _kinsoku(line, s, e)
            out.append(line[s:e])
            s = nxt
    return out


class _Writer:
    """Text lines and table rows on A4 pages, with page breaks done here."""

    def __init__(self, pdf):  # noqa: ANN001 - an fpdf.FPDF
        self.pdf = pdf
        self.w = pdf.epw
        self.bottom = pdf.h - BOTTOM
        self.widths = pdf.current_font.cw
        self.k = pdf.k
        self.size = 10.0
        self.y = pdf.t_margin
        self._cache: dict[tuple[str, float, float], list[str]] = {}

    def font(self, size: float) -> None:
        self.pdf.set_font("cjk", size=size)
        self.size = size

    def lines(self, text: str, width: float) -> list[str]:
        key = (text, self.size, width)
        got = self._cache.get(key)
        if got is None:
            got = self._cache[key] = wrap(text, self.widths, width * self.k * 1000 / self.size)
        return got

    def new_page(self) -> None:
        self.pdf.add_page()
        self.y = self.pdf.t_margin

    def baseline(self, y: float, h: float) -> float:
        return y + 0.5 * h + 0.3 * self.size / self.k  # where fpdf2's cell() puts it

    def para(self, text: str, size: float, h: float, indent: float = 0.0, gap: float = 1.5) -> None:
        self.font(size)
        x = self.pdf.l_margin + indent
        for line in self.lines(_pdf_text(text), self.w - indent):
            if self.y + h > self.bottom:
                self.new_page()
            if line:
                self.pdf.text(x, self.baseline(self.y, h), line)
            self.y += h
        self.y += gap

    def space(self, h: float) -> None:
        self.y = min(self.y + h, self.bottom)

    def table(self, header: list[str], rows: list[list[str]], size: float = 8.5, lh: float = 4.6) -> None:
        self.font(size)
        n = len(header)
        if n == 0:
            return
        lens = [max([len(header[i])] + [len(r[i]) for r in rows if i < len(r)]) for i in range(n)]
        raw = [min(max(x, 4), 40) for x in lens]
        floor = min(12.0, self.w / n)
        cols = [floor + (self.w - floor * n) * x / sum(raw) for x in raw]
        head = [self.lines(_pdf_text(h), c - 2 * PAD_X) for h, c in zip(header, cols, strict=True)]
        self._row(head, cols, lh, None, fill=True)
        for r in rows:
            cells = [self.lines(_pdf_text(r[i] if i < len(r) else ""), c - 2 * PAD_X) for i, c in enumerate(cols)]
            self._row(cells, cols, lh, head)
        self.y += 2

    def _row(self, cells: list[list[str]], cols: list[float], lh: float, head: list[list[str]] | None,
             fill: bool = False) -> None:
        """One row; what does not fit on this page continues on the next, under the header again."""
        pdf = self.pdf
        tall = max(1, *(len(c) for c in cells))
        done, fresh = 0, False
        while done < tall:
            room = int((self.bottom - self.y - 2 * PAD_Y) // lh)
            if room < min(2, tall - done) and not fresh:  # not even two lines left on this page: turn over
                self._turn(cols, lh, head)
                fresh = True
                continue
            take = max(1, min(room, tall - done))
            h = take * lh + 2 * PAD_Y
            x = pdf.l_margin
            for lines, cw in zip(cells, cols, strict=True):
                pdf.rect(x, self.y, cw, h, style="DF" if fill else "D")
                for j, line in enumerate(lines[done:done + take]):
                    if line:
                        pdf.text(x + PAD_X, self.baseline(self.y + PAD_Y + j * lh, lh), line)
                x += cw
            self.y += h
            done += take
            fresh = False
            if done < tall:
                self._turn(cols, lh, head)
                fresh = True

    def _turn(self, cols: list[float], lh: float, head: list[list[str]] | None) -> None:
        self.new_page()
        if head is not None:
            self._row(head, cols, lh, None, fill=True)


def to_pdf(doc: Doc, font: Path | None = None, lang: str | None = None) -> bytes:
    from fpdf import FPDF

    font = font or cjk_font()
    if font is None:
        raise ExportError(NO_FONT)
    lang = lang or doc.lang
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)  # page breaks are made by _Writer
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    _add_font(pdf, font)  # one face: headings differ by size
    pdf.set_title(_pdf_text(next((b.text for b in doc.blocks if b.kind == "title"), "FaceTort")))
    pdf.set_creator("FaceTort")
    pdf.set_font("cjk", size=10)
    pdf.set_draw_color(120, 120, 120)
    pdf.set_fill_color(238, 238, 238)
    pdf.set_line_width(0.2)
    footer = PAGE_OF(lang)

    def page_footer() -> None:  # add_page() restores the font and colours after it
        pdf.set_font("cjk", size=8)
        pdf.set_text_color(110, 110, 110)
        pdf.set_xy(pdf.l_margin, pdf.h - BOTTOM + 4)
        pdf.cell(pdf.epw, 5, footer.format(page=pdf.page_no(), nb="{nb}"), align="C")

    pdf.footer = page_footer
    pdf.add_page()
    wr = _Writer(pdf)
    for b in doc.blocks:
        if b.kind == "title":
            wr.para(b.text, 17, 9, gap=3)
        elif b.kind == "h1":
            wr.space(2)
            wr.para(b.text, 13.5, 7.5)
        elif b.kind == "h2":
            wr.para(b.text, 11.5, 6.5)
        elif b.kind == "p":
            wr.para(b.text, 10, 5.5)
        elif b.kind == "bullet":
            wr.para("• " + b.text, 10, 5.5, indent=3, gap=0.8)
        elif b.kind == "note":
            pdf.set_text_color(90, 90, 90)
            wr.para(b.text, 9, 5, gap=2)
            pdf.set_text_color(0, 0, 0)
        elif b.kind == "table":
            wr.table(b.header, b.rows)
    return bytes(pdf.output())
