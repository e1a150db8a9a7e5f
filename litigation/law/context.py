"""Analysis context: the matter plus what every rule needs to know about time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from litigation.facts.matter import Entrustment, Matter, Participant
from litigation.law.citations import Citation
from litigation.law.equivalents import old_equivalents
from litigation.law.rules import Finding
from litigation.law.temporal import Period, Regime, conduct_period, instrument_applies, regime

PROCESSOR_ROLES = ("processor", "joint_processor", "entrusted_processor", "recipient")
NETWORK_KINDS = ("platform", "tech_vendor", "bank")  # network operators under CSL 76(3), with anyone online
PROVED = ("strong", "admitted")  # evidence levels that meet an element; "weak" leaves it contested (not met)
FAULT_SHOWN = ("intentional", "gross_negligence", "negligence")


def proved(level: str) -> bool:
    """An element is met only on strong evidence or an admission; weak or contested proof is not enough."""
    return level in PROVED


@dataclass
class Ctx:
    matter: Matter
    as_of: dt.date
    reform: bool = False
    periods: dict[str, Period | None] = field(default_factory=dict)

    @classmethod
    def build(cls, matter: Matter, reform: bool = False, as_of: dt.date | None = None) -> Ctx:
        as_of = as_of or matter.as_of or dt.date.today()
        ctx = cls(matter=matter, as_of=as_of, reform=reform)
        ctx.periods = {p.id: conduct_period(p, as_of) for p in matter.participants}
        return ctx

    def applies(self, instrument: str, pid: str | None) -> bool:
        if pid is None:
            periods = [x for x in self.periods.values() if x is not None]
            return not periods or any(instrument_applies(instrument, x) for x in periods)
        return instrument_applies(instrument, self.periods.get(pid))

    def regime(self, pid: str | None) -> Regime:
        """The Civil Code or the law then in force, for one participant's conduct (CC-TEMPORAL Art 1)."""
        return regime(self.periods.get(pid)) if pid is not None else "civil_code"

    def old_law(self, pid: str | None) -> bool:
        return self.regime(pid) == "old_law"

    def face_recognition(self, pid: str) -> bool:
        """Whether the participant's processing uses face recognition: the face Provisions' scope (SPC Art 1).
        A platform answers within the scope of the users it serves."""
        p = self.matter.participant(pid)
        users = [p] + [self.matter.participant(u) for u in (p.platform.serves if p.platform is not None else [])]
        return any(q.processing is not None and q.processing.uses_face_recognition for q in users)

    def processors(self) -> list[Participant]:
        return [p for p in self.matter.participants if p.role in PROCESSOR_ROLES and p.processing is not None]

    def mandate_of(self, pid: str) -> Entrustment | None:
        """The entrustment under which `pid` processes within the mandate (PIPL 21), if any: such a party acts
        on its principal's lawful basis and is not tested for consent of its own."""
        for e in self.matter.relations.entrustments:
            if e.agent == pid and e.within_mandate:
                return e
        return None

    def lawful_source_of(self, pid: str) -> Participant | None:
        """The provider whose provision to `pid` was lawful (separate consent, recipient disclosed: PIPL 23), if
        `pid` is a recipient: the recipient may process within that consent's scope."""
        p = self.matter.participant(pid)
        if p.role != "recipient":
            return None
        for q in self.processors():
            pv = q.processing.provision  # type: ignore[union-attr]
            if pid in pv.to and pv.separate_consent and pv.recipient_disclosed and not pv.sold:
                return q
        return None

    def localise(self, f: Finding) -> Finding:
        """Keep only citations of instruments in force for the participant's acts.

        A finding whose every citation is out of force is kept but marked not applicable,
        so the user sees it as a flag rather than as a rule applied to the case.
        """
        live = self.localise_citations(f.citations, f.participant)
        if live:
            return f.model_copy(update={"citations": live})
        return f.model_copy(update={"applicable": False})

    def localise_citations(self, citations: list[Citation], pid: str | None) -> list[Citation]:
        """The citations in force for the participant's acts; for conduct wholly before 2021 a current-law
        article is replaced by its counterpart in the law then in force (`equivalents`)."""
        out: list[Citation] = []
        for c in citations:
            if self.applies(c.instrument, pid):
                out.append(c)
            elif self.old_law(pid):
                out += [o for o in old_equivalents(c) if self.applies(o.instrument, pid) and self.addressed(o, pid)]
        return list(dict.fromkeys(out))

    def addressed(self, c: Citation, pid: str | None) -> bool:
        """Whether the participant is one the instrument speaks to: the Cybersecurity Law to network operators
        (CSL 76(3)), the Consumer Protection Law to a business dealing with a consumer (CPRL 2-3)."""
        if pid is None or c.instrument not in ("CSL-2016", "CPRL-2013"):
            return True
        p = self.matter.participant(pid)
        if c.instrument == "CSL-2016":
            return p.kind in NETWORK_KINDS or (p.processing is not None and p.processing.venue == "online")
        return p.contract.exists and p.contract.consumer and p.kind != "individual"
