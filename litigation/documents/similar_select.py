"""Which found decisions are 类案, and in what order: the sorting behind the similar-case search report.

Under the SPC's 2020 guidance on similar-case search (《最高人民法院关于统一法律适用加强类案检索的指导意见（试行）》),
a 类案 is a case similar to the pending one "且已经人民法院裁判生效" (Art. 1), searched in the order of Art. 4:
SPC guiding cases; SPC typical cases and SPC decisions in force; the provincial high court's reference cases and
decisions in force; the decisions in force of the court one level up and of the court itself. Decisions of the last
three years come first (a rule of the guidance as public summaries report it; see `similar.GUIDANCE_SOURCES`).

Here a found decision is
- a 类案 when it is a court judgment whose `finality` is `final`;
- "to be verified" when it is a first-instance judgment whose finality the sources do not state;
- listed apart otherwise (reversed or superseded first instances, appeals pending, mediations, withdrawals, pending
  matters, procuratorial and administrative matters), with the reason.
The tier is computed against the pending case's forum (province, city, court level), from the dataset's
`authority_tier` and the deciding court's level and place.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

from litigation.documents.research import Research
from litigation.facts.matter import Matter
from litigation.i18n import T, Text

Group = Literal["similar", "verify", "apart"]

TIERS: dict[int, Text] = {
    1: T("指导性案例", "SPC guiding case"),
    2: T("最高人民法院发布的典型案例及裁判", "SPC typical case or SPC decision"),
    3: T("本省高级人民法院发布的参考性案例及裁判", "the provincial high court's reference case or decision"),
    4: T("上一级人民法院及本院的裁判", "decision of the court one level up or of the forum court"),
    5: T("其他法院的裁判", "decision of another court"),
}
_LEVEL = {"basic": 0, "internet": 0, "intermediate": 1, "high": 2, "supreme": 3}
_JUDGMENTS = ("civil_judgment", "civil_pil", "criminal_incidental_pil")
_APART_PROCEDURE: dict[str, Text] = {
    "procuratorial": T("检察机关的处理，非法院裁判", "a procuratorial matter, not a court decision"),
    "administrative": T("行政机关的处理，非法院裁判", "an administrative decision, not a court decision"),
    "administrative_litigation": T("行政诉讼，非民事类案", "administrative litigation, not a civil case"),
    "civil_mediation": T("调解结案，不是裁判", "settled by mediation, not adjudicated"),
    "civil_withdrawn": T("原告撤诉，未作裁判", "withdrawn, no decision"),
    "pending": T("未决或结果不明", "pending or outcome unknown"),
}
_APART_FINALITY: dict[str, Text] = {
    "reversed": T("一审裁判已被二审撤销或改判，不作为类案", "first instance reversed on appeal; not a 类案"),
    "superseded": T("已被同一纠纷的后一审级裁判或调解取代，以后者为准",
                    "superseded by a later instance of the same dispute, which controls"),
    "appealed": T("已上诉或拟上诉，结果不明，尚未生效", "appealed or appeal intended, outcome unknown; not final"),
}
VERIFY = T("未见上诉报道，是否生效须核实", "no appeal reported; whether it is final must be checked")
UNSTATED = T("生效情况未填写，须核实", "finality not recorded; must be checked")


@dataclass
class Entry:
    """One found decision, sorted into the report."""

    c: Any                      # litigation.damages.comparables.Comparable
    d: dict                     # the dataset's columns for it (Research.details)
    group: Group
    reason: Text | None         # why it is listed apart, or the caveat for "to be verified"
    tier: int
    tier_note: Text | None
    decided: dt.date | None     # the decision date when known to the day
    year: int | None
    recent: bool                # decided within three years before the analysis date (known for certain)

    @property
    def infringement(self) -> bool | None:
        v = self.d.get("infringement_found")
        return v if isinstance(v, bool) else None


def _date(v: Any) -> dt.date | None:
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
        return dt.date.fromisoformat(v)
    return None


def three_years_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 3)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 3, day=28)


def tier_of(c: Any, d: dict, m: Matter) -> tuple[int, Text | None]:
    """The guidance's search tier of a decision for this pending case (1 highest … 5 other courts)."""
    pub = d.get("authority_tier") or ""
    note = d.get("authority_note")
    listed = T(f"发布情况：{note}", f"Published: {note}") if note else None
    if pub == "guiding":
        return 1, listed
    if pub == "spc_published" or c.court_level == "supreme":
        return 2, listed
    forum = m.claimant
    same_prov = bool(forum.forum_province) and c.province == forum.forum_province
    if same_prov and (pub == "high_court_published" or c.court_level == "high"):
        return 3, listed
    city = d.get("city")
    if same_prov and forum.forum_city and city and city == forum.forum_city and c.court_level in _LEVEL:
        lv, fl = _LEVEL[c.court_level], _LEVEL.get(forum.forum_court_level or "")
        if fl is None and lv <= 1:
            return 4, T("受诉法院层级未填写，按同城法院推定为本院或上一级法院，须核对法院名称",
                        "forum court level not entered: taken as the forum court or the court above because it "
                        "sits in the same city; check the court's name")
        if fl is not None and lv in (fl, fl + 1):
            return 4, T("按所在地和法院层级推定，须核对法院名称", "inferred from place and level; check the court's name")
    if pub == "high_court_published":
        return 5, T(f"外省高级人民法院发布：{note}", f"published by another province's high court: {note}")
    return 5, listed


def _group(c: Any, d: dict) -> tuple[Group, Text | None]:
    proc = c.procedure or ""
    if proc in _APART_PROCEDURE:
        return "apart", _APART_PROCEDURE[proc]
    if proc not in _JUDGMENTS:
        return "apart", T("非法院裁判", "not a court decision")
    fin = d.get("finality") or ""
    if fin == "final":
        return "similar", None
    if fin in _APART_FINALITY:
        return "apart", _APART_FINALITY[fin]
    return "verify", (VERIFY if fin == "no_appeal_reported" else UNSTATED)


def sort_entries(r: Research | None, m: Matter, as_of: dt.date) -> list[Entry]:
    """Every found decision, grouped and ordered: 类案 first by tier, then those decided in the three years before
    `as_of`, then the most recent; then those to be verified (same order); then those listed apart (most similar
    first)."""
    if r is None:
        return []
    cutoff = three_years_before(as_of)
    out = []
    for c in r.comparables:
        d = r.details.get(c.case_id, {})
        group, reason = _group(c, d)
        tier, note = tier_of(c, d, m)
        decided = _date(d.get("decision_date"))
        year = decided.year if decided else c.year
        recent = (decided >= cutoff) if decided else (year is not None and dt.date(year, 1, 1) >= cutoff)
        out.append(Entry(c, d, group, reason, tier, note, decided, year, recent))
    rank = {"similar": 0, "verify": 1, "apart": 2}

    def key(e: Entry) -> tuple:
        when = e.decided.toordinal() if e.decided else (dt.date(e.year, 7, 1).toordinal() if e.year else 0)
        if e.group == "apart":
            return rank[e.group], 0, False, 0, -e.c.similarity
        return rank[e.group], e.tier, not e.recent, -when, -e.c.similarity

    return sorted(out, key=key)


@dataclass
class Agreement:
    n: int
    found: int       # 类案 holding the processing unlawful
    not_found: int   # 类案 holding it lawful or the claim unproved
    unstated: int
    guiding: bool

    @property
    def divergent(self) -> bool:
        return self.found > 0 and self.not_found > 0

    @property
    def majority(self) -> bool | None:
        if self.found == self.not_found:
            return None
        return self.found > self.not_found


def agreement(entries: list[Entry]) -> Agreement:
    sim = [e for e in entries if e.group == "similar"]
    vals = [e.infringement for e in sim]
    return Agreement(n=len(sim), found=sum(v is True for v in vals), not_found=sum(v is False for v in vals),
                     unstated=sum(v is None for v in vals), guiding=any(e.tier == 1 for e in sim))
