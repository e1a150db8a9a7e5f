"""Remedies that fit the facts: deletion, cessation, apology, injunction, alternative
verification, void format clauses, contract-route deletion and the heads of damages."""

from __future__ import annotations

from pydantic import BaseModel

from litigation.facts.labels import en as L_en
from litigation.facts.labels import zh as L_zh
from litigation.facts.matter import Matter, Participant
from litigation.i18n import T
from litigation.law.citations import cc, cite, pipl, spc
from litigation.law.context import proved
from litigation.law.rules import Finding, rule

REMEDY_CODES = (
    "deletion", "cessation", "apology", "eliminate_effects", "injunction", "alternative_verification",
    "void_format_clause", "contract_deletion", "property_damages", "reasonable_expenses", "attorney_fees",
    "mental_distress_damages", "contract_damages",
)


class Remedy(BaseModel):
    code: str
    available: bool
    requested: bool
    against: list[str]
    finding: Finding


MENTAL_PROVED = ("medical", "witness")  # the claimant's own statement alone leaves serious harm contested


def compensable(m: Matter, reform: bool) -> dict[str, bool]:
    """Which heads of damage stand on the evidence. Expenses paid to stop the infringement need no further
    causation proof (SPC 8(2)); other loss needs proved causation (strong or admitted; weak is not enough),
    or is presumed caused in reform mode; serious mental harm needs more than the claimant's own word."""
    h = m.harm
    caused = reform or proved(h.causation_evidence)
    return {
        "reasonable_expenses": any(e.amount > 0 and e.kind != "attorney_fees" for e in h.expenses),
        "attorney_fees": any(e.amount > 0 and e.kind == "attorney_fees" for e in h.expenses),
        "property_damages": caused and ((h.economic_loss > 0 and h.economic_loss_proof != "none")
                                        or bool(h.infringer_gains)),
        "mental_distress_damages": caused and h.mental_distress == "serious" and h.mental_evidence in MENTAL_PROVED,
    }


def not_in_force(f: Finding) -> Finding:
    """A remedy whose every citation is out of force for the acts: say so, not what the rule would give."""
    return f.model_copy(update={"holds": False, "branch": "not_in_force", "explanation": T(
        "所依据的规定对本案行为尚未施行：该救济不适用（应适用行为时的法律）",
        "The provisions it rests on were not in force for the acts: this remedy does not apply (the law then in "
        "force governs)")})


@rule("rem.deletion", T("删除人脸信息", "Deletion of the face info"), cc(1037), pipl(47))
def deletion(liable: list[str], withdrawn: list[str], deceased: bool = False):
    facts = {"infringing_defendants": liable, "consent_withdrawn_by": withdrawn, "deceased": deceased}
    who = sorted(set(liable) | set(withdrawn))
    if who:
        extra_zh = "；当事人已死亡的，近亲属为了自身的合法、正当利益可以行使删除等权利（死者生前另有安排的除外）" if deceased else ""
        extra_en = ("; the person being dead, a close relative may exercise the right to deletion for his or her own "
                    "lawful interests, unless the deceased arranged otherwise") if deceased else ""
        return True, "available", facts, T(
            f"处理违反法律或约定（或同意已撤回），可请求 {'、'.join(who)} 及时删除人脸信息；无法删除的，应停止存储和必要安全措施以外的处理{extra_zh}",
            f"Processing breached the law or the agreement (or consent was withdrawn): {', '.join(who)} must delete "
            f"the face info; where deletion is impossible, all processing but storage and security must stop{extra_en}"), \
            [pipl(49)] if deceased else []
    return False, "no_basis", facts, T("无删除的法定事由", "No ground for deletion")


@rule("rem.cessation", T("停止侵害", "Cessation"), cc(995), cc(1167))
def cessation(liable: list[str], ongoing: bool):
    facts = {"infringing_defendants": liable, "ongoing": ongoing}
    if liable and ongoing:
        return True, "ongoing", facts, T("侵害仍在持续：可请求停止侵害", "The infringement continues: an order to stop "
                                                                "it fits")
    if liable:
        return True, "ended", facts, T("侵害已结束，但可请求停止并不再处理", "The infringement has ended; an order not "
                                                                "to resume still fits")
    return False, "none", facts, T("无侵害可停止", "Nothing to stop")


@rule("rem.apology", T("赔礼道歉、消除影响", "Apology and eliminating effects"), cc(995), cc(1000, 1))
def apology(liable: list[str], scope: str, public_order: bool):
    """Apology is available for any infringement of a personality right (CC 995); the reach of the act sets
    its form, not whether it is owed (CC 1000(1))."""
    facts = {"infringing_defendants": liable, "scope_of_impact": scope, "against_public_order": public_order}
    if not liable:
        return False, "none", facts, T("无侵权，不生道歉责任", "No infringement, no apology")
    where = {"limited": ("在影响所及的范围内（如业主群、特定平台）", "within the circle it reached (e.g. an owners' group "
                         "or one platform)"),
             "wide": ("以与侵权影响范围相当的方式公开，并消除影响", "publicly, on a scale matching the spread, and with "
                      "the effects eliminated"),
             "private": ("以书面等不公开的方式（影响限于私人范围，法院通常不判令公开道歉）", "in writing or another "
                         "non-public form (the effect stayed private, so courts usually do not order a public "
                         "apology)")}[scope]
    return True, scope, facts, T(f"可以请求赔礼道歉，其方式应与行为的具体方式和影响范围相当：{where[0]}",
                                 f"An apology may be claimed; its form must match the manner and reach of the act: "
                                 f"{where[1]}")


@rule("rem.injunction", T("人格权侵害禁令", "Personality-right injunction"), spc(9), cc(997))
def injunction(imminent: bool, irreparable: bool):
    facts = {"ongoing_or_imminent": imminent, "irreparable_if_not_stopped": irreparable}
    if imminent and irreparable:
        return True, "conditions_met", facts, T("有证据证明正在或即将实施侵害，不及时制止将难以弥补：可申请禁令（法院“可以”发出）",
                                                "Evidence of an ongoing or imminent infringement with irreparable harm "
                                                "if not stopped: an injunction may be sought (the court 'may' order it)")
    missing = [x for x, ok in ((("正在或即将实施侵害", "ongoing or imminent infringement"), imminent),
                               (("不及时制止将难以弥补", "irreparable harm"), irreparable)) if not ok]
    return False, "conditions_missing", facts, T(f"禁令条件未满足：{'、'.join(x[0] for x in missing)}",
                                                 f"Injunction conditions not met: {', '.join(x[1] for x in missing)}")


@rule("rem.alternative", T("其他合理验证方式", "Another reasonable verification method"), spc(10, paragraph=1), pipl(16),
      narrow=True)
def alternative(p: Participant, consented_validly: bool):
    pr = p.processing
    assert pr is not None
    nec = pr.necessity
    facts = {"kind": p.kind, "sole_verification_method": nec.sole_verification_method,
             "alternative_offered": nec.alternative_offered, "valid_consent": consented_validly,
             "condition_of_service": pr.consent.condition_of_service}
    forced = nec.sole_verification_method or pr.consent.condition_of_service
    # SPC 10(1) is for property managers (and other building managers) only; elsewhere PIPL 16 governs.
    cites = [spc(10, paragraph=1)] if p.kind == "property_manager" else [pipl(16)]
    if not forced or nec.alternative_offered is True:
        return False, "not_needed", facts, T("已有或已提供其他验证方式", "Another method exists or was offered"), cites
    if consented_validly:
        return False, "consented", facts, T("个人已有效同意人脸验证", "The person validly consented to face checks"), \
            cites
    if p.kind == "property_manager":
        return True, "spc10", facts, T("物业以人脸识别为唯一验证方式，不同意的业主或使用人可请求其他合理验证方式",
                                       "The property manager uses face recognition as the only way in: an owner or "
                                       "occupier who does not consent may demand another reasonable method"), \
            [spc(10, paragraph=1)]
    if pr.consent.service_requires_face:
        return False, "necessary", facts, T("人脸识别为提供该服务所必需", "Face recognition is necessary for the service"), \
            cites
    return True, "pipl16", facts, T("不得因个人不同意人脸识别而拒绝提供服务：应提供其他方式",
                                    "The service may not be refused because the person declines face recognition: "
                                    "another way must be offered"), [pipl(16)]


@rule("rem.format_clause", T("格式条款无效", "Void format clause"), spc(11), cite("CC-2020", 497))
def format_clause(p: Participant):
    fc = p.processing.format_clause  # type: ignore[union-attr]
    facts = {"used": fc.used, "unlimited_term": fc.unlimited_term, "irrevocable": fc.irrevocable,
             "freely_sublicensable": fc.freely_sublicensable}
    bad = [zh for zh, v in (("无期限限制", fc.unlimited_term), ("不可撤销", fc.irrevocable),
                            ("可任意转授权", fc.freely_sublicensable)) if v]
    bad_en = [en for en, v in (("unlimited in time", fc.unlimited_term), ("irrevocable", fc.irrevocable),
                               ("freely sub-licensable", fc.freely_sublicensable)) if v]
    if fc.used and bad:
        return True, "void", facts, T(f"格式条款要求授予{'、'.join(bad)}的人脸信息处理权：可请求确认无效",
                                      f"A format clause grants face-processing rights that are {', '.join(bad_en)}: "
                                      "it can be declared void")
    return False, "none", facts, T("无此类格式条款", "No such format clause")


@rule("rem.contract", T("违约责任与删除", "Contract liability and deletion"), spc(12))
def contract_route(p: Participant):
    pr = p.processing
    facts = {"breach_of_agreement": pr.breach_of_agreement if pr else False}
    if pr and pr.breach_of_agreement:
        return True, "breach", facts, T("处理违反约定：可主张违约责任并请求删除人脸信息，“未约定删除”的抗辩不予支持",
                                        "Processing breached the agreement: contract liability and deletion are "
                                        "available; 'deletion was never agreed' is no defence")
    return False, "none", facts, T("未违反约定", "No breach of agreement")


@rule("rem.contract_damages", T("违约损害赔偿", "Damages for breach of contract"), cc(584))
def contract_damages(loss: dict[str, float]):
    """Loss caused by the breach, including the benefit the contract would have brought, capped at what the
    party in breach foresaw or should have foreseen (CC 584; Contract Law 113 for older contracts)."""
    total = sum(loss.values())
    return True, "loss", {"loss": loss}, T(
        f"违约造成的损失共 {total:,.0f} 元（含合同履行后可以获得的利益），不超过违约方订立合同时预见到或者应当预见到的损失",
        f"Loss from the breach RMB {total:,.0f} (incl. the benefit performance would have brought), capped at what "
        "the party in breach foresaw or should have foreseen when contracting")


@rule("rem.damages", T("损害赔偿各项", "Heads of damages"), cc(1182), pipl(69, 2), spc(8))
def damages_heads(m: Matter, damages_liable: list[str]):
    h = m.harm
    facts = {"damages_liable": damages_liable, "economic_loss": h.economic_loss,
             "expenses": sum(e.amount for e in h.expenses), "mental_distress": h.mental_distress}
    if not damages_liable:
        return False, "none", facts, T("无人承担损害赔偿责任", "No one is liable in damages")
    return True, "heads", facts, T("财产损失按所受损失或侵权人获益计算，难以确定的由法院酌定；维权合理开支计入财产损失，律师费可酌情计入",
                                   "Property loss = the loss suffered or the infringer's gains, else fixed by the "
                                   "court; reasonable expenses count as loss; attorney fees may be included")


@rule("rem.mental", T("精神损害赔偿", "Mental-harm damages"), cc(1183, 1), cite("SPC-MENTAL-2020", 5))
def mental(level: str, evidence: str, damages_liable: list[str], caused: bool = True):
    facts = {"mental_distress": level, "mental_evidence": evidence, "causation_proved": caused}
    if level != "serious":
        return False, "not_serious", facts, T("仅严重精神损害可获赔偿；本案未主张严重精神损害",
                                              "Only serious mental harm is compensated; none is claimed here")
    if evidence not in MENTAL_PROVED:
        return False, "unproven", facts, T(f"主张严重精神损害，但证据（{L_zh('mental_evidence', evidence)}）不足以证明：不予支持",
                                           f"Serious mental harm is claimed but the evidence "
                                           f"({L_en('mental_evidence', evidence).lower()}) does not prove it: not "
                                           "supported"), [cite("CPL-2023", 67)]
    if not caused:
        return False, "causation_unproven", facts, T("未证明侵权行为与精神损害之间的因果关系：不予支持",
                                                     "Causation between the infringement and the mental harm is not "
                                                     "proved: not supported"), [cite("CPL-2023", 67)]
    if not damages_liable:
        return False, "no_liable", facts, T("无人承担损害赔偿责任", "No one is liable in damages")
    return True, "serious", facts, T(f"严重精神损害已有证据（{L_zh('mental_evidence', evidence)}）；数额考虑过错程度、情节、后果、获利、赔偿能力和受诉法院所在地平均生活水平",
                                     f"Serious mental harm is shown ({L_en('mental_evidence', evidence).lower()}); "
                                     "the amount weighs fault, circumstances, consequences, profit, ability to pay "
                                     "and the local living standard")


@rule("rem.no_limitation", T("不适用诉讼时效", "No limitation period"), cc(995))
def no_limitation():
    return True, "note", {}, T("停止侵害、消除影响、赔礼道歉等请求不适用诉讼时效（损害赔偿请求适用）",
                               "Claims to stop the infringement, eliminate effects and apologise are not time-barred "
                               "(damages claims are)")
