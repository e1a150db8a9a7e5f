"""Exports: claim memo, bench memo and similar-case search report in Markdown, DOCX and PDF, zh and en."""

from __future__ import annotations

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
