"""Analysis context: the matter plus what every rule needs to know about time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from litigation.facts.matter import Matter, Participant
from litigation.law.rules import Finding
from litigation.law.temporal import Period, conduct_period, instrument_applies

PROCESSOR_ROLES = ("processor", "joint_processor", "entrusted_processor", "recipient")


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

    def processors(self) -> list[Participant]:
        return [p for p in self.matter.participants if p.role in PROCESSOR_ROLES and p.processing is not None]

    def localise(self, f: Finding) -> Finding:
        """Keep only citations of instruments in force for the participant's acts.

        A finding whose every citation is out of force is kept but marked not applicable,
        so the user sees it as a flag rather than as a rule applied to the case.
        """
        live = [c for c in f.citations if self.applies(c.instrument, f.participant)]
        if live:
            return f.model_copy(update={"citations": live})
        return f.model_copy(update={"applicable": False})
