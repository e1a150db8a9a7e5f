"""AppTest: every page in both languages, the analysis, teaching, compensation, case explorer and
export pages with a matter in the session, the language switch, and the page guard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_export import guo_bing_like

from litigation.facts import answers as fa

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = ("start", "interview", "analysis", "compensation", "export", "cases", "teaching", "library")
TITLES = {"start": ("人脸信息侵权诉讼辅助", "Decision support for face-information tort cases"),
          "interview": ("事实问答", "Interview"), "analysis": ("法律分析", "Legal analysis"),
          "compensation": ("赔偿估算", "Compensation"), "export": ("导出文书", "Export documents"),
          "cases": ("类案检索", "Case explorer"), "teaching": ("教学模式", "Teaching mode"),
          "library": ("我的案件库", "My matters")}


def two_processors() -> dict:
    """A mall and its analytics vendor who jointly decided to profile shoppers (PIPL 20)."""
    m = guo_bing_like()
    zoo = m["participants"][0]
    vendor = {**zoo, "id": "vendor", "name": "某数据公司", "kind": "tech_vendor", "role": "joint_processor"}
    m["participants"].append(vendor)
    m["relations"] = {"joint_decision": [["zoo", "vendor"]]}
    m["requests"]["claimed"] = {"reasonable_expenses": 360, "mental_distress": 5000}
    return m


def app(page: str, lang: str | None = None, matter: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    if lang:
        at.query_params["lang"] = lang
    if matter is not None:
        at.session_state["ft_answers"] = fa.answers_from(matter)
    at.run()
    if page != "start":
        at.switch_page(f"ui/pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    return " ".join(x.value for x in [*at.markdown, *at.caption, *at.info, *at.warning, *at.success, *at.error])


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(page, lang):
    at = app(page, lang)
    assert at.title[0].value == TITLES[page][0 if lang == "zh" else 1]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_a_matter(page):
    at = app(page, matter=two_processors())
    assert not at.error, [e.value for e in at.error]


def test_language_switch_is_kept_across_pages():
    at = app("start")
    assert at.sidebar.radio[0].value == "zh"
    at.sidebar.radio[0].set_value("en").run()
    assert at.title[0].value == TITLES["start"][1]
    assert at.query_params["lang"] == ["en"] or at.query_params["lang"] == "en"
    at.switch_page("ui/pages/analysis.py").run()
    assert at.title[0].value == "Legal analysis"


def test_analysis_conclusions_expand_to_articles_and_facts():
    at = app("analysis", matter=guo_bing_like())
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["侵权认定"] == "构成侵权"
    exp = {e.label: e for e in at.expander}
    ground = next(e for lab, e in exp.items() if "未取得单独同意" in lab)
    inner = " ".join(m.value for m in ground.markdown)
    assert "《人脸识别规定》第2条第(3)项" in inner          # the article
    assert "原告给了什么样的同意: 概括同意" in inner          # the fact it read, in the interview's words
    place = next(e for lab, e in exp.items() if "经营场所、公共场所违法进行人脸验证" in lab)
    inner = " ".join(m.value for m in place.markdown)  # an engine-derived fact, and a rule id, read as words
    assert "违反法律规定的情形: 未取得单独同意或法定书面同意" in inner and "statutory_breaches" not in inner
    assert any("删除人脸信息" in lab and "可获支持" in lab for lab in exp)
    burden = next(d.value for d in at.dataframe if "待证事项" in d.value.columns)
    assert list(burden.columns) == ["待证事项", "由谁证明", "现状", "证明不了的后果"]
    assert "被告（处理者）" in set(burden["由谁证明"])


def test_liability_chart_and_table_for_joint_processors():
    at = app("analysis", "en", matter=two_processors())
    charts = at.get("plotly_chart")
    assert charts
    spec = json.loads(charts[0].proto.spec)
    assert spec["data"][0]["name"].startswith("Most it can be made to pay")
    assert any("某数据公司" in y for y in spec["data"][0]["y"])
    liab = next(d.value for d in at.dataframe if "Towards the claimant" in d.value.columns)
    assert set(liab["Towards the claimant"]) == {"Joint and several (whole)"}


def test_reform_toggle_labels_everything():
    at = app("analysis", "en", matter=two_processors())
    at.toggle(key="ft_mode_w").set_value(True).run()
    assert any("REFORM MODE" in w.value for w in at.warning)
    burden = next(d.value for d in at.dataframe if "What must be proved" in d.value.columns)
    assert any("[Reform mode]" in x for x in burden["What must be proved"])
    at.switch_page("ui/pages/export.py").run()  # the choice follows the user to the export
    assert any("Reform mode is on" in w.value for w in at.warning)


def test_incomplete_matter_shows_field_errors_on_analysis():
    m = guo_bing_like()
    m["participants"][0]["processing"]["acts"] = []
    at = app("analysis", matter=m)
    assert "请至少填写一项处理行为" in texts(at)
    assert not at.metric


def test_export_page_offers_docx_pdf_and_markdown():
    at = app("export", matter=guo_bing_like())
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["下载 Word（DOCX）", "下载 PDF", "下载 Markdown"]
    assert "起诉意见书" in texts(at)
    at.radio(key="ex_kind_w").set_value("similar").run()
    assert "类案检索报告" in texts(at) and "检索方法" in texts(at)
    at.radio(key="ex_lang_w").set_value("en").run()
    assert "Similar-case search report" in texts(at)


def test_compensation_shows_ranges_n_backtest_and_what_if():
    at = app("compensation", "en", matter=two_processors())
    metrics = {m.label: m.value for m in at.metric}
    assert int(metrics["Comparable decisions (positive awards)"]) >= 5
    assert metrics["Backtest: 80% range coverage"].endswith("%")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["xaxis"]["type"] == "log"
    heads = at.dataframe[0].value
    assert "Mental-distress damages" not in set(heads["Head"])  # no mental distress claimed in the facts
    assert "Total award (comparable decisions)" in set(heads["Head"])
    assert "Total award, median" in metrics  # the what-if panel


def test_teaching_walk_compare_and_change_a_fact():
    at = app("teaching")
    assert at.selectbox(key="te_pick:zh").options and at.selectbox(key="te_group:zh").options
    for _ in range(6):
        at.button(key="te_next").click().run()
        assert not at.exception and not at.error
    assert at.session_state["ft_teach"]["stage"] == 6
    at.button(key="te_use").click().run()
    assert at.session_state["ft_answers"]["participants"]
    at.selectbox(key="te_cf:zh").select("participants.0.processing.consent.type").run()
    assert not at.exception


def test_teaching_change_flips_a_conclusion():
    """Consent type changed from general to separate on a Guo Bing-like matter: SPC 2(3) stops holding."""
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.switch_page("ui/pages/teaching.py").run()
    m = guo_bing_like()
    m["participants"][0]["processing"]["consent"]["condition_of_service"] = False  # else consent is void anyway
    at.session_state["ft_teach"] = {"file": at.session_state["ft_teach"]["file"], "stage": 0, "errors": None,
                                    "answers": fa.answers_from(m), "changes": []}
    at.run()
    path = "participants.0.processing.consent.type"
    at.selectbox(key="te_cf:zh").select(path).run()
    val = next(s for s in at.selectbox if s.key == f"te_cv:zh:{path}")
    val.select_index(2).run()  # none, general, separate, written
    at.button(key="te_add:zh").click().run()
    flips = at.table[-1].value
    row = flips[flips["结论"].str.contains("未取得单独同意")]
    assert list(row["之前"]) == ["是"] and list(row["之后"]) == ["否"]


def test_case_explorer_filters_and_detail():
    at = app("cases")
    total = len(at.dataframe[0].value)
    at.multiselect(key="ca_scenario:zh").select("zoo_park").run()
    sub = at.dataframe[0].value
    assert 0 < len(sub) < total
    assert at.get("plotly_chart")
    first = sub.iloc[0, 0]
    assert at.selectbox(key="ca_pick:zh").value == first
    assert "来源" in texts(at)
    at.switch_page("ui/pages/start.py").run()
    at.switch_page("ui/pages/cases.py").run()
    assert len(at.dataframe[0].value) == len(sub)  # filters survive leaving the page


def test_case_explorer_lists_decisions_similar_to_the_matter():
    at = app("cases", "en", matter=guo_bing_like())
    sim = at.dataframe[-1].value
    assert "Similarity" in sim.columns and len(sim) >= 5


def test_a_broken_page_shows_a_friendly_message_not_a_traceback():
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["ft_answers"] = {"participants": 5}  # corrupt state
    at.run()
    at.switch_page("ui/pages/interview.py").run()
    assert not at.exception
    assert any("您的答案没有丢失" in e.value for e in at.error)
    assert not any("Traceback" in x.value for x in [*at.markdown, *at.error, *at.code])


def test_analysis_first_screen_names_the_governing_law_and_the_claims():
    """The landmark case (2019 acts) opens with the law then in force and the contract claim, not 'no
    infringement' (issue: the first screen said 未认定 / 0)."""
    import json

    scen = Path(__file__).resolve().parent.parent / "data" / "scenarios" / "guo_bing_2019.matter.json"
    at = app("analysis", matter=json.loads(scen.read_text(encoding="utf-8")))
    head = " ".join(x.value for x in [*at.success, *at.info])
    assert "依行为时的法律（2021年前）" in head and "违约责任" in head
    assert any("民法典施行（2021-01-01）之前" in c.value for c in at.caption)
    labels = [e.label for e in at.expander]
    assert any("违约责任" in lab and "服务合同纠纷" in lab and "成立" in lab for lab in labels), labels
    at = app("analysis", "en", matter=json.loads(scen.read_text(encoding="utf-8")))
    assert "Under the law then in force" in " ".join(x.value for x in [*at.success, *at.info])


# ----------------------------------------------------------------------------- issue 9: first screen
def scenario(name: str) -> dict:
    return json.loads((Path(__file__).resolve().parent.parent / "data/scenarios" / f"{name}.matter.json").read_text())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_analysis_lists_the_facts_that_matter_with_edit_links(lang):
    at = app("analysis", lang, matter=scenario("gym_consent_within_scope"))
    text = texts(at)
    assert ("哪些事实起决定作用" if lang == "zh" else "Which facts matter") in text
    assert ("不同意刷脸就不提供服务" if lang == "zh" else "The service was refused unless the claimant agreed") in text
    edits = [b for b in at.button if b.key and b.key.startswith("an_goto:")]
    assert 3 <= len(edits) <= 5
    edits[0].click().run()
    assert not at.exception
    assert at.session_state["ft_step"] in ("venue", "consent", "claimant", "acts")
    assert at.title[0].value == ("事实问答" if lang == "zh" else "Interview")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_which_facts_matter_shows_the_compensation_range_moving(lang):
    """app_leak_weak_causation: with no evidence of causation only the documented expenses (800) remain: the
    first screen lists that fact with the range before and after."""
    at = app("analysis", lang, matter=scenario("app_leak_weak_causation"))
    text = texts(at)
    moved = ("赔偿区间: 中位数 ¥6,800（80%：¥6,800–¥8,000） → 中位数 ¥800（80%：¥800–¥800）" if lang == "zh" else
             "Compensation range: median ¥6,800 (80%: ¥6,800–¥8,000) → median ¥800 (80%: ¥800–¥800)")
    table = next(d.value for d in at.dataframe if ("事实" if lang == "zh" else "Fact") in d.value.columns)
    what = " ".join(table[("哪些结论改变" if lang == "zh" else "What changes")].astype(str))
    assert moved in what, what[:600]
    assert ("移动赔偿区间" if lang == "zh" else "move the compensation range") in text


def test_analysis_outcome_per_defendant():
    at = app("analysis", matter=two_processors())
    df = next(d.value for d in at.dataframe if "成立的请求权" in d.value.columns)
    assert len(df) == 2 and "某数据公司" in list(df["被告"])
    assert all(v != "无" for v in df["成立的请求权"])  # both are liable on the facts


def test_compensation_gives_no_amount_where_nobody_is_liable():
    m = guo_bing_like()
    m["participants"][0]["processing_evidence"] = "none"
    at = app("compensation", matter=m)
    assert any("没有被告须承担损害赔偿责任" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_compensation_shows_the_reform_banner():
    at = app("analysis", matter=guo_bing_like())
    at.toggle(key="ft_mode_w").set_value(True).run()
    at.switch_page("ui/pages/compensation.py").run()
    assert any("改革模式" in w.value for w in at.warning)


def distress_matter() -> dict:
    """Serious distress on medical evidence and strong causation, plus a contested economic loss."""
    m = two_processors()
    m["harm"].update({"mental_distress": "serious", "mental_evidence": "medical", "causation_evidence": "strong",
                      "economic_loss": 3000, "economic_loss_proof": "partial"})
    m["requests"]["claimed"].update({"mental_distress": 5000, "economic_loss": 3000})
    m["requests"]["damages"] = True  # answered: the amounts claimed are asked only once damages are asked for
    return m


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_compensation_shows_the_hurdle_and_the_per_head_ranges_as_the_memos_do(lang):
    from litigation.damages.evaluation import cached_summary
    from litigation.damages.explain import explain
    from litigation.documents.claim import claim_memo
    from litigation.documents.research import research
    from litigation.facts.validation import load_matter
    from litigation.law.analysis import analyze

    d = distress_matter()
    at = app("compensation", lang, matter=d)
    shown = texts(at)
    m = load_matter(d)
    a = analyze(m, total_damages=sum(d["requests"]["claimed"].values()))
    r = research(m, analysis=a)
    ex = explain(r.estimate, a, cached_summary())
    total = next(x for x in ex.lines if x.head == "total")
    md = next(x for x in ex.lines if x.head == "mental_distress")
    loss = next(x for x in ex.lines if x.head == "economic_loss")
    if lang == "en":
        assert "comparable final decisions where money was claimed, nothing or a nominal sum (under RMB 100) was " \
               "awarded; where money was awarded, 80% of awards are expected to fall in ¥" in total.hurdle.en
        assert md.range.en.startswith("No range: too few comparable decisions")
        assert f"Conditional on a substantive award, n = {r.backtest['n']} disputes, Clopper–Pearson interval" \
            in ex.coverage.en
        assert loss.status == "unproven" and loss.proof.en.startswith("Unproven: ")
    else:
        assert "件未判赔或仅判象征性金额（不足 100 元）；判有实质赔偿时，80% 的判赔预计落在 ¥" in total.hurdle.zh
        assert md.range.zh.startswith("不给出区间：可比判决太少")
        assert f"以判有实质赔偿为条件，n = {r.backtest['n']} 个争议，Clopper–Pearson 区间" in ex.coverage.zh
    assert total.range(lang).startswith("中位数 ¥" if lang == "zh" else "Median ¥")
    memo = " ".join(b.text + " ".join(" ".join(row) for row in b.rows) for b in claim_memo(m, a, lang, r).blocks)
    for x in ex.lines:  # the page and the memo print the same lines
        for part in (x.label, x.range, x.hurdle, x.proof):
            if part is not None:
                assert part(lang) in shown and part(lang) in memo, part(lang)
    for part in (ex.counted, ex.coverage, ex.note):
        if part is not None:
            assert part(lang) in shown and part(lang) in memo
    proof = at.dataframe[0].value["证明情况" if lang == "zh" else "Proof"]
    assert loss.proof(lang) in set(proof)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_compensation_shows_contract_damages_where_tort_damages_fail(lang):
    """Guo Bing (2019, old law): no tort damages (fault not presumed before the PIPL), but the contract claim
    gives 1,038 — the page must not say 'no amount' while the complaint prays 1,038 for the breach."""
    from litigation.documents.claim import claim_memo
    from litigation.documents.complaint import complaint
    from litigation.documents.research import research
    from litigation.facts.validation import load_matter
    from litigation.law.analysis import analyze

    d = scenario("guo_bing_2019")
    text = texts(app("compensation", lang, matter=d))
    line = ("应赔偿违约造成的损失 1,038 元" if lang == "zh" else "owes the loss the breach caused, ¥1,038")
    head = "违约损害赔偿：杭州野生动物世界有限公司" if lang == "zh" else "Damages for breach of contract: 杭州野生动物世界有限公司"
    assert line in text and head in text
    assert ("没有被告须承担侵权损害赔偿责任" if lang == "zh" else "no defendant is liable in tort") in text
    m = load_matter(d)
    a = analyze(m)
    r = research(m, analysis=a)
    memo = " ".join(b.text + " ".join(" ".join(row) for row in b.rows) for b in claim_memo(m, a, lang, r).blocks)
    assert line in memo and head in memo
    if lang == "zh":
        filed = " ".join(b.text for b in complaint(m, a, "zh", r).blocks)
        assert "赔偿原告因违约造成的损失 1,038 元" in filed
