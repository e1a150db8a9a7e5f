"""Property-based tests (hypothesis): invariants of the liability engine on random but valid matters.

The strategies compose participants (processors with roles and processing facts, an optional
unidentified actor, an optional platform), random relations among existing ids and random harm.
Every generated matter goes through `load_matter`, so an invalid draw fails loudly instead of
being skipped.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from litigation.facts.validation import dump_matter, load_matter
from litigation.law.analysis import analyze

AS_OF = dt.date(2026, 6, 30)
TODAY = dt.date(2026, 11, 1)
EARLIEST = dt.date(2019, 1, 1)
PIPL_IN_FORCE = dt.date(2021, 11, 1)
MONEY_TYPES = ("joint_and_several", "several_share", "joint_for_enlarged_part", "supplementary")
JOINT_TYPES = ("joint_and_several", "joint_for_enlarged_part", "supplementary")

PROCESSOR_ROLES = ["processor", "joint_processor", "entrusted_processor", "recipient"]
KINDS = ["business", "platform", "property_manager", "bank", "employer", "school", "state_organ", "tech_vendor",
         "individual"]
ACT_KINDS = ["collection", "storage", "use", "processing", "transmission", "provision", "disclosure"]
VENUES = ["business_premises", "public_place", "residential_community", "workplace", "school", "online"]
PURPOSES = ["identity_verification", "identification", "analysis_marketing", "public_security",
            "public_health_emergency", "emergency_protection", "news_reporting", "entertainment", "other"]
PROOF = ["none", "asserted", "proved"]
EVIDENCE = ["none", "weak", "strong", "admitted"]
DEFENCES = ["consent", "public_health_emergency", "emergency_protection", "public_security", "news_reporting",
            "public_information", "other_law", "no_fault", "owners_committee_approval"]
FAULT = ["intentional", "gross_negligence", "negligence", "none", "unknown"]

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

maybe_bool = st.none() | st.booleans()
money = st.floats(min_value=0, max_value=200_000, allow_nan=False, allow_infinity=False)
small_money = st.floats(min_value=0, max_value=20_000, allow_nan=False, allow_infinity=False)


def iso(d: dt.date) -> str:
    return d.isoformat()


# ---------------------------------------------------------------------------------------------- strategies
@st.composite
def acts_st(draw: st.DrawFn, earliest: dt.date = EARLIEST) -> list[dict[str, Any]]:
    out = []
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.dates(earliest, AS_OF))
        act: dict[str, Any] = {"kind": draw(st.sampled_from(ACT_KINDS)), "start": iso(start)}
        shape = draw(st.sampled_from(["one_off", "ended", "ongoing"]))
        if shape == "ended":
            act["end"] = iso(draw(st.dates(start, AS_OF)))
        elif shape == "ongoing":
            act["ongoing"] = True
        out.append(act)
    return out


@st.composite
def consent_st(draw: st.DrawFn, minor: bool, first_act: dt.date) -> dict[str, Any]:
    kind = draw(st.sampled_from(["none", "general", "separate", "written"]))
    c: dict[str, Any] = {"type": kind, "proof": draw(st.sampled_from(PROOF)),
                         "written_required_by_law": draw(st.booleans())}
    if kind != "none":
        c.update(bundled=draw(st.booleans()), condition_of_service=draw(st.booleans()),
                 coerced=draw(st.booleans()), service_requires_face=draw(maybe_bool))
        if draw(st.booleans()):
            c["withdrawn"] = True
            c["processing_after_withdrawal"] = draw(st.booleans())
            if draw(st.booleans()):
                c["withdrawn_on"] = iso(draw(st.dates(first_act, AS_OF)))
    if minor:
        c["guardian_consent"] = draw(maybe_bool)
    return c


@st.composite
def processing_st(draw: st.DrawFn, minor: bool, earliest: dt.date = EARLIEST) -> dict[str, Any]:
    acts = draw(acts_st(earliest))
    first = min(dt.date.fromisoformat(a["start"]) for a in acts)
    pr: dict[str, Any] = {
        "acts": acts,
        "uses_face_recognition": draw(st.booleans()),
        "venue": draw(st.sampled_from(VENUES)),
        "purpose": draw(st.sampled_from(PURPOSES)),
        "public_security_per_state_rules": draw(maybe_bool),
        "notice": {"rules_published": draw(maybe_bool), "purpose_method_scope_stated": draw(maybe_bool),
                   "necessity_and_impact_explained": draw(maybe_bool), "public_place_signage": draw(maybe_bool)},
        "consent": draw(consent_st(minor, first)),
        "other_legal_basis": draw(st.sampled_from(["none", "none", "contract", "statutory_duty",
                                                   "public_information"])),
        "necessity": {"face_needed_for_purpose": draw(maybe_bool), "sole_verification_method": draw(st.booleans()),
                      "alternative_requested": draw(st.booleans()), "alternative_offered": draw(maybe_bool)},
        "beyond_declared_scope": draw(st.booleans()),
        "breach_of_agreement": draw(st.booleans()),
        "against_public_order": draw(st.booleans()),
        "private_space_device": draw(st.booleans()),
        "records_stored": draw(st.none() | st.integers(0, 200_000)),
        "format_clause": {"used": draw(st.booleans()), "unlimited_term": draw(st.booleans()),
                          "irrevocable": draw(st.booleans()), "freely_sublicensable": draw(st.booleans())},
        "defenses": [{"code": c, "proof": draw(st.sampled_from(PROOF))}
                     for c in draw(st.lists(st.sampled_from(DEFENCES), max_size=3, unique=True))],
        "proved_no_fault": draw(st.sampled_from(PROOF)),
    }
    if draw(st.booleans()):
        pr["incident"] = {"occurred": True, "kind": draw(st.sampled_from(["leak", "tampering", "loss"])),
                          "date": iso(draw(st.dates(first, AS_OF))), "due_measures_taken": draw(maybe_bool),
                          "records_affected": draw(st.none() | st.integers(0, 200_000))}
    return pr


@st.composite
def processor_st(draw: st.DrawFn, pid: str, minor: bool, earliest: dt.date = EARLIEST) -> dict[str, Any]:
    return {
        "id": pid, "name": f"Participant {pid}", "kind": draw(st.sampled_from(KINDS)),
        "role": draw(st.sampled_from(PROCESSOR_ROLES)), "defendant": draw(st.booleans() | st.just(True)),
        "processing": draw(processing_st(minor, earliest)),
        "processing_evidence": draw(st.sampled_from(EVIDENCE)), "fault": draw(st.sampled_from(FAULT)),
        "responsibility_weight": draw(st.none() | st.floats(0.1, 10, allow_nan=False)),
    }


@st.composite
def platform_st(draw: st.DrawFn, pid: str, users: list[str]) -> dict[str, Any]:
    conduct: dict[str, Any] = {
        "serves": draw(st.lists(st.sampled_from(users), min_size=1, unique=True)),
        "knew_or_should_have_known": draw(st.booleans()),
        "notice_had_prima_facie_evidence": draw(maybe_bool),
        "enlarged_damage_share": draw(st.none() | st.floats(0, 1, allow_nan=False)),
    }
    if draw(st.booleans()):
        conduct.update(notified=True, acted_promptly=draw(maybe_bool),
                       notice_date=iso(draw(st.dates(EARLIEST, AS_OF))))
    return {"id": pid, "name": "Platform", "kind": "platform", "role": "network_service_provider",
            "defendant": draw(st.booleans()), "platform": conduct,
            "processing_evidence": draw(st.sampled_from(EVIDENCE))}


def groups_st(ids: list[str]) -> st.SearchStrategy[list[list[str]]]:
    if len(ids) < 2:
        return st.just([])
    return st.lists(st.lists(st.sampled_from(ids), min_size=2, max_size=len(ids), unique=True), max_size=2)


def pairs_st(ids: list[str]) -> st.SearchStrategy[list[tuple[str, str]]]:
    if len(ids) < 2:
        return st.just([])
    return st.lists(st.lists(st.sampled_from(ids), min_size=2, max_size=2, unique=True).map(tuple), max_size=2)


@st.composite
def harm_st(draw: st.DrawFn) -> dict[str, Any]:
    mental = draw(st.sampled_from(["none", "ordinary", "serious"]))
    fault = draw(st.sampled_from(["none", "some", "significant"]))
    h: dict[str, Any] = {
        "economic_loss": draw(small_money),
        "economic_loss_proof": draw(st.sampled_from(["none", "partial", "documented"])),
        "infringer_gains": draw(st.none() | small_money),
        "expenses": [{"kind": draw(st.sampled_from(["investigation", "notarisation", "transport", "attorney_fees",
                                                    "court_fees", "other"])),
                      "amount": draw(small_money), "receipt": draw(st.booleans())}
                     for _ in range(draw(st.integers(0, 3)))],
        "mental_distress": mental,
        "mental_evidence": "none" if mental == "none" else draw(st.sampled_from(
            ["none", "own_statement", "witness", "medical"])),
        "scope_of_impact": draw(st.sampled_from(["private", "limited", "wide"])),
        "causation_evidence": draw(st.sampled_from(EVIDENCE)),
        "claimant_fault": fault,
        "further_infringement_imminent": draw(st.booleans()),
        "irreparable_if_not_stopped": draw(st.booleans()),
    }
    if fault != "none":
        h["claimant_fault_reduction"] = draw(st.none() | st.floats(0, 0.9, allow_nan=False))
    return h


@st.composite
def claimant_st(draw: st.DrawFn) -> dict[str, Any]:
    c: dict[str, Any] = {"name": "Claimant", "age_group": draw(st.sampled_from(["adult", "minor_14_17",
                                                                                 "minor_under_14"]))}
    if draw(st.integers(0, 4)) == 0:
        c.update(deceased=True, death_date=iso(draw(st.dates(EARLIEST, AS_OF))),
                 relative_suing=draw(st.sampled_from(["spouse", "child", "parent", "other_close_relative"])))
    return c


@st.composite
def matter_dict_st(draw: st.DrawFn, max_processors: int = 4) -> dict[str, Any]:
    claimant = draw(claimant_st())
    minor = claimant["age_group"] != "adult"
    n = draw(st.integers(1, max_processors))
    parts = [draw(processor_st(f"p{i}", minor)) for i in range(n)]
    with_processing = [p["id"] for p in parts]
    if draw(st.booleans()):  # an unidentified actor (CC 1170); cannot be a defendant
        parts.append({"id": "ux", "name": "Unidentified actor", "kind": "unknown", "role": "recipient",
                      "identified": False, "defendant": False, "processing": draw(processing_st(minor)),
                      "processing_evidence": draw(st.sampled_from(EVIDENCE))})
        with_processing.append("ux")
    if draw(st.booleans()):  # a third person (hacker, fraudster, buyer...): CC 1175, no presumed fault
        identified = draw(st.booleans())
        parts.append({"id": "w", "name": "Third person", "kind": "individual" if identified else "unknown",
                      "role": "third_party_wrongdoer", "identified": identified,
                      "defendant": draw(st.booleans()) if identified else False,
                      "wrongdoer_kind": draw(st.none() | st.sampled_from(["hacker", "fraudster", "buyer", "other"])),
                      "processing_evidence": draw(st.sampled_from(EVIDENCE)), "fault": draw(st.sampled_from(FAULT))})
    if n > 1 and draw(st.booleans()):  # one processor is another's employee (CC 1191(1))
        parts[1]["employee_of"] = parts[0]["id"]
    if draw(st.booleans()):
        parts.append(draw(platform_st("plat", with_processing)))
    ids = [p["id"] for p in parts]
    for p in parts:  # provision to other existing participants
        if "processing" in p and draw(st.booleans()):
            others = [i for i in ids if i != p["id"]]
            p["processing"]["provision"] = {
                "to": draw(st.lists(st.sampled_from(others), unique=True)) if others else [],
                "to_unidentified": draw(st.booleans()), "separate_consent": draw(st.booleans()),
                "recipient_disclosed": draw(st.booleans()), "sold": draw(st.booleans()),
                "items": draw(st.none() | st.integers(0, 10_000)), "illegal_gains": draw(st.none() | small_money)}
    relations = {
        "joint_decision": draw(groups_st(with_processing)),
        "concerted_action": draw(groups_st(ids)),
        "each_sufficient": draw(groups_st(ids)),
        "unknown_actor_among": draw(groups_st(ids)),
        "entrustments": [{"principal": a, "agent": b, "within_mandate": draw(st.booleans()),
                          "principal_supervised": draw(maybe_bool)} for a, b in draw(pairs_st(ids))],
        "assistance": [{"helper": a, "actor": b, "kind": draw(st.sampled_from(["instigation", "assistance"]))}
                       for a, b in draw(pairs_st(ids))],
    }
    return {"format": "facetort-matter", "version": 1, "title": "random", "as_of": iso(AS_OF),
            "claimant": claimant, "participants": parts, "relations": relations, "harm": draw(harm_st())}


totals = st.floats(min_value=0, max_value=1_000_000, allow_nan=False, allow_infinity=False)


def load(d: dict[str, Any]):
    return load_matter(d, today=TODAY)


def money_defendants(out: dict[str, Any]) -> list[dict[str, Any]]:
    return [d for d in out["liability"]["defendants"] if d["external"] in MONEY_TYPES]


def all_rows(out: dict[str, Any]) -> list[dict[str, Any]]:
    """Defendants and the tortfeasors not before the court (shares are fixed over all of them: CC 1172)."""
    return out["liability"]["defendants"] + out["liability"]["non_parties"]


def total_internal(out: dict[str, Any]) -> float:
    return sum(d["internal_amount"] or 0.0 for d in all_rows(out))


# ---------------------------------------------------------------------------------------------- properties
@SETTINGS
@given(matter_dict_st(), totals)
def test_internal_shares_sum_to_one_and_amounts_to_the_recoverable_total(d, total):
    m = load(d)
    out = analyze(m, total_damages=total).to_json()
    bearing = [x for x in all_rows(out) if x["internal_share"] > 0]
    if not bearing:
        return  # nothing to allocate
    # The engine rounds each share to 6 decimals, so n shares may miss 1 by up to n * 5e-7 (3 x 0.333333).
    tolerance = max(1e-6, 5e-7 * len(bearing) + 1e-12)
    assert abs(sum(x["internal_share"] for x in bearing) - 1.0) <= tolerance, all_rows(out)
    reduction = m.harm.claimant_fault_reduction or 0.0
    recoverable = total * (1 - reduction)
    assert abs(out["liability"]["recoverable"] - recoverable) <= 0.05
    assert abs(sum(x["internal_amount"] for x in bearing) - recoverable) <= 0.05
    for x in out["liability"]["defendants"]:
        if x["external"] not in MONEY_TYPES:
            assert x["internal_share"] == 0.0


def shares(out: dict[str, Any]) -> dict[str, float]:
    return {x["id"]: x["internal_share"] for x in all_rows(out) if x["internal_share"] > 0}


@SETTINGS
@given(matter_dict_st(), st.data())
def test_shares_over_all_tortfeasors_do_not_change_with_who_is_sued(d, data):
    """CC 1172, SPC 7(1): each tortfeasor's share is fixed over all tortfeasors, sued or not."""
    suable = [p for p in d["participants"] if p.get("identified", True)]
    target = data.draw(st.sampled_from([p["id"] for p in suable]))
    before = shares(analyze(load(d), total_damages=1000.0).to_json())
    flipped = json.loads(json.dumps(d))
    p = next(x for x in flipped["participants"] if x["id"] == target)
    p["defendant"] = not p.get("defendant", True)
    after = shares(analyze(load(flipped), total_damages=1000.0).to_json())
    assert before.keys() == after.keys()
    for k, v in before.items():
        assert abs(after[k] - v) <= 1e-6, (target, before, after)
    if before:
        assert abs(sum(before.values()) - 1.0) <= 1e-5


@SETTINGS
@given(matter_dict_st(), totals, st.sampled_from(["shares", "supplementary"]))
def test_a_defendant_owes_no_more_than_its_share_unless_a_joint_rule_holds(d, total, reading):
    out = analyze(load(d), total_damages=total, third_person=reading).to_json()
    for x in out["liability"]["defendants"]:
        if x["external"] not in JOINT_TYPES:
            assert x["exposure_amount"] <= x["internal_amount"] + 0.01, x
            assert not x["jointly_with"] or x["external"] != "several_share", x


LOWER = {"strong": ["weak", "none"], "admitted": ["strong", "weak", "none"], "weak": ["none"], "none": []}


@st.composite
def weakened_st(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """A matter and a copy in which one piece of the claimant's evidence is weaker."""
    d = draw(matter_dict_st())
    w = json.loads(json.dumps(d))
    h = w["harm"]
    options = [("processing", p["id"]) for p in w["participants"] if LOWER[p.get("processing_evidence", "none")]]
    if LOWER[h["causation_evidence"]]:
        options.append(("causation", None))
    if h["economic_loss_proof"] != "none":
        options.append(("loss_proof", None))
    if h["mental_evidence"] != "none":
        options.append(("mental", None))
    if any(e["receipt"] for e in h["expenses"]):
        options.append(("receipt", None))
    if any(p.get("fault") in ("intentional", "gross_negligence", "negligence") for p in w["participants"]):
        options.append(("fault", None))
    if not options:
        return d, w
    what, pid = draw(st.sampled_from(options))
    if what == "processing":
        p = next(x for x in w["participants"] if x["id"] == pid)
        p["processing_evidence"] = draw(st.sampled_from(LOWER[p.get("processing_evidence", "none")]))
    elif what == "causation":
        h["causation_evidence"] = draw(st.sampled_from(LOWER[h["causation_evidence"]]))
    elif what == "loss_proof":
        h["economic_loss_proof"] = {"documented": "partial", "partial": "none"}[h["economic_loss_proof"]]
    elif what == "mental":
        h["mental_evidence"] = draw(st.sampled_from([x for x in ["none", "own_statement", "witness"]
                                                     if x != h["mental_evidence"]][:2]))
    elif what == "receipt":
        for e in h["expenses"]:
            e["receipt"] = False
    else:
        for p in w["participants"]:
            if p.get("fault") in ("intentional", "gross_negligence", "negligence"):
                p["fault"] = "unknown"
    return d, w


@SETTINGS
@given(weakened_st(), st.sampled_from(["current", "reform"]))
def test_weakening_evidence_never_creates_liability(pair, mode):
    strong, weak = pair
    a = {x["id"]: x["external"] for x in analyze(load(strong), mode=mode).to_json()["liability"]["defendants"]}
    b = {x["id"]: x["external"] for x in analyze(load(weak), mode=mode).to_json()["liability"]["defendants"]}
    for pid, ext in b.items():
        if a[pid] == "none":
            assert ext == "none", (pid, a, b)
        if a[pid] not in MONEY_TYPES:
            assert ext not in MONEY_TYPES, (pid, a, b)


@st.composite
def joint_group_st(draw: st.DrawFn) -> dict[str, Any]:
    """All defendants jointly decide (PIPL 20), all infringe (no consent) and there is damage."""
    n = draw(st.integers(2, 4))
    parts = []
    for i in range(n):
        pr = draw(processing_st(minor=False, earliest=dt.date(2022, 1, 1)))
        pr.update(consent={"type": "none"}, other_legal_basis="none", defenses=[], proved_no_fault="none")
        pr.pop("provision", None)
        parts.append({"id": f"j{i}", "name": f"Joint {i}", "kind": draw(st.sampled_from(KINDS)),
                      "role": draw(st.sampled_from(["processor", "joint_processor"])), "processing": pr,
                      "processing_evidence": draw(st.sampled_from(["strong", "admitted"])),
                      "responsibility_weight": draw(st.none() | st.floats(0.1, 10, allow_nan=False))})
    harm = draw(harm_st())
    harm["expenses"] = [{"kind": "attorney_fees", "amount": draw(st.floats(1, 20_000, allow_nan=False)),
                         "receipt": True}]
    return {"format": "facetort-matter", "version": 1, "as_of": iso(AS_OF), "participants": parts,
            "relations": {"joint_decision": [[p["id"] for p in parts]]}, "harm": harm}


@SETTINGS
@given(joint_group_st(), totals)
def test_one_joint_and_several_group_exposes_each_member_to_the_whole(d, total):
    m = load(d)
    out = analyze(m, total_damages=total).to_json()
    recoverable = out["liability"]["recoverable"]
    assert abs(recoverable - total * (1 - (m.harm.claimant_fault_reduction or 0.0))) <= 0.05
    ids = {p.id for p in m.participants}
    for x in out["liability"]["defendants"]:
        assert x["external"] == "joint_and_several"
        assert set(x["jointly_with"]) == ids - {x["id"]}
        assert abs(x["exposure_amount"] - recoverable) <= 0.05


@SETTINGS
@given(matter_dict_st(), st.data())
def test_a_proved_exemption_means_no_liability(d, data):
    m = load(d)
    candidates = [p for p in m.participants if p.defendant and p.processing is not None]
    if not candidates:
        return
    target = data.draw(st.sampled_from([p.id for p in candidates]))
    pd = next(p for p in d["participants"] if p["id"] == target)
    # conduct after the PIPL took effect, so SPC 5(1) / PIPL 13(1)(4) are in force for it
    pd["processing"]["acts"] = data.draw(acts_st(PIPL_IN_FORCE))
    pd["processing"]["consent"].pop("withdrawn_on", None)
    pd["processing"].pop("incident", None)
    pd["processing"]["purpose"] = data.draw(st.sampled_from(["public_health_emergency", "emergency_protection"]))
    code = data.draw(st.sampled_from(["public_health_emergency", "emergency_protection"]))
    pd["processing"]["defenses"] = [x for x in pd["processing"]["defenses"] if x["code"] != code] + [
        {"code": code, "proof": "proved"}]
    out = analyze(load(d), total_damages=1000.0).to_json()
    accepted = [x for x in out["defenses"] if x["participant"] == target and x["code"] == code]
    assert accepted and accepted[0]["accepted"] is True
    row = next(x for x in out["liability"]["defendants"] if x["id"] == target)
    assert row["external"] == "none", row
    assert row["internal_amount"] == 0.0


@SETTINGS
@given(matter_dict_st(max_processors=3), st.data(), totals)
def test_adding_an_unrelated_participant_never_lowers_recovery(d, data, total):
    before = total_internal(analyze(load(d), total_damages=total).to_json())
    minor = d["claimant"]["age_group"] != "adult"
    extra = data.draw(processor_st("extra", minor))
    bigger = json.loads(json.dumps(d))
    bigger["participants"].append(extra)
    after = total_internal(analyze(load(bigger), total_damages=total).to_json())
    assert after >= before - 0.05, (before, after)


@SETTINGS
@given(matter_dict_st())
def test_json_round_trip_is_lossless(d):
    m = load(d)
    text = dump_matter(m)
    again = load_matter(json.loads(text), today=TODAY)
    assert again == m
    assert dump_matter(again) == text


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matter_dict_st(), st.none() | totals, st.sampled_from(["current", "reform"]))
def test_analysis_is_deterministic(d, total, mode):
    first = analyze(load(d), mode=mode, total_damages=total).to_json()
    second = analyze(load(json.loads(json.dumps(d))), mode=mode, total_damages=total).to_json()
    assert json.dumps(first, sort_keys=True, ensure_ascii=False) == json.dumps(second, sort_keys=True,
                                                                               ensure_ascii=False)


def test_platform_sued_alone_bears_the_enlarged_part():
    """Regression test for D11 (fixed in the engine during this review)."""
    d = {"format": "facetort-matter", "version": 1, "as_of": iso(AS_OF), "participants": [
        {"id": "poster", "name": "Anonymous poster", "kind": "unknown", "role": "processor", "identified": False,
         "defendant": False, "processing_evidence": "strong",
         "processing": {"acts": [{"kind": "disclosure", "start": "2024-01-05"}], "venue": "online",
                        "consent": {"type": "none"}}},
        {"id": "plat", "name": "Platform", "kind": "platform", "role": "network_service_provider",
         "processing_evidence": "strong",
         "platform": {"serves": ["poster"], "notified": True, "notice_date": "2024-02-01",
                      "notice_had_prima_facie_evidence": True, "acted_promptly": False,
                      "enlarged_damage_share": 0.4}}],
        "harm": {"economic_loss": 10000, "economic_loss_proof": "documented", "causation_evidence": "strong"}}
    out = analyze(load(d), total_damages=10000).to_json()
    plat = out["liability"]["defendants"][0]
    assert plat["external"] == "joint_for_enlarged_part"
    assert plat["exposure_amount"] == 4000.0  # CC 1195(2): the whole enlarged part can be claimed from it
    assert plat["internal_amount"] == 2000.0  # CC 178(2): equal internal shares with the absent user


@st.composite
def several_platforms_st(draw: st.DrawFn) -> dict[str, Any]:
    """One to three sued users who infringe, and two to four platforms that did not act on notice."""
    users = []
    for i in range(draw(st.integers(1, 3))):
        pr = draw(processing_st(minor=False, earliest=dt.date(2022, 1, 1)))
        pr.update(consent={"type": "none"}, other_legal_basis="none", defenses=[], proved_no_fault="none")
        pr.pop("provision", None)
        users.append({"id": f"u{i}", "name": f"User {i}", "kind": "individual", "role": "processor",
                      "processing": pr, "processing_evidence": "strong",
                      "responsibility_weight": draw(st.none() | st.floats(0.1, 10, allow_nan=False))})
    ids = [u["id"] for u in users]
    plats = [{"id": f"plat{i}", "name": f"Platform {i}", "kind": "platform", "role": "network_service_provider",
              "processing_evidence": "strong",
              "platform": {"serves": draw(st.lists(st.sampled_from(ids), min_size=1, unique=True)),
                           "notified": True, "notice_date": "2022-06-01", "notice_had_prima_facie_evidence": True,
                           "acted_promptly": False, "enlarged_damage_share": draw(st.floats(0.05, 1))}}
             for i in range(draw(st.integers(2, 4)))]
    return {"format": "facetort-matter", "version": 1, "as_of": iso(AS_OF), "participants": users + plats,
            "harm": {"economic_loss": 1000, "economic_loss_proof": "documented", "causation_evidence": "strong"}}


@SETTINGS
@given(several_platforms_st(), totals)
def test_several_platforms_never_allocate_more_than_is_recoverable(d, total):
    """With two or more platforms the enlarged parts together are at most the whole damage: the shares
    sum to 1, the amounts to the recoverable total, and nobody's exposure exceeds it."""
    out = analyze(load(d), total_damages=total).to_json()
    rows = out["liability"]["defendants"]
    assert {x["external"] for x in rows if x["id"].startswith("plat")} == {"joint_for_enlarged_part"}
    assert abs(sum(x["internal_share"] for x in rows) - 1.0) <= 5e-7 * len(rows) + 1e-12, rows
    recoverable = out["liability"]["recoverable"]
    assert sum(x["internal_amount"] for x in rows) <= recoverable + 0.01 * len(rows)
    assert all(x["exposure_amount"] <= recoverable + 0.01 for x in rows), rows
