"""The law before 2021 for conduct wholly before the Civil Code (SPC Temporal-Effect Provisions Art 1(2)).

For 2017-2020 acts the personal-information rules were the Cybersecurity Law 41-44 (network operators), the
Consumer Protection Law 29 (businesses towards consumers) and the General Provisions 111; liability came from the
Tort Liability Law (fault, Art 6(1): not presumed before the PIPL) and, for a contract, the Contract Law. Each rule
reads one participant's facts and cites only the instruments in force for its acts. The General Provisions, the
Tort Liability Law and the Contract Law are repealed and not in the official texts here: their citations carry
the V-2nd label and are shown as unverified.
"""

from __future__ import annotations

from litigation.facts.matter import Participant, Processing
from litigation.i18n import T
from litigation.law.citations import Citation, contract_law, cprl, csl, gpcl, tll
from litigation.law.context import Ctx
from litigation.law.rules import Finding, rule


def pi_bases(ctx: Ctx, p: Participant, csl_art: Citation, cprl_art: Citation) -> list[Citation]:
    """The personal-information rules in force for this participant's acts: CSL (network operators), CPRL
    (towards a consumer), GPCL 111 (from 2017-10-01) — only those whose dates fit."""
    return [c for c in (csl_art, cprl_art, gpcl(111)) if ctx.applies(c.instrument, p.id) and ctx.addressed(c, p.id)]


@rule("old.consent", T("行为时法律：未经同意收集、使用个人信息", "Old law: collection or use without consent"),
      csl(41, 1), cprl(29, 1), gpcl(111), narrow=True)
def no_consent(ctx: Ctx, p: Participant, pr: Processing):
    c = pr.consent
    facts = {"consent.type": c.type, "coerced": c.coerced, "condition_of_service": c.condition_of_service}
    bases = pi_bases(ctx, p, csl(41, 1), cprl(29, 1))
    if c.type == "none":
        return True, "no_consent", facts, T("收集、使用人脸信息未经本人同意（当时的法律已要求经被收集者同意）",
                                            "The face information was collected or used without the person's consent "
                                            "(the law then in force already required it)"), bases
    if c.coerced or (c.condition_of_service and not c.service_requires_face):
        return True, "forced", facts, T("所谓同意系以不同意即无法使用服务的方式强制取得，不是自愿的同意",
                                        "The 'consent' was forced (no service without it), so it was not freely "
                                        "given"), bases + ([cprl(26, 2)] if ctx.applies("CPRL-2013", p.id) else [])
    return False, "consented", facts, T("收集、使用经本人同意（当时的法律不要求单独同意）",
                                        "Collected and used with consent (the law then did not require separate "
                                        "consent)"), bases


@rule("old.necessity", T("行为时法律：超出必要或约定范围收集、使用", "Old law: beyond what was necessary or agreed"),
      csl(41, 2), cprl(29, 1), gpcl(111), narrow=True)
def beyond_necessity(ctx: Ctx, p: Participant, pr: Processing):
    facts = {"face_needed_for_purpose": pr.necessity.face_needed_for_purpose,
             "beyond_declared_scope": pr.beyond_declared_scope, "breach_of_agreement": pr.breach_of_agreement}
    bases = pi_bases(ctx, p, csl(41, 2), cprl(29, 1))
    if pr.necessity.face_needed_for_purpose is False or pr.beyond_declared_scope or pr.breach_of_agreement:
        return True, "beyond", facts, T("收集人脸信息超出了实现目的所必需或双方约定的范围（合法、正当、必要原则）",
                                        "The face information was collected beyond what the purpose needed or the "
                                        "parties agreed (lawful, legitimate and necessary)"), bases
    if pr.necessity.face_needed_for_purpose is None:
        return None, "unknown", facts, T("是否必要不明", "Necessity unknown"), bases
    return False, "necessary", facts, T("收集、使用在必要和约定的范围内", "Within what was necessary and agreed"), bases


@rule("old.notice", T("行为时法律：未公开规则或未明示目的、方式、范围", "Old law: rules not published or purpose not "
                      "stated"), csl(41, 1), cprl(29, 1), narrow=True)
def no_notice(ctx: Ctx, p: Participant, pr: Processing):
    n = pr.notice
    facts = {"rules_published": n.rules_published, "purpose_method_scope_stated": n.purpose_method_scope_stated}
    bases = [c for c in pi_bases(ctx, p, csl(41, 1), cprl(29, 1)) if c.instrument != "GPCL-2017"]
    if not bases:
        return None, "no_rule", facts, T("对这一方，当时的法律没有公开规则的具体要求（仅民法总则第一百一十一条的原则）",
                                         "For this party the law then had no specific notice rule (only the "
                                         "principle of GP Art 111)")
    if n.rules_published is False or n.purpose_method_scope_stated is False:
        return True, "missing", facts, T("未公开收集、使用规则或未明示目的、方式、范围",
                                         "The rules were not published, or purpose, method and scope not stated"), bases
    return (None, "unknown", facts, T("告知情况不明", "Notice unknown"), bases) if (
        n.rules_published is None or n.purpose_method_scope_stated is None) else (
        False, "given", facts, T("已公开规则并明示目的、方式、范围", "Rules published and purpose stated"), bases)


@rule("old.security", T("行为时法律：泄露、丢失个人信息", "Old law: leak or loss of personal information"),
      csl(42, 1), cprl(29, 2), gpcl(111), narrow=True)
def leak(ctx: Ctx, p: Participant, pr: Processing):
    i = pr.incident
    facts = {"incident.occurred": i.occurred, "incident.kind": i.kind, "due_measures_taken": i.due_measures_taken}
    bases = pi_bases(ctx, p, csl(42, 1), cprl(29, 2))
    if not i.occurred:
        return False, "no_incident", facts, T("未发生泄露、篡改或丢失", "No leak, alteration or loss"), bases
    if i.due_measures_taken is True:
        return False, "measures_taken", facts, T("发生事件，但已采取必要的技术措施", "An incident, but due measures "
                                                                          "were taken"), bases
    return True, "incident", facts, T("收集的人脸信息被泄露、篡改或丢失", "Collected face information was leaked, "
                                                                 "altered or lost"), bases


@rule("old.provision", T("行为时法律：未经同意向他人提供或出售", "Old law: provided or sold without consent"),
      csl(42, 1), csl(44), cprl(29, 2), gpcl(111), narrow=True)
def provided(ctx: Ctx, p: Participant, pr: Processing):
    v = pr.provision
    facts = {"provided_to": v.to, "to_unidentified": v.to_unidentified, "sold": v.sold}
    if not (v.to or v.to_unidentified or v.sold):
        return False, "none", facts, T("未向他人提供", "Not provided to anyone"), pi_bases(ctx, p, csl(42, 1), cprl(29, 2))
    bases = pi_bases(ctx, p, csl(42, 1), cprl(29, 2)) + ([csl(44)] if v.sold and ctx.applies("CSL-2016", p.id) else [])
    return True, "provided", facts, T("未经同意向他人提供或出售人脸信息", "The face information was provided or sold "
                                                                 "without consent"), bases


OLD_GROUNDS = (no_consent, beyond_necessity, no_notice, leak, provided)


def old_grounds(ctx: Ctx, p: Participant) -> list[Finding]:
    """The pre-2021 personal-information grounds for one participant whose conduct is wholly before 2021."""
    pr = p.processing
    if pr is None:
        return []
    if not pi_bases(ctx, p, csl(41, 1), cprl(29, 1)):
        return []  # no encoded instrument of the time covers these acts (the regime finding says which law did)
    return [f for f in (r(ctx, p, pr, participant=p.id) for r in OLD_GROUNDS) if f.branch != "no_rule"]


# What the old law says where its wording differs from the Civil Code's (TLL 20 is sequential: the loss first,
# the infringer's gains only if the loss cannot be fixed; CC 1182 lets the victim choose).
OLD_REMEDY_TEXT = {
    "property_damages": T("按被侵权人因此受到的损失赔偿；损失难以确定、侵权人因此获得利益的，按其获得的利益赔偿；均难以确定的，由法院根据实际情况确定"
                          "（侵权责任法第二十条：先损失、后获益，不能任选）",
                          "The victim's loss; if it cannot be fixed, the infringer's gains; if neither, the court sets "
                          "the amount (Tort Liability Law 20: loss first, then gains — not a free choice)"),
    "mental_distress_damages": T("侵害人身权益造成他人严重精神损害的，可以请求精神损害赔偿（侵权责任法第二十二条）",
                                 "Serious mental harm from infringing personal rights may be compensated (Tort "
                                 "Liability Law 22)"),
}


# Remedies under the law then in force, by remedy code (TLL 15 forms of liability; CSL 43 deletion; CPRL 50).
def old_remedy_citations(ctx: Ctx, pid: str | None, code: str) -> list[Citation]:
    table: dict[str, list[Citation]] = {
        "deletion": [csl(43), cprl(50), tll(15)],
        "cessation": [tll(15), cprl(50)],
        "apology": [tll(15), cprl(50)],
        "eliminate_effects": [tll(15), cprl(50)],
        "property_damages": [tll(20)],
        "reasonable_expenses": [tll(20)],
        "attorney_fees": [tll(20)],
        "mental_distress_damages": [tll(22)],
        "contract_deletion": [contract_law(107)],
        "void_format_clause": [contract_law(40), cprl(26, 3)],
    }
    return [c for c in table.get(code, []) if ctx.applies(c.instrument, pid) and ctx.addressed(c, pid)]
