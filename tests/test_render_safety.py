"""Every renderer holds hostile text: Markdown shows it literally (no HTML, link, image or autolink, as a
GFM viewer with linkify parses it), Word and PDF drop what their format cannot hold instead of raising."""

from __future__ import annotations

import html as html_lib
import io
import warnings

import pytest
from markdown_it import MarkdownIt

from litigation.documents.blocks import Doc
from litigation.documents.render_docx import to_docx
from litigation.documents.render_md import md_text, to_markdown
from litigation.documents.render_pdf import cjk_font, to_pdf
from litigation.facts.bounds import clean_text

HOSTILE = [
    "![x](http://host/p.png)", "[click](javascript:alert(1))", "<img src=http://host/p.png>",
    "<script>alert(1)</script>", "http://host/p.png", "https://host.example/a?b=c", "www.host.example",
    "mail me@host.example", "<http://host>", "[ref]: http://host/p.png", "# heading\n- bullet\n1. one\n===",
    "    indented code", "`code` **bold** _em_ ~~strike~~ $x^2$", ":red[colour] :material/home:",
    "&lt;b&gt; &amp; &#60;", "a | b | c", "line\rbreak\r\nwindows\n\n\nblank", "\x00\x07\x1b[31m\x7f\x85",
    "\t tab-prefixed", "\ufffe\uffff", "😀 \u202e 中文 e\u0301",
]


def gfm() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True, "linkify": True}).enable(["linkify", "table", "strikethrough"])


def tokens(md: str) -> list:
    out = []
    for t in gfm().parse(md):
        out.append(t)
        out += t.children or []
    return out


def hostile_doc() -> Doc:
    d = Doc()
    d.title(HOSTILE[0])
    for s in HOSTILE:
        d.h1(s)
        d.h2(s)
        d.p(s)
        d.bullet(s)
        d.note(s)
    d.table(["who", "what"], [[s, s] for s in HOSTILE])
    return d


def test_markdown_export_has_no_html_link_or_image():
    kinds = {t.type for t in tokens(to_markdown(hostile_doc()))}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "code_block", "fence", "hr"}, kinds


@pytest.mark.parametrize("s", HOSTILE)
def test_md_text_renders_exactly_the_characters_it_was_given(s):
    html = gfm().renderInline(md_text(s, one_line=True))
    expected = " ".join(line.strip() for line in s.replace("\r\n", "\n").replace("\r", "\n").split("\n")
                        if line.strip())
    assert html_lib.unescape(html) == clean_text(expected)


def test_docx_export_drops_control_characters_instead_of_raising():
    from docx import Document

    raw = to_docx(hostile_doc())
    text = "\n".join(p.text for p in Document(io.BytesIO(raw)).paragraphs)
    assert "![x](http://host/p.png)" in text and "\x00" not in text and "tab-prefixed" in text


@pytest.mark.skipif(cjk_font() is None, reason="no CJK font installed")
def test_pdf_export_holds_hostile_text():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # missing glyphs (emoji) are reported as warnings
        assert to_pdf(hostile_doc()).startswith(b"%PDF")


def hostile_matter():
    from litigation.facts.validation import load_matter

    parts = [{"id": f"p{i}", "name": s[:200] or "x", "kind": "business", "role": "processor",
              "processing_evidence": "strong", "processing": {"acts": [{"kind": "collection", "start": "2024-01-01"}]}}
             for i, s in enumerate(HOSTILE) if clean_text(s).strip()]
    return load_matter({"format": "facetort-matter", "version": 1, "as_of": "2025-06-01", "title": HOSTILE[0],
                        "participants": parts, "notes": "\n".join(HOSTILE),
                        "harm": {"economic_loss": 100, "economic_loss_proof": "documented"}})


def test_analysis_markdown_and_every_document_carry_no_link_from_user_text():
    from litigation.documents.export import KINDS, build
    from litigation.documents.report import render_markdown
    from litigation.law.analysis import analyze

    m = hostile_matter()
    a = analyze(m, total_damages=1000)
    for lang in ("zh", "en"):
        texts = [render_markdown(m, a, lang)] + [to_markdown(build(k, m, a, lang)) for k in KINDS]
        for md in texts:
            kinds = {t.type for t in tokens(md)}
            assert not kinds & {"html_block", "html_inline", "link_open", "image"}, kinds
