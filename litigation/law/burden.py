"""Burden of proof: who must prove each element, what the evidence shows, and what follows.

Default: each party proves the facts it asserts (CPL 67; SPC CPL Interp 90-91). Displaced by
SPC Face Provisions Art 6(2)-(3) (lawful processing, exemptions) and PIPL 69 (fault presumed).
Reform mode (teaching only) also puts the disproof of causation on the processor — a proposal
in the literature, not current law.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from litigation.facts.labels import en as L_en
from litigation.facts.labels import zh as L_zh
from litigation.facts.matter import Harm, Participant
from litigation.i18n import T, Text
from litigation.law.citations import Citation, cc, cite, pipl, spc
from litigation.law.context import FAULT_SHOWN, Ctx
from litigation.law.infringement import public_photos_recognised
from litigation.law.remedies import MENTAL_PROVED

Bearer = Literal["claimant", "defendant"]
Status = Literal["met", "contested", "missing", "not_at_issue"]

CPL67 = cite("CPL-2023", 67)
INTERP90 = cite("SPC-CPL-2022", 90)
INTERP91 = cite("SPC-CPL-2022", 91)


class BurdenItem(BaseModel):
    element: str
    participant: str | None
    bearer: Bearer
    status: Status
    citations: list[Citation]
    label: Text
    shows: Text
    if_unproven: Text
    reform: bool = False


_LEVEL = {"none": "missing", "weak": "contested", "strong": "met", "admitted": "met"}
_PROOF = {"none": "missing", "asserted": "contested", "proved": "met"}


def _processing(p: Participant) -> BurdenItem:
    st = _LEVEL[p.processing_evidence]
    return BurdenItem(
        element="processing", participant=p.id, bearer="claimant", status=st,
        citations=[spc(6, paragraph=1), CPL67, INTERP91],
        label=T(f"处理行为发生且系{p.name}所为", f"The processing happened and {p.name} did it"),
        shows=T(f"证据：{L_zh('evidence', p.processing_evidence)}", f"Evidence: {L_en('evidence', p.processing_evidence)}"),
        if_unproven=T("原告承担不利后果：对该参与者的请求被驳回", "The claimant bears the consequence: the claim "
                                                       "against this participant fails (SPC CPL Interp 90(2))"))


def _lawful_basis(p: Participant, consent_valid: bool | None, exemption: str | None = None) -> BurdenItem:
    """`consent_valid`: False when the consent defence failed in law (SPC 4, 2(3)), whatever the proof;
    `exemption`: a proved exemption, which is itself the lawful basis (PIPL 13(1)(4)-(7), 26)."""
    pr = p.processing
    assert pr is not None
    other = pr.other_legal_basis != "none"
    st: Status
    if exemption:
        st, proof = "met", "proved"
    elif public_photos_recognised(pr) and consent_valid is not True:
        st, proof = "missing", "invalid_in_law"  # public photos are no basis for face recognition (PIPL 27, 29)
    elif other and pr.other_legal_basis_proof == "proved":
        st, proof = "met", "proved"
    elif consent_valid is False:
        st, proof = "missing", "invalid_in_law"  # void consent cannot carry the burden, however well proved
    elif pr.consent.type != "none":
        st, proof = _PROOF[pr.consent.proof], pr.consent.proof
    elif other:
        st, proof = _PROOF[pr.other_legal_basis_proof], pr.other_legal_basis_proof
    else:
        st, proof = "missing", "none"
    return BurdenItem(
        element="lawful_basis", participant=p.id, bearer="defendant", status=st,
        citations=[spc(6, paragraph=2), cc(1035, 1), pipl(13)],
        label=T(f"{p.name}有同意或其他合法性基础（民法典第1035条第1款）",
                f"{p.name} had consent or another lawful basis (CC 1035(1))"),
        shows=T(f"同意类型：{L_zh('consent', pr.consent.type)}；其他基础：{L_zh('basis', pr.other_legal_basis)}；"
                f"证明：{L_zh('proof_status', proof)}",
                f"Consent: {L_en('consent', pr.consent.type)}; other basis: {L_en('basis', pr.other_legal_basis)}; "
                f"proof: {L_en('proof_status', proof)}"),
        if_unproven=T("处理者承担不利后果：视为未取得有效同意或缺乏合法性基础", "The processor bears the consequence: "
                                                                  "no valid consent or lawful basis is taken as "
                                                                  "shown"))


def _exemption(p: Participant, code: str, proof: str) -> BurdenItem:
    return BurdenItem(
        element=f"exemption:{code}", participant=p.id, bearer="defendant", status=_PROOF[proof],
        citations=[spc(6, paragraph=3), spc(5)],
        label=T(f"{p.name}的免责事由：{L_zh('defence', code)}", f"{p.name}'s exemption: {L_en('defence', code)}"),
        shows=T(f"证明：{L_zh('proof_status', proof)}", f"Proof: {L_en('proof_status', proof)}"),
        if_unproven=T("免责抗辩不成立，处理者承担民事责任", "The exemption fails; the processor is liable"))


def _fault(p: Participant, pipl_on: bool) -> BurdenItem:
    """`pipl_on`: PIPL 69 presumes this participant's fault (a processor, conduct from 2021-11-01)."""
    pr = p.processing
    proof = pr.proved_no_fault if pr else "none"
    if pipl_on:
        st: Status = "met" if proof == "proved" else ("contested" if proof == "asserted" else "missing")
        return BurdenItem(
            element="no_fault", participant=p.id, bearer="defendant", status=st, citations=[pipl(69, 1), cc(1165, 2)],
            label=T(f"{p.name}没有过错", f"{p.name} was not at fault"),
            shows=T(f"无过错的证明：{L_zh('proof_status', proof)}", f"Proof of no fault: {L_en('proof_status', proof)}"),
            if_unproven=T("推定有过错，承担损害赔偿责任", "Fault is presumed; it is liable in damages"))
    wrongdoer = p.role == "third_party_wrongdoer"
    shown = p.fault in FAULT_SHOWN or (wrongdoer and p.wrongdoer_kind in ("hacker", "fraudster"))
    st = "met" if shown else "missing"
    why = (("第三人不是个人信息处理者，不适用个人信息保护法第69条的过错推定", "a third person is not a processor: PIPL 69 "
            "does not presume its fault") if wrongdoer else
           ("个人信息保护法施行前，不推定过错", "before the PIPL fault is not presumed"))
    return BurdenItem(
        element="fault", participant=p.id, bearer="claimant", status=st, citations=[cc(1165, 1), CPL67],
        label=T(f"{p.name}有过错（{why[0]}）", f"{p.name} was at fault ({why[1]})"),
        shows=T(f"过错程度：{L_zh('fault', p.fault)}" + ("；黑客、诈骗行为一经证明即属故意" if wrongdoer else ""),
                f"Fault: {L_en('fault', p.fault)}" + ("; a proved act of hacking or fraud is intentional" if wrongdoer
                                                       else "")),
        if_unproven=T("原告承担不利后果：不赔偿损失（停止侵害、删除等请求不以过错为要件）",
                      "The claimant bears the consequence: no damages (stopping and deletion do not need fault)"))


def _damage(h: Harm) -> BurdenItem:
    """Met when some damage is shown: expenses paid to stop the infringement (their amount is the `amounts`
    element), proved economic loss, or serious mental harm on more than the claimant's word. Asserted but
    unproven loss or harm leaves it contested (not met)."""
    expenses = sum(e.amount for e in h.expenses)
    serious = h.mental_distress == "serious" and h.mental_evidence in MENTAL_PROVED
    st: Status = "met" if (expenses > 0 or (h.economic_loss > 0 and h.economic_loss_proof != "none")
                           or bool(h.infringer_gains) or serious) else (
        "contested" if h.economic_loss > 0 or h.mental_distress == "serious" else "missing")
    return BurdenItem(
        element="damage", participant=None, bearer="claimant", status=st, citations=[pipl(69, 1), CPL67],
        label=T("存在损害（财产损失、维权开支或精神损害）", "There is damage (loss, expenses or mental harm)"),
        shows=T(f"经济损失 {h.economic_loss:,.0f} 元（{L_zh('loss_proof', h.economic_loss_proof)}）；开支 {expenses:,.0f} 元；"
                f"精神损害：{L_zh('mental', h.mental_distress)}",
                f"Economic loss RMB {h.economic_loss:,.0f} ({L_en('loss_proof', h.economic_loss_proof)}); expenses RMB "
                f"{expenses:,.0f}; mental distress: {L_en('mental', h.mental_distress)}"),
        if_unproven=T("无损害则无赔偿，仍可请求停止侵害、删除、赔礼道歉（民法典第995条）",
                      "No damage, no damages — stopping, deletion and apology remain available (CC 995)"))


def _causation(h: Harm, reform: bool) -> BurdenItem:
    if reform:
        return BurdenItem(
            element="causation", participant=None, bearer="defendant", status="missing", reform=True,
            citations=[pipl(69, 1)],
            label=T("【改革模式】处理者须证明其行为与损害无因果关系", "[Reform mode] The processor must disprove causation"),
            shows=T(f"原告的因果关系证据：{L_zh('evidence', h.causation_evidence)}（改革模式下原告无须证明）",
                    f"Claimant's causation evidence: {L_en('evidence', h.causation_evidence)} (not needed in reform "
                    "mode)"),
            if_unproven=T("处理者不能证明无因果关系的，推定因果关系成立（学术建议，非现行法）",
                          "If the processor cannot disprove it, causation is presumed (a proposal, not current law)"))
    only_expenses = h.economic_loss == 0 and not h.infringer_gains and h.mental_distress == "none"
    if only_expenses:
        return BurdenItem(
            element="causation", participant=None, bearer="claimant", status="not_at_issue",
            citations=[spc(8, paragraph=2)],
            label=T("处理行为与损害之间有因果关系", "The processing caused the damage"),
            shows=T("仅主张为制止侵权支出的合理开支，其与侵权的关联由开支本身说明",
                    "Only expenses paid to stop the infringement are claimed; their link to it is inherent"),
            if_unproven=T("—", "—"))
    return BurdenItem(
        element="causation", participant=None, bearer="claimant", status=_LEVEL[h.causation_evidence],
        citations=[CPL67, INTERP90, cc(1165, 1)],
        label=T("处理行为与损害之间有因果关系", "The processing caused the damage"),
        shows=T(f"因果关系证据：{L_zh('evidence', h.causation_evidence)}",
                f"Causation evidence: {L_en('evidence', h.causation_evidence)}"),
        if_unproven=T("原告承担不利后果：损害赔偿请求不能成立（停止侵害、删除不受影响）",
                      "The claimant bears the consequence: damages fail (stopping and deletion are unaffected)"))


def _amounts(h: Harm) -> BurdenItem:
    receipts = [e for e in h.expenses if e.receipt]
    no_receipt = [e for e in h.expenses if not e.receipt]
    if h.economic_loss_proof == "documented" and not no_receipt:
        st: Status = "met"
    elif receipts or h.economic_loss_proof == "partial" or h.infringer_gains is not None:
        st = "contested"
    else:
        st = "missing"
    return BurdenItem(
        element="amounts", participant=None, bearer="claimant", status=st,
        citations=[cc(1182), pipl(69, 2), spc(8)],
        label=T("损失数额（或侵权人获益）", "The amount of the loss (or the infringer's gains)"),
        shows=T(f"有票据开支 {len(receipts)} 项，无票据 {len(no_receipt)} 项；经济损失证明：{L_zh('loss_proof', h.economic_loss_proof)}",
                f"{len(receipts)} expense(s) with receipts, {len(no_receipt)} without; loss proof: "
                f"{L_en('loss_proof', h.economic_loss_proof)}"),
        if_unproven=T("损失和获益均难以确定的，由法院根据实际情况确定赔偿数额（个人信息保护法第69条第2款、民法典第1182条）",
                      "If neither loss nor gains can be fixed, the court sets the amount on the actual circumstances "
                      "(PIPL 69(2), CC 1182)"))


def _mental(h: Harm) -> BurdenItem:
    st: Status = "met" if h.mental_evidence in MENTAL_PROVED else (
        "contested" if h.mental_evidence == "own_statement" else "missing")
    return BurdenItem(
        element="serious_mental_harm", participant=None, bearer="claimant", status=st,
        citations=[cc(1183, 1), cite("SPC-MENTAL-2020", 5)],
        label=T("造成严重精神损害", "The infringement caused serious mental harm"),
        shows=T(f"主张：{L_zh('mental', h.mental_distress)}；证据：{L_zh('mental_evidence', h.mental_evidence)}",
                f"Claimed: {L_en('mental', h.mental_distress)}; evidence: {L_en('mental_evidence', h.mental_evidence)}"),
        if_unproven=T("精神损害赔偿不予支持（仅限严重精神损害）", "No mental-harm damages (only serious harm qualifies)"))


def burden_table(ctx: Ctx, consent_valid: dict[str, bool | None],
                 exemption: dict[str, str | None] | None = None) -> list[BurdenItem]:
    m = ctx.matter
    exemption = exemption or {}
    items: list[BurdenItem] = []
    for p in m.participants:
        if not p.defendant:
            continue
        items.append(_processing(p))
        # An entrusted party within its mandate acts on its principal's basis (PIPL 21); a recipient of a lawful
        # provision on the consent given for it (PIPL 23): neither bears a lawful-basis burden of its own.
        covered = p.processing is not None and not p.processing.beyond_declared_scope and (
            ctx.mandate_of(p.id) is not None or ctx.lawful_source_of(p.id) is not None)
        if p.processing is not None and p.role != "third_party_wrongdoer" and not covered:
            items.append(_lawful_basis(p, consent_valid.get(p.id), exemption.get(p.id)))
            for d in p.processing.defenses:
                if d.code not in ("consent", "no_fault", "owners_committee_approval"):
                    items.append(_exemption(p, d.code, d.proof))
        if p.processing is not None or p.role == "third_party_wrongdoer":
            items.append(_fault(p, ctx.applies("PIPL-2021", p.id) and p.role != "third_party_wrongdoer"))
    h = m.harm
    items += [_damage(h), _causation(h, ctx.reform), _amounts(h)]
    if h.mental_distress != "none":
        items.append(_mental(h))
    return items
