"""Exports: claim memo, bench memo and similar-case search report in Markdown, DOCX and PDF, zh and en."""

from __future__ import annotations

import collections
import copy
import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from litigation.documents import render_pdf
from litigation.documents.blocks import Doc, ExportError
from litigation.documents.export import export, file_name
from litigation.documents.render_md import to_markdown
from litigation.documents.research import research
from litigation.documents.sections import TITLES
from litigation.facts.validation import load_matter
from litigation.law.analysis import analyze

TODAY = dt.date(2026, 6, 30)
MEMOS = ("claim", "bench", "similar")  # the court documents are tested in test_documents.py


def guo_bing_like() -> dict:
    """Zoo annual pass; face recognition made the only way in; general consent only; rules unpublished."""
    return {
        "format": "facetort-matter", "version": 1, "title": "郭某诉某野生动物世界", "as_of": "2026-06-30",
        "setting": "zoo_park",
        "claimant": {"name": "郭某", "forum_province": "浙江", "forum_city": "杭州", "forum_court_level": "basic"},
        "participants": [{
            "id": "zoo", "name": "某野生动物世界有限公司", "kind": "business", "role": "processor",
            "processing_evidence": "strong",
            "processing": {
                "acts": [{"kind": "collection", "start": "2023-03-01"},
                         {"kind": "storage", "start": "2023-03-01", "ongoing": True}],
                "notice": {"rules_published": False, "purpose_method_scope_stated": False},
                "consent": {"type": "general", "proof": "proved", "condition_of_service": True},
                "necessity": {"face_needed_for_purpose": False, "sole_verification_method": True},
                "breach_of_agreement": True,
            }}],
        "harm": {"expenses": [{"kind": "transport", "amount": 360, "receipt": True}]},
        "requests": {"claimed": {"reasonable_expenses": 360}},
    }


@pytest.fixture(scope="module")
def case():
    m = load_matter(guo_bing_like(), today=TODAY)
    a = analyze(m, total_damages=1038)
    r = research(m)
    return m, a, r


def test_research_finds_comparables_and_an_estimate(case):
    _, _, r = case
    assert r.error is None
    assert r.n_cases > 0 and r.comparables
    assert r.estimate is not None


@pytest.mark.parametrize("kind", MEMOS)
def test_markdown_has_headings_and_citations(case, kind):
    m, a, r = case
    zh = export(kind, "md", m, a, "zh", r, TODAY).decode()
    en = export(kind, "md", m, a, "en", r, TODAY).decode()
    assert zh.startswith("# " + TITLES[kind].zh)
    assert en.startswith("# " + TITLES[kind].en)
    assert "《人脸识别规定》第2条" in zh
    assert "SPC Face Provisions Art 2" in en
    assert "不构成法律意见" in zh and "not legal advice" in en


def test_claim_memo_content(case):
    m, a, r = case
    md = export("claim", "md", m, a, "zh", r, TODAY).decode()
    assert "构成侵权" in md
    assert "删除人脸信息" in md
    assert "举证责任" in md and "被告（处理者）" in md
    assert "类案参考" in md
    assert "A1" in md or "A2" in md  # Guo Bing's own decisions are the nearest


def test_similar_case_report_follows_the_spc_items(case):
    m, a, r = case
    md = export("similar", "md", m, a, "zh", r, TODAY).decode()
    for head in ("检索说明", "检索主体", "检索时间", "检索平台", "检索方法", "检索结果", "类案裁判要点", "检索结论"):
        assert head in md
    assert "相似度" in md
    assert r.comparables[0].case_id in md


def test_reform_mode_is_labelled(case):
    m, _, r = case
    a = analyze(m, mode="reform")
    assert "改革模式" in export("bench", "md", m, a, "zh", r, TODAY).decode()
    assert "REFORM MODE" in export("bench", "md", m, a, "en", r, TODAY).decode()


def test_without_research_the_memo_says_so(case):
    m, a, _ = case
    md = export("claim", "md", m, a, "en", None, TODAY).decode()
    assert "No compensation estimate available" in md


@pytest.mark.parametrize("kind", MEMOS)
def test_docx_opens_and_has_chinese_headings(case, kind):
    m, a, r = case
    data = export(kind, "docx", m, a, "zh", r, TODAY)
    doc = Document(io.BytesIO(data))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == TITLES[kind].zh
    assert any(h in ("侵权认定与依据", "一、检索说明") for h in headings)
    cells = " ".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "某野生动物世界有限公司" in cells


def test_docx_in_english(case):
    m, a, r = case
    doc = Document(io.BytesIO(export("bench", "docx", m, a, "en", r, TODAY)))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Allocation of the burden of proof" in headings


def pdftotext(data: bytes, tmp_path: Path) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        pytest.fail("pdftotext (poppler-utils) is required: `make test` installs it")
    p = tmp_path / "memo.pdf"
    p.write_bytes(data)
    return subprocess.run([exe, "-enc", "UTF-8", str(p), "-"], capture_output=True, check=True).stdout.decode()


@pytest.mark.parametrize("kind", MEMOS)
def test_pdf_embeds_a_cjk_font_and_text_extracts(case, kind, tmp_path):
    m, a, r = case
    data = export(kind, "pdf", m, a, "zh", r, TODAY)
    assert data.startswith(b"%PDF")
    assert b"FontFile2" in data  # the font program is embedded
    text = pdftotext(data, tmp_path)
    assert "人脸" in text
    assert TITLES[kind].zh[:4] in text


def test_english_pdf(case, tmp_path):
    m, a, r = case
    text = pdftotext(export("claim", "pdf", m, a, "en", r, TODAY), tmp_path)
    assert "Claim memo" in text
    assert "某野生动物世界" in text  # user text in Chinese still renders in the English memo


def test_pdf_without_a_font_raises_a_bilingual_error(case, monkeypatch):
    m, a, r = case
    monkeypatch.setattr(render_pdf, "CJK_FONTS", ())
    monkeypatch.delenv("FACETORT_CJK_FONT", raising=False)
    with pytest.raises(ExportError) as err:
        export("claim", "pdf", m, a, "zh", r, TODAY)
    assert "中文字体" in err.value.text.zh and "CJK font" in err.value.text.en


def test_markdown_tables_escape_pipes():
    doc = Doc()
    doc.table(["a", "b"], [["x|y", "z"]])
    assert "x\\|y" in to_markdown(doc)


def test_file_names():
    assert file_name("similar", "pdf", "zh") == "facetort-similar-case-report-zh.pdf"


# --------------------------------------------------------------------------- PDF layout (render_pdf)
def pdf_pages(data: bytes, tmp_path: Path) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    return pdftotext(data, tmp_path).split("\f")[:-1]


@pytest.mark.parametrize(("lang", "footer"), [("zh", "第 {i} 页 共 {n} 页"), ("en", "Page {i} of {n}")])
def test_every_pdf_page_carries_its_number(case, tmp_path, lang, footer):
    m, a, r = case
    pages = pdf_pages(export("bench", "pdf", m, a, lang, r, TODAY), tmp_path)
    n = len(pages)
    assert n >= 3
    for i, text in enumerate(pages, 1):  # pdftotext may or may not keep the spaces around the digits
        assert footer.format(i=i, n=n).replace(" ", "") in "".join(text.split()), (i, text[-200:])


def long_doc() -> Doc:
    doc = Doc("en")
    doc.title("Long")
    doc.p("开头 " + "段落文字很长。" * 600 + " END-OF-PARAGRAPH")
    cell = " ".join(f"w{i:04d}" for i in range(1500)) + " END-OF-CELL"  # taller than a page in a narrow column
    doc.table(["A", "B", "C", "D", "E"], [["x", "y", cell, "z", "人脸" * 900], ["last", "row", "", "", ""]])
    doc.bullet("after the table")
    return doc


def test_a_table_cell_taller_than_a_page_continues_on_the_next_pages(tmp_path):
    # fpdf2's own table raised "row too high" here; a 200-participant claim or bench memo has such cells
    data = render_pdf.to_pdf(long_doc())
    pages = pdf_pages(data, tmp_path)
    assert len(pages) >= 4
    text = "".join(pages).replace("\n", " ")
    for word in ("END-OF-PARAGRAPH", "w0000", "w0750", "w1499", "END-OF-CELL", "last", "after the table"):
        assert word in text
    assert all(f"Page {i} of {len(pages)}" in " ".join(p.split()) for i, p in enumerate(pages, 1))
    assert sum(p.count("B") for p in pages[1:]) >= 2  # the header is repeated on the pages a row continues on


def test_wrap_keeps_every_character_and_breaks_words_only_when_it_must():
    widths = collections.defaultdict(lambda: 500)
    widths.update({ord("人"): 1000, ord("脸"): 1000})
    text = "the quick brown fox " * 5 + "人脸" * 10 + " " + "x" * 30
    lines = render_pdf.wrap(text, widths, 6000)  # 12 Latin characters or 6 Chinese ones
    assert all(sum(widths[ord(c)] for c in ln) <= 6000 for ln in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert lines[0] == "the quick" and "brown" in lines[1]  # a word goes to the next line whole
    assert "脸人脸人脸人" in lines  # Chinese breaks between any two characters
    assert lines[-3:] == ["x" * 12, "x" * 12, "x" * 6]  # a word longer than the line is cut
    assert render_pdf.wrap("abc", widths, 1) == ["a", "b", "c"]  # at least one character a line
    assert render_pdf.wrap("a\n\nb", widths, 6000) == ["a", "", "b"]


def test_wrap_follows_the_chinese_line_breaking_rules():
    """No line starts with closing punctuation (，。）” …) or ends with an opening bracket (（“ …)."""
    widths = collections.defaultdict(lambda: 1000)
    text = "原告要求被告删除人脸信息，并赔礼道歉。（依据民法典第一千零三十五条）被告称“已经删除”，但未举证。" * 3
    for limit in range(3000, 16000, 1000):
        lines = render_pdf.wrap(text, widths, limit)
        assert "".join(lines) == text
        assert all(ln[0] not in render_pdf.NO_START for ln in lines[1:]), (limit, lines)
        assert all(ln[-1] not in render_pdf.NO_END for ln in lines[:-1]), (limit, lines)
        assert all(sum(widths[ord(c)] for c in ln) <= limit for ln in lines)
    assert render_pdf.wrap("，，，", widths, 1000) == ["，", "，", "，"]  # never stuck: one character a line


def test_the_font_parsed_once_serves_every_pdf_with_its_own_glyphs(tmp_path):
    texts = ["甲乙丙 first 人脸识别", "丁戊己 second 个人信息", "甲乙丙 first 人脸识别"]
    outs = []
    for t in texts:
        doc = Doc("zh")
        doc.p(t)
        outs.append(render_pdf.to_pdf(doc))
    for t, data in zip(texts, outs, strict=True):
        assert t in " ".join(pdftotext(data, tmp_path).split())
    assert outs[0] == outs[2] or len(outs[0]) == len(outs[2])  # the cached font is not cut down by a use


def many_defendants(n: int = 200) -> dict:
    d = guo_bing_like()
    zoo = d["participants"][0]
    d["participants"] = [dict(copy.deepcopy(zoo), id=f"z{i}", name=f"第{i}号公司") for i in range(n)]
    d["relations"] = {"concerted_action": [[f"z{i}" for i in range(j, j + 10)] for j in range(0, n - 9, 10)]}
    return d


@pytest.mark.parametrize("kind", ["claim", "bench"])
def test_a_200_defendant_memo_renders_to_pdf_and_docx(kind, tmp_path):
    # the remedies table's "against" cell lists every defendant: taller than a page in its column, which
    # made fpdf2's table raise; the DOCX of such a memo took seconds (a scan of the whole body per paragraph)
    m = load_matter(many_defendants(), today=TODAY)
    a = analyze(m, total_damages=1038)
    text = " ".join(pdftotext(export(kind, "pdf", m, a, "zh", None, TODAY), tmp_path).split())
    assert "第199号公司" in text and "第0号公司" in text
    doc = Document(io.BytesIO(export(kind, "docx", m, a, "zh", None, TODAY)))
    assert doc.paragraphs[0].text == TITLES[kind].zh
    body = doc.element.body
    assert body[-1].tag.endswith("}sectPr")  # paragraphs went in before the section properties
    assert any("第199号公司" in c.text for t in doc.tables for row in t.rows for c in row.cells)
