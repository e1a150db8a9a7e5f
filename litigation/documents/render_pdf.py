"""PDF renderer of a `Doc`. PDF needs a CJK font: the first of `CJK_FONTS` that exists (or
`$FACETORT_CJK_FONT`) is embedded (subset) in the file, so Chinese text renders and can be extracted.
"""

from __future__ import annotations

import os
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

def cjk_font() -> Path | None:
    env = os.environ.get("FACETORT_CJK_FONT", "").strip()
    for cand in ([env] if env else []) + list(CJK_FONTS):
        if cand and Path(cand).is_file():
            return Path(cand)
    return None


_PDF_SUBST = {"✅": "✔", "❌": "✘", "❔": "?", "⚠️": "!", "⚑": "*", "\u2009": " "}


def _pdf_text(s: str) -> str:
    s = clean_text(s).replace("\t", "    ")  # control characters have no glyph; a tab is four spaces
    for a, b in _PDF_SUBST.items():
        s = s.replace(a, b)
    return s


def to_pdf(doc: Doc, font: Path | None = None) -> bytes:
    from fpdf import FPDF
    from fpdf.enums import WrapMode
    from fpdf.fonts import FontFace

    font = font or cjk_font()
    if font is None:
        raise ExportError(NO_FONT)
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.set_margins(18, 18, 18)
    pdf.add_font("cjk", fname=str(font))  # one face (parsing it takes seconds): headings differ by size
    pdf.set_title(_pdf_text(next((b.text for b in doc.blocks if b.kind == "title"), "FaceTort")))
    pdf.set_creator("FaceTort")
    pdf.add_page()
    w = pdf.epw

    def para(text: str, size: float, h: float, indent: float = 0.0, gap: float = 1.5) -> None:
        pdf.set_font("cjk", size=size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(w - indent, h, _pdf_text(text), wrapmode=WrapMode.CHAR, new_x="LMARGIN", new_y="NEXT",
                       align="L")
        pdf.ln(gap)

    for b in doc.blocks:
        if b.kind == "title":
            para(b.text, 17, 9, gap=3)
        elif b.kind == "h1":
            pdf.ln(2)
            para(b.text, 13.5, 7.5)
        elif b.kind == "h2":
            para(b.text, 11.5, 6.5)
        elif b.kind == "p":
            para(b.text, 10, 5.5)
        elif b.kind == "bullet":
            para("• " + b.text, 10, 5.5, indent=3, gap=0.8)
        elif b.kind == "note":
            pdf.set_text_color(90, 90, 90)
            para(b.text, 9, 5, gap=2)
            pdf.set_text_color(0, 0, 0)
        elif b.kind == "table":
            pdf.set_font("cjk", size=8.5)
            n = len(b.header)
            lens = [max([len(b.header[i])] + [len(r[i]) for r in b.rows]) for i in range(n)]
            raw = [min(max(x, 4), 40) for x in lens]
            floor = min(12.0, w / n)  # every column fits a few characters (fpdf2 loops on narrower ones)
            widths = [floor + (w - floor * n) * x / sum(raw) for x in raw]
            with pdf.table(col_widths=tuple(widths), wrapmode=WrapMode.CHAR, text_align="LEFT",
                           line_height=4.6, width=w, headings_style=FontFace(emphasis=None)) as tbl:
                row = tbl.row()
                for h in b.header:
                    row.cell(_pdf_text(h))
                for r in b.rows:
                    row = tbl.row()
                    for c in r:
                        row.cell(_pdf_text(c))
            pdf.ln(2)
    return bytes(pdf.output())
