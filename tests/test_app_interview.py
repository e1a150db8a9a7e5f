"""AppTest: the interview driven through its widgets, the review screen, and save/load round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from litigation.facts.answers import effective
from litigation.facts.validation import load_matter

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TIMEOUT = 60


def app(lang: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    if lang:
        at.query_params["lang"] = lang
    at.run()
    at.switch_page("ui/pages/interview.py").run()
    assert not at.exception
    return at


def k(at: AppTest, path: str) -> str:
    """The key of the interview widget for `path` (ui.state.widget_key: generation and language in it)."""
    ss = at.session_state
    gen = ss["ft_widget_gen"] if "ft_widget_gen" in ss else 0
    return f"q:{gen}:{ss['ft_lang']}:{path}"


def w(at: AppTest, path: str):
    return at.get_by_key(k(at, path))


def click(at: AppTest, key: str) -> None:
    at.button(key=key).click().run()
    assert not at.exception, at.exception


def step(at: AppTest) -> str:
    return at.session_state["ft_step"]


def next_step(at: AppTest) -> None:
    click(at, f"next:bottom:{step(at)}")


def answers(at: AppTest) -> dict:
    return at.session_state["ft_answers"]


def drive_guo_bing(at: AppTest) -> None:
    """A Guo Bing-like matter: a zoo annual pass; face recognition made the only way in; general
    consent only; the face rules not published. Dates after the SPC Face Provisions took effect."""
    assert step(at) == "claimant"
    w(at, "title").input("郭某诉某野生动物世界").run()
    w(at, "setting").select("zoo_park").run()
    w(at, "claimant.name").input("郭某").run()
    w(at, "claimant.forum_province").select("浙江").run()
    w(at, "claimant.forum_city").select("杭州").run()
    next_step(at)

    assert step(at) == "participants"
    click(at, k(at, "participants:add"))
    w(at, "participants.0.name").input("某野生动物世界有限公司").run()
    w(at, "participants.0.id").input("zoo").run()
    w(at, "participants.0.kind").select("business").run()
    w(at, "participants.0.processing_evidence").select("strong").run()
    next_step(at)

    assert step(at) == "acts"
    click(at, k(at, "participants.0.processing.acts:add"))
    click(at, k(at, "participants.0.processing.acts:add"))
    w(at, "participants.0.processing.acts.0.start").set_value("2023-03-01").run()
    w(at, "participants.0.processing.acts.1.kind").select("storage").run()
    w(at, "participants.0.processing.acts.1.start").set_value("2023-03-01").run()
    w(at, "participants.0.processing.acts.1.ongoing").select(True).run()
    w(at, "participants.0.processing.breach_of_agreement").set_value(True).run()
    next_step(at)

    assert step(at) == "consent"
    w(at, "participants.0.processing.notice.rules_published").set_value(False).run()
    w(at, "participants.0.processing.notice.purpose_method_scope_stated").set_value(False).run()
    w(at, "participants.0.processing.consent.type").select("general").run()
    w(at, "participants.0.processing.consent.proof").select("proved").run()
    w(at, "participants.0.processing.consent.condition_of_service").set_value(True).run()
    next_step(at)

    assert step(at) == "venue"
    w(at, "participants.0.processing.necessity.face_needed_for_purpose").set_value(False).run()
    w(at, "participants.0.processing.necessity.sole_verification_method").set_value(True).run()
    next_step(at)

    assert step(at) == "incidents"
    next_step(at)  # relations are skipped with one participant
    assert step(at) == "harm"
    click(at, k(at, "harm.expenses:add"))
    w(at, "harm.expenses.0.kind").select("transport").run()
    w(at, "harm.expenses.0.amount").set_value(360.0).run()
    w(at, "harm.expenses.0.receipt").check().run()
    next_step(at)

    assert step(at) == "requests"
    w(at, "requests.damages").set_value(True).run()  # the claims are asked explicitly (none pre-ticked)
    w(at, "requests.claimed.reasonable_expenses").set_value(360.0).run()
    next_step(at)
    assert step(at) == "review"


@pytest.fixture(scope="module")
def guo_bing() -> AppTest:
    at = app()
    drive_guo_bing(at)
    return at


def test_interview_end_to_end_reaches_a_valid_review(guo_bing: AppTest):
    at = guo_bing
    assert not at.exception
    assert not at.error
    assert not at.success  # yes/no facts are still unanswered: no green banner, but the analysis is offered
    assert any("答案可以进行分析" in i.value for i in at.info)
    a = answers(at)
    assert a["participants"][0]["id"] == "zoo"
    assert a["participants"][0]["processing"]["consent"]["type"] == "general"
    m = load_matter(effective(answers(at)))  # what the interview hands to the engine
    assert m.participants[0].processing.necessity.sole_verification_method is True


def test_analysis_of_the_interviewed_matter(guo_bing: AppTest):
    at = guo_bing
    at.switch_page("ui/pages/analysis.py").run()
    assert not at.exception
    assert not at.error
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["侵权认定"] == "构成侵权"
    text = " ".join(x.value for x in at.markdown)
    assert "《人脸识别规定》第2条第(3)项" in text  # no separate consent
    assert "《人脸识别规定》第2条第(2)项" in text  # rules not published
    labels = [e.label for e in at.expander]
    assert any("删除人脸信息" in lab and "可获支持" in lab for lab in labels)
    assert at.get("plotly_chart"), "the liability chart is drawn"


def test_review_edit_returns_to_the_step_and_back(guo_bing: AppTest):
    at = guo_bing
    at.switch_page("ui/pages/interview.py").run()
    assert step(at) == "review"
    click(at, "edit:consent")
    assert step(at) == "consent"
    assert w(at, "participants.0.processing.consent.type").value == "general"  # redrawn from the answers
    click(at, "back:bottom:consent")
    assert step(at) == "review"


def test_going_back_keeps_answers_and_hidden_answers_survive():
    at = app()
    w(at, "claimant.deceased").set_value(True).run()
    w(at, "claimant.relative_suing").select("spouse").run()
    next_step(at)
    click(at, "prev:bottom:participants")
    assert w(at, "claimant.relative_suing").value == "spouse"
    w(at, "claimant.deceased").set_value(False).run()  # hidden now, but remembered
    assert k(at, "claimant.relative_suing") not in [x.key for x in at.selectbox]
    w(at, "claimant.deceased").set_value(True).run()
    assert w(at, "claimant.relative_suing").value == "spouse"


def test_inline_validation_names_the_field_in_the_step():
    at = app()
    next_step(at)
    click(at, k(at, "participants:add"))
    errs = " ".join(e.value for e in at.error)
    assert "名称" in errs and "不能为空" in errs
    w(at, "participants.0.name").input("某公司").run()
    next_step(at)
    errs = " ".join(e.value for e in at.error)
    assert "请至少填写一项处理行为" in errs


def test_english_interview_via_query_param():
    at = app("en")
    assert at.title[0].value == "Interview"
    assert "Step 1 of" in at.get("progress")[0].proto.text


def test_remove_participant_drops_references():
    at = app()
    next_step(at)
    click(at, k(at, "participants:add"))
    click(at, k(at, "participants:add"))
    assert [p["id"] for p in answers(at)["participants"]] == ["p1", "p2"]
    click(at, k(at, "participants.0:remove"))
    assert [p["id"] for p in answers(at)["participants"]] == ["p2"]


# ----------------------------------------------------------------------------- save / load
def saved_bytes(at: AppTest) -> bytes:
    at.switch_page("ui/pages/interview.py").run()
    from ui.views.interview import read_upload  # the same function the page uses

    m = load_matter(effective(answers(at)))
    data = m.model_dump_json().encode()
    assert read_upload("x.json", data)[0] is not None
    return data


def test_save_then_load_round_trip(guo_bing: AppTest):
    data = saved_bytes(guo_bing)
    fresh = app()
    fresh.file_uploader[0].upload("guo.matter.json", data, "application/json").run()
    assert not fresh.exception
    assert any("已载入" in s.value for s in fresh.info)
    assert answers(fresh)["participants"][0]["name"] == "某野生动物世界有限公司"
    assert answers(fresh)["title"] == "郭某诉某野生动物世界"


def test_download_button_offers_the_matter():
    at = app()
    btn = at.get_by_key("sl_save")
    assert btn.proto.label == "保存为文件（JSON）"


@pytest.mark.parametrize("lang, name, content, expect", [
    ("zh", "bad.json", b"{not json", "不是有效的 JSON"),
    ("en", "other.json", json.dumps({"format": "something-else"}).encode(), "not a FaceTort matter file"),
    ("zh", "wrong.json", json.dumps({"format": "facetort-matter", "version": 1,
                                     "claimant": {"age_group": "elderly"}}).encode(), "取值无效"),
    ("en", "latin1.json", "é".encode("latin-1"), "not UTF-8"),
])
def test_bad_files_leave_the_answers_intact(lang, name, content, expect):
    at = app(lang)
    w(at, "title").input("keep me").run()
    at.file_uploader[0].upload(name, content, "application/json").run()
    assert not at.exception
    errs = " ".join(e.value for e in at.error)
    assert expect in errs
    assert name in errs
    assert answers(at)["title"] == "keep me"
    assert w(at, "title").value == "keep me"


def test_a_draft_can_be_loaded_on_request():
    draft = {"format": "facetort-matter", "version": 1, "title": "草稿",
             "participants": [{"id": "p1", "name": "", "kind": "business", "role": "processor",
                               "processing": {"acts": []}}]}
    at = app()
    at.file_uploader[0].upload("draft.json", json.dumps(draft).encode(), "application/json").run()
    assert answers(at)["title"] == ""
    assert any("草稿" in i.value for i in at.info)
    click(at, "sl_load_draft")
    assert answers(at)["title"] == "草稿"
    assert answers(at)["participants"][0]["id"] == "p1"
