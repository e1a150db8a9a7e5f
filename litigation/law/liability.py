"""Liability across participants: external structure, internal shares, recourse, allocation.

Base rule: several processors answer by their fault and contribution (SPC 7(1); CC 1172), in
equal shares where these cannot be fixed. Exceptions: joint processors (PIPL 20) and the Civil
Code patterns (CC 1168-1171) are jointly and severally liable; a network platform answers under
CC 1195/1197. Internal shares and recourse follow CC 178; the claimant's fault may reduce the
total (CC 1173).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from litigation.facts.labels import en as L_en
from litigation.facts.labels import zh as L_zh
from litigation.facts.matter import Participant
from litigation.i18n import T, Text
from litigation.law.citations import cc, cite, pipl, spc
from litigation.law.context import FAULT_SHOWN, Ctx, proved
from litigation.law.rules import Finding, rule

External = Literal["joint_and_several", "several_share", "joint_for_enlarged_part", "supplementary", "stop_only",
                   "none"]
ThirdPersonReading = Literal["shares", "supplementary"]
JOINT_TYPES = ("joint_and_several", "joint_for_enlarged_part", "supplementary")  # may pay beyond the own share


class DefendantLiability(BaseModel):
    id: str
    name: str
    role: str
    external: External
    internal_share: float = 0.0
    internal_amount: float | None = None
    exposure_amount: float | None = None
    jointly_with: list[str] = Field(default_factory=list)
    basis: list[Finding] = Field(default_factory=list)
    recourse: Text | None = None
    sole: bool = False  # the only participant bearing money: its "share" is the whole (no 按份 wording)

    @property
    def display(self) -> str:
        """The label code to show: `sole` for a sole tortfeasor, else the external code."""
        return "sole" if self.sole else self.external


class Liability(BaseModel):
    defendants: list[DefendantLiability]
    total_damages: float | None = None
    reduction: float = 0.0
    recoverable: float | None = None
    notes: list[Finding] = Field(default_factory=list)
    # Tortfeasors not before the court (not sued or unidentified) keep their internal share: shares are fixed
    # over all tortfeasors (CC 1172; SPC 7(1)), so a sued defendant's several share does not grow with who is sued.
    non_parties: list[DefendantLiability] = Field(default_factory=list)
    flags: list[Finding] = Field(default_factory=list)  # unsettled points found here (shown with the flags)
    third_person_reading: ThirdPersonReading = "shares"


# ------------------------------------------------------------------ status of each participant
Status = Literal["damages", "stop_only", "none", "unproven"]


@rule("liab.individual", T("各参与者自身的责任基础", "Each participant's own basis of liability"), pipl(69, 1),
      cc(1165))
def individual_basis(p: Participant, infringes: bool, exempt: bool, damage: bool, no_fault: bool,
                     fault_on_claimant: bool = False, fault_shown: bool = True):
    """`fault_on_claimant`: fault is not presumed (a third person who is not a processor, or conduct before the
    PIPL), so the claimant must prove it (CC 1165(1)); `fault_shown`: whether that proof is made."""
    facts = {"role": p.role, "processing_evidence": p.processing_evidence, "infringes": infringes,
             "exempt": exempt, "damage_shown": damage, "no_fault_proved": no_fault,
             "fault_on_claimant": fault_on_claimant, "fault_shown": fault_shown}
    if not proved(p.processing_evidence):
        return False, "unproven", facts, T(
            f"原告证明该参与者实施了处理行为的证据{L_zh('evidence', p.processing_evidence)}，未达证明标准：举证不能，对其请求不成立",
            f"The claimant's evidence that this participant processed the face info is "
            f"{L_en('evidence', p.processing_evidence).lower()}: the element is not met, so the claim against it "
            "fails"), [cc(1165, 1), cite("SPC-CPL-2022", 90)]
    if exempt:
        return False, "exempt", facts, T("免责事由或同意抗辩成立：不承担民事责任", "A proved exemption or consent "
                                                                  "defence: no civil liability"), [spc(5)]
    if not infringes:
        return False, "no_infringement", facts, T("未发现侵权事由", "No ground of infringement found")
    if no_fault:
        return True, "stop_only", facts, T("构成侵害但证明无过错：仅负停止侵害、删除等责任，不赔偿损失",
                                           "Infringing but proved not at fault: only stopping and deletion, no "
                                           "damages"), [cc(995)]
    if fault_on_claimant and not fault_shown:
        return True, "fault_unproven", facts, T(
            "不适用过错推定，原告须证明其过错（民法典第1165条第1款）而未证明：不赔偿损失，仍可请求停止侵害、删除",
            "Fault is not presumed here and the claimant has not proved it (CC 1165(1)): no damages; stopping "
            "and deletion remain"), [cc(1165, 1), cc(995)]
    if not damage:
        return True, "stop_only", facts, T("构成侵害，但未证明可获赔偿的损害：可请求停止侵害、删除、赔礼道歉，不产生赔偿",
                                           "Infringing, but no compensable damage is proved: stopping, deletion and "
                                           "apology, no damages"), [cc(995)]
    if fault_on_claimant:
        return True, "damages", facts, T("构成侵害、有损害，原告已证明其过错：承担损害赔偿责任",
                                         "Infringement with damage, and the claimant proved fault: liable in damages"), \
            [cc(1165, 1)]
    return True, "damages", facts, T("构成侵害且有损害，过错推定未被推翻：承担损害赔偿责任",
                                     "Infringement with damage and presumed fault not rebutted: liable in damages")


@rule("liab.employee", T("用人单位责任", "Employer's liability for its staff"), cc(1191, 1))
def employee(p: Participant, employer: Participant, infringes: bool):
    facts = {"employee": p.id, "employer": employer.id, "infringes": infringes}
    if not infringes:
        return False, "no_infringement", facts, T("工作人员未发现侵权事由", "No ground against the employee")
    return True, "attributed", facts, T(
        f"工作人员 {p.id} 因执行工作任务处理人脸信息，由用人单位 {employer.id} 承担侵权责任；用人单位承担后，可以向有故意或者重大过失的工作人员追偿",
        f"{p.id} processed the face info in the course of its work: its employer {employer.id} answers; having "
        "paid, the employer may recover from a member of staff who acted intentionally or with gross negligence")


@rule("liab.third_person", T("第三人造成损害", "Damage caused by a third person"), cc(1175), cc(1172),
      spc(7, paragraph=1), cc(1198, 2))
def third_person(business: str, wrongdoers: list[str], reading: str, own_share: float):
    facts = {"business": business, "third_persons": wrongdoers, "reading": reading, "own_share": own_share}
    who = "、".join(wrongdoers)
    zh1 = (f"读法一（按份，本工具默认）：{business} 自身未尽安全保障义务，与第三人 {who} 分别实施侵权行为造成同一损害，"
           f"按过错和原因力各自承担相应的份额（民法典第1172条、人脸识别规定第7条第1款）；{business} 只赔自己的份额（{own_share:.0%}），"
           "第三人的份额向第三人主张")
    zh2 = (f"读法二（补充责任，类推民法典第1198条第2款）：损害由第三人 {who} 承担；{business} 未尽安全保障义务的，"
           f"仅在第三人不能赔偿的范围内承担与其过错相应的补充责任（最多 {own_share:.0%}），承担后可以向第三人追偿。"
           "第1198条第2款的文义限于经营场所、公共场所的经营者、管理者，能否类推适用于个人信息安全保障义务，尚无定论")
    en1 = (f"Reading 1 (shares, FaceTort's default): {business} failed its own security duty and the third person "
           f"{', '.join(wrongdoers)} committed a separate tort causing the same damage; each answers for its share by "
           f"fault and contribution (CC 1172; SPC 7(1)); {business} pays only its own share ({own_share:.0%}) and the "
           "third person's share is claimed from the third person")
    en2 = (f"Reading 2 (supplementary, CC 1198(2) by analogy): the third person {', '.join(wrongdoers)} bears the "
           f"damage; {business}, having failed its security duty, pays only what cannot be recovered from the "
           f"third person, up to the part matching its fault (at most {own_share:.0%}), with recourse against the "
           "third person. CC 1198(2) by its words covers operators and managers of business and public places; "
           "whether it extends to a duty to keep personal information secure is unsettled")
    taken = "本次分析采用" + ("读法一" if reading == "shares" else "读法二")
    taken_en = "This analysis takes " + ("reading 1" if reading == "shares" else "reading 2")
    return True, reading, facts, T(f"{zh1}。{zh2}。{taken}（可改选另一读法）",
                                   f"{en1}. {en2}. {taken_en} (switch with --third-person).")


@rule("liab.factors", T("确定责任时考量的因素", "Factors weighed in fixing liability"), spc(3), cc(998))
def liability_factors(m, p: Participant):
    """SPC Art 3 adds to CC 998: whether the victim is a minor, the notice-and-consent position and how
    necessary the processing was. The court weighs them; FaceTort lists them, it does not score them."""
    pr = p.processing
    facts = {
        "claimant_minor": m.claimant.age_group != "adult", "public_figure": m.claimant.public_figure,
        "occupation": m.claimant.occupation or None, "scope_of_impact": m.harm.scope_of_impact, "fault": p.fault,
        "purpose": pr.purpose if pr else None, "venue": pr.venue if pr else None,
        "consent": pr.consent.type if pr else None,
        "rules_published": pr.notice.rules_published if pr else None,
        "necessary": pr.necessity.face_needed_for_purpose if pr else None,
        "incident": pr.incident.kind if pr and pr.incident.occurred else None,
    }
    zh, en = [], []
    if facts["claimant_minor"]:
        zh.append("受害人是未成年人（加重）")
        en.append("the victim is a minor (aggravating)")
    if facts["scope_of_impact"] != "private":
        zh.append(f"影响范围：{L_zh('scope', m.harm.scope_of_impact)}")
        en.append(f"scope of impact: {L_en('scope', m.harm.scope_of_impact).lower()}")
    if facts["consent"] in ("none", "general") or facts["rules_published"] is False:
        zh.append("告知同意有缺陷")
        en.append("defective notice and consent")
    if facts["necessary"] is False:
        zh.append("处理并无必要")
        en.append("processing was not necessary")
    if p.fault in ("intentional", "gross_negligence"):
        zh.append("故意或重大过失")
        en.append("intent or gross negligence")
    if facts["incident"]:
        zh.append(f"后果：发生{L_zh('incident', facts['incident'])}")
        en.append(f"consequence: a {L_en('incident', facts['incident']).lower()}")
    if facts["public_figure"]:
        zh.append("受害人为公众人物（职业因素）")
        en.append("the victim is a public figure (occupation)")
    body_zh = "；".join(zh) or "未见加重或减轻的特别因素"
    body_en = "; ".join(en) or "no special aggravating or mitigating factor"
    return True, "factors", facts, T(f"法院综合考量：{body_zh}。这些因素影响责任方式和数额，不单独决定是否侵权",
                                     f"The court weighs: {body_en}. They shape the form and amount of liability; they "
                                     "do not by themselves decide infringement")


@rule("liab.entrustment", T("委托处理", "Entrusted processing"), pipl(21), spc(7, paragraph=1))
def entrustment(principal: Participant, agent: Participant, within: bool, agent_infringes: bool):
    facts = {"principal": principal.id, "agent": agent.id, "within_mandate": within,
             "agent_infringes": agent_infringes}
    if not agent_infringes:
        return False, "agent_clean", facts, T("受托人未发现侵权事由", "No ground against the entrusted party")
    if within:
        return True, "attributed", facts, T(
            f"受托人 {agent.id} 在委托范围内处理，委托人 {principal.id} 仍为处理者并负监督义务：受托人的侵害亦归于委托人",
            f"{agent.id} processed within the mandate; {principal.id} remains the processor with a duty to "
            "supervise, so the entrusted party's infringement is also attributed to it")
    return False, "outside_mandate", facts, T(
        f"受托人 {agent.id} 超出委托处理，就超出部分自行承担处理者责任；委托人仅就自身过错（如监督不力）负责",
        f"{agent.id} acted outside the mandate and answers as a processor for that; {principal.id} answers only "
        "for its own fault (e.g. lax supervision)")


@rule("liab.joint", T("连带责任", "Joint and several liability"), spc(7, paragraph=1))
def joint(kind: str, members: list[str]):
    facts = {"pattern": kind, "members": members}
    texts = {
        "pipl20": (pipl(20), "共同决定处理目的和方式的处理者，侵害个人信息权益造成损害的，依法承担连带责任",
                   "Processors who jointly decided purpose and means answer jointly and severally"),
        "cc1168": (cc(1168), "二人以上共同实施侵权行为，承担连带责任", "A tort committed jointly: joint and several"),
        "cc1169": (cc(1169, 1), "教唆、帮助他人实施侵权行为，与行为人承担连带责任",
                   "Instigating or assisting a tort: jointly and severally liable with the actor"),
        "cc1170": (cc(1170), "数人实施危及他人的行为，不能确定具体侵权人的，行为人承担连带责任",
                   "The actual tortfeasor among several cannot be identified: all actors are jointly liable"),
        "cc1171": (cc(1171), "分别实施侵权行为，每人的行为都足以造成全部损害，承担连带责任",
                   "Separate torts each sufficient for the whole damage: joint and several"),
        "cc1197": (cc(1197), "网络服务提供者知道或应当知道用户侵权而未采取必要措施，与该用户承担连带责任",
                   "A platform that knew or should have known and took no measures is jointly liable with the user"),
    }
    c, zh, en = texts[kind]
    return True, kind, facts, T(f"{zh}：{'、'.join(members)}", f"{en}: {', '.join(members)}"), [c]


@rule("liab.platform", T("网络服务提供者", "Network service provider"), cc(1194), spc(7, paragraph=2))
def platform_rule(p: Participant, users_liable: list[str]):
    pc = p.platform
    assert pc is not None
    facts = {"notified": pc.notified, "acted_promptly": pc.acted_promptly,
             "knew_or_should_have_known": pc.knew_or_should_have_known, "users_liable": users_liable,
             "notice_had_prima_facie_evidence": pc.notice_had_prima_facie_evidence}
    if not users_liable:
        return False, "no_user_tort", facts, T("平台用户的侵权未成立，平台不负责任", "No tort by the platform's user "
                                                                    "is made out; the platform is not liable")
    if pc.knew_or_should_have_known:
        return True, "knew", facts, T("平台知道或应当知道用户侵权而未采取必要措施：与用户承担连带责任",
                                      "The platform knew or should have known and took no necessary measures: "
                                      "jointly and severally liable with the user"), [cc(1197)]
    if pc.notified and pc.notice_had_prima_facie_evidence is False:
        return False, "defective_notice", facts, T("通知未附初步证据，不构成有效通知", "The notice carried no prima "
                                                                       "facie evidence: not a valid notice"), [cc(1195)]
    if pc.notified and pc.acted_promptly is not True:
        return True, "enlarged", facts, T("接到通知后未及时采取必要措施：对损害的扩大部分与用户承担连带责任",
                                          "Notified but did not act promptly: jointly liable with the user for the "
                                          "part of the damage enlarged after notice"), [cc(1195)]
    if pc.notified:
        return False, "acted", facts, T("接到通知后及时采取了必要措施：不承担赔偿责任，仅负删除、屏蔽等义务",
                                        "Acted promptly on notice: no damages, only deletion/blocking duties"), \
            [cc(1195)]
    return False, "not_notified", facts, T("未被通知且不知道侵权：不承担责任；一旦接到有效通知须及时采取必要措施",
                                           "Neither notified nor aware: not liable; on a valid notice it must act "
                                           "promptly"), [cc(1195)]


@rule("liab.shares", T("内部份额与追偿", "Internal shares and recourse"), cc(178), cc(1172))
def shares_rule(weights: dict[str, float | None]):
    given = {k: v for k, v in weights.items() if v is not None}
    facts = {"weights": weights}
    if not given:
        return True, "equal", facts, T("责任大小难以确定，平均承担", "Shares cannot be fixed: equal shares")
    if len(given) < len(weights):
        return True, "partial", facts, T("部分参与者的责任大小未填写，按 1 计（与平均份额相同的权重）",
                                         "Some shares were not given; each missing one counts as weight 1")
    return True, "weighted", facts, T("按各自的过错程度和原因力确定份额", "Shares follow each party's fault and "
                                                               "causal contribution")


@rule("liab.claimant_fault", T("被侵权人过错", "Claimant's own fault"), cc(1173))
def claimant_fault(level: str, reduction: float | None):
    facts = {"claimant_fault": level, "reduction": reduction}
    if level == "none":
        return False, "none", facts, T("被侵权人无过错", "No fault on the claimant's side")
    if reduction is None:
        return True, "unquantified", facts, T("被侵权人对损害的发生或扩大也有过错，法院可以减轻赔偿；减轻幅度由法院酌定（未计入金额）",
                                              "The claimant contributed to the damage; the court may reduce the "
                                              "award by an amount it fixes (not applied to the figures)")
    return True, "reduced", facts, T(f"被侵权人有过错，按 {reduction:.0%} 减轻", f"The claimant was at fault: reduced "
                                                                               f"by {reduction:.0%}")


# ------------------------------------------------------------------ the computation
def assess(ctx: Ctx, infringes: dict[str, bool], exempt: dict[str, bool], no_fault: dict[str, bool],
           damage: bool, total: float | None = None, security_failed: set[str] | None = None,
           third_person_reading: ThirdPersonReading = "shares") -> Liability:
    """Liability of every defendant; `total` (RMB) is the damages to allocate, if known.

    `security_failed`: participants whose own ground is a security failure (SPC 2(5)) that let a third person
    cause the harm; `third_person_reading` chooses between the share and the supplementary reading (unsettled).
    """
    m = ctx.matter
    parts = {p.id: p for p in m.participants}
    basis: dict[str, list[Finding]] = {p.id: [] for p in m.participants}
    status: dict[str, Status] = {}
    notes: list[Finding] = []
    flags: list[Finding] = []
    security_failed = security_failed or set()

    # 1. entrustment and employment: an entrusted party's infringement within the mandate is also the
    # principal's (PIPL 21); an employee's in the course of work is the employer's alone (CC 1191(1)).
    infr = dict(infringes)
    for e in m.relations.entrustments:
        f = entrustment(parts[e.principal], parts[e.agent], e.within_mandate, infr.get(e.agent, False),
                        participant=e.principal)
        basis[e.principal].append(f)
        if f.holds:
            infr[e.principal] = True
            basis[e.agent].append(f)
    employees: set[str] = set()
    for p in m.participants:
        if p.employee_of and p.role != "third_party_wrongdoer" and proved(p.processing_evidence):
            f = employee(p, parts[p.employee_of], infr.get(p.id, False), participant=p.employee_of)
            basis[p.employee_of].append(f)
            basis[p.id].append(f)
            if f.holds:
                infr[p.employee_of] = True
                employees.add(p.id)

    # 2. each participant on its own (sued or not: shares are fixed over all tortfeasors).
    for p in m.participants:
        if p.role == "network_service_provider":
            continue
        wrongdoer = p.role == "third_party_wrongdoer"
        own = True if wrongdoer else infr.get(p.id, False)
        # PIPL 69 presumes the fault of a processor only; a third person's fault is for the claimant to prove
        # (CC 1165(1)); a proved act of hacking or fraud is intentional by its nature. Before the PIPL no
        # statute presumed fault.
        on_claimant = wrongdoer or not ctx.applies("PIPL-2021", p.id)
        shown = p.fault in FAULT_SHOWN or (wrongdoer and p.wrongdoer_kind in ("hacker", "fraudster"))
        f = individual_basis(p, own, exempt.get(p.id, False), damage, no_fault.get(p.id, False),
                             on_claimant, shown, participant=p.id)
        basis[p.id].append(f)
        if p.id in employees:
            status[p.id] = "none"  # answered for by the employer
            continue
        if f.holds and p.defendant:
            basis[p.id].append(liability_factors(m, p, participant=p.id))
        status[p.id] = {"unproven": "unproven", "exempt": "none", "no_infringement": "none",
                        "fault_unproven": "stop_only"}.get(f.branch, f.branch)  # type: ignore[assignment]

    # 3. joint patterns. liable_for[j] = who answers jointly for j's piece of the damage. Joint
    # liability is not transitive: a helper answers with each actor it assisted (CC 1169), but the
    # actors do not answer for one another, nor for the helper's own piece. Members not sued are bound
    # too: the sued member answers for the whole group's pieces (PIPL 20(2); CC 178(1)).
    liable_for: dict[str, set[str]] = {pid: {pid} for pid in parts}
    jointly: dict[str, set[str]] = {pid: set() for pid in parts}

    def bind(kind: str, members: list[str], pull_in: bool, pieces_of: list[str] | None = None) -> None:
        """Bind the liable members of a group; `pull_in` also binds co-actors with no ground of their own,
        if the instrument behind the relation governs their acts (PIPL 20 only from 2021-11-01, PIPL 74).

        `pieces_of`: whose pieces the group answers for jointly (default: every member's).
        """
        if not any(status.get(x) == "damages" for x in (pieces_of or members)):
            return
        instrument = "PIPL-2021" if kind == "pipl20" else "CC-2020"
        bound = [x for x in members if status.get(x) == "damages" or (
            pull_in and status.get(x) == "none" and not exempt.get(x, False) and x not in employees
            and proved(parts[x].processing_evidence) and ctx.applies(instrument, x))]
        if len(bound) < 2:
            return
        f = joint(kind, bound)
        for x in bound:
            status[x] = "damages"
            basis[x].append(f.model_copy(update={"participant": x}))
            jointly[x].update(y for y in bound if y != x)
        for j in pieces_of or bound:
            if j in bound:
                liable_for[j].update(bound)

    rel = m.relations
    for g in rel.joint_decision:
        bind("pipl20", g, pull_in=True)
    for g in rel.concerted_action:
        bind("cc1168", g, pull_in=True)
    for a in rel.assistance:
        bind("cc1169", [a.helper, a.actor], pull_in=True, pieces_of=[a.actor])
    for g in rel.each_sufficient:
        bind("cc1171", g, pull_in=False)
    for g in rel.unknown_actor_among:
        unidentified = [x for x in g if not parts[x].identified]
        if unidentified:
            bind("cc1170", g, pull_in=True)
        else:
            notes.append(joint("cc1170", g).model_copy(update={
                "holds": False, "branch": "all_identified",
                "explanation": T("该组行为人身份均已查明：应由实际侵权人承担责任，不适用第1170条",
                                 "Every actor in the group is identified: the actual tortfeasor answers; CC 1170 "
                                 "does not apply")}))

    # 4. platforms.
    enlarged: dict[str, float | None] = {}
    for p in m.participants:
        if p.role != "network_service_provider":
            continue
        assert p.platform is not None
        users = [u for u in p.platform.serves if status.get(u) == "damages"]
        if not proved(p.processing_evidence):  # CPL 67: the claimant's evidence against the platform itself
            f = individual_basis(p, False, False, damage, False, participant=p.id)
            basis[p.id].append(f)
            status[p.id] = "unproven"
            continue
        f = platform_rule(p, users, participant=p.id)
        basis[p.id].append(f)
        if f.branch == "knew":
            status[p.id] = "damages"
            for u in users:
                jointly[p.id].add(u)
                jointly[u].add(p.id)
                liable_for[u].add(p.id)
                liable_for[p.id].add(u)
        elif f.branch == "enlarged":
            status[p.id] = "enlarged"  # type: ignore[assignment]
            enlarged[p.id] = p.platform.enlarged_damage_share
            jointly[p.id].update(users)
            for u in users:  # CC 1195(2): jointly with each other, for the enlarged part
                jointly[u].add(p.id)
        elif f.branch == "acted":
            status[p.id] = "stop_only"
        else:
            status[p.id] = "none"

    # 5. internal shares over a notional total of 1, fixed over ALL tortfeasors bearing money (sued or not),
    # then money.
    cf = claimant_fault(m.harm.claimant_fault, m.harm.claimant_fault_reduction)
    if cf.holds:
        notes.append(cf)
    reduction = m.harm.claimant_fault_reduction or 0.0
    bearers = [pid for pid in parts if status.get(pid) == "damages"]
    weights = {pid: parts[pid].responsibility_weight for pid in bearers}
    share: dict[str, float] = {pid: 0.0 for pid in parts}
    exposure: dict[str, float] = {pid: 0.0 for pid in parts}
    supplementary: dict[str, float] = {}
    enl_raw = sum(v or 0.0 for v in enlarged.values())
    enl_total = min(1.0, enl_raw)
    enl_scale = enl_total / enl_raw if enl_raw > 1.0 else 1.0  # several platforms' parts cannot exceed the whole
    if bearers:
        if len(bearers) > 1:
            notes.append(shares_rule(weights))
        main = 1.0 - enl_total
        w = {pid: (weights[pid] or 1.0) for pid in bearers}
        wsum = sum(w.values())
        for pid in bearers:
            piece = main * w[pid] / wsum
            share[pid] += piece
            for x in liable_for[pid]:
                if x in w:
                    exposure[x] += piece
        # A business whose security failure let a third person cause the harm (CC 1175): the share reading
        # (default) keeps the shares above; the supplementary reading (CC 1198(2) by analogy) moves its piece
        # to the third persons and leaves it a secondary liability up to that piece, with recourse.
        third = [pid for pid in bearers if parts[pid].role == "third_party_wrongdoer"
                 and parts[pid].wrongdoer_kind != "buyer"]
        if third:
            tw = sum(w[x] for x in third)
            for b in sorted(security_failed):
                if b not in w or b in third or jointly[b]:
                    continue
                flags.append(third_person(b, third, third_person_reading, share[b], participant=b))
                if third_person_reading == "supplementary":
                    supplementary[b] = share[b]
                    for x in third:
                        share[x] += share[b] * w[x] / tw
                        exposure[x] += share[b] * w[x] / tw
                    exposure[b] = share[b]
                    share[b] = 0.0
    for plat, frac in enlarged.items():
        if not frac:
            continue
        # The enlarged part is owed jointly by the platform and its liable users, sued or not; a user who
        # is not before the court keeps its internal share (the platform's recourse, CC 178).
        users = [u for u in parts[plat].platform.serves if status.get(u) == "damages"]  # type: ignore[union-attr]
        piece = [plat] + users
        pw = {x: (parts[x].responsibility_weight or 1.0) for x in piece}
        psum = sum(pw.values())
        for x in piece:
            share[x] += frac * enl_scale * pw[x] / psum
            if parts[x].defendant:
                exposure[x] += frac * enl_scale
    for plat, frac in enlarged.items():
        if frac is None:
            notes.append(platform_rule(parts[plat], sorted(jointly[plat]), participant=plat).model_copy(update={
                "branch": "enlarged_unquantified",
                "explanation": T("平台对扩大部分承担连带责任，但扩大部分的比例未填写，金额未分配",
                                 "The platform answers for the enlarged part, but its size was not given, so no "
                                 "money is allocated to it")}))

    recoverable = None if total is None else round(total * (1 - reduction), 2)
    money_bearers = [pid for pid in parts if share[pid] > 1e-12 or pid in supplementary]

    def row(p: Participant) -> DefendantLiability:
        st = status.get(p.id, "none")
        if p.id in supplementary:
            ext: External = "supplementary"
        elif st == "damages":
            ext = "joint_and_several" if jointly[p.id] else "several_share"
        elif st == "enlarged":
            ext = "joint_for_enlarged_part"
        elif st == "stop_only":
            ext = "stop_only"
        else:
            ext = "none"
        dl = DefendantLiability(id=p.id, name=p.name, role=p.role, external=ext,
                                internal_share=round(share[p.id], 6), jointly_with=sorted(jointly[p.id]),
                                basis=basis[p.id], sole=ext == "several_share" and money_bearers == [p.id])
        if recoverable is not None:
            dl.internal_amount = round(share[p.id] * recoverable, 2)
            dl.exposure_amount = round(exposure[p.id] * recoverable, 2)
        if ext in ("joint_and_several", "joint_for_enlarged_part") and share[p.id] < exposure[p.id] - 1e-9:
            dl.recourse = T(f"对外可被请求承担最多 {exposure[p.id]:.0%}，内部份额 {share[p.id]:.0%}；超出份额支付的部分可向其他连带责任人追偿（民法典第178条）",
                            f"Can be made to pay up to {exposure[p.id]:.0%} externally; its internal share is "
                            f"{share[p.id]:.0%}; anything paid beyond that share can be recovered from the others "
                            "(CC 178)")
        if ext == "supplementary":
            dl.recourse = T(f"仅在第三人不能赔偿的范围内承担，最多 {exposure[p.id]:.0%}；承担后可以向第三人追偿（民法典第1198条第2款，类推）",
                            f"Pays only what the third person cannot, at most {exposure[p.id]:.0%}; having paid, it "
                            "may recover from the third person (CC 1198(2), by analogy)")
        return dl

    out = [row(p) for p in m.participants if p.defendant]
    absent = [row(p) for p in m.participants if not p.defendant and share[p.id] > 1e-12]
    for p in m.participants:
        if not p.defendant:
            keeps = share[p.id] > 1e-12
            notes.append(Finding(
                rule="liab.non_party", title=T("未被起诉或身份不明的参与者", "Participant not sued or unidentified"),
                holds=None, branch="keeps_share" if keeps else "not_defendant", citations=[cc(1172), spc(7, paragraph=1)],
                participant=p.id, facts={"identified": p.identified, "internal_share": round(share[p.id], 6)},
                explanation=T(f"{p.name}未被列为被告（或身份不明）。" + (
                    f"其按份承担的份额（{share[p.id]:.0%}）仍由其自己承担：按份责任的份额按全部侵权人确定，不因谁被起诉而改变；"
                    "除非适用连带规则，原告不能向已起诉的被告请求该部分" if keeps else "未发现其应承担赔偿份额"),
                    f"{p.name} is not a defendant (or is unidentified). " + (
                    f"Its share ({share[p.id]:.0%}) stays its own: several shares are fixed over all tortfeasors and "
                    "do not change with who is sued; unless a joint rule applies, the claimant cannot recover that "
                    "part from the defendants" if keeps else "No share of the damages falls on it."))))
    return Liability(defendants=out, total_damages=total, reduction=reduction, recoverable=recoverable, notes=notes,
                     non_parties=absent, flags=flags, third_person_reading=third_person_reading)
