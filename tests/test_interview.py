"""The interview's question graph (data only): coverage of the matter model, labels and help in both
languages, hidden answers, structural edits, drafts, error locations and the review rows."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from litigation.facts import answers as fa
from litigation.facts import matter as mm
from litigation.facts import questions as fq
from litigation.facts import steps as fs
from litigation.facts.validation import MatterError, load_matter, read_matter_file

SCENARIOS = sorted((Path(__file__).resolve().parent.parent / "data" / "scenarios").glob("*.matter.json"))
LIST_FIELDS = ("acts", "expenses", "defenses", "entrustments", "assistance")


def _leaves(model, prefix: str = "") -> list[str]:
    out = []
    for name, f in model.model_fields.items():
        try:
            inner = fq._inner_model(f.annotation)
        except TypeError:
            inner = None
        if inner is not None and name not in LIST_FIELDS:
            out += _leaves(inner, f"{prefix}{name}.")
        else:
            out.append(prefix + name)
    return out


def asked_paths() -> set[str]:
    return {q.path if s.scope == "matter" else "participants." + q.path for s in fs.STEPS for q in s.questions}


def test_every_matter_field_is_asked():
    asked = asked_paths()
    missing = [leaf for leaf in _leaves(mm.Matter) if leaf not in fs.NOT_ASKED
               and not any(leaf == a or leaf.startswith(a + ".") for a in asked)]
    assert not missing, f"fields the interview never asks: {missing}"


def test_every_question_path_is_a_model_field():
    for s in fs.STEPS:
        for q in s.questions:
            if q.widget == "groups":
                continue
            model, name = fq._model_for(q.path)
            assert name in model.model_fields, (s.id, q.id)


def test_select_options_are_the_models_codes_with_labels_in_both_languages():
    for s in fs.STEPS:
        for q in s.questions:
            if q.widget != "select":
                continue
            codes = fq.codes_for(q)
            assert codes, q.id
            for c in codes:
                zh, en = fq.option_label(q.group or "", c, "zh"), fq.option_label(q.group or "", c, "en")
                assert zh and en and zh != en, (q.id, c)


def test_texts_exist_in_both_languages():
    ids = set()
    for s in fs.STEPS:
        assert s.title.zh and s.title.en and s.intro.zh and s.intro.en
        for q in s.questions:
            assert q.id not in ids, f"duplicate question id {q.id}"
            ids.add(q.id)
            assert q.label.zh and q.label.en
            if q.help:
                assert q.help.zh and q.help.en
            for term in (*q.terms, *s.terms):
                assert term in fq.GLOSSARY, term
    for name, text in fq.GLOSSARY.values():
        assert name.zh and name.en and text.zh and text.en


def test_conditions_read_existing_paths():
    blank = fa.new_answers()
    blank["participants"].append(fa.blank_participant(blank))
    for s in fs.STEPS:
        for q in s.questions:
            for c in q.visible:
                path = c.path[2:] if c.path.startswith("$.") else (
                    c.path if s.scope == "matter" else "participants.0." + c.path)
                assert fq.get_in(blank, path, default=KeyError) is not KeyError, (q.id, c.path)


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_every_scenario_round_trips_through_the_answers(path):
    """The interview can represent every preset matter exactly (nothing lost, nothing invented)."""
    m = read_matter_file(path)
    d = m.model_dump(mode="json")
    back = load_matter(fa.effective(fa.answers_from(d)))
    assert back.model_dump(mode="json") == d


def test_hidden_answers_are_kept_but_not_used():
    a = fa.new_answers()
    a["claimant"].update(deceased=True, relative_suing="spouse", death_date="2024-01-01")
    a["claimant"]["deceased"] = False
    e = fa.effective(a)
    assert e["claimant"]["relative_suing"] is None and e["claimant"]["death_date"] is None
    assert a["claimant"]["relative_suing"] == "spouse"  # remembered for when it is shown again
    load_matter(e)


def test_roles_decide_processing_and_platform():
    a = fa.new_answers()
    a["participants"] = [fa.blank_participant(a)]
    a["participants"][0].update(name="P", role="network_service_provider")
    e = fa.effective(a)
    assert e["participants"][0]["processing"] is None and e["participants"][0]["platform"] is not None
    a["participants"][0]["role"] = "processor"
    e = fa.effective(a)
    assert e["participants"][0]["platform"] is None and e["participants"][0]["processing"] is not None


def test_consent_none_hides_its_details():
    a = fa.new_answers()
    p = fa.blank_participant(a)
    a["participants"] = [p]
    p["processing"]["consent"].update(type="general", bundled=True, withdrawn=True)
    p["processing"]["consent"]["type"] = "none"
    c = fa.effective(a)["participants"][0]["processing"]["consent"]
    assert c["bundled"] is False and c["withdrawn"] is False


def two_party_answers() -> dict:
    a = fa.new_answers()
    a["participants"] = [fa.blank_participant(a)]
    a["participants"].append(fa.blank_participant(a))
    a["participants"][0]["processing"]["provision"]["to"] = ["p2"]
    a["relations"]["joint_decision"] = [["p1", "p2"]]
    a["relations"]["entrustments"] = [{"principal": "p1", "agent": "p2", "within_mandate": True,
                                       "sub_entrusted_without_consent": False, "principal_supervised": None}]
    return a


def test_rename_participant_updates_references():
    a = two_party_answers()
    fa.rename_participant(a, "p2", "vendor")
    assert a["participants"][1]["id"] == "vendor"
    assert a["participants"][0]["processing"]["provision"]["to"] == ["vendor"]
    assert a["relations"]["joint_decision"] == [["p1", "vendor"]]
    assert a["relations"]["entrustments"][0]["agent"] == "vendor"


def test_remove_participant_drops_references_and_empty_groups():
    a = two_party_answers()
    fa.remove_participant(a, 1)
    assert [p["id"] for p in a["participants"]] == ["p1"]
    assert a["participants"][0]["processing"]["provision"]["to"] == []
    assert a["relations"]["joint_decision"] == [] and a["relations"]["entrustments"] == []


def test_drafts_are_recognised_and_foreign_files_are_not():
    draft = {"format": "facetort-matter", "version": 1,
             "participants": [{"id": "p1", "name": "", "kind": "business", "role": "processor",
                               "processing": {"acts": []}}]}
    with pytest.raises(MatterError):
        load_matter(draft)
    ans = fa.draft_answers(draft)
    assert ans is not None and ans["participants"][0]["processing"]["consent"]["type"] is None  # not in the file: open
    assert fa.effective(ans)["participants"][0]["processing"]["consent"]["type"] == "none"  # counted as the default
    assert fa.draft_answers({"format": "other"}) is None
    assert fa.draft_answers([1, 2]) is None
    bad_type = copy.deepcopy(draft)
    bad_type["participants"][0]["kind"] = "martian"
    assert fa.draft_answers(bad_type) is None  # a wrong code is not a draft: it would break the widgets


def test_error_locations_name_the_step_and_question():
    a = two_party_answers()
    a["participants"][0]["name"] = "园区"
    step, name = fa.locate("participants.0.processing.consent.type", a, "zh")
    assert step == "consent" and name.startswith("园区 › ")
    assert fa.locate("participants.1.name", a, "en")[0] == "participants"
    assert fa.locate("harm.expenses.0.amount", a, "en")[0] == "harm"
    assert fa.locate("relations.joint_decision.0", a, "en")[0] == "relations"


def test_review_rows_cover_visible_answers_in_both_languages():
    a = two_party_answers()
    a["participants"][0]["processing"]["acts"] = [{"kind": "collection", "start": "2023-01-01", "end": None,
                                                  "ongoing": True}]
    zh = fa.review_rows(a, "zh")
    en = fa.review_rows(a, "en")
    assert len(zh) == len(en) > 40
    acts = next(r for r in zh if r["question"] == "处理行为及日期")
    assert acts["answer"] == "收集 2023-01-01～持续中"
    groups = next(r for r in en if r["step"] == "relations" and r["question"].startswith("Joint decisions"))
    assert "PIPL 20" in groups["answer"]


def test_key_facts_start_with_the_most_telling():
    facts = fa.key_facts()
    assert facts[0][1].id == "consent_type"
    assert all(q.widget in ("bool", "tristate", "select") for _, q in facts)


def test_new_answers_are_a_valid_empty_matter():
    m = load_matter(json.dumps(fa.effective(fa.new_answers())))
    assert m.participants == []
