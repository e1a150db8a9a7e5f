"""Word (DOCX) renderer of a `Doc`. Every text passes through `clean_text` first: XML cannot hold most
control characters (python-docx raises on them), so they are dropped.
"""

from __future__ import annotations

import io

from litigation.documents.blocks import Doc
from litigation.facts.bounds import clean_text


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
    for b in doc.blocks:
        if b.kind == "title":
            d.add_heading(clean_text(b.text), level=0)
        elif b.kind == "h1":
            d.add_heading(clean_text(b.text), level=1)
        elif b.kind == "h2":
            d.add_heading(clean_text(b.text), level=2)
        elif b.kind == "p":
            d.add_paragraph(clean_text(b.text))
        elif b.kind == "bullet":
            d.add_paragraph(clean_text(b.text), style="List Bullet")
        elif b.kind == "note":
            p = d.add_paragraph()
            run = p.add_run(clean_text(b.text))
            run.italic = True
        elif b.kind == "table":
            tbl = d.add_table(rows=1, cols=len(b.header))
            tbl.style = "Table Grid"
            for i, h in enumerate(b.header):
                cell = tbl.rows[0].cells[i]
                cell.text = clean_text(h)
                for r in cell.paragraphs[0].runs:
                    r.bold = True
            for row in b.rows:
                cells = tbl.add_row().cells
                for i, c in enumerate(row):
                    cells[i].text = clean_text(c)
            d.add_paragraph()
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
