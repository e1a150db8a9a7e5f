"""Defences: consent (SPC 4, 5(4); CC 1036), exemptions (SPC 5; PIPL 13), no fault (PIPL 69).

The processor bears the burden of each (SPC 6(2)-(3); PIPL 69): a defence asserted without
proof is rejected as unproven, and the finding says so.
"""

from __future__ import annotations

from litigation.facts.labels import en as L_en
from litigation.facts.matter import Claimant, DefenseClaim, Participant, Processing
from litigation.i18n import T
from litigation.law.citations import cc, pipl, spc
from litigation.law.context import Ctx
from litigation.law.infringement import separate_consent_given
from litigation.law.rules import Finding, rule

EXEMPTIONS = {
    "public_health_emergency": (spc(5, item=1), pipl(13, 1, 4)),
    "emergency_protection": (spc(5, item=1), pipl(13, 1, 4)),
    "public_security": (spc(5, item=2), pipl(26)),
    "news_reporting": (spc(5, item=3), pipl(13, 1, 5)),
    "public_information": (cc(1036, item=2), pipl(13, 1, 6)),
    "other_law": (spc(5, item=5), pipl(13, 1, 7)),
}

PROOF_ZH = {"none": "未举证", "asserted": "仅有主张、未证明", "proved": "已证明"}


@rule("spc4.consent_defence", T("同意抗辩", "Consent defence"), spc(5, item=4), spc(6, paragraph=2), cc(1036, item=1))
def consent_defence(pr: Processing, claimant: Claimant, claim: DefenseClaim):
    c = pr.consent
    facts = {"consent.type": c.type, "bundled": c.bundled, "condition_of_service": c.condition_of_service,
             "service_requires_face": c.service_requires_face, "coerced": c.coerced, "proof": claim.proof,
             "withdrawn": c.withdrawn, "beyond_declared_scope": pr.beyond_declared_scope}
    if c.condition_of_service and not c.service_requires_face:
        return False, "art4_1_condition", facts, T(
            "同意系以提供产品或服务为条件取得，而人脸处理并非提供该服务所必需：抗辩不予支持",
            "Consent was made a condition of a service that does not need face processing: rejected"), \
            [spc(4, item=1), pipl(16)]
    if c.bundled:
        return False, "art4_2_bundled", facts, T("同意与其他授权捆绑取得：抗辩不予支持",
                                                 "Consent was bundled with other authorisations: rejected"), [spc(4, item=2)]
    if c.coerced:
        return False, "art4_3_coerced", facts, T("强迫或变相强迫取得同意：抗辩不予支持",
                                                 "Consent was forced or in effect forced: rejected"), [spc(4, item=3)]
    if c.type == "none":
        return False, "no_consent", facts, T("并无同意可言", "There was no consent")
    if claimant.age_group == "minor_under_14" and c.guardian_consent is not True:
        return False, "no_guardian", facts, T("未满十四周岁，须监护人同意而未取得", "Under 14 and no guardian consent"), \
            [pipl(31)]
    if not separate_consent_given(pr):
        return False, "not_separate", facts, T("仅有概括同意，不是单独同意（人脸信息为敏感个人信息）",
                                               "Only general consent, not the separate consent sensitive face info "
                                               "needs"), [spc(2, item=3), pipl(29)]
    if c.processing_after_withdrawal:
        return False, "withdrawn", facts, T("同意已撤回，其后的处理不在同意范围内", "Consent was withdrawn; later "
                                                                     "processing is outside it"), [pipl(15)]
    if pr.beyond_declared_scope:
        return False, "beyond_scope", facts, T("处理超出了同意的范围", "Processing went beyond what was consented to"), \
            [spc(2, item=4)]
    if claim.proof != "proved":
        return False, "unproven", facts, T(f"处理者对同意{PROOF_ZH[claim.proof]}；举证责任在处理者",
                                           f"The processor has not proved consent ({L_en('proof_status', claim.proof)}); the burden is "
                                           "its own")
    return True, "accepted", facts, T(
        "在单独同意的范围内合理处理，处理者已证明：对该处理不承担民事责任；同意不能免除因未尽安全保障义务致信息泄露、违法向他人提供或违背公序良俗的责任",
        "Reasonable processing within proved separate consent: no civil liability for that processing. Consent "
        "does not answer a leak from inadequate security, an unlawful provision to others or processing against "
        "public order"), [spc(2, item=5), spc(2, item=6), spc(2, item=7)]


@rule("spc5.exemption", T("免责事由", "Exemption"), spc(6, paragraph=3))
def exemption(pr: Processing, claim: DefenseClaim):
    code = claim.code
    cites = list(EXEMPTIONS[code])
    facts = {"defence": code, "proof": claim.proof, "venue": pr.venue, "purpose": pr.purpose,
             "public_security_per_state_rules": pr.public_security_per_state_rules,
             "public_place_signage": pr.notice.public_place_signage}
    if code == "public_security":
        if pr.venue != "public_place" or pr.purpose != "public_security":
            return False, "not_public_security", facts, T(
                "并非在公共场所为维护公共安全而使用：不符合第5条第(2)项",
                "Not used in a public place to maintain public security: SPC 5(2) not met"), cites
        if pr.public_security_per_state_rules is not True:
            return False, "not_per_rules", facts, T("未证明依据国家有关规定使用", "Not shown to follow the relevant "
                                                                     "state rules"), cites
        if pr.notice.public_place_signage is False:
            return False, "no_signage", facts, T("公共场所未设置显著提示标识，不符合个人信息保护法第26条，不能依第5条第(2)项免责",
                                                 "No prominent signs in the public place (PIPL 26): the use does not "
                                                 "follow the state rules, so SPC 5(2) does not apply"), cites
    if code in ("public_health_emergency", "emergency_protection") and pr.purpose not in (
            "public_health_emergency", "emergency_protection"):
        return False, "purpose_mismatch", facts, T("处理目的并非应对突发公共卫生事件或紧急情况",
                                                   "The purpose was not a public-health or other emergency"), cites
    if code == "news_reporting" and pr.purpose != "news_reporting":
        return False, "purpose_mismatch", facts, T("处理目的并非新闻报道、舆论监督", "The purpose was not news "
                                                                       "reporting or public supervision"), cites
    if code == "public_information" and pr.uses_face_recognition:
        return False, "frt_on_public_photos", facts, T(
            "已公开信息的抗辩不及于对公开照片进行人脸识别：由此生成的生物识别信息属敏感个人信息，且对个人权益有重大影响，须取得单独同意",
            "The public-information defence does not cover face recognition run on public photos: the biometric "
            "information it yields is sensitive and has a major impact on the person, so separate consent is "
            "needed"), [cc(1036, item=2), pipl(27), pipl(29)]
    if claim.proof != "proved":
        return False, "unproven", facts, T(f"处理者主张免责事由但{PROOF_ZH[claim.proof]}；由处理者承担举证不能的后果",
                                           f"The exemption is {L_en('proof_status', claim.proof)}, not proved; the processor bears "
                                           "the consequence"), cites
    return True, "accepted", facts, T("免责事由成立并经证明：处理者不承担民事责任",
                                      "The exemption is made out and proved: no civil liability"), cites


@rule("spc10.owners_committee", T("业主委员会同意不构成免责事由", "Owners' committee approval is no defence"),
      spc(10), spc(5))
def owners_committee(claim: DefenseClaim):
    facts = {"defence": claim.code, "proof": claim.proof}
    return False, "not_a_defence", facts, T(
        "业主委员会或业主大会的同意不能代替个人的单独同意，也不属于第5条免责事由；不同意的业主可请求其他合理验证方式",
        "Approval by the owners' committee does not replace the person's separate consent and is not an Art 5 "
        "exemption; an owner who does not consent may ask for another reasonable verification method")


@rule("pipl69.no_fault", T("过错推定：无过错抗辩", "Presumed fault: the no-fault defence"), pipl(69, 1), cc(1165, 2))
def no_fault(p: Participant, pipl_in_force: bool):
    pr = p.processing
    proof = pr.proved_no_fault if pr else "none"
    facts = {"proved_no_fault": proof, "pipl_in_force": pipl_in_force}
    if not pipl_in_force:
        return None, "fault_rule", facts, T(
            "行为发生在个人信息保护法施行前：不适用过错推定，原告须证明被告有过错（民法典第1165条第1款）",
            "Conduct before the PIPL: fault is not presumed; the claimant must prove fault (CC 1165(1))"), [cc(1165, 1)]
    if proof == "proved":
        return True, "accepted", facts, T("处理者证明自己没有过错：不承担损害赔偿责任（仍可请求停止侵害、删除）",
                                          "The processor proved it was not at fault: no damages (stopping and "
                                          "deletion may still be ordered)")
    return False, "presumed", facts, T(f"处理者{PROOF_ZH[proof]}其无过错：推定有过错",
                                       f"No-fault not proved ({L_en('proof_status', proof)}): fault is presumed")


@rule("cc1175.third_person", T("第三人原因抗辩", "Defence: the damage was caused by a third person"), cc(1175))
def third_person_defence(p: Participant, wrongdoers: list[str], own_grounds: list[str]):
    facts = {"defence": "third_person", "third_persons": wrongdoers, "own_grounds": own_grounds}
    who = "、".join(wrongdoers)
    if own_grounds:
        return False, "own_fault", facts, T(
            f"损害虽经第三人（{who}）之手造成，但 {p.id} 自身亦有侵权事由（如未尽安全保障义务）：第三人的介入不免除其自身的责任，"
            "责任如何分担见责任承担部分",
            f"The third person ({', '.join(wrongdoers)}) caused the damage, but {p.id} has a ground of its own (such "
            "as a security failure): the third person's act does not excuse it; see the liability section for how "
            "the damage is shared")
    return True, "accepted", facts, T(
        f"损害系第三人（{who}）造成，{p.id} 自身无侵权事由：由第三人承担侵权责任",
        f"The damage was caused by the third person ({', '.join(wrongdoers)}) and {p.id} has no ground of its own: "
        "the third person is liable")


def defenses_for(ctx: Ctx, p: Participant) -> list[Finding]:
    pr = p.processing
    assert pr is not None
    claims = list(pr.defenses)
    covered = ctx.mandate_of(p.id) is not None and not pr.beyond_declared_scope
    if pr.consent.type != "none" and not covered and not any(d.code == "consent" for d in claims):
        claims.insert(0, DefenseClaim(code="consent", proof=pr.consent.proof))
    out: list[Finding] = []
    for d in claims:
        if d.code == "consent":
            f = consent_defence(pr, ctx.matter.claimant, d, participant=p.id)
        elif d.code == "owners_committee_approval":
            f = owners_committee(d, participant=p.id)
        elif d.code == "no_fault":
            continue  # handled by the PIPL 69 rule below
        else:
            f = exemption(pr, d, participant=p.id)
        out.append(ctx.localise(f))
    pipl_on = ctx.applies("PIPL-2021", p.id)
    if pipl_on or pr.proved_no_fault != "none" or any(d.code == "no_fault" for d in claims):
        nf = no_fault(p, pipl_on, participant=p.id)
        out.append(nf if not pipl_on else ctx.localise(nf))
    return out


def exempted(findings: list[Finding]) -> bool:
    """A proved Art 5(1)-(3), (5) exemption: no civil liability at all (SPC 5)."""
    return any(f.holds and f.rule == "spc5.exemption" and f.applicable for f in findings)


def consent_accepted(findings: list[Finding]) -> bool:
    """A proved, valid consent (SPC 5(4)): answers the grounds that consent can answer."""
    return any(f.holds and f.rule == "spc4.consent_defence" and f.applicable for f in findings)


def no_fault_proved(findings: list[Finding]) -> bool:
    return any(f.holds and f.rule == "pipl69.no_fault" for f in findings)


def exemption_basis(findings: list[Finding]) -> str | None:
    """The code of a proved exemption (SPC 5(1)-(3), (5)): it is itself the lawful basis of the processing
    (PIPL 13(1)(4)-(7); public security: PIPL 26), so no 'no lawful basis' ground may stand beside it."""
    for f in findings:
        if f.holds and f.rule == "spc5.exemption" and f.applicable:
            return str(f.facts["defence"])
    return None
