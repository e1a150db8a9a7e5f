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
from litigation.law.citations import cc, pipl, spc
from litigation.law.context import Ctx
from litigation.law.rules import Finding, rule

External = Literal["joint_and_several", "several_share", "joint_for_enlarged_part", "stop_only", "none"]


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


class Liability(BaseModel):
    defendants: list[DefendantLiability]
    total_damages: float | None = None
    reduction: float = 0.0
    recoverable: float | None = None
    notes: list[Finding] = Field(default_factory=list)


# ------------------------------------------------------------------ status of each participant
Status = Literal["damages", "stop_only", "none", "unproven"]


@rule("liab.individual", T("各参与者自身的责任基础", "Each participant's own basis of liability"), pipl(69, 1),
      cc(1165))
def individual_basis(p: Participant, infringes: bool, exempt: bool, damage: bool, no_fault: bool,
                     fault_presumed: bool = True):
    """`no_fault`: with `fault_presumed` (PIPL 69), the processor proved it was not at fault; without (the law
    before the PIPL), the claimant has not proved fault."""
    facts = {"role": p.role, "processing_evidence": p.processing_evidence, "infringes": infringes,
             "exempt": exempt, "damage_shown": damage, "no_fault_proved": no_fault, "fault_presumed": fault_presumed}
    if p.processing_evidence == "none":
        return False, "unproven", facts, T("原告无证据证明该参与者实施了处理行为：举证不能，不承担责任",
                                           "No evidence that this participant processed the face info: the "
                                           "claimant's burden is not met, so no liability"), [cc(1165, 1)]
    if exempt:
        return False, "exempt", facts, T("免责事由或同意抗辩成立：不承担民事责任", "A proved exemption or consent "
                                                                  "defence: no civil liability"), [spc(5)]
    if not infringes:
        return False, "no_infringement", facts, T("未发现侵权事由", "No ground of infringement found")
    if no_fault and not fault_presumed:
        return True, "stop_only", facts, T("构成侵害，但当时的法律不推定过错，原告未证明其有过错：可请求停止侵害、删除，不产生损害赔偿",
                                           "Infringing, but the law then in force did not presume fault and the "
                                           "claimant has not proved it: stopping and deletion, no damages"), [cc(1165, 1)]
    if no_fault:
        return True, "stop_only", facts, T("构成侵害但证明无过错：仅负停止侵害、删除等责任，不赔偿损失",
                                           "Infringing but proved not at fault: only stopping and deletion, no "
                                           "damages"), [cc(995)]
    if not damage:
        return True, "stop_only", facts, T("构成侵害，但未主张或证明损害：可请求停止侵害、删除、赔礼道歉，不产生赔偿",
                                           "Infringing, but no damage claimed or shown: stopping, deletion and "
                                           "apology, no damages"), [cc(995)]
    return True, "damages", facts, T("构成侵害且有损害，过错推定未被推翻：承担损害赔偿责任",
                                     "Infringement with damage and presumed fault not rebutted: liable in damages")


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
    return True, kind, facts, T(f"{zh}：{', '.join(members)}", f"{en}: {', '.join(members)}"), [c, spc(7, 1)]


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
           damage: bool, total: float | None = None) -> Liability:
    """Liability of every defendant; `total` (RMB) is the damages to allocate, if known."""
    m = ctx.matter
    parts = {p.id: p for p in m.participants}
    basis: dict[str, list[Finding]] = {p.id: [] for p in m.participants}
    status: dict[str, Status] = {}
    notes: list[Finding] = []

    # 1. entrustment: an entrusted party's infringement within the mandate is also the principal's.
    infr = dict(infringes)
    for e in m.relations.entrustments:
        f = entrustment(parts[e.principal], parts[e.agent], e.within_mandate, infr.get(e.agent, False),
                        participant=e.principal)
        basis[e.principal].append(f)
        if f.holds:
            infr[e.principal] = True
            basis[e.agent].append(f)

    # 2. each participant on its own.
    for p in m.participants:
        if p.role == "network_service_provider":
            continue
        if p.role == "third_party_wrongdoer":
            own = p.processing_evidence != "none"
        else:
            own = infr.get(p.id, False)
        f = individual_basis(p, own, exempt.get(p.id, False), damage, no_fault.get(p.id, False),
                             fault_presumed=not ctx.old_law(p.id), participant=p.id)
        basis[p.id].append(f)
        if f.holds and p.defendant:
            basis[p.id].append(liability_factors(m, p, participant=p.id))
        status[p.id] = {"unproven": "unproven", "exempt": "none", "no_infringement": "none"}.get(f.branch, f.branch)

    # 3. joint patterns. liable_for[j] = who answers jointly for j's piece of the damage. Joint
    # liability is not transitive: a helper answers with each actor it assisted (CC 1169), but the
    # actors do not answer for one another, nor for the helper's own piece.
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
        bound = [x for x in members if parts[x].defendant and (status.get(x) == "damages" or (
            pull_in and status.get(x) == "none" and not exempt.get(x, False)
            and parts[x].processing_evidence != "none" and ctx.applies(instrument, x)))]
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
        f = platform_rule(p, users, participant=p.id)
        basis[p.id].append(f)
        if f.branch == "knew" and p.defendant:
            status[p.id] = "damages"
            for u in users:
                jointly[p.id].add(u)
                jointly[u].add(p.id)
                liable_for[u].add(p.id)
                liable_for[p.id].add(u)
        elif f.branch == "enlarged" and p.defendant:
            status[p.id] = "enlarged"  # type: ignore[assignment]
            enlarged[p.id] = p.platform.enlarged_damage_share
            jointly[p.id].update(users)
            for u in users:  # CC 1195(2): jointly with each other, for the enlarged part
                jointly[u].add(p.id)
        elif f.branch == "acted":
            status[p.id] = "stop_only"
        else:
            status[p.id] = "none"

    # 5. internal shares over a notional total of 1, then money.
    cf = claimant_fault(m.harm.claimant_fault, m.harm.claimant_fault_reduction)
    if cf.holds:
        notes.append(cf)
    reduction = m.harm.claimant_fault_reduction or 0.0
    defendants = [p for p in m.participants if p.defendant]
    bearers = [p.id for p in defendants if status.get(p.id) == "damages"]
    weights = {pid: parts[pid].responsibility_weight for pid in bearers}
    share: dict[str, float] = {pid: 0.0 for pid in parts}
    exposure: dict[str, float] = {pid: 0.0 for pid in parts}
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
    out: list[DefendantLiability] = []
    for p in defendants:
        st = status.get(p.id, "none")
        if st == "damages":
            ext: External = "joint_and_several" if jointly[p.id] else "several_share"
        elif st == "enlarged":
            ext = "joint_for_enlarged_part"
        elif st == "stop_only":
            ext = "stop_only"
        else:
            ext = "none"
        dl = DefendantLiability(id=p.id, name=p.name, role=p.role, external=ext,
                                internal_share=round(share[p.id], 6), jointly_with=sorted(jointly[p.id]),
                                basis=basis[p.id])
        if recoverable is not None:
            dl.internal_amount = round(share[p.id] * recoverable, 2)
            dl.exposure_amount = round(exposure[p.id] * recoverable, 2)
        if ext in ("joint_and_several", "joint_for_enlarged_part") and share[p.id] < exposure[p.id] - 1e-9:
            dl.recourse = T(f"对外可被请求承担最多 {exposure[p.id]:.0%}，内部份额 {share[p.id]:.0%}；超出份额支付的部分可向其他连带责任人追偿（民法典第178条）",
                            f"Can be made to pay up to {exposure[p.id]:.0%} externally; its internal share is "
                            f"{share[p.id]:.0%}; anything paid beyond that share can be recovered from the others "
                            "(CC 178)")
        out.append(dl)
    for p in m.participants:
        if not p.defendant:
            notes.append(Finding(
                rule="liab.non_party", title=T("未被起诉或身份不明的参与者", "Participant not sued or unidentified"),
                holds=None, branch="not_defendant", citations=[cc(1170), cc(1172)], participant=p.id,
                facts={"identified": p.identified},
                explanation=T(f"{p.name} 未被列为被告（或身份不明），不分配份额；若法院只让已查明的处理者承担与其过错相应的份额（民法典第1172条），"
                              "不明行为人的份额可能无从追回——此点尚有争议",
                              f"{p.name} is not a defendant (or unidentified) and gets no share. If the court limits "
                              "the identified processors to a share matching their own fault (CC 1172), the "
                              "unidentified actor's share may be unrecoverable — an unsettled point.")))
    return Liability(defendants=out, total_damages=total, reduction=reduction, recoverable=recoverable, notes=notes)
