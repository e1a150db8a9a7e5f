"""Temporal applicability: which instruments govern the acts (CC 1260, SPC 16, PIPL 74), and whether the
Civil Code or the law then in force governs a participant's conduct (SPC Temporal-Effect Provisions Art 1)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

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
CIVIL_CODE_START = dt.date(2021, 1, 1)
# The civil statutes the Civil Code repealed (CC 1260): they govern only conduct wholly before 2021-01-01.
OLD_CIVIL = ("GPCL-2017", "TORT-LAW-2009", "CONTRACT-LAW-1999")
Regime = Literal["civil_code", "old_law"]


class Period(BaseModel):
    start: dt.date
    end: dt.date  # last day of conduct (as_of for ongoing acts)


def conduct_period(p: Participant, as_of: dt.date) -> Period | None:
    """First and last day of a participant's conduct; ongoing acts run to `as_of`."""
    if p.processing is None or not p.processing.acts:
        return None
    starts = [a.start for a in p.processing.acts]
    ends = [as_of if a.ongoing else (a.end or a.start) for a in p.processing.acts]
    if p.processing.incident.date:  # a leak or loss is an event of the processor's own conduct (storage went on)
        ends.append(p.processing.incident.date)
    return Period(start=min(starts), end=max(ends))


def regime(period: Period | None) -> Regime:
    """The Civil Code for conduct on or after 2021-01-01, including conduct that began before and went on
    (SPC Temporal-Effect Provisions Art 1(1), 1(3)); the law then in force for conduct wholly before (Art 1(2)).
    Without dates the current law is assumed (and the user is asked for them)."""
    return "old_law" if period is not None and period.end < CIVIL_CODE_START else "civil_code"


def instrument_applies(code: str, period: Period | None) -> bool:
    inst = INSTRUMENTS[code]
    if period is None:
        return inst.ceased is None
    if code in OLD_CIVIL and regime(period) != "old_law":
        return False
    if inst.effective is not None and period.end < inst.effective:
        return False
    return inst.ceased is None or period.start <= inst.ceased


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
            f"行为（{period.start}～{period.end}）全部发生在{name.zh}施行日 {eff} 之前，不适用该法；依行为时的法律分析（见“适用法律”）",
            f"All conduct ({period.start} to {period.end}) predates {name.en} (in force {eff}); it does not "
            "apply. The conduct is analysed under the law then in force (see 'Applicable law')."), cit
    if period.start < eff and code == "CC-2020":
        return True, "continuing_settled", facts, T(
            f"行为始于 {period.start}、持续至 {period.end}，跨越民法典施行日：持续至民法典施行后的法律事实引起的纠纷适用民法典",
            f"Conduct began {period.start} and continued to {period.end}, past the Civil Code's start: a dispute over "
            "facts continuing after 2021-01-01 falls under the Civil Code"), \
            cit + [cite("CC-TEMPORAL-2020", 1, 3)]
    if period.start < eff:
        return True, "continuing_across", facts, T(
            f"行为始于 {period.start}、持续至 {period.end}，跨越{name.zh}施行日 {eff}。本工具按通常读法对施行后持续的部分适用该法；"
            "另一读法认为应以行为开始时的法律为准——此点尚无定论",
            f"Conduct began {period.start} and continued to {period.end}, across {name.en}'s start ({eff}). "
            "FaceTort applies it to the continuing part after that date; another reading takes the law at the "
            "start of the conduct — unsettled."), cit
    return True, "in_force", facts, T(f"行为发生在{name.zh}施行（{eff}）之后，适用该法",
                                      f"Conduct after {name.en} took effect ({eff}): it applies."), cit


@rule("temporal.regime", T("民法典的时间效力：适用民法典还是行为时的法律", "The Civil Code's temporal effect: the Code or "
                           "the law then in force"), cite("CC-TEMPORAL-2020", 1), narrow=True)
def governing_regime(period: Period | None, olds: list[str]):
    """Which body of law governs one participant's conduct, and why (CC-TEMPORAL Arts 1-4). `olds`: the
    instruments of the time that govern its acts (for conduct wholly before 2021)."""
    facts = {"conduct_start": period.start.isoformat() if period else None,
             "conduct_end": period.end.isoformat() if period else None, "regime": regime(period),
             "instruments": olds if regime(period) == "old_law" else []}
    t1 = [cite("CC-TEMPORAL-2020", 1, 1)]
    if period is None:
        return True, "no_dates", facts, T("未填写行为日期：暂按民法典分析；请补充行为日期，日期决定适用哪部法律",
                                          "No dates given: analysed under the Civil Code for now — add the dates, "
                                          "they decide which law governs"), t1
    if period.end < CIVIL_CODE_START:
        gap_zh = gap_en = ""
        if period.start < INSTRUMENTS["GPCL-2017"].effective:  # type: ignore[operator]
            gap_zh = "；行为有一部分早于民法总则施行日（2017-10-01），该部分适用民法通则，本工具未编码民法通则，请另行核对"
            gap_en = ("; part of the conduct predates the General Provisions (2017-10-01): the General Principles of "
                      "Civil Law (1986) governed that part — FaceTort does not encode them; check separately")
        names_zh = "、".join(f"《{INSTRUMENTS[c].short.zh}》" for c in olds)
        names_en = ", ".join(INSTRUMENTS[c].short.en for c in olds)
        return True, "old_law", facts, T(
            f"行为（{period.start}～{period.end}）全部发生在民法典施行（2021-01-01）之前：适用当时的法律、司法解释，即{names_zh}"
            f"{gap_zh}。当时法律有规定而适用民法典更有利于保护当事人合法权益的，可适用民法典（第二条）；当时仅有原则性规定而民法典有具体规定的，"
            "适用当时的法律，但可依民法典具体规定进行说理（第四条）——是否适用这两条由法院裁量",
            f"All conduct ({period.start} to {period.end}) is before the Civil Code took effect (2021-01-01): the law and "
            f"judicial interpretations then in force govern — {names_en}{gap_en}. Where the old law had a rule and the "
            "Code protects the parties better, the Code may apply (Art 2); where the old law had only a principle and "
            "the Code a specific rule, the old law governs and the Code's rule may be used in the reasoning (Art 4) — "
            "both are for the court"), [cite("CC-TEMPORAL-2020", 1, 2), cite("CC-TEMPORAL-2020", 2),
                                        cite("CC-TEMPORAL-2020", 4)]
    if period.start < CIVIL_CODE_START:
        return True, "continuing", facts, T(
            f"行为始于 {period.start}、持续至 {period.end}：持续至民法典施行后的法律事实引起的纠纷，适用民法典",
            f"Conduct from {period.start} continued to {period.end}: a dispute over facts that continued after "
            "2021-01-01 falls under the Civil Code"), [cite("CC-TEMPORAL-2020", 1, 3)]
    return True, "civil_code", facts, T(f"行为发生在民法典施行之后（{period.start}起）：适用民法典",
                                        f"Conduct after the Civil Code took effect (from {period.start}): the Code "
                                        "governs"), t1
