"""Interview quality without the app: unanswered facts and their defaults, decisive gaps, the place lists and
the review prose."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from litigation.facts import answers as fa
from litigation.facts import places
from litigation.facts import review as rv
from litigation.facts.matter import Matter
from litigation.facts.validation import dump_matter, load_matter

DATA = Path(__file__).resolve().parent.parent / "data"


def one_processor() -> dict:
    a = fa.new_answers()
    a["participants"].append(fa.blank_participant(a))
    a["participants"][0]["name"] = "某公司"
    return a


def test_new_answers_leave_every_yes_no_fact_open_and_effective_gives_the_model_default():
    a = one_processor()
    assert all(fq is None for fq in (a["claimant"]["deceased"], a["requests"]["deletion"],
                                     a["participants"][0]["processing"]["uses_face_recognition"]))
    a["participants"][0]["processing"]["acts"] = [dict(fa.BLANK_ITEMS["acts"], start="2023-03-01")]
    m = load_matter(fa.effective(a))
    blank = Matter()
    assert m.requests == blank.requests and m.claimant.deceased is False
    assert m.participants[0].processing.uses_face_recognition is True  # the model default, not a guess of ours
    assert m.participants[0].processing.acts[0].ongoing is False


def test_a_loaded_matter_has_nothing_open():
    path = DATA / "scenarios" / "guo_bing_2019.matter.json"
    m = load_matter(path.read_text(encoding="utf-8"))
    assert rv.unanswered(fa.answers_from(m.model_dump(mode="json"))) == []


def test_storage_without_an_answer_on_whether_it_continues_is_a_decisive_gap():
    a = one_processor()
    assert any(g.path.endswith("processing.acts") for g in rv.decisive_missing(a))  # no act: no dates
    a["participants"][0]["processing"]["acts"] = [dict(fa.BLANK_ITEMS["acts"], kind="storage", start="2023-03-01")]
    gaps = rv.decisive_missing(a)
    assert [g.path for g in gaps if g.step == "acts"] == ["participants.0.processing.acts.0.ongoing"]
    storage = next(g for g in gaps if g.step == "acts").message(a, "en")
    assert storage.startswith("某公司 › Whether storage continues: not answered yet") and "deletion" in storage
    a["participants"][0]["processing"]["acts"][0]["end"] = "2024-01-01"  # an end date answers it
    assert not [g for g in rv.decisive_missing(a) if g.step == "acts"]


def test_claims_and_amounts_are_decisive():
    a = fa.new_answers()
    names = [g.message(a, "zh") for g in rv.decisive_missing(a) if g.step == "requests"]
    assert len(names) == 1 and "删除人脸信息" in names[0] and "按违约起诉" in names[0]
    for k in a["requests"]:
        if k != "claimed":
            a["requests"][k] = False
    a["requests"]["damages"] = True
    gaps = [g for g in rv.decisive_missing(a) if g.step == "requests"]
    assert [g.path for g in gaps] == ["requests.claimed"]
    a["requests"]["claimed"]["mental_distress"] = 5000.0
    assert not [g for g in rv.decisive_missing(a) if g.step == "requests"]


def test_the_province_list_is_the_income_table_and_every_case_city_is_listed():
    with open(DATA / "income_by_province.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert set(places.provinces()) == {r["province_zh"] for r in rows} - {"全国"}
    with open(DATA / "province_capitals.csv", encoding="utf-8") as f:
        capitals = {r["province_zh"]: r["capital_zh"] for r in csv.DictReader(f)}
    assert set(capitals) == set(places.provinces())
    for prov, cap in capitals.items():
        assert places.cities(prov)[0] == cap
    with open(DATA / "cases.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["province"] and r["city"]:
                assert r["city"] in places.cities(r["province"]), r["case_id"]
    assert places.city_label("浙江", "宁波", "en") == "Ningbo" and places.province_label("浙江", "en") == "Zhejiang"


def test_the_review_prose_states_each_answer_in_full_and_names_the_open_ones():
    a = one_processor()
    a["notes"] = "第一行\n" + "长" * 5000
    a["claimant"]["public_figure"] = False
    zh = {(s, i): p for s, i, p in rv.review_prose(a, "zh")}
    en = {(s, i): p for s, i, p in rv.review_prose(a, "en")}
    assert zh.keys() == en.keys()
    assert "长" * 5000 in zh[("requests", None)]
    assert "并非如此：原告是公众人物。" in zh[("claimant", None)]
    assert "Not known (not answered): The person has died." in en[("claimant", None)]
    assert "名称：某公司。" in zh[("participants", 0)]


def test_a_part_a_file_leaves_out_starts_open_when_the_role_changes():
    a = one_processor()
    a["participants"][0].update(role="third_party_wrongdoer", wrongdoer_kind="hacker", defendant=True, identified=True)
    m = load_matter(fa.effective(a))
    assert m.participants[0].processing is None  # not in the saved matter
    back = fa.answers_from(m.model_dump(mode="json"))
    # what was left open stays open after the file round trip (not silently answered with the defaults)
    assert {p for *_, p in rv.unanswered(back)} == {p for *_, p in rv.unanswered(a)} != set()
    back["participants"][0].update(role="processor", wrongdoer_kind=None)
    paths = {p for *_, p in rv.unanswered(back)}
    assert "participants.0.processing.uses_face_recognition" in paths  # never answered: not taken as "yes"
    assert "participants.0.processing.consent.type" in paths


def test_a_saved_file_keeps_open_facts_open_and_answered_ones_answered():
    """Download → upload: an unanswered yes/no fact comes back unanswered; an answered 'no' stays 'no'."""
    a = one_processor()
    a["participants"][0]["processing"]["uses_face_recognition"] = False
    a["participants"][0]["processing"]["acts"] = [dict(fa.BLANK_ITEMS["acts"], start="2023-03-01")]
    a["claimant"]["public_figure"] = None
    m = load_matter(fa.effective(a))
    assert "claimant.public_figure" in m.unanswered
    assert "participants.0.processing.uses_face_recognition" not in m.unanswered
    assert m.claimant.public_figure is False  # the analysis reads the model default
    back = fa.answers_from(json.loads(dump_matter(m)))
    assert back["claimant"]["public_figure"] is None
    assert back["participants"][0]["processing"]["uses_face_recognition"] is False
    assert "unanswered" not in back and back["participants"][0]["processing"]["acts"][0]["ongoing"] is None
    assert load_matter(fa.effective(back)).model_dump() == m.model_dump()


def test_the_amounts_claimed_are_asked_unless_damages_are_declined():
    """Unanswered 'damages asked for' counts as yes (the model default), so the amounts claimed stay asked and
    used; only an explicit 'no' hides them."""
    a = one_processor()
    a["participants"][0]["processing"]["acts"] = [dict(fa.BLANK_ITEMS["acts"], start="2023-03-01")]
    a["requests"]["claimed"]["mental_distress"] = 5000
    assert a["requests"]["damages"] is None
    assert load_matter(fa.effective(a)).requests.claimed.mental_distress == 5000
    a["requests"]["damages"] = False
    assert load_matter(fa.effective(a)).requests.claimed.mental_distress is None  # hidden: kept, not used
    assert a["requests"]["claimed"]["mental_distress"] == 5000


def test_the_evidence_of_processing_starts_open_and_is_flagged_until_answered():
    """Whether the claimant can prove the processing decides every claim against that party (SPC 6(1)): it starts
    unanswered (counted as 'no evidence', the model default) and is a decisive gap until answered."""
    a = one_processor()
    assert a["participants"][0]["processing_evidence"] is None
    gaps = [g for g in rv.decisive_missing(a) if g.path == "participants.0.processing_evidence"]
    assert len(gaps) == 1 and gaps[0].step == "participants"
    assert "人脸识别规定第六条第一款" in gaps[0].message(a, "zh") and "CPL 67" in gaps[0].message(a, "en")
    a["participants"][0]["processing"]["acts"] = [dict(fa.BLANK_ITEMS["acts"], start="2023-03-01")]
    assert load_matter(fa.effective(a)).participants[0].processing_evidence == "none"
    a["participants"][0]["processing_evidence"] = "strong"
    assert not [g for g in rv.decisive_missing(a) if g.path.endswith("processing_evidence")]
