"""Teaching mode: every scenario has a note (zh and en); several changes at once and the conclusions they
flip; who bears the loss under current law and under the reform mode (litigation/law/teaching.py), and the
teaching page in both languages (AppTest)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from litigation.facts import answers as fa
from litigation.facts.validation import load_matter, read_matter_file
from litigation.law import teaching as tg
from litigation.law.analysis import analyze
from ui.text import esc

ROOT = Path(__file__).resolve().parent.parent
SCEN = ROOT / "data" / "scenarios"
APP = str(ROOT / "app.py")
FILES = sorted(p.name for p in SCEN.glob("*.matter.json"))
NOTES = tg.load_notes()
CONSENT = "participants.0.processing.consent.type"
RULES = "participants.0.processing.notice.rules_published"


def answers(name: str) -> dict:
    return fa.answers_from(read_matter_file(str(SCEN / f"{name}.matter.json")).model_dump(mode="json"))


def matter(ans: dict):
    return load_matter(fa.effective(ans))


# --------------------------------------------------------------------------- notes
def test_the_library_has_scenarios():
    assert len(FILES) >= 51


@pytest.mark.parametrize("file", FILES)
def test_every_scenario_has_a_teaching_note_in_both_languages(file):
    n = NOTES["scenarios"].get(tg.scenario_name(file))
    assert n, f"{file}: add a teaching note to data/scenarios/teaching.yaml"
    assert n["group"] in NOTES["groups"]
    for part in ("note", "point"):
        for lg in ("zh", "en"):
            assert isinstance(n[part][lg], str) and n[part][lg].strip(), (file, part, lg)
    assert re.search(r"[\u4e00-\u9fff]", n["note"]["zh"]) and re.search(r"[\u4e00-\u9fff]", n["point"]["zh"])


def test_no_note_without_a_scenario():
    assert set(NOTES["scenarios"]) == {tg.scenario_name(f) for f in FILES}


@pytest.mark.parametrize("file", FILES)
def test_a_note_names_a_dossier_case_only_where_the_matter_does(file):
    n = NOTES["scenarios"][tg.scenario_name(file)]
    text = " ".join(n[p][lg] for p in ("note", "point") for lg in ("zh", "en"))
    named = set(re.findall(r"\b([A-H]\d{1,2})\b", text))
    matter_notes = json.loads((SCEN / file).read_text(encoding="utf-8")).get("notes", "")
    assert named <= set(re.findall(r"\b([A-H]\d{1,2})\b", matter_notes)), (file, named)


def test_presets_are_grouped_each_file_once_and_unknown_ones_go_to_other():
    groups = tg.preset_groups(FILES + ["new_one.matter.json"], NOTES)
    listed = [f for _, fs in groups for f in fs]
    assert sorted(listed) == sorted(FILES + ["new_one.matter.json"])
    assert groups[-1] == (tg.OTHER, ["new_one.matter.json"])
    assert groups[0][0] == "guo_bing" and "guo_bing_2019.matter.json" in groups[0][1]
    assert tg.note_of("new_one.matter.json", NOTES) is None
    assert tg.group_label("guo_bing", NOTES).zh == "郭兵案及其变体"


# --------------------------------------------------------------------------- changes and flips
def test_changes_apply_in_order_and_leave_the_original_alone():
    ans = answers("guo_bing_2019")
    before = json.dumps(ans, sort_keys=True)
    ch = tg.add_change([], CONSENT, "general")
    ch = tg.add_change(ch, tg.SHIFT, 3)
    ch = tg.add_change(ch, CONSENT, "separate")  # the same fact again: replaces the first change
    assert ch == [{"path": tg.SHIFT, "value": 3}, {"path": CONSENT, "value": "separate"}]
    out = tg.apply_changes(ans, ch)
    assert json.dumps(ans, sort_keys=True) == before
    assert out["participants"][0]["processing"]["consent"]["type"] == "separate"
    starts = [a["start"] for a in out["participants"][0]["processing"]["acts"]]
    assert starts and all(s.startswith("2022-") for s in starts)
    assert tg._shift("2020-02-29", 1) == "2021-02-28"


def test_two_changes_make_a_claim_out_of_a_consented_gym():
    """Proved written consent within scope (no claim); general consent and no published rules: the PI claim
    is made out, with SPC 2(2) (rules not published) among its basis — the second change counts too."""
    ans = answers("gym_consent_within_scope")
    a = analyze(matter(ans))
    a2 = analyze(matter(tg.apply_changes(ans, [{"path": CONSENT, "value": "general"},
                                               {"path": RULES, "value": False}])))
    fl = tg.flips(a, a2)
    claim = next(f for f in fl if f.area == "claim")
    assert (claim.before.en, claim.after.en) == ("No", "Yes") and "Personal information" in claim.item.en
    assert any(c.instrument == "SPC-FRT-2021" and c.article == 2 and c.item == 2 for c in claim.basis)
    assert "SPC Face Provisions Art 2 item 2" in claim.basis_label("en")
    liab = next(f for f in fl if f.area == "liability")
    assert liab.before.en.startswith("Not liable") and "stop" in liab.after.en.lower()
    head = next(f for f in fl if f.area == "headline")
    assert "none of the claims" in head.before.en and "claims made out" in head.after.en
    assert [f.area for f in fl] == sorted((f.area for f in fl), key=tg.AREA_ORDER.index)
    assert tg.flips(a, a) == []


def test_moving_guo_bing_to_2022_brings_it_under_the_civil_code():
    ans = answers("guo_bing_2019")
    a = analyze(matter(ans))
    a2 = analyze(matter(tg.apply_changes(ans, [{"path": tg.SHIFT, "value": 3}])))
    fl = {f.area: f for f in tg.flips(a, a2)}
    assert fl["governing"].before.en.startswith("the law then in force")
    assert fl["governing"].after.en.startswith("the Civil Code")
    assert any(c.instrument == "CC-TEMPORAL-2020" for c in fl["governing"].basis)
    assert "stop" in fl["liability"].before.en.lower() and "Several" in fl["liability"].after.en


def test_the_compensation_range_is_a_conclusion_when_given():
    class R:
        def __init__(self, median, low80, high80):
            self.median, self.low80, self.high80 = median, low80, high80

    a = analyze(matter(answers("zoo_annual_pass_2022")))
    fl = tg.flips(a, a, R(1000, 500, 2000), R(None, None, None))
    assert [(f.area, f.after.en) for f in fl] == [("compensation", "no award")]
    assert "¥1,000" in fl[0].before.en


# --------------------------------------------------------------------------- who bears it
def _bears(name: str, mode: str):
    path = SCEN / f"{name}.matter.json"
    m = read_matter_file(str(path))
    a = analyze(m, mode=mode, total_damages=tg.scenario_total(path) or tg.loss_of(m))
    return {b.who: b for b in tg.who_bears(a)}, a


def test_reform_moves_the_loss_from_the_claimant_to_the_shop():
    cur, a = _bears("breach_loss_no_causation_reform", "current")
    ref, r = _bears("breach_loss_no_causation_reform", "reform")
    assert (cur["claimant"].amount, cur["shop"].amount, cur["shop"].external) == (5000, 0, "stop_only")
    assert (ref["claimant"].amount, ref["shop"].amount, ref["shop"].external) == (0, 5000, "several_share")
    why = [x.en for x in tg.why_differs(a, r)]
    assert any("The processing caused the damage" in w and "claimant must prove it (missing)" in w for w in why)
    assert any("changes from 'Only stop and delete'" in w for w in why)
    assert all(x.zh for x in tg.why_differs(a, r))


def test_the_claimant_bears_its_own_fault_share():
    cur, a = _bears("hotel_leak_claimant_fault", "current")
    assert cur["claimant"].amount == pytest.approx(3000) and cur["claimant"].share == pytest.approx(0.3)
    assert cur["hotel"].amount == pytest.approx(3500) and cur["fraudster"].amount == pytest.approx(3500)
    assert cur["fraudster"].kind == "non_party"
    ref, r = _bears("hotel_leak_claimant_fault", "reform")
    assert ref["claimant"].amount == pytest.approx(3000)
    assert any("same result" in w.en for w in tg.why_differs(a, r))


def test_the_unsued_user_keeps_its_share_of_the_library_total():
    """two_platforms_users_shares: the expectation's total (10,000) is allocated; the unidentified user B
    keeps 3,666.67 (the README's figure), platform B can be asked for 2,000."""
    assert tg.scenario_total(SCEN / "two_platforms_users_shares.matter.json") == 10000
    assert tg.scenario_total(SCEN / "guo_bing_2019.matter.json") is None
    rows, _ = _bears("two_platforms_users_shares", "current")
    assert rows["u2"].kind == "non_party" and rows["u2"].amount == pytest.approx(3666.67, abs=0.01)
    assert rows["plat_b"].exposure == pytest.approx(2000)
    assert rows["claimant"].amount == pytest.approx(0, abs=0.01)


@pytest.mark.parametrize("mode", ["current", "reform"])
@pytest.mark.parametrize("file", FILES)
def test_who_bears_it_adds_up(file, mode):
    rows, _ = _bears(tg.scenario_name(file), mode)
    assert sum(b.share for b in rows.values()) == pytest.approx(1.0, abs=1e-5)
    assert 0 <= rows["claimant"].share <= 1 + 1e-9


# --------------------------------------------------------------------------- the page
def page(lang: str = "zh") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("ui/pages/teaching.py").run()
    assert not at.exception, at.exception
    return at


def choose(at: AppTest, file: str, lang: str = "zh") -> None:
    group = next(g for g, fs in tg.preset_groups(FILES, NOTES) if file in fs)
    at.selectbox(key=f"te_group:{lang}").select(group).run()
    at.selectbox(key=f"te_pick:{lang}").select(file).run()


def add(at: AppTest, path: str, label: str, lang: str = "zh") -> None:
    at.selectbox(key=f"te_cf:{lang}").select(path).run()
    box = next(s for s in at.selectbox if s.key == f"te_cv:{lang}:{path}")
    box.select_index(box.options.index(label)).run()
    at.button(key=f"te_add:{lang}").click().run()
    assert not at.exception, at.exception


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_preset_loads_with_its_note_and_both_who_bears_tables(lang):
    at = page(lang)
    for file in FILES:
        choose(at, file, lang)
        assert not at.exception, (file, at.exception)
        assert not at.error, (file, [e.value for e in at.error])
        assert at.session_state["ft_teach"]["file"] == file
        note, point = tg.note_of(file, NOTES)
        shown = " ".join(x.value for x in [*at.info, *at.success])
        assert esc(note(lang)) in shown and esc(point(lang)) in shown, file
        assert len(at.table) == 2, file  # who bears it: current law and reform
        who = "谁" if lang == "zh" else "Who"
        assert all(tb.value.index.name == who for tb in at.table)


def test_two_changes_flip_the_claim_and_survive_a_language_switch():
    at = page("zh")
    choose(at, "gym_consent_within_scope.matter.json")
    add(at, CONSENT, "概括同意")
    add(at, RULES, "否")
    assert at.session_state["ft_teach"]["changes"] == [{"path": CONSENT, "value": "general"},
                                                      {"path": RULES, "value": False}]
    flips = at.table[-1].value
    row = flips[flips["结论"].str.contains("个人信息权益")]
    assert list(row["之前"]) == ["否"] and list(row["之后"]) == ["是"]
    assert "《人脸识别规定》第2条第(2)项" in row["法律依据"].iloc[0]
    assert any("翻转的结论" in m.value for m in at.markdown)
    at.sidebar.radio[0].set_value("en").run()
    assert not at.exception
    assert at.selectbox(key="te_pick:en").value == "gym_consent_within_scope.matter.json"
    assert at.session_state["ft_teach"]["changes"] == [{"path": CONSENT, "value": "general"},
                                                      {"path": RULES, "value": False}]
    flips = at.table[-1].value
    row = flips[flips["Conclusion"].str.contains("Personal information")]
    assert list(row["Before"]) == ["No"] and list(row["After"]) == ["Yes"]
    # remove the second change: the claim still flips (general consent alone is not separate consent)
    at.button(key=f"te_rm:1:{RULES}").click().run()
    assert at.session_state["ft_teach"]["changes"] == [{"path": CONSENT, "value": "general"}]
    at.button(key="te_clear").click().run()
    assert at.session_state["ft_teach"]["changes"] == []


def test_moving_the_dates_flips_the_governing_law_on_the_page():
    at = page("en")
    choose(at, "guo_bing_2019.matter.json", "en")
    add(at, tg.SHIFT, "+3 years", "en")
    flips = at.table[-1].value
    gov = flips[flips.index == "Governing law"]
    assert list(gov["After"]) == ["the Civil Code and the related rules"]


def test_who_bears_it_shows_the_reform_shift_in_both_languages():
    for lang, claimant, shop in (("zh", "原告", "某电商平台"), ("en", "claimant", "An online shop")):
        at = page(lang)
        choose(at, "breach_loss_no_causation_reform.matter.json", lang)
        cur, ref = (tb.value for tb in at.table[:2])
        share = "最终承担的份额" if lang == "zh" else "Share borne in the end"
        c_row = next(i for i in cur.index if claimant in i)
        s_row = next(i for i in cur.index if shop in i)
        assert cur.loc[c_row, share] == "100%" and cur.loc[s_row, share] == "0%"
        assert ref.loc[c_row, share] == "0%" and ref.loc[s_row, share] == "100%"
        why = " ".join(m.value for m in at.markdown)
        assert ("改革模式下由被告" in why) if lang == "zh" else ("in reform mode the defendant" in why)


def test_proving_causation_flips_the_compensation_range_with_its_basis():
    at = page("en")
    choose(at, "breach_loss_no_causation_reform.matter.json", "en")
    add(at, "harm.causation_evidence", "Strong", "en")
    flips = at.table[-1].value
    comp = flips[flips.index == "Compensation range"]
    assert list(comp["Before"]) == ["no award"] and comp["After"].iloc[0].startswith("median ¥")
    assert "PIPL Art 69(2)" in comp["Legal basis"].iloc[0]
    liab = flips[flips.index == "Liability"]
    assert liab["Before"].iloc[0].startswith("Only stop and delete") and "Several" in liab["After"].iloc[0]
