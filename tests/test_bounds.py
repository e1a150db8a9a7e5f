"""The matter reader's bounds (litigation/facts/bounds.py): hostile input gets a clear bilingual error
naming the field or the limit, never a traceback, and text is normalised so that it can be written and
read back."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from litigation.facts import bounds
from litigation.facts.validation import MatterError, dump_matter, load_matter, read_matter_file

TODAY = dt.date(2026, 1, 1)
BASE = {"format": "facetort-matter", "version": 1, "as_of": "2025-06-01", "participants": [
    {"id": "park", "name": "Park", "kind": "business", "role": "processor", "processing_evidence": "strong",
     "processing": {"acts": [{"kind": "collection", "start": "2024-01-01"}]}}],
    "harm": {"economic_loss": 100, "expenses": [{"kind": "transport", "amount": 20}]}}


def errors(data) -> list:
    with pytest.raises(MatterError) as exc:
        load_matter(data, today=TODAY)
    return exc.value.errors


def with_(path: str, value) -> dict:
    d = copy.deepcopy(BASE)
    node = d
    keys = path.split(".")
    for k in keys[:-1]:
        node = node[int(k)] if isinstance(node, list) else node[k]
    node[int(keys[-1]) if isinstance(node, list) else keys[-1]] = value
    return d


def test_the_base_matter_is_valid():
    assert load_matter(BASE, today=TODAY).harm.economic_loss == 100


@pytest.mark.parametrize("text", ["[" * 100_000, '{"a":' * 50_000 + "1" + "}" * 50_000])
def test_deep_nesting_is_a_clear_error_not_a_recursion_error(text):
    (e,) = errors(text)
    assert e.loc == "(file)" and "24" in e.en and "嵌套" in e.zh


def test_deep_nesting_in_an_object_passed_directly_is_reported_at_its_place():
    deep: list = []
    node = deep
    for _ in range(5_000):
        node.append([])
        node = node[0]
    (e,) = errors(with_("notes", deep))
    assert e.loc.startswith("notes.0.0") and "nested too deeply" in e.en


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity", "1e400", "-1e999", "1" * 5000])
def test_non_finite_or_huge_numbers_are_rejected_with_the_field_named(literal):
    text = json.dumps(BASE).replace('"economic_loss": 100', f'"economic_loss": {literal}')
    (e,) = errors(text)
    assert e.loc == "harm.economic_loss"
    assert "finite" in e.en and "有限" in e.zh
    assert len(e.en) < 200  # a short excerpt of the number, not all 5,000 digits


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_non_finite_numbers_in_a_dict_are_rejected_too(value):
    (e,) = errors(with_("harm.expenses.0.amount", value))
    assert e.loc == "harm.expenses.0.amount" and "finite" in e.en


def test_a_number_too_large_for_an_amount_is_rejected():
    (e,) = errors(with_("harm.economic_loss", 10**16))
    assert e.loc == "harm.economic_loss" and "10^15" in e.en


def test_too_many_participants_names_the_limit():
    d = copy.deepcopy(BASE)
    d["participants"] = [dict(BASE["participants"][0], id=f"p{i}") for i in range(bounds.MAX_PARTICIPANTS + 1)]
    (e,) = errors(d)
    assert e.loc == "participants" and str(bounds.MAX_PARTICIPANTS) in e.en and str(bounds.MAX_PARTICIPANTS) in e.zh


def test_too_many_relation_entries_names_the_limit():
    d = with_("relations", {"assistance": [{"helper": "park", "actor": "x"}] * 400,
                            "entrustments": [{"principal": "park", "agent": "x"}] * 400,
                            "concerted_action": [["park", "x"]] * 400})
    (e,) = errors(d)
    assert e.loc == "relations" and "1000" in e.en


def test_an_overlong_list_or_text_is_rejected_before_pydantic():
    (e,) = errors(with_("harm.expenses", [{"kind": "transport", "amount": 1}] * (bounds.MAX_LIST + 1)))
    assert e.loc == "harm.expenses" and "too many entries" in e.en
    (e,) = errors(with_("notes", "x" * (bounds.MAX_TEXT + 1)))
    assert e.loc == "notes" and "text too long" in e.en


def test_control_characters_are_normalised_in_names_and_notes():
    d = with_("participants.0.name", "\tPark\x00 \x1b[31mred\r\nline\rnext\ud800\uffff")
    d["notes"] = "a\x07b\r\nc\x85d"
    m = load_matter(d, today=TODAY)
    assert m.participants[0].name == "\tPark [31mred\nline\nnext"
    assert m.notes == "ab\ncd"
    again = load_matter(dump_matter(m), today=TODAY)
    assert again == m


BIDI_AND_ZERO_WIDTH = "".join(map(chr, [*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A),
                                        0xFEFF]))


def test_bidi_controls_and_zero_width_characters_are_stripped_from_names_and_notes():
    # a right-to-left override would show "Park" reversed; zero-width ones make two names that look alike differ
    d = with_("participants.0.name", "\u202ekraP\u202c Zoo\u200b Ltd\ufeff")
    d["notes"] = "".join(c + "x" for c in BIDI_AND_ZERO_WIDTH)
    d["claimant"] = {"name": "\u2067郭某\u2069\u200d"}
    m = load_matter(d, today=TODAY)
    assert m.participants[0].name == "kraP Zoo Ltd"
    assert m.notes == "x" * len(BIDI_AND_ZERO_WIDTH)
    assert m.claimant.name == "郭某"
    assert load_matter(dump_matter(m), today=TODAY) == m
    assert bounds.clean_text("a\u202eb") == "ab"  # and every renderer drops them too


def test_validate_says_that_invisible_characters_were_removed(tmp_path, capsys):
    from litigation import cli

    p = tmp_path / "m.json"
    p.write_text(json.dumps(with_("participants.0.name", "Pa\u202erk\u200b"), ensure_ascii=False), encoding="utf-8")
    assert cli.main(["validate", str(p), "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "已删除 2 个不可见的方向控制符或零宽字符" in out and "U+202E, U+200B" in out
    assert cli.main(["validate", str(p), "--lang", "en"]) == 0
    assert "2 invisible direction-control or zero-width character(s)" in capsys.readouterr().out
    p.write_text(json.dumps(BASE), encoding="utf-8")
    assert cli.main(["validate", str(p), "--lang", "en"]) == 0
    assert "invisible" not in capsys.readouterr().out


def test_invalid_json_says_line_and_column_and_quotes_only_an_excerpt():
    text = '{\n  "format": "facetort-matter",\n  "title": oops' + "x" * 100_000 + "\n}"
    (e,) = errors(text)
    assert "line 3, column 12" in e.en and "第 3 行第 12 列" in e.zh
    assert len(e.en) < 120


def test_a_file_cut_off_says_it_ends_too_early():
    (e,) = errors(json.dumps(BASE)[:-10])
    assert "ends too early" in e.en


def test_an_unknown_version_is_quoted_short():
    (e,) = errors(with_("version", "9" * 10_000))
    assert e.loc == "version" and len(e.en) < 150


def test_an_unknown_reference_is_quoted_short():
    d = with_("relations", {"assistance": [{"helper": "park", "actor": "y" * 15_000}]})
    (e,) = errors(d)
    assert e.loc == "relations.assistance.0.actor" and len(e.en) <= 300


def test_a_file_over_the_size_limit_is_refused_without_reading_it_all(tmp_path):
    p = tmp_path / "big.json"
    p.write_text(" " * (bounds.MAX_FILE_BYTES + 1) + json.dumps(BASE))
    with pytest.raises(MatterError) as exc:
        read_matter_file(p, today=TODAY)
    assert "too large" in exc.value.errors[0].en


text_st = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from("\r\n\t\x00\x0b\x85"),
                  max_size=60)


@settings(max_examples=200, deadline=None)
@given(name=text_st.filter(lambda s: bounds.clean_text(s).strip() != ""), notes=text_st, title=text_st,
       amount=st.floats(0, 1e15, allow_nan=False, allow_infinity=False))
def test_whatever_is_accepted_round_trips_through_the_file(name, notes, title, amount):
    d = with_("participants.0.name", name)
    d.update(notes=notes, title=title)
    d["harm"]["economic_loss"] = amount
    m = load_matter(d, today=TODAY)
    text = dump_matter(m)
    assert load_matter(text, today=TODAY) == m
    assert load_matter(text.encode("utf-8"), today=TODAY) == m


@pytest.mark.parametrize("value", [True, 3, "x", {"a": 1}])
def test_participants_of_the_wrong_type_are_a_clean_error(value):
    (e, *_) = errors(with_("participants", value))
    assert e.loc == "participants" and "list" in e.en


def test_a_participant_listed_twice_is_an_error_not_a_double_share():
    d = copy.deepcopy(BASE)
    d["participants"].append({"id": "plat", "name": "Platform", "kind": "platform", "role": "network_service_provider",
                              "platform": {"serves": ["park", "park"]}})
    d["relations"] = {"concerted_action": [["park", "plat", "park"]]}
    locs = {e.loc for e in errors(d)}
    assert locs == {"participants.1.platform.serves.1", "relations.concerted_action.0.2"}
