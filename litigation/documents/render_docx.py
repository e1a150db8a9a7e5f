"""Word (DOCX) renderer of a `Doc`.
"""

from __future__ import annotations

import io

from litigation.documents.blocks import Doc


def to_docx(doc: Doc) -> bytes:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

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
    for b in doc.blocks:
        if b.kind == "title":
            d.add_heading(b.text, level=0)
        elif b.kind == "h1":
            d.add_heading(b.text, level=1)
        elif b.kind == "h2":
            d.add_heading(b.text, level=2)
        elif b.kind == "p":
            d.add_paragraph(b.text)
        elif b.kind == "bullet":
            d.add_paragraph(b.text, style="List Bullet")
        elif b.kind == "note":
            p = d.add_paragraph()
            run = p.add_run(b.text)
            run.italic = True
        elif b.kind == "table":
            tbl = d.add_table(rows=1, cols=len(b.header))
            tbl.style = "Table Grid"
            for i, h in enumerate(b.header):
                cell = tbl.rows[0].cells[i]
                cell.text = h
                for r in cell.paragraphs[0].runs:
                    r.bold = True
            for row in b.rows:
                cells = tbl.add_row().cells
                for i, c in enumerate(row):
                    cells[i].text = c
            d.add_paragraph()
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


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
