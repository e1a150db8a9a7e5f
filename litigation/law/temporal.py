"""Temporal applicability: which instruments govern the acts (CC 1260, SPC 16, PIPL 74)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from litigation.facts.matter import Participant
from litigation.i18n import T
from litigation.law.citations import INSTRUMENTS, cite
from litigation.law.rules import rule

# Instruments whose civil rules the engine applies, with the article that fixes the start date.
CIVIL_INSTRUMENTS = {
    "CC-2020": cite("CC-2020", 1260),
    "SPC-FRT-2021": cite("SPC-FRT-2021", 16),
    "PIPL-2021": cite("PIPL-2021", 74),
}
FLAG_INSTRUMENTS = {"FRT-MEASURES-2025": cite("FRT-MEASURES-2025", 20, verification="V-2nd")}


class Period(BaseModel):
    start: dt.date
    end: dt.date  # last day of conduct (as_of for ongoing acts)


def conduct_period(p: Participant, as_of: dt.date) -> Period | None:
    """First and last day of a participant's conduct; ongoing acts run to `as_of`."""
    if p.processing is None or not p.processing.acts:
        return None
    starts = [a.start for a in p.processing.acts]
    ends = [as_of if a.ongoing else (a.end or a.start) for a in p.processing.acts]
    return Period(start=min(starts), end=max(ends))


def instrument_applies(code: str, period: Period | None) -> bool:
    eff = INSTRUMENTS[code].effective
    if period is None or eff is None:
        return True
    return period.end >= eff


@rule("temporal.instrument", T("法律的时间效力", "Temporal applicability"), *CIVIL_INSTRUMENTS.values(),
      *FLAG_INSTRUMENTS.values(), narrow=True)
def instrument_in_force(code: str, period: Period | None):
    eff = INSTRUMENTS[code].effective
    name = INSTRUMENTS[code].short
    facts = {"instrument": code, "effective": eff.isoformat() if eff else None,
             "conduct_start": period.start.isoformat() if period else None,
             "conduct_end": period.end.isoformat() if period else None}
    if period is None:
        return True, "no_dates", facts, T(f"未填写行为日期，暂按{name.zh}适用处理；请补充日期",
                                          f"No dates given; {name.en} is assumed to apply — add the dates"), \
            [CIVIL_INSTRUMENTS.get(code) or FLAG_INSTRUMENTS[code]]
    cit = [CIVIL_INSTRUMENTS.get(code) or FLAG_INSTRUMENTS[code]]
    if period.end < eff:
        return False, "before_effective", facts, T(
            f"行为（{period.start}～{period.end}）全部发生在{name.zh}施行日 {eff} 之前，不适用该法；应适用当时的法律（本工具未编码旧法，请另行分析）",
            f"All conduct ({period.start} to {period.end}) predates {name.en} (in force {eff}); it does not "
            "apply. The law then in force governs — FaceTort does not encode the older law; analyse it separately."), cit
    if period.start < eff:
        return True, "continuing_across", facts, T(
            f"行为始于 {period.start}、持续至 {period.end}，跨越{name.zh}施行日 {eff}。本工具按通常读法对施行后持续的部分适用该法；"
            "另一读法认为应以行为开始时的法律为准——此点尚无定论",
            f"Conduct began {period.start} and continued to {period.end}, across {name.en}'s start ({eff}). "
            "FaceTort applies it to the continuing part after that date; another reading takes the law at the "
            "start of the conduct — unsettled."), cit
    return True, "in_force", facts, T(f"行为发生在{name.zh}施行（{eff}）之后，适用该法",
                                      f"Conduct after {name.en} took effect ({eff}): it applies."), cit
