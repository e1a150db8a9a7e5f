"""The whole legal analysis of a matter: one call, one traceable result.

`analyze(matter)` runs every rule module and returns an `Analysis`; `Analysis.to_json()` gives
the stable JSON documented in the README (keys `applicable_law`, `infringement`, `defenses`,
`burden`, `liability`, `remedies`, ...).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from litigation.facts.matter import Matter
from litigation.i18n import T
from litigation.law import defenses as dfn
from litigation.law import flags as flg
from litigation.law import remedies as rem
from litigation.law.burden import BurdenItem, burden_table
from litigation.law.citations import Citation, cite
from litigation.law.claims import Claim, claims_for, platform_claims
from litigation.law.context import Ctx, proved
from litigation.law.infringement import grounds_for, live_grounds
from litigation.law.liability import Liability, ThirdPersonReading, assess
from litigation.law.old_law import OLD_REMEDY_TEXT, old_grounds, old_remedy_citations
from litigation.law.rules import Finding, rule
from litigation.law.temporal import CIVIL_CODE_START, CIVIL_INSTRUMENTS, governing_regime, instrument_in_force

Mode = Literal["current", "reform"]
MONEY = ("joint_and_several", "several_share", "joint_for_enlarged_part", "supplementary")
# The order of `applicable_law`: the current instruments, then the temporal rules and the law before 2021.
LAW_ORDER = ("CC-2020", "SPC-FRT-2021", "PIPL-2021", "SPC-MENTAL-2020", "CC-TEMPORAL-2020", "CSL-2016",
             "CPRL-2013", "GPCL-2017", "TORT-LAW-2009", "CONTRACT-LAW-1999")
OLD_CODES = ("CSL-2016", "CPRL-2013", "GPCL-2017", "TORT-LAW-2009", "CONTRACT-LAW-1999")
DEFENCE_CODES = {"spc4.consent_defence": "consent", "pipl69.no_fault": "no_fault",
                 "spc10.owners_committee": "owners_committee_approval"}


class Analysis(BaseModel):
    mode: Mode
    as_of: dt.date
    applicable_law: list[str]
    temporal: list[Finding]
    grounds: dict[str, list[Finding]]
    live: dict[str, list[Finding]]  # grounds that stand after the defences, for defendants shown to process
    defenses: dict[str, list[Finding]]
    burden: list[BurdenItem]
    liability: Liability
    remedies: list[rem.Remedy]
    flags: list[Finding]
    notes: list[Finding] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    governing: list[Finding] = Field(default_factory=list)  # per participant: the Civil Code or the law then in force

    # -- derived views ---------------------------------------------------
    @property
    def infringing(self) -> list[str]:
        """Defendants with a ground that stands after the defences, and the (possibly unsued) users whose
        infringement makes a sued platform liable (CC 1195, 1197)."""
        sued = {d.id for d in self.liability.defendants}
        via_platform = {u for d in self.liability.defendants for f in d.basis
                        if f.rule == "liab.platform" and f.holds for u in f.facts["users_liable"]}
        return [pid for pid, fs in self.live.items() if fs and (pid in sued or pid in via_platform)]

    @property
    def infringement_found(self) -> bool:
        return any(d.external != "none" for d in self.liability.defendants) and bool(self.infringing)

    def ground_citations(self) -> list[Citation]:
        seen: dict[tuple, Citation] = {}
        for pid in self.infringing:
            for f in self.live[pid]:
                for c in f.citations:
                    seen.setdefault(c.key(), c)
        return sorted(seen.values(), key=lambda c: c.key())

    def remedy_codes(self) -> list[str]:
        return [r.code for r in self.remedies if r.available]

    def claims_found(self) -> list[Claim]:
        return [c for c in self.claims if c.found]

    def headline(self) -> dict[str, str]:
        """The first-screen summary: which claims are made out (or that none is, and why), and which law
        governs. Never "no infringement" for facts that were not analysed."""
        from litigation.facts.labels import label

        found = self.claims_found()
        names = {d.id: d.name for d in self.liability.defendants}
        old = any(f.facts.get("regime") == "old_law" for f in self.governing)
        new = any(f.facts.get("regime") == "civil_code" for f in self.governing)
        law = {"zh": "依行为时的法律（2021年前）" if old and not new else "依民法典及相关规定" if new and not old else
               "部分依行为时的法律、部分依民法典", "en": "under the law then in force (before 2021)" if old and not new else
               "under the Civil Code and the related rules" if new and not old else "partly under the old law, partly "
               "under the Civil Code"}
        out = {}
        for lang in ("zh", "en"):
            if found:
                sep = "；" if lang == "zh" else "; "
                who = {c.code: [names.get(x, x) for x in c.against] for c in found}
                body = sep.join(f"{label('claim', c.code, lang)}" + (f"（{'、'.join(who[c.code])}）" if lang == "zh" else
                                                                     f" ({', '.join(who[c.code])})") for c in found)
                out[lang] = (f"{law['zh']}，成立的请求：{body}" if lang == "zh" else
                             f"{law['en'].capitalize()}, claims made out: {body}")
            elif self.claims:
                out[lang] = (f"{law['zh']}分析，所主张的请求均不成立（理由见各项请求）" if lang == "zh" else
                             f"Analysed {law['en']}: none of the claims is made out (reasons under each claim)")
            else:
                out[lang] = ("尚无可分析的参与者或行为：请在事实问答中补充" if lang == "zh" else
                             "No participant or act to analyse yet: complete the interview")
        return out

    def to_json(self) -> dict[str, Any]:
        def cit(c: Citation) -> dict[str, Any]:
            d: dict[str, Any] = {"instrument": c.instrument, "article": c.article}
            if c.paragraph:
                d["paragraph"] = c.paragraph
            if c.item:
                d["item"] = c.item
            if c.verification != "V-full":
                d["verification"] = c.verification
            return d

        def row(d: Any) -> dict[str, Any]:
            return {"id": d.id, "name": d.name, "role": d.role, "external": d.external,
                    "internal_share": d.internal_share, "internal_amount": d.internal_amount,
                    "exposure_amount": d.exposure_amount, "jointly_with": d.jointly_with,
                    "recourse": d.recourse.model_dump() if d.recourse else None, "sole": d.sole,
                    "basis": [fnd(f) for f in d.basis]}

        def fnd(f: Finding) -> dict[str, Any]:
            return {"rule": f.rule, "participant": f.participant, "holds": f.holds, "branch": f.branch,
                    "applicable": f.applicable, "out_of_scope": f.out_of_scope,
                    "citations": [cit(c) for c in f.citations], "facts": f.facts,
                    "explanation": {"zh": f.explanation.zh, "en": f.explanation.en}}

        return {
            "format": "facetort-analysis",
            "version": 1,
            "mode": self.mode,
            "as_of": self.as_of.isoformat(),
            "applicable_law": self.applicable_law,
            "temporal": [fnd(f) for f in self.temporal],
            "infringement": {
                "found": self.infringement_found,
                "grounds": [cit(c) for c in self.ground_citations()],
                "by_participant": {pid: [fnd(f) for f in self.live[pid]] for pid in self.infringing},
                "findings": [fnd(f) for fs in self.grounds.values() for f in fs],
            },
            "defenses": [{"participant": f.participant, "code": f.facts.get("defence", DEFENCE_CODES.get(f.rule)),
                          "rule": f.rule, "accepted": bool(f.holds) and f.applicable, "branch": f.branch,
                          "applicable": f.applicable,
                          "citations": [cit(c) for c in f.citations],
                          "explanation": {"zh": f.explanation.zh, "en": f.explanation.en}}
                         for fs in self.defenses.values() for f in fs if f.holds is not None],
            "burden": [{"element": b.element, "participant": b.participant, "bearer": b.bearer, "status": b.status,
                        "reform": b.reform, "citations": [cit(c) for c in b.citations],
                        "label": b.label.model_dump(), "shows": b.shows.model_dump(),
                        "if_unproven": b.if_unproven.model_dump()} for b in self.burden],
            "liability": {
                "total_damages": self.liability.total_damages,
                "claimant_fault_reduction": self.liability.reduction,
                "recoverable": self.liability.recoverable,
                "defendants": [row(d) for d in self.liability.defendants],
                "non_parties": [row(d) for d in self.liability.non_parties],
                "third_person_reading": self.liability.third_person_reading,
                "notes": [fnd(f) for f in self.liability.notes],
            },
            "remedies": self.remedy_codes(),
            "remedy_details": [{"code": r.code, "available": r.available, "requested": r.requested,
                                "against": r.against, **fnd(r.finding)} for r in self.remedies],
            "flags": [{**fnd(f), "kind": flg.flag_kind(f)} for f in self.flags],
            "notes": [fnd(f) for f in self.notes],
            "claims": [{"code": c.code, "found": c.found, "against": c.against,
                        "citations": [cit(x) for x in c.citations], "docket": c.docket.model_dump(),
                        "findings": [fnd(f) for f in c.findings]} for c in self.claims],
            "governing_law": [fnd(f) for f in self.governing],
            "headline": self.headline(),
        }


def _consent_validity(findings: list[Finding]) -> bool | None:
    """True if the consent defence holds, False if it fails in law, None if absent or merely unproven."""
    for f in findings:
        if f.rule == "spc4.consent_defence":
            return None if f.branch == "unproven" else bool(f.holds)
    return None


def analyze(matter: Matter, mode: Mode = "current", total_damages: float | None = None,
            as_of: dt.date | None = None, third_person: ThirdPersonReading = "shares") -> Analysis:
    """Run every rule on the matter. `total_damages` (RMB), if given, is allocated among defendants.

    `third_person`: the reading taken where a business's security failure let a third person cause the harm
    (`shares`, the default: CC 1172; `supplementary`: CC 1198(2) by analogy). Both are shown in a flag."""
    ctx = Ctx.build(matter, reform=(mode == "reform"), as_of=as_of)
    m = ctx.matter

    # Which instruments govern the acts.
    temporal: list[Finding] = []
    applicable: list[str] = []
    for code in CIVIL_INSTRUMENTS:
        per = [instrument_in_force(code, ctx.periods.get(p.id), participant=p.id) for p in ctx.processors()]
        if not per:
            per = [instrument_in_force(code, None)]
        temporal += per
        if any(f.holds for f in per):
            applicable.append(code)
    if "CC-2020" in applicable:
        applicable.append("SPC-MENTAL-2020")

    # The Civil Code or the law then in force, per participant (CC-TEMPORAL Art 1).
    governing: list[Finding] = []
    for p in m.participants:
        if p.processing is None and not p.contract.exists:
            continue
        olds = _old_instruments(ctx, p.id) if ctx.old_law(p.id) else []
        governing.append(governing_regime(ctx.periods.get(p.id), olds, participant=p.id))
        applicable += olds
        period = ctx.periods.get(p.id)
        if period is not None and period.start < CIVIL_CODE_START:
            applicable.append("CC-TEMPORAL-2020")

    grounds: dict[str, list[Finding]] = {}
    defenses: dict[str, list[Finding]] = {}
    for p in ctx.processors():
        # before 2021 consent and exemptions are read inside the old-law grounds
        defenses[p.id] = [] if ctx.old_law(p.id) else dfn.defenses_for(ctx, p)
    exempt = {pid: dfn.exempted(fs) for pid, fs in defenses.items()}
    for e in m.relations.entrustments:  # within the mandate, the principal's proved exemption covers the agent
        if e.agent in exempt and ctx.mandate_of(e.agent) is not None:
            exempt[e.agent] = exempt[e.agent] or exempt.get(e.principal, False)
    for p in ctx.processors():  # a proved exemption is itself the lawful basis (PIPL 13(1)(4)-(7), 26)
        grounds[p.id] = old_grounds(ctx, p) if ctx.old_law(p.id) else \
            grounds_for(ctx, p, dfn.exemption_basis(defenses[p.id]))

    live: dict[str, list[Finding]] = {}
    for p in ctx.processors():
        shown = proved(p.processing_evidence)  # CPL 67: weak or no evidence of processing supports no ground
        household = p.processing is not None and p.processing.household_purpose  # PIPL 72(1)
        live[p.id] = [] if (exempt[p.id] or not shown or household) else live_grounds(
            grounds[p.id], dfn.consent_accepted(defenses[p.id]))
    # The causes of action; a portrait, reputation or privacy claim made out is a ground of tort liability too.
    claims, elections, unsued = claims_for(ctx, live)
    for f in [f for c in claims for f in c.findings] + unsued:
        if f.rule in ("claim.portrait", "claim.reputation", "claim.privacy") and f.holds and f.participant in live:
            live[f.participant].append(f)
    infringes = {pid: bool(fs) for pid, fs in live.items()}
    no_fault = {pid: dfn.no_fault_proved(fs) for pid, fs in defenses.items()}
    wrongdoers = [q.id for q in m.participants if q.role == "third_party_wrongdoer" and q.wrongdoer_kind != "buyer"
                  and proved(q.processing_evidence)]
    if wrongdoers:  # CC 1175: a third person caused the damage; it excuses only a processor with no ground of its own
        for p in ctx.processors():
            if p.defendant and proved(p.processing_evidence) and not exempt[p.id]:
                own = sorted({f.rule for f in live[p.id]})
                defenses[p.id].append(dfn.third_person_defence(p, wrongdoers, own, participant=p.id))
    security_failed = {pid for pid, fs in live.items() if any(f.rule == "spc2.5.security" for f in fs)}
    heads = rem.compensable(m, ctx.reform)
    liability = assess(ctx, infringes, exempt, no_fault, any(heads.values()), total_damages, security_failed,
                       third_person)
    for d in liability.defendants:  # old-law acts: the rules' citations become those of the law then in force
        if ctx.old_law(d.id):  # (a rule with no counterpart then, e.g. the SPC 3 factors, is left out)
            d.basis = [f for f in (ctx.localise(f.model_copy(update={"participant": d.id})) for f in d.basis)
                       if f.applicable]

    claims = platform_claims(ctx, claims, unsued, {d.id: f for d in liability.defendants for f in d.basis
                                                   if f.rule == "liab.platform"})
    liable = [d.id for d in liability.defendants if d.external != "none"]
    damages_liable = [d.id for d in liability.defendants if d.external in MONEY]
    rq = m.requests
    remedies: list[rem.Remedy] = []

    def add(code: str, f: Finding, requested: bool, against: list[str]) -> None:
        old = [pid for pid in against if ctx.old_law(pid)]
        if against and len(old) == len(against):  # conduct wholly before 2021: the remedies of the law then
            cites = [c for pid in old for c in old_remedy_citations(ctx, pid, code)]
            if cites:
                f = f.model_copy(update={"citations": list(dict.fromkeys(cites)), "explanation": OLD_REMEDY_TEXT.get(
                    code, f.explanation) if f.holds else f.explanation})
            else:  # no such remedy in the law then in force (e.g. PIPL 16's alternative method)
                f = rem.not_in_force(f.model_copy(update={"applicable": False}))
        else:
            f = ctx.localise(f)  # a remedy from an instrument not in force for the acts is not available
            if not f.applicable:
                f = rem.not_in_force(f)
        rest = [c for c in f.citations if c.instrument != "SPC-FRT-2021"]
        if rest and len(rest) < len(f.citations) and against and not any(ctx.face_recognition(pid) for pid in against):
            f = f.model_copy(update={"citations": rest})  # outside SPC Art 1: the face Provisions are not cited
        remedies.append(rem.Remedy(code=code, available=bool(f.holds) and f.applicable, requested=requested,
                                   against=against, finding=f))

    infringing_defs = [pid for pid in liable if infringes.get(pid) or pid in damages_liable]
    withdrawn = [p.id for p in ctx.processors() if p.defendant and p.processing.consent.withdrawn]  # type: ignore
    holders = sorted(set(infringing_defs) | set(withdrawn))
    add("deletion", rem.deletion(infringing_defs, withdrawn, m.claimant.deceased), rq.deletion, holders)
    ongoing = any(a.ongoing for p in ctx.processors() for a in p.processing.acts)  # type: ignore[union-attr]
    add("cessation", rem.cessation(infringing_defs, ongoing), rq.cessation, infringing_defs)
    public_order = any(p.processing.against_public_order for p in ctx.processors())  # type: ignore[union-attr]
    ap = rem.apology(infringing_defs, m.harm.scope_of_impact, public_order)
    add("apology", ap, rq.apology, infringing_defs)
    if ap.holds and m.harm.scope_of_impact == "wide":
        add("eliminate_effects", ap, rq.apology, infringing_defs)
    add("injunction", rem.injunction(m.harm.further_infringement_imminent, m.harm.irreparable_if_not_stopped),
        rq.injunction, infringing_defs)
    for p in ctx.processors():
        if not p.defendant:
            continue
        valid = any(f.holds for f in defenses[p.id] if f.rule == "spc4.consent_defence")
        f = rem.alternative(p, valid, participant=p.id)
        if f.holds:
            add("alternative_verification", f, rq.alternative_verification, [p.id])
        f = rem.format_clause(p, participant=p.id)
        if f.holds:
            add("void_format_clause", f, rq.void_format_clause, [p.id])
        f = rem.contract_route(p, participant=p.id)
        if f.holds and not ctx.old_law(p.id):  # SPC 12 (2021-08-01); before, deletion rests on the tort route
            add("contract_deletion", f, rq.contract_route or rq.deletion, [p.id])
    dh = rem.damages_heads(m, damages_liable)
    h = m.harm
    if dh.holds:
        for code in ("property_damages", "reasonable_expenses", "attorney_fees"):
            if heads[code]:
                add(code, dh, rq.damages, damages_liable)
    add("mental_distress_damages", rem.mental(h.mental_distress, h.mental_evidence, damages_liable,
                                              ctx.reform or proved(h.causation_evidence)),
        rq.damages, damages_liable)

    contract = next((c for c in claims if c.code == "contract"), None)
    if contract is not None and contract.found:
        owed = [pid for pid in contract.against if m.participant(pid).contract.loss > 0]
        if owed:
            f = rem.contract_damages({pid: m.participant(pid).contract.loss for pid in owed})
            remedies.append(rem.Remedy(code="contract_damages", available=True, requested=rq.damages, against=owed,
                                       finding=f.model_copy(update={"citations": [
                                           c for c in contract.citations if str(c.article) in ("584", "113", "577",
                                                                                               "107")]})))
    if "CPRL-2013" not in applicable and any(c.code == "consumer" and c.found for c in claims):
        applicable.append("CPRL-2013")

    consent_valid = {pid: _consent_validity(fs) for pid, fs in defenses.items()}
    flags = flg.flags_for(ctx)
    for e in m.relations.entrustments:
        both = {e.principal, e.agent} <= set(damages_liable)
        if both and e.within_mandate:
            flags.append(flg.entrusted_unsettled(e.principal, e.agent))
    flags += liability.flags
    flags += [f for f in temporal if f.branch in ("before_effective", "continuing_across")]
    flags += elections
    notes = [rem.no_limitation()] + [f for fs in grounds.values() for f in fs if f.rule == "spc1.scope"]
    ongoing_acts = any(a.ongoing for p in m.participants if p.processing for a in p.processing.acts)
    if m.as_of is None and ongoing_acts:
        notes.insert(0, analysis_date(ctx.as_of))

    burden = [_localise_item(ctx, b) for b in burden_table(
        ctx, consent_valid, {pid: dfn.exemption_basis(fs) for pid, fs in defenses.items()})]
    applicable = sorted(set(applicable), key=LAW_ORDER.index)
    return Analysis(mode=mode, as_of=ctx.as_of, applicable_law=applicable, temporal=temporal, grounds=grounds, live=live,
                    defenses=defenses, burden=burden, liability=liability, remedies=remedies,
                    flags=flags, notes=notes, claims=claims, governing=governing)


@rule("temporal.as_of", T("分析日期", "Date of analysis"), cite("CC-TEMPORAL-2020", 1))
def analysis_date(as_of: dt.date):
    """An ongoing act runs to the analysis date, so a missing date would let the outcome drift with the calendar."""
    return None, "missing", {"as_of": as_of.isoformat()}, T(
        f"未填写分析日期：仍在持续的行为暂计算至今天（{as_of}）。日期决定适用哪部法律，请在事实问答中填写分析日期（通常为起诉或判决日），"
        "否则结论可能随日期变化",
        f"No analysis date given: ongoing acts are counted to today ({as_of}). The dates decide which law governs; set "
        "the analysis date in the interview (usually the filing or judgment date), or the outcome may change with "
        "the calendar")


def _old_instruments(ctx: Ctx, pid: str) -> list[str]:
    """The instruments of the time that govern a participant's conduct wholly before 2021."""
    p = ctx.matter.participant(pid)
    probe = {"CSL-2016": 41, "CPRL-2013": 29, "GPCL-2017": 111, "TORT-LAW-2009": 6, "CONTRACT-LAW-1999": 107}
    out = []
    for code in OLD_CODES:
        if code == "CONTRACT-LAW-1999" and not p.contract.exists:
            continue
        c = Citation(instrument=code, article=probe[code])
        if ctx.applies(code, pid) and ctx.addressed(c, pid):
            out.append(code)
    return out


def _localise_item(ctx: Ctx, b: BurdenItem) -> BurdenItem:
    """A burden row about old-law conduct cites the law then in force (a row about the harm follows the
    participants: old law only when every processor's conduct is wholly before 2021)."""
    pids = [b.participant] if b.participant else [p.id for p in ctx.processors()]
    if not pids or not all(ctx.old_law(pid) for pid in pids):
        return b
    cites = ctx.localise_citations(b.citations, pids[0])
    return b.model_copy(update={"citations": cites or [cite("CPL-2023", 67)]})
