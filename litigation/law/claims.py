"""Causes of action: which claims fit the facts, whether each is made out, against whom, and the docket
(案由) a court would enter.

A face dispute is pleaded under one or more of: personal-information rights (CC 1034-1039, PIPL, SPC Face
Provisions), portrait (CC 1018-1023, incl. 1019 forgery by information technology), reputation (CC 1024-1027),
privacy (CC 1032-1033), contract (CC 577, 584; SPC 11-12) and the Consumer Protection Law (14, 29, 50); for a
deceased person the close relatives sue (CC 994; SPC 15). For conduct wholly before 2021 the same claims rest on
the law then in force (General Provisions 110, 111; Tort Liability Law 2, 6; Contract Law 8, 107, 113; the
Cybersecurity and Consumer Protection Laws). Each rule below reads one participant and returns a traced finding;
`claims_for` assembles them into `Claim`s.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from litigation.facts.matter import Participant
from litigation.i18n import T, Text
from litigation.law.citations import Citation, cc, contract_law, cprl, gpcl, pipl, spc, tll
from litigation.law.context import Ctx
from litigation.law.rules import Finding, rule

ClaimCode = Literal["personal_information", "portrait", "reputation", "privacy", "contract", "consumer"]
CLAIM_ORDER: tuple[ClaimCode, ...] = ("personal_information", "portrait", "reputation", "privacy", "contract",
                                      "consumer")
PORTRAIT_USES = ("display", "forgery", "commercial")
PROVED = ("strong", "admitted")  # weak or contested evidence does not establish an element

DOCKET: dict[str, Text] = {
    "personal_information": T("个人信息保护纠纷", "Personal-information protection dispute"),
    "portrait": T("肖像权纠纷", "Portrait-right dispute"),
    "reputation": T("名誉权纠纷", "Reputation-right dispute"),
    "privacy": T("隐私权纠纷", "Privacy dispute"),
    "consumer": T("个人信息保护纠纷（依消费者权益保护法）", "Personal-information protection dispute (Consumer "
                  "Protection Law)"),
}
CONTRACT_DOCKET: dict[str, Text] = {
    "service": T("服务合同纠纷", "Service-contract dispute"),
    "pass_or_membership": T("服务合同纠纷", "Service-contract dispute"),
    "deposit_account": T("借记卡纠纷", "Debit-card dispute"),
    "property_service": T("物业服务合同纠纷", "Property-service contract dispute"),
    "employment": T("劳动合同纠纷", "Employment-contract dispute"),
    "platform_terms": T("网络服务合同纠纷", "Online-service contract dispute"),
    "other": T("合同纠纷", "Contract dispute"),
}


class Claim(BaseModel):
    """One cause of action: whether it is made out, against whom, on which articles, under which docket."""

    code: ClaimCode
    found: bool
    against: list[str]
    citations: list[Citation]
    docket: Text
    findings: list[Finding] = Field(default_factory=list)  # one per participant the claim was tested against


def proved(p: Participant) -> bool:
    return p.processing_evidence in PROVED


def _unproven(p: Participant) -> tuple:
    return False, "unproven", {"processing_evidence": p.processing_evidence}, T(
        f"原告对{p.name}实施该行为的证据不足（{'无证据' if p.processing_evidence == 'none' else '证据薄弱或有争议'}），"
        "该项请求不能成立",
        f"The evidence that {p.name} did it is {'absent' if p.processing_evidence == 'none' else 'weak or contested'}: "
        "this claim fails against it")


@rule("claim.personal_information", T("个人信息权益受侵害", "Personal-information rights infringed"), cc(1034),
      narrow=True)
def personal_information(ctx: Ctx, p: Participant, live: list[Finding]):
    pr = p.processing
    assert pr is not None
    old = ctx.old_law(p.id)
    base = [gpcl(111)] if old else [cc(1034, 1)]
    if pr.household_purpose:
        return False, "household", {"household_purpose": True}, T(
            "处理仅为个人或家庭事务：个人信息保护法不适用（第七十二条第一款）；民法典的肖像权、隐私权规定仍然适用，见对应请求",
            "Processing for personal or household affairs only: the PIPL does not apply (Art 72(1)); the Civil "
            "Code's portrait and privacy rules still do — see those claims"), [pipl(72, 1)]
    if not proved(p):
        return (*_unproven(p), base)
    facts = {"grounds": [f.rule for f in live], "regime": ctx.regime(p.id)}
    if live:
        cites = list(dict.fromkeys(base + [c for f in live for c in f.citations]))
        return True, "found", facts, T(f"{p.name}的处理行为侵害个人信息权益（理由见“侵权认定”）",
                                       f"{p.name}'s processing infringes personal-information rights (reasons "
                                       "under 'Infringement')"), cites
    return False, "no_ground", facts, T("未发现侵害个人信息权益的事由，或抗辩成立", "No ground of infringement stands, "
                                                                   "or a defence holds"), base


@rule("claim.portrait", T("肖像权受侵害", "Portrait right infringed"), cc(1018), cc(1019, 1), narrow=True)
def portrait(ctx: Ctx, p: Participant):
    pr = p.processing
    assert pr is not None
    uses = [u for u in pr.face_uses if u in PORTRAIT_USES]
    facts = {"face_uses": uses, "portrait_consent": pr.portrait_consent}
    old = ctx.old_law(p.id)
    base = [gpcl(110), tll(2)] if old else [cc(1018, 1), cc(1019, 1)]
    if not proved(p):
        return (*_unproven(p), base)
    if "forgery" in uses:
        return True, "forgery", facts, T(
            "利用信息技术手段伪造（换脸、深度伪造、AI 生成形象）他人肖像，侵害肖像权；是否同意不影响伪造本身的违法性",
            "Forging a person's portrait by information technology (face swap, deepfake, AI likeness) infringes the "
            "portrait right; consent to other uses does not cure the forgery"), base
    news = any(d.code == "news_reporting" and d.proof == "proved" for d in pr.defenses)
    if news:
        return False, "fair_use", facts, T("为新闻报道不可避免地使用肖像，属合理使用，可以不经同意",
                                           "Unavoidable use in news reporting is fair use; no consent was needed"), \
            ([cc(1020)] if not old else base)
    if pr.portrait_consent is True and not pr.beyond_declared_scope:
        return False, "consented", facts, T("本人同意在该范围内制作、使用或公开其肖像", "The person agreed to this use "
                                                                        "of the portrait"), base
    if pr.portrait_consent is None:
        return True, "no_consent_shown", facts, T(
            "未证明取得本人同意而制作、使用或公开其肖像：侵害肖像权（同意由使用者证明）",
            "The portrait was made, used or published with no consent shown: the portrait right is infringed (the "
            "user must prove consent)"), base
    return True, "no_consent", facts, T("未经本人同意制作、使用或公开其肖像（或超出同意的范围）",
                                        "The portrait was made, used or published without consent (or beyond it)"), base


@rule("claim.reputation", T("名誉权受侵害", "Reputation infringed"), cc(1024, 1), narrow=True)
def reputation(ctx: Ctx, p: Participant):
    old = ctx.old_law(p.id)
    base = [gpcl(110), tll(2)] if old else [cc(1024, 1)]
    if not proved(p):
        return (*_unproven(p), base)
    return True, "degrading", {"lowers_reputation": True}, T(
        "以丑化、侮辱或诽谤的方式使用其形象，降低其社会评价：侵害名誉权",
        "The likeness was used in a degrading, insulting or defamatory way that lowers the person's standing: "
        "reputation is infringed"), base


@rule("claim.privacy", T("隐私权受侵害", "Privacy infringed"), cc(1032), cc(1033), narrow=True)
def privacy(ctx: Ctx, p: Participant):
    pr = p.processing
    assert pr is not None
    old = ctx.old_law(p.id)
    facts = {"private_space_device": pr.private_space_device, "captures_private_life": pr.captures_private_life,
             "private_information": "private_information" in pr.data_kinds, "consent.type": pr.consent.type}
    items = ([cc(1033, item=2)] if pr.private_space_device else []) + \
        ([cc(1033, item=3)] if pr.captures_private_life else []) + \
        ([cc(1033, item=5)] if "private_information" in pr.data_kinds else [])
    base = [gpcl(110), tll(2)] if old else [cc(1032, 1), *items]
    if not proved(p):
        return (*_unproven(p), base)
    if pr.consent.type in ("separate", "written") and not (pr.consent.coerced or pr.consent.bundled):
        return False, "express_consent", facts, T("权利人明确同意", "The person expressly agreed"), base
    return True, "intrusion", facts, T(
        "未经权利人明确同意，拍摄、窥视私密空间或私密活动，或处理私密信息：侵害隐私权（个人或家庭用途的摄像头同样适用）",
        "Filming or looking into a private space or private activities, or processing private information, "
        "without express consent: privacy is infringed (a personal or household camera is no exception)"), base


@rule("claim.contract", T("违约责任", "Breach of contract"), cc(577), narrow=True)
def contract(ctx: Ctx, p: Participant):
    k = p.contract
    pr = p.processing
    old = ctx.old_law(p.id)
    breach_by_processing = bool(pr and pr.breach_of_agreement)
    facts = {"kind": k.kind, "changed_unilaterally": k.changed_unilaterally, "not_performed": k.not_performed,
             "breach_of_agreement": breach_by_processing, "loss": k.loss, "loss_proof": k.loss_proof}
    if old:
        cites = [contract_law(8), contract_law(107)] + ([contract_law(113, 1)] if k.loss else [])
    else:
        cites = [cc(577)] + ([cc(584)] if k.loss else [])
        if pr is not None and ctx.applies("SPC-FRT-2021", p.id):
            cites.append(spc(12))
    if not (k.changed_unilaterally or k.not_performed or breach_by_processing):
        return False, "performed", facts, T("未发现违反合同约定的情形", "No breach of the contract shown"), cites
    why_zh = "；".join(x for x, on in (("单方变更约定的履行方式", k.changed_unilaterally), ("未按约履行", k.not_performed),
                                      ("处理人脸信息违反约定", breach_by_processing)) if on)
    why_en = "; ".join(x for x, on in (("changed the agreed performance unilaterally", k.changed_unilaterally),
                                       ("did not perform as agreed", k.not_performed),
                                       ("processed face information against the agreement", breach_by_processing)) if on)
    money_zh = (f"；违约损失 {k.loss:,.0f} 元（含合同可得利益，以订约时可预见为限）" if k.loss else "")
    money_en = (f"; loss from the breach RMB {k.loss:,.0f} (incl. the lost benefit, capped at what was foreseeable)"
                if k.loss else "")
    return True, "breach", facts, T(
        f"{p.name}{why_zh}，构成违约，应承担继续履行、采取补救措施或赔偿损失等违约责任{money_zh}；违约责任不以过错为要件",
        f"{p.name} {why_en}: a breach of contract, with continued performance, remedial measures or damages"
        f"{money_en}; contract liability needs no fault"), cites


@rule("claim.consumer", T("消费者个人信息权益受侵害", "A consumer's personal information infringed"), cprl(14),
      cprl(29), cprl(50))
def consumer(p: Participant, pi_found: bool):
    facts = {"consumer": p.contract.consumer, "pi_claim_found": pi_found}
    if pi_found:
        return True, "found", facts, T("经营者侵害消费者个人信息依法得到保护的权利，依法承担停止侵害、赔偿损失等民事责任"
                                       "（哪些救济可获支持，见“救济措施”）",
                                       "A business infringed a consumer's right to the protection of personal "
                                       "information and bears civil liability such as stopping and compensation "
                                       "(which remedies succeed: see 'Remedies')")
    return False, "no_pi_infringement", facts, T("未认定侵害个人信息权益", "No personal-information infringement found")


@rule("claim.election", T("违约与侵权竞合：原告须选择", "Contract and tort concur: the claimant elects"), cc(186),
      narrow=True)
def election(ctx: Ctx, p: Participant, torts: list[str]):
    old = ctx.old_law(p.id)
    facts = {"participant": p.id, "tort_claims": torts}
    cites = [gpcl(186), contract_law(122)] if old else [cc(186), cc(996)]
    cites = [c for c in cites if ctx.applies(c.instrument, p.id)] or cites
    return True, "elect", facts, T(
        f"{p.name}的违约行为同时侵害人格权益：原告可选择请求其承担违约责任或者侵权责任。违约之诉：无须证明过错，赔偿合同可得利益损失"
        "（以可预见为限），可请求删除人脸信息" + ("；严重精神损害亦可请求赔偿（民法典第九百九十六条）" if not old else "") +
        "。侵权之诉：可请求赔礼道歉、合理维权开支和精神损害赔偿" + ("，处理者的过错依法推定" if not old else "，须证明对方有过错"),
        f"{p.name}'s breach also infringes personality rights: the claimant elects contract or tort. Contract: no "
        "fault to prove, the lost benefit of the contract (capped at what was foreseeable), deletion" +
        ("; serious mental harm too (CC 996)" if not old else "") + ". Tort: apology, reasonable expenses and "
        "mental-distress damages" + (", with the processor's fault presumed" if not old else ", fault to be proved")), \
        cites


@rule("claim.household_unsettled", T("个人或家庭事务中的人脸信息：民法典个人信息规则是否适用（尚无定论）",
                                     "Household processing: do the Civil Code's PI rules apply? (unsettled)"),
      pipl(72, 1), cc(1034), cc(1035, 1))
def household_unsettled(p: Participant):
    return None, "unsettled", {"participant": p.id}, T(
        "个人信息保护法明确不适用于个人或家庭事务（第七十二条第一款）。一种读法：民法典第一千零三十四条至第一千零三十八条对任何行为人适用，"
        "家庭摄像头未经同意处理邻居的人脸信息仍可构成个人信息侵权；另一种读法：家庭用途的记录只按隐私权、肖像权审查。本工具按后一读法处理"
        "个人信息请求，隐私权请求照常分析",
        "The PIPL does not apply to personal or household affairs (Art 72(1)). One reading: CC 1034-1038 bind any "
        "actor, so a household camera processing a neighbour's face without consent can still infringe personal "
        "information; the other: household recordings are judged only under privacy and portrait. FaceTort takes "
        "the second for the personal-information claim and analyses privacy as usual")


def _claim(code: ClaimCode, findings: list[Finding], docket: Text) -> Claim:
    against = [f.participant for f in findings if f.holds and f.participant]
    cites: dict[tuple, Citation] = {}
    for f in findings:
        if f.holds or not against:
            for c in f.citations:
                cites.setdefault(c.key(), c)
    return Claim(code=code, found=bool(against), against=against,
                 citations=sorted(cites.values(), key=lambda c: c.key()), docket=docket,
                 findings=findings)


def claims_for(ctx: Ctx, live: dict[str, list[Finding]]) -> tuple[list[Claim], list[Finding], list[Finding]]:
    """Every claim the facts engage, with its outcome; the election notes (contract and tort concur); and the
    tort findings on participants who are not sued (a platform's users: they decide the platform's liability
    under CC 1195 and 1197, and its claims through `platform_claims`)."""
    m = ctx.matter
    by: dict[str, list[Finding]] = {c: [] for c in CLAIM_ORDER}
    unsued: list[Finding] = []
    contract_dockets: list[Text] = []
    for p in m.participants:
        pr = p.processing
        if pr is not None and p.role != "network_service_provider":
            out = [personal_information(ctx, p, live.get(p.id, []), participant=p.id)]
            if any(u in PORTRAIT_USES for u in pr.face_uses):
                out.append(portrait(ctx, p, participant=p.id))
            if pr.lowers_reputation:
                out.append(reputation(ctx, p, participant=p.id))
            if pr.private_space_device or pr.captures_private_life or "private_information" in pr.data_kinds:
                out.append(privacy(ctx, p, participant=p.id))
            if not p.defendant:
                unsued += out
                continue
            for f in out:
                by[f.rule.removeprefix("claim.")].append(f)
        if not p.defendant:
            continue
        if p.contract.exists:
            by["contract"].append(contract(ctx, p, participant=p.id))
            contract_dockets.append(CONTRACT_DOCKET[p.contract.kind])
            if p.contract.consumer and p.kind != "individual" and pr is not None:
                pi = by["personal_information"][-1] if by["personal_information"] and \
                    by["personal_information"][-1].participant == p.id else None
                f = consumer(p, bool(pi and pi.holds), participant=p.id)
                by["consumer"].append(ctx.localise(f) if ctx.applies("CPRL-2013", p.id) else f)
    claims = [_claim(code, fs, contract_dockets[0] if code == "contract" else DOCKET[code])
              for code, fs in by.items() if fs]
    if m.claimant.deceased:  # the close relatives sue for the deceased's interests (CC 994; SPC 15; PIPL 49)
        standing = [cc(994)] + [c for c in (spc(15), pipl(49)) if ctx.applies(c.instrument, None)]
        for c in claims:
            if c.found and c.code != "contract":
                c.citations = sorted({x.key(): x for x in c.citations + standing}.values(), key=lambda x: x.key())
    notes: list[Finding] = [household_unsettled(p, participant=p.id) for p in m.participants
                            if p.defendant and p.processing is not None and p.processing.household_purpose]
    found = {c.code: set(c.against) for c in claims}
    for pid in sorted(found.get("contract", set())):
        torts = [code for code in ("personal_information", "portrait", "reputation", "privacy")
                 if pid in found.get(code, set())]
        if torts:
            notes.append(election(ctx, m.participant(pid), torts, participant=pid))
    return claims, notes, unsued


@rule("claim.platform", T("网络服务提供者对用户侵权承担责任", "A network service provider answers for its user's "
                                                      "infringement"), cc(1194), narrow=True)
def via_platform(platform: Participant, users: list[Participant], basis: Finding):
    who = "、".join(u.name for u in users)
    facts = {"users": [u.id for u in users], "platform": basis.branch}
    frt = any(u.processing is not None and u.processing.uses_face_recognition for u in users)  # SPC 1: scope
    cites = [c for c in basis.citations if frt or c.instrument != "SPC-FRT-2021"]
    return True, basis.branch, facts, T(f"用户{who}的侵权成立，{platform.name}：{basis.explanation.zh}",
                                        f"The infringement by its user {', '.join(u.name for u in users)} is made "
                                        f"out; {platform.name}: {basis.explanation.en}"), cites


def platform_claims(ctx: Ctx, claims: list[Claim], unsued: list[Finding], platform_basis: dict[str, Finding]
                    ) -> list[Claim]:
    """A sued platform liable for its users (CC 1195 enlarged part, 1197 knowledge) is a defendant to each claim
    its users' conduct makes out, sued or not; the claim keeps the right's docket."""
    by = {c.code: c for c in claims}
    found_on = {(f.rule.removeprefix("claim."), f.participant) for c in claims for f in c.findings if f.holds}
    found_on |= {(f.rule.removeprefix("claim."), f.participant) for f in unsued if f.holds}
    for pid, basis in platform_basis.items():
        if not basis.holds:
            continue
        users = basis.facts["users_liable"]
        for code in CLAIM_ORDER[:4]:
            mine = [u for u in users if (code, u) in found_on]
            if not mine:
                continue
            f = via_platform(ctx.matter.participant(pid), [ctx.matter.participant(u) for u in mine], basis,
                             participant=pid)
            old = by.get(code)
            by[code] = _claim(code, (old.findings if old else []) + [f], old.docket if old else DOCKET[code])
    return [by[c] for c in CLAIM_ORDER if c in by]
