"""Focused tests of the legal engine on small, realistic fact patterns."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from litigation.facts.validation import load_matter
from litigation.law.analysis import analyze
from litigation.law.rules import RULES

ROOT = Path(__file__).resolve().parent.parent


def processor(pid: str, start: str = "2022-03-01", **processing) -> dict:
    base = {
        "acts": [{"kind": "collection", "start": start}, {"kind": "storage", "start": start, "ongoing": True}],
        "venue": "business_premises", "purpose": "identity_verification",
        "notice": {"rules_published": True, "purpose_method_scope_stated": True,
                   "necessity_and_impact_explained": True},
        "consent": {"type": "none"},
        "necessity": {"face_needed_for_purpose": False},
    }
    base.update(processing)
    return {"id": pid, "name": pid.title(), "kind": "business", "role": "processor",
            "processing_evidence": "strong", "processing": base}


def matter(participants: list[dict], **extra) -> dict:
    m = {"format": "facetort-matter", "version": 1, "as_of": "2026-06-30", "participants": participants,
         "harm": {"expenses": [{"kind": "attorney_fees", "amount": 5000, "receipt": True}]}}
    m.update(extra)
    return m


def run(m: dict, **kw) -> dict:
    return analyze(load_matter(m), **kw).to_json()


def defendant(out: dict, pid: str) -> dict:
    return next(d for d in out["liability"]["defendants"] if d["id"] == pid)


def test_acts_before_2021_are_judged_under_the_law_then_in_force():
    zoo = processor("zoo", acts=[{"kind": "collection", "start": "2019-07-12", "end": "2019-10-17"}])
    out = run(matter([zoo]))
    assert out["applicable_law"] == ["CC-TEMPORAL-2020", "GPCL-2017", "TORT-LAW-2009"]
    flags = [f for f in out["flags"] if f["rule"] == "temporal.instrument"]
    assert {f["branch"] for f in flags} == {"before_effective"}
    assert "analysed under the law then in force" in flags[0]["explanation"]["en"]
    gov = out["governing_law"][0]
    assert gov["branch"] == "old_law" and gov["facts"]["instruments"] == ["GPCL-2017", "TORT-LAW-2009"]
    # collected without consent: a personal-information claim under the General Provisions, not under the PIPL
    pi = next(c for c in out["claims"] if c["code"] == "personal_information")
    assert pi["found"] is True
    assert {c["instrument"] for c in pi["citations"]} == {"GPCL-2017"}
    cited = {c["instrument"] for b in out["burden"] for c in b["citations"]}
    assert not cited & {"PIPL-2021", "SPC-FRT-2021", "CC-2020"}, cited


def test_storage_continuing_across_the_start_dates_applies_new_law_with_an_unsettled_flag():
    out = run(matter([processor("zoo", start="2019-07-12")]))
    assert out["applicable_law"] == ["CC-2020", "SPC-FRT-2021", "PIPL-2021", "SPC-MENTAL-2020", "CC-TEMPORAL-2020"]
    branches = {f["facts"]["instrument"]: f["branch"] for f in out["temporal"]}
    assert branches == {"CC-2020": "continuing_settled", "SPC-FRT-2021": "continuing_across",
                        "PIPL-2021": "continuing_across"}
    assert {f["branch"] for f in out["flags"] if f["rule"] == "temporal.instrument"} == {"continuing_across"}
    assert out["governing_law"][0]["branch"] == "continuing"
    assert out["infringement"]["found"] is True


def test_general_consent_is_not_separate_consent_for_face_information():
    out = run(matter([processor("mall", consent={"type": "general", "proof": "proved"})]))
    grounds = out["infringement"]["grounds"]
    assert {"instrument": "SPC-FRT-2021", "article": 2, "item": 3} in grounds
    assert {"instrument": "PIPL-2021", "article": 29} in grounds
    d = next(x for x in out["defenses"] if x["code"] == "consent")
    assert (d["accepted"], d["branch"]) == (False, "not_separate")
    basis = next(b for b in out["burden"] if b["element"] == "lawful_basis")
    assert (basis["bearer"], basis["status"]) == ("defendant", "missing")


def test_proved_separate_consent_within_scope_is_a_complete_defence():
    out = run(matter([processor("bank", consent={"type": "separate", "proof": "proved"},
                                necessity={"face_needed_for_purpose": True})]))
    assert out["infringement"]["found"] is False
    assert defendant(out, "bank")["external"] == "none"
    assert "deletion" not in out["remedies"]


def test_joint_processors_are_jointly_and_severally_liable_for_the_whole():
    out = run(matter([processor("a"), processor("b")], relations={"joint_decision": [["a", "b"]]}),
              total_damages=6200)
    for pid, other in (("a", "b"), ("b", "a")):
        d = defendant(out, pid)
        assert d["external"] == "joint_and_several"
        assert d["jointly_with"] == [other]
        assert d["internal_share"] == pytest.approx(0.5)
        assert d["internal_amount"] == pytest.approx(3100)
        assert d["exposure_amount"] == pytest.approx(6200)
        assert d["recourse"] is not None


def test_several_processors_without_a_joint_pattern_answer_for_weighted_shares():
    a, b = processor("a"), processor("b")
    a["responsibility_weight"], b["responsibility_weight"] = 3, 1
    out = run(matter([a, b]), total_damages=1000)
    assert defendant(out, "a")["external"] == "several_share"
    assert defendant(out, "a")["internal_amount"] == pytest.approx(750)
    assert defendant(out, "b")["exposure_amount"] == pytest.approx(250)


def test_platform_that_ignored_a_notice_answers_jointly_for_the_enlarged_part_only():
    user = processor("uploader", venue="online", purpose="entertainment")
    user["kind"] = "individual"
    platform = {"id": "app", "name": "Video app", "kind": "platform", "role": "network_service_provider",
                "processing_evidence": "strong",
                "platform": {"serves": ["uploader"], "notified": True, "notice_date": "2025-01-10",
                             "notice_had_prima_facie_evidence": True, "acted_promptly": False,
                             "enlarged_damage_share": 0.4}}
    out = run(matter([user, platform]), total_damages=1000)
    p, u = defendant(out, "app"), defendant(out, "uploader")
    assert p["external"] == "joint_for_enlarged_part"
    assert p["exposure_amount"] == pytest.approx(400)
    assert p["internal_amount"] == pytest.approx(200)
    assert u["internal_amount"] == pytest.approx(800)
    assert u["exposure_amount"] == pytest.approx(1000)
    assert p["internal_amount"] + u["internal_amount"] == pytest.approx(1000)


def test_claimant_fault_reduces_the_recoverable_total():
    m = matter([processor("shop")])
    m["harm"]["claimant_fault"] = "some"
    m["harm"]["claimant_fault_reduction"] = 0.2
    out = run(m, total_damages=1000)
    assert out["liability"]["recoverable"] == pytest.approx(800)
    assert defendant(out, "shop")["internal_amount"] == pytest.approx(800)


def test_no_damage_means_stop_and_delete_only():
    m = matter([processor("gym")])
    m["harm"] = {}
    out = run(m)
    assert defendant(out, "gym")["external"] == "stop_only"
    assert {"deletion", "cessation"} <= set(out["remedies"])
    assert "attorney_fees" not in out["remedies"]


def test_format_clause_granting_irrevocable_rights_is_void():
    out = run(matter([processor("app", format_clause={"used": True, "irrevocable": True})]))
    detail = next(r for r in out["remedy_details"] if r["code"] == "void_format_clause")
    assert detail["available"] is True
    assert {"instrument": "SPC-FRT-2021", "article": 11} in detail["citations"]
    assert "irrevocable" in detail["explanation"]["en"]


def test_reform_mode_moves_causation_to_the_processor():
    m = matter([processor("bank", incident={"occurred": True, "kind": "leak", "date": "2024-05-01"})])
    m["harm"] = {"economic_loss": 20000, "economic_loss_proof": "documented"}
    cur, ref = run(m), run(m, mode="reform")
    c_cur = next(b for b in cur["burden"] if b["element"] == "causation")
    c_ref = next(b for b in ref["burden"] if b["element"] == "causation")
    assert (c_cur["bearer"], c_ref["bearer"]) == ("claimant", "defendant")
    assert c_ref["reform"] is True
    assert defendant(cur, "bank")["external"] == "stop_only"  # loss without causation evidence
    assert defendant(ref, "bank")["external"] == "several_share"  # causation presumed in reform mode


def test_markdown_report_is_bilingual_and_cites_articles():
    from litigation.documents.report import render_markdown

    m = load_matter(matter([processor("zoo")]))
    a = analyze(m)
    zh, en = render_markdown(m, a, "zh"), render_markdown(m, a, "en")
    assert "## 举证责任" in zh and "《人脸识别规定》第2条第(3)项" in zh
    assert "## Burden of proof" in en and "SPC Face Provisions Art 2 item 3" in en


def test_every_rule_cites_at_least_one_article():
    assert len(RULES) >= 35
    for r in RULES.values():
        assert r.citations, r.id


def test_cli_schema_and_analyze_in_a_subprocess(tmp_path):
    schema = subprocess.run([sys.executable, "-m", "litigation", "schema"], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert "participants" in json.loads(schema.stdout)["properties"]
    f = tmp_path / "m.json"
    f.write_text(json.dumps(matter([processor("zoo")])), encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "litigation", "analyze", str(f), "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["infringement"]["found"] is True
    bad = subprocess.run([sys.executable, "-m", "litigation", "analyze", str(f), "--total", "-5"],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "≥ 0" in bad.stderr


def test_liability_factors_of_spc3_and_cc998_are_listed_not_scored():
    m = matter([processor("school")], claimant={"age_group": "minor_14_17"})
    m["harm"]["scope_of_impact"] = "wide"
    out = run(m)
    basis = defendant(out, "school")["basis"]
    f = next(b for b in basis if b["rule"] == "liab.factors")
    assert {"instrument": "SPC-FRT-2021", "article": 3} in f["citations"]
    assert {"instrument": "CC-2020", "article": 998} in f["citations"]
    assert "minor" in f["explanation"]["en"] and "未成年人" in f["explanation"]["zh"]
    assert "scope of impact: wide" in f["explanation"]["en"]


def test_public_security_exemption_fails_without_the_signs_pipl26_requires():
    station = processor("station", venue="public_place", purpose="public_security",
                        public_security_per_state_rules=True,
                        defenses=[{"code": "public_security", "proof": "proved"}])
    out = run(matter([station]))
    assert defendant(out, "station")["external"] == "none"  # proved, compliant: SPC 5(2) exempts
    station["processing"]["notice"]["public_place_signage"] = False
    out = run(matter([station]))
    d = next(x for x in out["defenses"] if x["code"] == "public_security")
    assert (d["accepted"], d["branch"]) == (False, "no_signage")
    assert defendant(out, "station")["external"] != "none"
    assert {"instrument": "PIPL-2021", "article": 26} in out["infringement"]["grounds"]


def test_every_remedy_code_is_documented_and_labelled():
    from litigation.facts.labels import LABELS
    from litigation.law.remedies import REMEDY_CODES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for code in REMEDY_CODES:
        assert f"`{code}`" in readme, code
        assert code in LABELS["remedy"], code
    seen = set()
    for p in sorted((ROOT / "data" / "scenarios").glob("*.matter.json")):
        seen |= set(analyze(load_matter(json.loads(p.read_text(encoding="utf-8")))).remedy_codes())
    assert seen <= set(REMEDY_CODES) and len(seen) >= 10


def test_a_missing_analysis_date_is_said_and_a_given_one_fixes_the_outcome():
    m = matter([processor("zoo", start="2020-06-01")])
    with_date = run(m)
    assert "temporal.as_of" not in {f["rule"] for f in with_date["notes"]}
    del m["as_of"]
    out = run(m)
    note = next(f for f in out["notes"] if f["rule"] == "temporal.as_of")
    assert "未填写分析日期" in note["explanation"]["zh"] and "set the analysis date" in note["explanation"]["en"]
    # the same ongoing facts analysed on two fixed dates give the same governing law whatever today is
    assert run({**m, "as_of": "2026-06-30"})["governing_law"] == with_date["governing_law"]


def test_old_law_damages_follow_tort_liability_law_20_not_cc_1182():
    zoo = processor("zoo", acts=[{"kind": "collection", "start": "2019-07-12", "end": "2019-10-17"}])
    zoo["fault"] = "negligence"
    out = run(matter([zoo], harm={"economic_loss": 500, "economic_loss_proof": "documented",
                                   "causation_evidence": "strong"}))
    d = next(r for r in out["remedy_details"] if r["code"] == "property_damages")
    assert d["available"] is True
    assert [(c["instrument"], c["article"]) for c in d["citations"]] == [("TORT-LAW-2009", 20)]
    assert "先损失、后获益" in d["explanation"]["zh"]


def test_citations_read_as_a_chinese_court_writes_them():
    from litigation.law.citations import cite, zh_number

    assert [zh_number(n) for n in (10, 12, 20, 105, 110, 1000, 1019, 1260)] == \
        ["十", "十二", "二十", "一百零五", "一百一十", "一千", "一千零一十九", "一千二百六十"]
    assert cite("CRIM-LAW", "253-1", 1).formal("zh") == "《中华人民共和国刑法》第二百五十三条之一第一款"
    assert cite("SPC-FRT-2021", 2, item=3).formal("zh") == (
        "《最高人民法院关于审理使用人脸识别技术处理个人信息相关民事案件适用法律若干问题的规定》第二条第三项")
    assert cite("SPC-CPL-2022", 90, 2).formal("zh") == "《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第九十条第二款"
    assert cite("TORT-LAW-2009", 37, 2, verification="V-2nd").formal("zh").endswith("［未经核实］")
    assert sorted([cite("CC-2020", 1019), cite("CC-2020", 186), cite("CC-2020", 995)], key=lambda c: c.key()) == \
        [cite("CC-2020", 186), cite("CC-2020", 995), cite("CC-2020", 1019)]


def test_rules_command_lists_every_rule_module(capsys):
    from litigation.cli import main

    assert main(["rules", "--format", "json"]) == 0
    ids = {r["id"] for r in json.loads(capsys.readouterr().out)["rules"]}
    assert {"claim.portrait", "claim.contract", "old.consent", "temporal.regime", "liab.individual"} <= ids


def test_a_face_provisions_item_outside_their_scope_says_so_rather_than_not_in_force():
    """A deepfake poster uses no face recognition: the face Provisions' Art 2 items are shown for reference
    because of their scope (Art 1), not because of the dates (the acts are of 2024)."""
    m = load_matter((ROOT / "data/scenarios/deepfake_obscene_video_2024.matter.json").read_text(encoding="utf-8"))
    a = analyze(m)
    morals = next(f for f in a.grounds["poster"] if f.rule == "spc2.7.morals")
    assert not morals.applicable and morals.out_of_scope
    assert "第一条的适用范围" in morals.not_applied_note("zh") and "scope" in morals.not_applied_note("en")
    assert "尚未施行" not in morals.not_applied_note("zh")
    from litigation.documents.report import render_markdown
    text = render_markdown(m, a, "zh")
    assert "不在《人脸识别司法解释》第一条的适用范围内" in text and "施行前" not in text


def test_an_instrument_not_yet_in_force_is_labelled_by_its_dates():
    """Face recognition used in spring 2021: the Civil Code governs, but the face Provisions (in force
    2021-08-01) do not yet: their items are shown for reference, labelled by the dates, not by scope."""
    p = processor("gym", start="2021-03-01", uses_face_recognition=True, against_public_order=True,
                  acts=[{"kind": "collection", "start": "2021-03-01", "end": "2021-05-31"}])
    a = analyze(load_matter(matter([p])))
    morals = next(f for f in a.grounds["gym"] if f.rule == "spc2.7.morals")
    assert not morals.applicable and not morals.out_of_scope
    assert "尚未施行" in morals.not_applied_note("zh") and "not in force" in morals.not_applied_note("en")


def test_a_platform_sued_alone_is_the_defendant_to_its_users_claims_and_the_headline_says_so():
    """The anonymous uploader is not sued; the slow platform answers for the enlarged part (CC 1195(2)): the
    first screen names the claim against the platform instead of 'nothing to analyse yet'."""
    m = load_matter((ROOT / "data/scenarios/platform_sued_alone_anonymous_uploader.matter.json").read_text(
        encoding="utf-8"))
    a = analyze(m)
    pi = next(c for c in a.claims if c.code == "personal_information")
    assert pi.found and pi.against == ["vplat"]
    f = next(f for f in pi.findings if f.participant == "vplat")
    assert f.rule == "claim.platform" and {"1195", "1194"} <= {str(c.article) for c in f.citations}
    assert "某短视频平台" in a.headline()["zh"] and "尚无可分析" not in a.headline()["zh"]


def test_a_platform_is_not_made_a_defendant_to_a_claim_its_user_does_not_make_out():
    m = load_matter((ROOT / "data/scenarios/template_platform_late_takedown.matter.json").read_text(encoding="utf-8"))
    a = analyze(m)
    liable = {d.id for d in a.liability.defendants if d.external != "none"}
    for c in a.claims:
        for pid in c.against:
            assert pid in liable or any(f.participant == pid and f.rule != "claim.platform" for f in c.findings)


def test_remedies_for_processing_without_face_recognition_do_not_cite_the_face_provisions():
    """The deepfake poster uses no face recognition (SPC Art 1): the damages remedy rests on CC 1182 / PIPL 69,
    not on SPC Art 8."""
    m = load_matter((ROOT / "data/scenarios/deepfake_obscene_video_2024.matter.json").read_text(encoding="utf-8"))
    a = analyze(m)
    for r in a.remedies:
        if r.available:
            assert all(c.instrument != "SPC-FRT-2021" for c in r.finding.citations), (r.code, r.finding.citations)
    # a face-recognition matter keeps them
    g = load_matter((ROOT / "data/scenarios/gym_vendor_leak_2025.matter.json").read_text(encoding="utf-8"))
    assert any(c.instrument == "SPC-FRT-2021" for r in analyze(g).remedies for c in r.finding.citations)


def test_every_fact_a_finding_records_reads_as_words():
    """A finding's facts are shown under 'the facts it read': each key is an interview question or has a
    bilingual label (litigation/law/fact_labels.py), so no raw key such as 'statutory_breaches' reaches a user."""
    from litigation.facts.steps import STEPS
    from litigation.law.fact_labels import FACT_LABELS

    asked = [q.path for s in STEPS for q in s.questions]
    missing = set()
    for p in sorted((ROOT / "data/scenarios").glob("*.matter.json")):
        a = analyze(load_matter(p.read_text(encoding="utf-8")))
        fs = [f for v in a.grounds.values() for f in v] + [f for v in a.defenses.values() for f in v] + a.flags + \
            a.notes + a.governing + [r.finding for r in a.remedies] + \
            [f for d in a.liability.defendants + a.liability.non_parties for f in d.basis] + \
            [f for c in a.claims for f in c.findings] + a.liability.notes + a.temporal
        for f in fs:
            missing |= {k for k in f.facts if k not in FACT_LABELS
                        and not any(q == k or q.endswith("." + k) for q in asked)}
    assert not missing, sorted(missing)
    assert all(zh and en for zh, en in FACT_LABELS.values())
