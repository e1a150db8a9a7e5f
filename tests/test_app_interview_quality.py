"""AppTest: interview quality (issue 9 item 4) in both languages — no pre-ticked legal fact (unknown stays
unknown, in the widget, the review and the analysis), decisive answers flagged where they are missing,
province and city from a list, the app's own bilingual validation, no green banner beside an error or a
warning, and the review as prose with every answer in full."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from litigation.facts import answers as fa
from litigation.facts import places
from litigation.facts import review as rv
from litigation.facts.steps import STEPS
from litigation.facts.validation import load_matter

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
TIMEOUT = 60
UNKNOWN = {"zh": "不清楚", "en": "Unknown"}


def app(lang: str = "zh") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("ui/pages/interview.py").run()
    assert not at.exception
    return at


def k(at: AppTest, path: str) -> str:
    ss = at.session_state
    gen = ss["ft_widget_gen"] if "ft_widget_gen" in ss else 0
    return f"q:{gen}:{ss['ft_lang']}:{path}"


def w(at: AppTest, path: str):
    return at.get_by_key(k(at, path))


def click(at: AppTest, key: str) -> None:
    at.button(key=key).click().run()
    assert not at.exception, at.exception


def goto(at: AppTest, step_id: str) -> None:
    at.session_state["ft_step"] = step_id
    at.run()
    assert not at.exception, at.exception


def answers(at: AppTest) -> dict:
    return at.session_state["ft_answers"]


def question_radios(at: AppTest) -> list:
    return [r for r in at.radio if r.key and r.key.startswith("q:")]


def question_checkboxes(at: AppTest) -> list:
    return [c for c in at.checkbox if c.key and c.key.startswith("q:")]


def texts(at: AppTest, kind: str) -> str:
    return " ".join(x.value for x in getattr(at, kind))


def one_processor(at: AppTest) -> None:
    """Add one participant with a name (a processor by default); stay on the participants step."""
    goto(at, "participants")
    click(at, k(at, "participants:add"))
    w(at, "participants.0.name").input("某公司").run()


# ----------------------------------------------------------------------------- unknown stays unknown
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_fresh_interview_has_no_preticked_legal_fact(lang):
    at = app(lang)
    one_processor(at)
    seen = 0
    for s in STEPS:
        goto(at, s.id)
        assert not question_checkboxes(at), [c.label for c in question_checkboxes(at)]  # no tick box at all
        for r in question_radios(at):
            assert r.value is None, (r.label, r.value)  # nothing answered for the user
            assert UNKNOWN[lang] in str(r.options[r.index or 0]), r.options
            seen += 1
        for q in s.questions:  # the selects of legal facts with a model default start unchosen too
            if q.id in fa.OPEN_SELECTS and s.scope == "matter" and q.shown(answers(at)):
                assert w(at, q.path).value is None, q.id
            if q.id in fa.OPEN_SELECTS and s.scope == "participant" and q.shown(answers(at), "participants.0"):
                assert w(at, f"participants.0.{q.path}").value is None, q.id
    bools = sum(1 for s in STEPS for q in s.questions if q.widget == "bool")
    assert seen >= bools - 12  # every yes/no fact drawn on a visible step is a radio (a few are conditional)
    a = answers(at)
    open_paths = {path for _, _, _, path in rv.unanswered(a)}
    assert {"claimant.deceased", "claimant.public_figure", "requests.deletion", "requests.damages",
            "participants.0.defendant", "participants.0.processing.uses_face_recognition"} <= open_paths
    a["participants"][0]["processing"]["acts"] = [dict(fa.BLANK_ITEMS["acts"], start="2023-03-01")]
    m = load_matter(fa.effective(a))  # the matter still validates: an unanswered fact counts as the default
    assert m.requests.deletion is True and m.claimant.public_figure is False
    assert m.claimant.age_group == "adult" and m.participants[0].processing.consent.type == "none"  # defaults
    assert {"claimant.age_group", "participants.0.processing.consent.type"} <= open_paths
    assert m.participants[0].processing.acts[0].ongoing is False


@pytest.mark.parametrize("lang, unknown, counted", [("zh", "尚不清楚（未回答）", "按“否”处理"),
                                                    ("en", "Not known (not answered)", "counted as 'No'")])
def test_unanswered_facts_are_shown_as_unanswered_on_review_and_analysis(lang, unknown, counted):
    at = app(lang)
    one_processor(at)
    click(at, "next:bottom:participants")
    click(at, k(at, "participants.0.processing.acts:add"))
    w(at, "participants.0.processing.acts.0.start").set_value("2023-03-01").run()
    goto(at, "review")
    prose = texts(at, "markdown")
    assert unknown in prose  # e.g. "Not known (not answered): The claimant is a public figure."
    assert not at.error
    assert not at.success
    at.switch_page("ui/pages/analysis.py").run()
    assert not at.exception
    exp = [e for e in at.expander if ("未回答" in e.label or "not answered" in e.label)]
    assert exp, [e.label for e in at.expander]
    assert counted in " ".join(x.value for x in exp[0].markdown)


def test_an_answer_given_is_kept_and_no_longer_open():
    at = app()
    w(at, "claimant.public_figure").set_value(False).run()
    assert answers(at)["claimant"]["public_figure"] is False
    assert "claimant.public_figure" not in {p for *_, p in rv.unanswered(answers(at))}
    at.query_params["lang"] = "en"
    at.switch_page("ui/pages/interview.py").run()
    assert w(at, "claimant.public_figure").value is False  # redrawn from the answers after a language switch


# ----------------------------------------------------------------------------- decisive answers
@pytest.mark.parametrize("lang, setting, storage, why, damages", [
    ("zh", "场景类型", "存储是否仍在持续", "适用哪部法律", "赔偿损失"),
    ("en", "Kind of setting", "Whether storage continues", "which law governs", "Pay damages")])
def test_missing_decisive_answers_are_flagged_in_the_step_and_on_the_review(lang, setting, storage, why, damages):
    at = app(lang)
    assert setting in texts(at, "warning")  # the setting, on the first step
    one_processor(at)
    goto(at, "acts")
    assert why in texts(at, "warning")  # no act yet: its dates decide the law
    click(at, k(at, "participants.0.processing.acts:add"))
    w(at, "participants.0.processing.acts.0.kind").select("storage").run()
    w(at, "participants.0.processing.acts.0.start").set_value("2023-03-01").run()
    assert storage in texts(at, "warning")
    w(at, "participants.0.processing.acts.0.ongoing").select(True).run()
    assert storage not in texts(at, "warning")
    goto(at, "requests")
    assert damages in texts(at, "warning")
    goto(at, "review")
    warn = texts(at, "warning")
    assert setting in warn and damages in warn and storage not in warn
    assert {"edit-gap:claimant", "edit-gap:requests"} <= {b.key for b in at.button}
    click(at, "edit-gap:claimant")
    assert at.session_state["ft_step"] == "claimant"
    w(at, "setting").select("zoo_park").run()
    assert setting not in texts(at, "warning")


# ----------------------------------------------------------------------------- province and city
@pytest.mark.parametrize("lang, prov, city", [("zh", "浙江", "宁波"), ("en", "Zhejiang", "Ningbo")])
def test_province_and_city_come_from_a_list(lang, prov, city):
    at = app(lang)
    box = w(at, "claimant.forum_province")
    assert len(box.options) == len(places.provinces()) + 1  # every province of the income table, and "none"
    assert prov in box.options
    box.select("浙江").run()
    cities = w(at, "claimant.forum_city")
    assert city in cities.options and cities.options[1] in ("杭州", "Hangzhou")  # the capital first
    cities.select("宁波").run()
    assert answers(at)["claimant"]["forum_province"] == "浙江"
    assert answers(at)["claimant"]["forum_city"] == "宁波"  # the stored value is the code, not the label
    w(at, "claimant.forum_city").select(places.OTHER).run()
    other = at.get_by_key(k(at, "claimant.forum_city:other"))
    other.input("舟山").run()
    assert answers(at)["claimant"]["forum_city"] == "舟山"
    assert w(at, "claimant.forum_city").value == places.OTHER
    assert at.get_by_key(k(at, "claimant.forum_city:other")).value == "舟山"
    click(at, "next:bottom:claimant")
    click(at, "prev:bottom:participants")
    assert answers(at)["claimant"]["forum_city"] == "舟山"
    assert "舟山" in (w(at, "claimant.forum_city").value, at.get_by_key(k(at, "claimant.forum_city:other")).value)


def test_a_loaded_city_not_in_the_list_is_kept():
    data = json.loads((ROOT / "data/scenarios/guo_bing_2019.matter.json").read_text(encoding="utf-8"))
    data["claimant"].update(forum_province="浙江", forum_city="杭州市富阳区")
    at = app()
    at.file_uploader[0].upload("g.json", json.dumps(data, ensure_ascii=False).encode(), "application/json").run()
    assert not at.exception
    assert answers(at)["claimant"]["forum_city"] == "杭州市富阳区"
    assert w(at, "claimant.forum_city").value == "杭州市富阳区"
    click(at, "next:bottom:claimant")
    click(at, "prev:bottom:participants")
    assert answers(at)["claimant"]["forum_city"] == "杭州市富阳区"


# ----------------------------------------------------------------------------- own validation, banners
@pytest.mark.parametrize("lang, msg, name", [("zh", "不能小于 0", "财产损失"), ("en", "must be at least 0", "Property loss")])
def test_the_app_reports_a_bad_number_itself_in_both_languages(lang, msg, name):
    at = app(lang)
    goto(at, "harm")
    w(at, "harm.economic_loss").set_value(-5.0).run()
    assert not at.exception
    errs = texts(at, "error")
    assert msg in errs and name in errs
    assert not at.success


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_green_banner_beside_an_error_or_warning(lang):
    at = app(lang)
    assert at.warning and not at.success  # the setting is missing
    goto(at, "participants")
    click(at, k(at, "participants:add"))  # a participant without a name: an error
    assert at.error and not at.success
    goto(at, "review")
    assert at.error and not at.success
    goto(at, "claimant")  # answer everything on the first step: then, and only then, the step is green
    w(at, "setting").select("zoo_park").run()
    w(at, "claimant.deceased").set_value(False).run()
    assert not at.success
    w(at, "claimant.public_figure").set_value(False).run()
    assert not at.success  # the age is still open
    w(at, "claimant.age_group").select("adult").run()
    assert not at.error and not at.warning and not at.info
    assert at.success


# ----------------------------------------------------------------------------- the review as prose
@pytest.mark.parametrize("lang, head", [("zh", "其他说明（可选）："), ("en", "Other notes (optional): ")])
def test_the_review_reads_as_prose_with_every_answer_in_full(lang, head):
    at = app(lang)
    long = "很长的说明" * 400 + " END-OF-NOTE"
    answers(at)["notes"] = long
    answers(at)["claimant"]["public_figure"] = True
    goto(at, "review")
    assert not at.dataframe  # sentences, not a table
    prose = texts(at, "markdown")
    assert head + long in prose.replace("  \n", "")  # in full, never cut
    assert ("原告是公众人物。" if lang == "zh" else "The claimant is a public figure.") in prose
    edits = {b.key for b in at.button if b.key and b.key.startswith("edit:")}
    assert {f"edit:{s.id}" for s in STEPS if s.shown(answers(at))} <= edits  # each step with its Edit link


@pytest.mark.parametrize("lang, expect", [("zh", "不是有效的 JSON"), ("en", "not valid JSON")])
def test_any_file_is_read_by_the_app_and_refused_in_both_languages(lang, expect):
    at = app(lang)
    at.file_uploader[0].upload("notes.txt", b"just some notes", "text/plain").run()  # no framework file-type filter
    assert not at.exception
    errs = texts(at, "error")
    assert expect in errs and "notes.txt" in errs
    assert not at.success
