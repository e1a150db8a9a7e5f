"""Word (DOCX) renderer of a `Doc`. Every text passes through `clean_text` first: XML cannot hold most
control characters (python-docx raises on them), so they are dropped.
"""

from __future__ import annotations

import copy
import io

from litigation.documents.blocks import Doc
from litigation.facts.bounds import clean_text


def to_docx(doc: Doc) -> bytes:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    d = Document()
    for style_name in ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "Quote"):
        try:
            st = d.styles[style_name]
        except KeyError:
            continue
        st.font.name = "Microsoft YaHei"
        rpr = st.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
            fonts.set(qn(attr), "Microsoft YaHei")
    d.styles["Normal"].font.size = Pt(10.5)
    _page_setup(d)
    _metadata(d, next((b.text for b in doc.blocks if b.kind == "title"), "FaceTort"))
    # Styles are looked up once: python-docx resolves a style name by scanning every style, which made a
    # memo for 200 participants take most of a minute.
    sid = {k: d.styles[name].style_id for k, name in (("title", "Title"), ("h1", "Heading 1"), ("h2", "Heading 2"),
                                                       ("bullet", "List Bullet"))}

    # Paragraphs go in before the body's section properties, found once: add_paragraph() looks for them
    # among all the body's children each time, which made a 200-participant memo's DOCX take seconds.
    body = d.element.body
    end = body.sectPr

    def block(el) -> None:  # noqa: ANN001 - an lxml element
        if end is not None:
            end.addprevious(el)
        else:
            body.append(el)

    def para(text: str, kind: str | None = None) -> Run:
        p = OxmlElement("w:p")
        block(p)
        if kind:
            p.style = sid[kind]
        run = Paragraph(p, d._body).add_run()
        _set_text(run, clean_text(text))
        return run

    for b in doc.blocks:
        if b.kind in ("title", "h1", "h2", "bullet"):
            para(b.text, b.kind)
        elif b.kind == "p":
            para(b.text)
        elif b.kind == "note":
            para(b.text).italic = True
        elif b.kind == "table":
            tbl = d.add_table(rows=2, cols=len(b.header))
            tbl.style = "Table Grid"
            for cell, h in zip(tbl.rows[0].cells, b.header, strict=True):
                cell.paragraphs[0].add_run(clean_text(h)).bold = True
            for cell in tbl.rows[1].cells:
                cell.paragraphs[0].add_run("")
            template = tbl.rows[1]._tr
            template.getparent().remove(template)
            for row in b.rows:  # a copy of an empty row per row: add_row() recomputes the grid each time
                tr = copy.deepcopy(template)
                tbl._tbl.append(tr)
                for r_el, c in zip(tr.iter(qn("w:r")), row, strict=True):
                    _set_text(Run(r_el, tbl), clean_text(c))
            block(OxmlElement("w:p"))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _set_text(run, text: str) -> None:  # noqa: ANN001 - a python-docx Run
    """`run.text = text`, with one <w:t> for text without tabs or line breaks (the setter goes character by
    character)."""
    if "\t" in text or "\n" in text:
        run.text = text
    elif text:
        run._r.add_t(text)


def _page_setup(d) -> None:  # noqa: ANN001 - a python-docx Document
    """A4 portrait with 2.5 cm margins and the page number centred in the footer (a PAGE field)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    for sec in d.sections:
        sec.page_width, sec.page_height = Cm(21), Cm(29.7)
        sec.left_margin = sec.right_margin = Cm(2.5)
        sec.top_margin = sec.bottom_margin = Cm(2.5)
        para = sec.footer.paragraphs[0] if sec.footer.paragraphs else sec.footer.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = para.add_run()
        for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                el = OxmlElement("w:fldChar")
                el.set(qn("w:fldCharType"), kind)
            elif text == "PAGE":
                el = OxmlElement("w:instrText")
                el.set(qn("xml:space"), "preserve")
                el.text = " PAGE "
            else:
                el = OxmlElement("w:t")
                el.text = text
            run._r.append(el)


def _metadata(d, title: str) -> None:  # noqa: ANN001
    """The document's own title and author, not the template's."""
    import datetime as dt

    cp = d.core_properties
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    cp.title = title
    cp.author = "FaceTort"
    cp.last_modified_by = "FaceTort"
    cp.subject = title
    cp.keywords = "FaceTort"
    cp.comments = ""
    cp.category = ""
    cp.created = cp.modified = now
    cp.last_printed = now
    cp.revision = 1
