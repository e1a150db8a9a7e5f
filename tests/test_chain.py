"""The data chain (issue 8, item 3) and the corrections of the expert read-through (item 5), one test each."""

from __future__ import annotations

from litigation.cli import main
from litigation.documents.report import render_markdown
from litigation.facts.labels import zh as L_zh
from litigation.facts.validation import load_matter
from litigation.law.analysis import analyze
from litigation.law.citations import cite
from litigation.law.rules import RULES

NOTICE = {"rules_published": True, "purpose_method_scope_stated": True, "necessity_and_impact_explained": True}


def proc(pid: str, start: str = "2024-03-01", kind: str = "business", role: str = "processor", **processing) -> dict:
    base = {"acts": [{"kind": "collection", "start": start}, {"kind": "storage", "start": start, "ongoing": True}],
            "venue": "business_premises", "purpose": "identity_verification", "notice": NOTICE,
            "consent": {"type": "none"}, "necessity": {"face_needed_for_purpose": False}}
    base.update(processing)
    return {"id": pid, "name": pid.title(), "kind": kind, "role": role, "processing_evidence": "strong",
            "processing": base}


def run(participants: list[dict], total: float | None = None, **extra) -> dict:
    m = {"format": "facetort-matter", "version": 1, "as_of": "2026-06-30", "participants": participants,
         "harm": {"expenses": [{"kind": "attorney_fees", "amount": 5000, "receipt": True}]}}
    m.update(extra)
    return analyze(load_matter(m), total_damages=total).to_json()


def row(out: dict, pid: str) -> dict:
    return next(d for d in out["liability"]["defendants"] + out["liability"]["non_parties"] if d["id"] == pid)


def remedy(out: dict, code: str) -> dict:
    return next(r for r in out["remedy_details"] if r["code"] == code)


# ------------------------------------------------------------------------------------------- item 3
def test_entrusted_vendor_within_mandate_is_not_tested_for_consent_of_its_own():
    gym = proc("gym", consent={"type": "written", "proof": "proved"}, necessity={"face_needed_for_purpose": True})
    vendor = proc("vendor", kind="tech_vendor", role="entrusted_processor")
    out = run([gym, vendor], relations={"entrustments": [{"principal": "gym", "agent": "vendor"}]})
    rules = {f["rule"] for f in out["infringement"]["findings"] if f["participant"] == "vendor"}
    assert "spc2.3.consent" not in rules and "pipl13.basis" not in rules and "pipl21.entrusted" in rules
    assert not any(b["element"] == "lawful_basis" and b["participant"] == "vendor" for b in out["burden"])
    assert row(out, "vendor")["external"] == "none" and row(out, "gym")["external"] == "none"


def test_a_vendor_beyond_its_mandate_answers_as_a_processor():
    gym = proc("gym", consent={"type": "written", "proof": "proved"}, necessity={"face_needed_for_purpose": True})
    vendor = proc("vendor", kind="tech_vendor", role="entrusted_processor", beyond_declared_scope=True)
    out = run([gym, vendor], relations={"entrustments": [{"principal": "gym", "agent": "vendor"}]})
    assert any(f["rule"] == "spc2.3.consent" and f["holds"] for f in out["infringement"]["by_participant"]["vendor"])
    assert row(out, "vendor")["external"] == "several_share"


def test_a_recipient_of_a_lawful_provision_processes_on_that_consent():
    shop = proc("shop", consent={"type": "separate", "proof": "proved"}, necessity={"face_needed_for_purpose": True},
                provision={"to": ["partner"], "separate_consent": True, "recipient_disclosed": True})
    partner = proc("partner", role="recipient", necessity={"face_needed_for_purpose": True})
    out = run([shop, partner])
    assert row(out, "partner")["external"] == "none"
    assert any(f["rule"] == "pipl23.recipient" and f["branch"] == "within_scope"
               for f in out["infringement"]["findings"])


def test_a_hacker_is_not_presumed_at_fault():
    out = run([{"id": "h", "name": "Hacker", "kind": "individual", "role": "third_party_wrongdoer",
                "wrongdoer_kind": "other", "processing_evidence": "strong"}])
    b = next(x for x in out["burden"] if x["participant"] == "h" and x["element"] == "fault")
    assert (b["bearer"], b["status"]) == ("claimant", "missing")
    assert row(out, "h")["external"] == "stop_only"  # CC 1165(1): no damages without proved fault


def test_the_employer_answers_for_its_staff():
    shop = proc("shop")
    clerk = proc("clerk", kind="individual")
    clerk["employee_of"] = "shop"
    out = run([shop, clerk], total=5000)
    assert row(out, "clerk")["external"] == "none"
    assert row(out, "shop")["internal_share"] == 1.0
    assert any(f["rule"] == "liab.employee" for f in row(out, "shop")["basis"])


def test_old_matter_files_load_without_the_new_fields():
    m = load_matter({"format": "facetort-matter", "version": 1, "participants": [proc("x")]})
    assert m.participants[0].wrongdoer_kind is None and m.participants[0].employee_of is None


# ------------------------------------------------------------------------------------------- item 5
def test_spc10_1_is_cited_for_property_managers_only():
    gate = {"sole_verification_method": True, "face_needed_for_purpose": False}
    shop = run([proc("shop", necessity=gate)])
    pm = run([proc("pm", kind="property_manager", venue="residential_community", necessity=gate)])
    shop_c = {(c["instrument"], c["article"]) for c in remedy(shop, "alternative_verification")["citations"]}
    pm_c = {(c["instrument"], c["article"]) for c in remedy(pm, "alternative_verification")["citations"]}
    assert ("SPC-FRT-2021", 10) not in shop_c and ("PIPL-2021", 16) in shop_c
    assert ("SPC-FRT-2021", 10) in pm_c


def test_no_rule_cites_a_nonexistent_spc7_item():
    for r in RULES.values():
        assert not any(c.instrument == "SPC-FRT-2021" and str(c.article) == "7" and c.item for c in r.citations)
    out = run([proc("a"), proc("b")], relations={"concerted_action": [["a", "b"]]})
    for f in row(out, "a")["basis"]:
        assert not any(c["instrument"] == "SPC-FRT-2021" and c["article"] == 7 and c.get("item") for c in f["citations"])


def test_apology_is_available_whatever_the_reach_and_the_reach_sets_the_form():
    out = run([proc("shop")])  # private reach
    ap = remedy(out, "apology")
    assert ap["available"] and ap["branch"] == "private" and "书面" in ap["explanation"]["zh"]


def test_public_information_does_not_cover_face_recognition_on_scraped_photos():
    scraper = proc("scraper", venue="online", purpose="identification", other_legal_basis="public_information",
                   other_legal_basis_proof="proved", defenses=[{"code": "public_information", "proof": "proved"}])
    out = run([scraper])
    d = next(x for x in out["defenses"] if x["code"] == "public_information")
    assert (d["accepted"], d["branch"]) == (False, "frt_on_public_photos")
    basis = next(f for f in out["infringement"]["by_participant"]["scraper"] if f["rule"] == "pipl13.basis")
    assert basis["branch"] == "public_photos_recognised"
    assert {"instrument": "PIPL-2021", "article": 27} in basis["citations"]


def test_measures_duties_are_flagged_against_the_processor_not_the_vendor():
    gym = proc("gym", start="2025-07-01", necessity={"sole_verification_method": True})
    vendor = proc("vendor", start="2025-07-01", kind="tech_vendor", role="entrusted_processor",
                  acts=[{"kind": "transmission", "start": "2025-07-01", "ongoing": True}])
    out = run([gym, vendor], relations={"entrustments": [{"principal": "gym", "agent": "vendor"}]})
    who = {f["participant"] for f in out["flags"] if f["rule"] == "flag.measures"}
    assert who == {"gym"}
    assert all(f["kind"] == "compliance" for f in out["flags"] if f["rule"] == "flag.measures")


def test_pipl57_notification_is_read():
    hotel = proc("hotel", incident={"occurred": True, "kind": "leak", "date": "2024-05-01",
                                    "due_measures_taken": False, "remedial_measures_and_notification": False})
    out = run([hotel])
    f = next(x for x in out["flags"] if x["rule"] == "flag.pipl57")
    assert f["kind"] == "compliance" and {"instrument": "PIPL-2021", "article": 57, "paragraph": 1} in f["citations"]


def test_pipl49_for_a_deceased_persons_relatives():
    out = run([proc("ai", start="2024-03-01")], claimant={"deceased": True, "death_date": "2023-01-01",
                                                          "relative_suing": "child"})
    d = remedy(out, "deletion")
    assert d["available"] and {"instrument": "PIPL-2021", "article": 49} in d["citations"]


def test_criminal_flags_name_the_offence_that_fits():
    seller = proc("seller", provision={"to": ["buyer"], "sold": True, "items": 600})
    buyer = proc("buyer", role="recipient")
    fraud = {"id": "f", "name": "Fraudster", "kind": "individual", "role": "third_party_wrongdoer",
             "defendant": False, "wrongdoer_kind": "fraudster", "processing_evidence": "strong"}
    out = run([seller, buyer, fraud])
    by = {f["participant"]: f for f in out["flags"] if f["rule"] == "flag.criminal"}
    assert by["seller"]["branch"] == "sale" and by["seller"]["kind"] == "criminal"
    assert {"instrument": "CRIM-LAW", "article": "253-1", "paragraph": 1} in by["seller"]["citations"]
    assert by["buyer"]["branch"] == "obtaining"
    assert {"instrument": "CRIM-LAW", "article": "253-1", "paragraph": 3} in by["buyer"]["citations"]
    assert by["f"]["branch"] == "fraud" and {"instrument": "CRIM-LAW", "article": 266} in by["f"]["citations"]


def test_chinese_terms():
    assert cite("CRIM-LAW", "253-1").label("zh") == "《刑法》第二百五十三条之一"
    assert L_zh("role", "third_party_wrongdoer").startswith("第三人")
    m = load_matter({"format": "facetort-matter", "version": 1, "as_of": "2026-06-30", "participants": [proc("shop")],
                     "harm": {"expenses": [{"kind": "attorney_fees", "amount": 5000, "receipt": True}]}})
    a = analyze(m, total_damages=5000)
    assert a.liability.defendants[0].sole
    md = render_markdown(m, a, "zh")
    assert "按份责任" not in md and "单独承担全部责任" in md


def test_articles_are_sorted_by_number():
    keys = [cite("CC-2020", n).key() for n in (1035, 13, 2, 1038)]
    assert [k[1] for k in sorted(keys)] == [2, 13, 1035, 1038]
    assert cite("CRIM-LAW", "253-1").key() > cite("CRIM-LAW", 253).key()


def test_cli_takes_the_supplementary_reading(capsys, tmp_path):
    import json
    hotel = proc("hotel", consent={"type": "separate", "proof": "proved"}, necessity={"face_needed_for_purpose": True},
                 incident={"occurred": True, "kind": "leak", "date": "2024-05-01", "due_measures_taken": False})
    fraud = {"id": "f", "name": "Fraudster", "kind": "individual", "role": "third_party_wrongdoer",
             "defendant": False, "wrongdoer_kind": "fraudster", "processing_evidence": "strong"}
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"format": "facetort-matter", "version": 1, "as_of": "2026-06-30",
                                "participants": [hotel, fraud],
                                "harm": {"economic_loss": 1000, "economic_loss_proof": "documented",
                                         "causation_evidence": "strong"}}))
    assert main(["analyze", str(path), "--format", "json", "--total", "1000", "--third-person", "supplementary"]) == 0
    out = json.loads(capsys.readouterr().out)
    h = row(out, "hotel")
    assert (h["external"], h["internal_amount"], h["exposure_amount"]) == ("supplementary", 0.0, 500.0)
    assert out["liability"]["third_person_reading"] == "supplementary"
    f = next(x for x in out["flags"] if x["rule"] == "liab.third_person")
    assert f["kind"] == "unsettled" and "读法一" in f["explanation"]["zh"] and "读法二" in f["explanation"]["zh"]
