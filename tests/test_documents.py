"""Court documents: the statement of claim (民事起诉状), the evidence list, court and procedure (court fee brackets,
small claims, limitation, jurisdiction), and that no document contradicts the analysis it was made from."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document

from litigation.cli import main
from litigation.damages.comparables import Comparable
from litigation.documents import procedure as proc
from litigation.documents.blocks import Doc
from litigation.documents.complaint import display_name
from litigation.documents.evidence import evidence_rows
from litigation.documents.export import export
from litigation.documents.prayers import MONEY_HEADS, prayers
from litigation.documents.research import Research, research
from litigation.documents.sections import comparables as comparables_table
from litigation.documents.similar import similar_report
from litigation.documents.similar_select import sort_entries
from litigation.facts.validation import load_matter, read_matter_file
from litigation.i18n import T
from litigation.law.analysis import analyze

ROOT = Path(__file__).resolve().parent.parent
SCEN = ROOT / "data" / "scenarios"
TODAY = dt.date(2026, 6, 30)
ALL = sorted(SCEN.glob("*.matter.json"))


def scenario(name: str):
    m = read_matter_file(SCEN / f"{name}.matter.json")
    return m, analyze(m)


def md(kind: str, name: str, lang: str = "zh") -> str:
    m, a = scenario(name)
    return export(kind, "md", m, a, lang, None, TODAY).decode()  # type: ignore[arg-type]


def requests_of(text: str) -> list[str]:
    body = text.split("## 诉讼请求", 1)[1].split("## 事实与理由", 1)[0]
    return re.findall(r"^\d+\\?\. (.+)$", body, flags=re.M)  # the Markdown writer escapes "1." as "1\\."


# --------------------------------------------------------------------------- court fee (诉讼费用交纳办法 Art 13)
@pytest.mark.parametrize("amount, fee", [
    (0, 50), (1_038, 50), (10_000, 50), (10_001, 50.03), (30_000, 550), (50_000, 1_050), (100_000, 2_300),
    (100_001, 2_300.02), (200_000, 4_300), (500_000, 8_800), (1_000_000, 13_800), (2_000_000, 22_800),
    (5_000_000, 46_800), (10_000_000, 81_800), (20_000_000, 141_800), (30_000_000, 191_800),
])
def test_property_fee_brackets(amount, fee):
    assert proc.property_fee(amount) == pytest.approx(fee, abs=0.01)


@pytest.mark.parametrize("damages, low, high", [
    (0, 100, 500), (50_000, 100, 500), (60_000, 200, 600), (100_000, 600, 1_000), (200_000, 1_100, 1_500),
])
def test_personality_fee(damages, low, high):
    assert proc.personality_fee(damages) == (low, high)


def test_fee_point_halves_for_simplified_procedure_and_names_the_articles():
    pt = proc.fee_point(30_000, ["contract"])
    assert "550 元" in pt.text.zh and "275 元" in pt.text.zh
    assert "《诉讼费用交纳办法》第十三条第一项" in pt.basis("zh") and "第十六条" in pt.basis("zh")
    tort = proc.fee_point(1_200, ["portrait"])
    assert "100 元 至 500 元" in tort.text.zh and "推断" in tort.text.zh


def test_small_claims_gives_no_invented_threshold():
    m, _ = scenario("guo_bing_2019")
    money_only = proc.small_claims_point(m, 1_038, non_money=False)
    assert "百分之五十" in money_only.text.zh and "未收录" in money_only.text.zh
    assert not re.search(r"\d{4,} 元以下", money_only.text.zh)
    assert "不适用小额诉讼程序" in proc.small_claims_point(m, 1_038, non_money=True).text.zh
    assert money_only.citations[0].formal("zh") == "《中华人民共和国民事诉讼法》第一百六十五条第一款"


def test_limitation_old_and_new_law():
    m, a = scenario("guo_bing_2019")
    old = proc.limitation_points(m, a)
    assert "民法总则" in old[0].text.zh and old[0].secondary and "2022-04-27" in old[0].text.zh
    assert "删除" in old[1].text.zh and "推断" in old[1].text.zh
    m, a = scenario("deepfake_obscene_video_2024")
    new = proc.limitation_points(m, a)
    assert new[0].basis("zh").startswith("《中华人民共和国民法典》第一百八十八条第一款") and not new[0].secondary


def test_courts_tort_contract_online_and_internet_court():
    m, _ = scenario("deepfake_obscene_video_2024")
    pts = proc.court_points(m, ["portrait"])
    bases = " ".join(p.basis("zh") for p in pts)
    assert "第二十九条" in bases and "第二十五条" in bases
    m2 = m.model_copy(update={"claimant": m.claimant.model_copy(update={"forum_city": "杭州"})})
    internet = [p for p in proc.court_points(m2, ["portrait"]) if p.secondary]
    assert internet and "二手资料" in internet[0].text.zh
    g, _ = scenario("guo_bing_2019")
    assert any("第二十四条" in p.basis("zh") for p in proc.court_points(g, ["contract"]))


# --------------------------------------------------------------------------- the statement of claim
def test_guo_bing_statement_of_claim():
    text = md("complaint", "guo_bing_2019")
    assert text.startswith("# 民事起诉状")
    assert "原告：郭兵，【待补充：性别】" in text and "【待补充：身份证号】" in text
    assert "被告：杭州野生动物世界有限公司，住所地：【待补充：住所地】" in text
    reqs = requests_of(text)
    assert reqs[0].startswith("判令被告杭州野生动物世界有限公司删除") and "人脸信息" in reqs[0]
    assert any("因违约造成的损失 1,038 元" in r for r in reqs)
    assert reqs[-1].startswith("判令被告杭州野生动物世界有限公司承担本案诉讼费用")
    assert not any("精神损害" in r or "赔礼道歉" in r for r in reqs)  # unavailable: never requested
    assert "案由：服务合同纠纷" in text  # the claimant elected the contract route
    assert "此致" in text and "具状人：郭兵" in text and "本诉状副本 1 份" in text
    assert "《中华人民共和国消费者权益保护法》第二十九条第一款" in text
    assert "分段累计为 50 元" in text or "应交 50 元" in text
    assert "应交 50 元" in text  # contract route: a property case
    statement = text.split("## 起诉须知")[0]
    assert "Hangzhou Safari Park" not in statement and "two-person" not in statement


def test_zoo_2022_tort_route_states_the_tort_heads_not_the_contract_loss():
    text = md("complaint", "zoo_annual_pass_2022")
    reqs = requests_of(text)
    assert any("财产损失 678 元" in r for r in reqs) and any("合理开支 360 元" in r for r in reqs)
    assert not any("因违约造成的损失" in r for r in reqs)
    assert any("其他合理验证方式" in r for r in reqs)
    assert "以上金额合计 1,038 元" in text
    assert "案由：个人信息保护纠纷\n" in text  # the consumer-law claim is the same dispute, not a second docket


def test_deepfake_statement_of_claim():
    text = md("complaint", "deepfake_obscene_video_2024")
    reqs = requests_of(text)
    assert any("公开发布致歉声明" in r and "消除影响" in r for r in reqs)
    assert any("合理开支 1,200 元" in r for r in reqs)
    assert any("精神损害抚慰金 【待补充：金额】" in r for r in reqs)
    assert all("视频平台" not in r for r in reqs)  # the platform is not liable
    assert "本诉状副本 2 份" in text and "第二十五条" in text
    assert "案由：个人信息保护纠纷、肖像权纠纷、名誉权纠纷" in text


def test_particulars_entered_replace_the_gaps():
    m, _ = scenario("deepfake_obscene_video_2024")
    data = m.model_dump(mode="json")
    data["claimant"].update(sex="female", birth_date="1995-03-02", ethnicity="汉族", address="杭州市西湖区某路1号",
                            id_number="330106199503020000", phone="13800000000", court_name="杭州互联网法院")
    data["participants"][0].update(address="上海市某区某路2号", sex="male")
    data["participants"][1].update(address="北京市某区", legal_representative="张某", credit_code="91110000XXXXXXXXXX")
    m2 = load_matter(data, today=TODAY)
    text = export("complaint", "md", m2, analyze(m2), "zh", None, TODAY).decode()
    assert "原告：林某，女，1995-03-02出生，汉族，住杭州市西湖区某路1号，公民身份号码：330106199503020000" in text
    assert "被告：王某，男，" in text and "法定代表人：张某" in text
    assert "此致\n\n杭州互联网法院" in text


def test_english_statement_of_claim():
    text = md("complaint", "guo_bing_2019", "en")
    assert text.startswith("# Statement of claim") and r"\[to be supplied: sex\]" in text  # brackets escaped in Markdown
    assert "RMB 1,038" in text and "Civil Procedure Law, Art 122" in text


# --------------------------------------------------------------------------- evidence list
@pytest.mark.parametrize("name", ["guo_bing_2019", "zoo_annual_pass_2022", "deepfake_obscene_video_2024",
                                  "platform_sued_alone_anonymous_uploader"])
def test_evidence_rows_cover_every_claimant_burden_row(name):
    m, a = scenario(name)
    rows = evidence_rows(m, a)
    need = {(b.element, b.participant) for b in a.burden if b.bearer == "claimant" and b.status != "not_at_issue"}
    assert need == {(r.element, r.participant) for r in rows}
    status = {(b.element, b.participant): b.status for b in a.burden}
    for r in rows:
        assert r.status == status[(r.element, r.participant)]
        assert bool(r.ways) <= (r.status in ("missing", "contested"))


def test_evidence_list_says_how_to_get_what_is_missing():
    text = md("evidence", "platform_sued_alone_anonymous_uploader")
    assert text.startswith("# 证据目录")
    assert "《最高人民法院关于审理利用信息网络侵害人身权益民事纠纷案件适用法律若干问题的规定》第三条第一款" in text
    m, _ = scenario("deepfake_obscene_video_2024")
    data = m.model_dump(mode="json")
    data["participants"][0]["processing_evidence"] = "weak"
    mw = load_matter(data, today=TODAY)
    weak = export("evidence", "md", mw, analyze(mw), "zh", None, TODAY).decode()
    assert "第八十四条" in weak and "区块链存证" in weak and "须核实" in weak
    guo = md("evidence", "guo_bing_2019")
    assert "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第一百一十二条" in guo
    assert "《最高人民法院关于民事诉讼证据的若干规定》第四十五条" in guo


# --------------------------------------------------------------------------- formats
def pdftotext(data: bytes, tmp_path: Path) -> str:
    exe = shutil.which("pdftotext")
    assert exe, "pdftotext (poppler-utils) is required"
    p = tmp_path / "doc.pdf"
    p.write_bytes(data)
    return subprocess.run([exe, "-enc", "UTF-8", str(p), "-"], capture_output=True, check=True).stdout.decode()


@pytest.mark.parametrize("name", ["guo_bing_2019", "zoo_annual_pass_2022", "deepfake_obscene_video_2024"])
@pytest.mark.parametrize("kind", ["complaint", "evidence"])
def test_docx_and_pdf(name, kind, tmp_path):
    m, a = scenario(name)
    d = Document(io.BytesIO(export(kind, "docx", m, a, "zh", None, TODAY)))  # type: ignore[arg-type]
    sec = d.sections[0]
    assert round(sec.page_width.mm) == 210 and round(sec.page_height.mm) == 297
    assert "PAGE" in sec.footer._element.xml
    title = "民事起诉状" if kind == "complaint" else "证据目录"
    assert d.core_properties.title == title and d.core_properties.author == "FaceTort"
    assert "python-docx" not in (d.core_properties.comments + d.core_properties.last_modified_by)
    words = " ".join(p.text for p in d.paragraphs) + " ".join(c.text for t in d.tables for r in t.rows for c in r.cells)
    text = pdftotext(export(kind, "pdf", m, a, "zh", None, TODAY), tmp_path)  # type: ignore[arg-type]
    assert title in text
    defendant = display_name(next(p.name for p in m.participants if p.defendant), "zh")
    assert defendant in words and defendant[:4] in text
    if kind == "complaint":
        assert "诉讼请求" in text and "此致" in text and "1." in words


# --------------------------------------------------------------------------- never contradict the analysis
@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name.split(".")[0])
def test_no_document_contradicts_the_analysis(path):
    m = read_matter_file(path)
    a = analyze(m)
    pr = prayers(m, a)
    available = {r.code: set(r.against) for r in a.remedies if r.available}
    liable = {d.id: d.external for d in a.liability.defendants}
    for p in pr.items:
        if p.code == "costs":
            assert all(liable.get(x, "none") != "none" for x in p.against)
            continue
        assert p.code in available, p.code                       # no remedy the analysis says is unavailable
        assert set(p.against) <= available[p.code]
        if p.code in MONEY_HEADS and p.code != "contract_damages":
            assert all(liable[x] in ("joint_and_several", "several_share", "joint_for_enlarged_part")
                       for x in p.against)
    h = m.harm
    amounts = {p.code: p.amount for p in pr.items if p.amount is not None}
    if "reasonable_expenses" in amounts:
        assert amounts["reasonable_expenses"] <= sum(e.amount for e in h.expenses if e.receipt and
                                                     e.kind != "attorney_fees")
    if "property_damages" in amounts:
        assert amounts["property_damages"] <= max(h.economic_loss, h.infringer_gains or 0)
        assert next(b for b in a.burden if b.element == "causation").status in ("met", "not_at_issue")
    if "contract_damages" in amounts:
        assert amounts["contract_damages"] <= sum(x.contract.loss for x in m.participants)
    for pid in pr.route:  # one route for the same loss
        heads = {p.code for p in pr.items if pid in p.against and p.code in MONEY_HEADS}
        assert not ({"contract_damages"} & heads and heads - {"contract_damages"})
    text = export("complaint", "md", m, a, "zh", None, TODAY).decode()
    docket = re.search(r"^案由：(.+)$", text, flags=re.M).group(1)  # type: ignore[union-attr]
    found = {c.docket.zh for c in a.claims_found()}
    for d in docket.split("、"):
        assert d in found or d.startswith("【待补充"), d
    statement = text.split("## 起诉须知")[0]
    assert "[to be supplied" not in statement and "unverified" not in statement
    if not any(r.code == "mental_distress_damages" and r.available for r in a.remedies):
        assert "精神损害抚慰金" not in statement


# --------------------------------------------------------------------------- command line
def test_cli_export_writes_the_document(tmp_path, capsys):
    out = tmp_path / "c.docx"
    assert main(["export", str(SCEN / "guo_bing_2019.matter.json"), "--doc", "complaint", "--format", "docx",
                 "-o", str(out)]) == 0
    assert Document(io.BytesIO(out.read_bytes())).core_properties.title == "民事起诉状"
    assert main(["export", str(SCEN / "guo_bing_2019.matter.json"), "--doc", "evidence", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("# List of evidence")


def test_cli_export_of_a_bad_matter_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "facetort-matter", "version": 1, "participants": [{"id": "x"}]}))
    out = tmp_path / "out.md"
    assert main(["export", str(bad), "-o", str(out), "--lang", "zh"]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert main(["validate", str(bad), "--lang", "zh"]) == 1
    assert capsys.readouterr().err == err


# --------------------------------------------------------------------------- bench memo
def test_bench_memo_points_in_dispute_follow_the_facts():
    from litigation.documents.issues import focus_points

    pts = {}
    for name in ("guo_bing_2019", "zoo_annual_pass_2022", "deepfake_obscene_video_2024"):
        m, a = scenario(name)
        pts[name] = {(f.source, f.title.zh) for f in focus_points(m, a)}
    assert len({frozenset(v) for v in pts.values()}) == 3  # they differ as the facts do
    assert any(s == "election" for s, _ in pts["guo_bing_2019"])
    assert any(s == "defence" and "同意" in t for s, t in pts["zoo_annual_pass_2022"])
    assert not any(s == "election" for s, _ in pts["deepfake_obscene_video_2024"])
    text = md("bench", "guo_bing_2019")
    focus = text.split("## 争议焦点", 1)[1].split("\n## ", 1)[0]
    assert "违约责任与侵权责任竞合" in focus and "举证责任：原告" in focus
    main_part = text.split("## 判决主文（草拟）", 1)[1].split("\n## ", 1)[0]
    assert "赔偿原告因违约造成的损失 1,038 元" in main_part and "精神损害" not in main_part
    assert "驳回原告的其他诉讼请求" in main_part and "Hangzhou Safari Park" not in main_part


# --------------------------------------------------------------------------- similar-case search report (类案检索报告)


def _research_of(name: str):
    m, a = scenario(name)
    return m, a, research(m)


def _sections(doc) -> dict[str, list]:
    """The blocks under each h1 (and the h2 inside it), by heading text."""
    out: dict[str, list] = {}
    cur = None
    for b in doc.blocks:
        if b.kind == "h1":
            cur = out.setdefault(b.text, [])
        elif cur is not None:
            cur.append(b)
    return out


def _sub(blocks: list, start: str) -> list:
    """The blocks after the h2 that starts with `start`, up to the next h2."""
    out, on = [], False
    for b in blocks:
        if b.kind == "h2":
            on = b.text.startswith(start)
        elif on:
            out.append(b)
    return out


def _ids(blocks: list) -> list[str]:
    return [row[1] for b in blocks if b.kind == "table" for row in b.rows]


@pytest.mark.parametrize("lang, heads, items", [
    ("zh", ["一、检索说明", "二、待决案件基本情况", "当事人与基本事实", "三、检索结果", "四、类案裁判要点", "五、检索结论", "法律依据一览"],
     ["检索主体", "检索时间", "检索平台", "检索方法", "检索依据", "类案标准", "检索范围与顺序"]),
    ("en", ["1. The search", "2. The pending case", "Parties and basic facts", "3. Results", "4. What the decisions held",
            "5. Conclusion", "Authorities cited"],
     ["Searched by", "Date", "Platforms", "Method", "Basis", "What counts", "Scope and order"]),
])
def test_similar_report_has_the_court_form_sections_in_order(lang, heads, items):
    m, a, r = _research_of("guo_bing_2019")
    doc = similar_report(m, a, lang, r, TODAY)
    assert [b.text for b in doc.blocks if b.kind == "h1"] == heads
    search = _sections(doc)[heads[0]]
    assert [row[0] for row in search[0].rows] == items
    results = [b.text[:3] for b in _sections(doc)[heads[3]] if b.kind == "h2"]
    assert results == (["（一）", "（二）", "（三）"] if lang == "zh" else ["(1)", "(2)", "(3)"])
    method = dict(search[0].rows)[items[3]]
    assert ("《消费者权益保护法》第29条第1款" if lang == "zh" else "Consumer Protection Law Art 29(1)") in method
    assert "2018-04-09" in dict(search[0].rows)[items[6]]  # three years before the analysis date (2021-04-09)


def test_a_reversed_first_instance_is_listed_apart_not_as_a_similar_case():
    m, a, r = _research_of("gu_cheng_a4")
    assert "A3" in {c.case_id for c in r.comparables}  # the search finds Gu Cheng's reversed first instance
    doc = similar_report(m, a, "zh", r, TODAY)
    results = _sections(doc)["三、检索结果"]
    similar, verify, apart = _sub(results, "（一）"), _sub(results, "（二）"), _sub(results, "（三）")
    assert "A4" in _ids(similar) and "A3" not in _ids(similar) + _ids(verify)
    a3 = next(row for b in apart if b.kind == "table" for row in b.rows if row[0] == "A3")
    assert "撤销或改判" in a3[4]
    held = [b.text for b in _sections(doc)["四、类案裁判要点"] if b.kind == "h2"]
    assert any(" A4 " in h for h in held) and not any(" A3 " in h for h in held)
    # Guo Bing: the first instance is superseded by the appeal, which is the 类案; the pending appeal G2 is apart
    m, a, r = _research_of("guo_bing_2019")
    entries = {e.c.case_id: e for e in sort_entries(r, m, a.as_of)}
    assert entries["A2"].group == "similar" and entries["A1"].group == "apart" and entries["G2"].group == "apart"
    assert all(e.group == "apart" for e in entries.values() if e.c.procedure in ("procuratorial", "administrative"))


def _comp(cid: str, sim: float, province: str = "广东", level: str = "basic", year: int | None = None,
          procedure: str = "civil_judgment") -> Comparable:
    return Comparable(case_id=cid, similarity=sim, case_name=T(f"案{cid}", f"Case {cid}"), court=T("某法院", "a court"),
                      court_level=level, province=province, year=year, procedure=procedure, outcome="partly_upheld",
                      awarded_total=None, claimed_total=None, source=None, source_urls=None)


def _synthetic(specs: list[tuple[Comparable, dict]]) -> Research:
    return Research(comparables=[c for c, _ in specs], n_cases=len(specs),
                    details={c.case_id: {"finality": "final", "authority_tier": "other", **d} for c, d in specs})


def test_similar_cases_are_ordered_by_tier_then_the_last_three_years():
    m, a = scenario("guo_bing_2019")  # forum 浙江杭州; analysis date 2021-04-09, so "recent" means after 2018-04-09
    specs = [
        (_comp("OTHER_NEW", 0.95, year=2021), {"decision_date": "2021-01-05"}),
        (_comp("OTHER_OLD", 0.99, year=2016), {"decision_date": "2016-03-01"}),
        (_comp("SPC_OLD", 0.9, year=2016), {"authority_tier": "spc_published", "authority_note": "x",
                                             "decision_date": "2016-05-01"}),
        (_comp("SPC_NEW", 0.2, year=2020), {"authority_tier": "spc_published", "authority_note": "x"}),
        (_comp("GUIDING", 0.1, year=2015), {"authority_tier": "guiding", "authority_note": "x"}),
        (_comp("ZJ_HIGH", 0.3, province="浙江", year=2019), {"authority_tier": "high_court_published",
                                                            "authority_note": "x"}),
        (_comp("GD_HIGH", 0.8, year=2019), {"authority_tier": "high_court_published", "authority_note": "x"}),
        (_comp("HZ_INTER", 0.4, province="浙江", level="intermediate", year=2020), {"city": "杭州"}),
        (_comp("UNVERIFIED", 1.0, year=2021), {"finality": "no_appeal_reported", "authority_tier": "guiding",
                                               "authority_note": "x"}),
        (_comp("REVERSED", 1.0, year=2021), {"finality": "reversed"}),
        (_comp("MEDIATED", 1.0, year=2021, procedure="civil_mediation"), {"finality": None}),
    ]
    entries = sort_entries(_synthetic(specs), m, a.as_of)
    assert [e.c.case_id for e in entries] == ["GUIDING", "SPC_NEW", "SPC_OLD", "ZJ_HIGH", "HZ_INTER", "OTHER_NEW",
                                              "GD_HIGH", "OTHER_OLD", "UNVERIFIED", "REVERSED", "MEDIATED"]
    tiers = {e.c.case_id: e.tier for e in entries}
    assert tiers["ZJ_HIGH"] == 3 and tiers["GD_HIGH"] == 5 and tiers["HZ_INTER"] == 4  # relative to the forum
    doc = similar_report(m, a, "zh", _synthetic(specs), TODAY)
    similar = _sub(_sections(doc)["三、检索结果"], "（一）")
    assert _ids(similar) == [e.c.case_id for e in entries[:8]]


def test_no_holding_is_shown_as_the_courts_where_no_source_quotes_it():
    m, a = scenario("guo_bing_2019")
    quoted = "个人信息权属于人格权,具有人格价值,可以采取精神损害赔偿的救济方式"
    specs = [(_comp("WITH", 0.9, year=2020), {"holding_zh": quoted, "holding_source": "dossier-2.md G22, http://x"}),
             (_comp("WITHOUT", 0.8, year=2020), {"notes": "Court held the collection unnecessary."})]
    for lang, court_words, substitute in (("zh", "裁判要旨（来源载明的中文原文）", "未见公开来源载有裁判要旨原文"),
                                          ("en", "Holding (the Chinese text as the source quotes it)",
                                           "no published text of the holding was found")):
        doc = similar_report(m, a, lang, _synthetic(specs), TODAY)
        held = _sections(doc)["四、类案裁判要点" if lang == "zh" else "4. What the decisions held"]
        with_, without = _sub(held, "1. WITH"), _sub(held, "2. WITHOUT")
        assert any(b.text.startswith(court_words) and quoted in b.text and "dossier-2.md G22" in b.text for b in with_)
        assert not any(substitute in b.text for b in with_)
        assert any(substitute in b.text for b in without)
        assert not any(court_words in b.text for b in without)
        assert any("Court held the collection unnecessary." in b.text for b in without)  # the notes, labelled
    # the real dataset: of Guo Bing's 类案 none has a quoted holding, so none is presented as the court's
    m, a, r = _research_of("guo_bing_2019")
    md_zh = export("similar", "md", m, a, "zh", r, TODAY).decode()
    assert "来源载明的中文原文" not in md_zh and "未见公开来源载有裁判要旨原文" in md_zh


def test_the_conclusion_says_whether_the_similar_cases_agree_and_what_follows():
    m, a = scenario("guo_bing_2019")
    assert a.infringement_found
    split = [(_comp("YES", 0.9, year=2020), {"infringement_found": True}),
             (_comp("NO", 0.8, year=2020), {"infringement_found": False})]
    concl = " ".join(b.text for b in _sections(similar_report(m, a, "zh", _synthetic(split), TODAY))["五、检索结论"])
    assert "存在分歧" in concl and "专业（主审）法官会议" in concl and "结论一致" not in concl
    agree = [(c, {"infringement_found": False}) for c, _ in split]
    concl = " ".join(b.text for b in _sections(similar_report(m, a, "zh", _synthetic(agree), TODAY))["五、检索结论"])
    assert "结论一致" in concl and "存在分歧" not in concl
    assert "初步分析为“构成侵权”，与类案多数结论不一致" in concl  # states the difference; never restates the engine
    none = [(_comp("LATER", 0.9, year=2020), {"finality": "no_appeal_reported", "infringement_found": True})]
    concl = " ".join(b.text for b in _sections(similar_report(m, a, "zh", _synthetic(none), TODAY))["五、检索结论"])
    assert "未检索到生效类案" in concl and "1 件裁判生效情况待核实" in concl


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name.split(".")[0])
def test_the_similar_report_follows_the_engines_analysis(path):
    m = read_matter_file(path)
    a = analyze(m)
    for lang in ("zh", "en"):
        text = export("similar", "md", m, a, lang, research(m), TODAY).decode()  # type: ignore[arg-type]
        own = ("构成侵权" if a.infringement_found else "未认定侵权") if lang == "zh" else \
            ("infringement found" if a.infringement_found else "no infringement found")
        assert (("初步分析：" if lang == "zh" else "Preliminary analysis: ") + own) in text
        if "初步分析为" in text or "preliminary analysis of the pending case is" in text:
            assert (f"初步分析为“{own}”" if lang == "zh" else f"pending case is '{own}'") in text


@pytest.mark.parametrize("kind", ["claim", "similar"])
def test_titles_names_and_codes_are_shown_in_the_document_language(kind):
    m, a, r = _research_of("guo_bing_2019")
    assert " / " in m.title and "郭兵 Guo Bing" == m.claimant.name
    zh = export(kind, "md", m, a, "zh", r, TODAY).decode()  # type: ignore[arg-type]
    en = export(kind, "md", m, a, "en", r, TODAY).decode()  # type: ignore[arg-type]
    assert "案件：郭兵诉杭州野生动物世界（2019年行为，人脸识别规定不溯及既往）\n" in zh
    assert "Guo Bing v. Hangzhou Safari Park (2019 conduct)" not in zh and "Guo Bing" not in zh.split("## 四")[0]
    assert "Matter: Guo Bing v. Hangzhou Safari Park (2019 conduct)\n" in en and "人脸识别规定不溯及既往" not in en
    doc = Doc()
    comparables_table(doc, "zh", r, top=len(r.comparables))
    cells = [c for b in doc.blocks for row in b.rows for c in row]
    assert not {"not_court", "unknown"} & set(cells)
    assert "非法院机关（检察机关、行政机关）" in cells


def test_the_similar_report_searches_twenty_decisions_the_memos_ten(capsys):
    """A 类案 must not be missed for want of a slot: the report keeps the 20 most similar decisions
    (Guo Bing: 3 final decisions among them, 2 with the memos' ten)."""
    from litigation.documents.similar import SIMILAR_K

    assert main(["export", str(SCEN / "guo_bing_2019.matter.json"), "--doc", "similar", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert f"取相似度最高的 {SIMILAR_K} 件" in out and f"检索到相关裁判或处理 {SIMILAR_K} 件" in out
    m, a = scenario("guo_bing_2019")
    r = research(m, analysis=a)
    assert len(r.comparables) == 10


def test_the_mental_distress_request_notes_the_comparable_range_and_an_amount_above_it():
    from litigation.damages.compensation import HeadEstimate, Range
    from litigation.i18n import T

    m, _ = scenario("deepfake_obscene_video_2024")
    d = m.model_dump(mode="json")
    d["requests"]["claimed"]["mental_distress"] = 50000
    m2 = load_matter(d)
    a2 = analyze(m2)
    head = HeadEstimate(head="mental_distress", label=T("精神损害抚慰金", "Mental distress"), basis="comparables",
                        citations=[], range=Range(median=5000, low50=3000, high50=8000, low80=2000, high80=10000),
                        n=6, message=T("", ""))
    est = type("E", (), {"heads": [head]})()
    p = next(x for x in prayers(m2, a2, est).items if x.code == "mental_distress_damages")
    assert p.amount == 50000  # the claimant's amount is kept …
    assert "高于类案 80% 区间的上限" in p.note.zh and "80% 区间 2,000～10,000 元" in p.note.zh  # … and flagged
    p0 = next(x for x in prayers(m, analyze(m), est).items if x.code == "mental_distress_damages")
    assert p0.amount is None and "中位数 5,000 元" in p0.note.zh and "median RMB 5,000" in p0.note.en
    assert "可参考" in next(x for x in prayers(m, analyze(m)).items if x.code == "mental_distress_damages").note.zh
