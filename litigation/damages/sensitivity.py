"""Which facts matter: flip each key answer in turn and keep the ones that change a conclusion or move the
compensation range, ranked.

Each key fact (`litigation.facts.answers.key_facts`, the list the teaching page offers) is given every other
answer it can take, for each participant it is asked about; a change that leaves the facts invalid is skipped.
The conclusions compared are those of the teaching page (`litigation.law.teaching.flips`): claims, governing
law, infringement, grounds, defences, liability, remedies and the total compensation range.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from litigation.damages.compensation import estimate
from litigation.damages.estimator import AwardModels
from litigation.facts import answers as fa
from litigation.facts import questions as fq
from litigation.facts.matter import Matter
from litigation.facts.validation import MatterError, load_matter
from litigation.i18n import Lang
from litigation.law import teaching as tg
from litigation.law.analysis import Analysis, analyze
from litigation.law.citations import Citation

# how much a change of each kind of conclusion weighs in the ranking (the headline and the list of
# instruments only restate the others; the burden table is shown where it is decided)
WEIGHT = {"claim": 4, "infringement": 4, "governing": 3, "liability": 3, "compensation": 2, "remedy": 2,
          "defence": 1, "ground": 1}


@dataclass(frozen=True)
class TotalRange:
    """The total compensation range of an estimate, as `teaching.conclusions` reads it."""

    median: float | None
    low80: float | None
    high80: float | None
    citations: tuple[Citation, ...] = ()


def total_range(m: Matter, a: Analysis, models: AwardModels | None = None) -> TotalRange:
    """The estimate's total range for a matter under its analysis: no amount where nobody is liable; where
    the comparable totals do not apply (causation unproven) but documented heads remain, their sum."""
    est = estimate(m, models=models, analysis=a)
    t = est.total
    if t.range.median is None:
        law = [h for h in est.heads if h.basis == "law" and h.range.median is not None]
        if law:
            s = float(sum(h.range.median or 0 for h in law))
            return TotalRange(s, s, s, tuple(c for h in law for c in h.citations))
    return TotalRange(t.range.median, t.range.low80, t.range.high80, tuple(t.citations))


@dataclass
class Flip:
    step: str
    question: fq.Question
    participant: int | None
    path: str
    before: Any
    after: Any
    changes: list[tg.Flip] = field(default_factory=list)
    score: int = 0

    def fact(self, answers: dict, lang: Lang) -> str:
        name = self.question.label(lang)
        if self.participant is None:
            return name
        return f"{fa.participant_name(answers, self.participant, lang)} › {name}"


def value_label(q: fq.Question, v: Any, lang: Lang) -> str:
    if v is None and q.widget in ("bool", "tristate", "select"):
        return fq.option_label("tristate", None, lang)  # not answered: shown as unknown
    if q.widget == "bool":
        return fq.option_label("bool", bool(v), lang)
    if q.widget == "tristate":
        return fq.option_label("tristate", v, lang)
    return fq.option_label(q.group or "", v, lang)


def alternatives(q: fq.Question, cur: Any) -> list[Any]:
    if q.widget == "bool":
        opts: list[Any] = [True, False]
    elif q.widget == "tristate":
        opts = [None, True, False]
    else:
        opts = ([None] if fq.nullable(q) else []) + list(fq.codes_for(q))
    return [v for v in opts if v != cur]


def candidates(answers: dict) -> list[tuple[str, fq.Question, int | None, str]]:
    """(step, question, participant index, path) for every key fact asked in these answers."""
    out = []
    for s, q in fa.key_facts():
        if q.widget not in ("bool", "tristate", "select") or not s.shown(answers):
            continue
        if s.scope == "matter":
            if q.shown(answers):
                out.append((s.id, q, None, q.path))
            continue
        for i in s.participants(answers):
            base = f"participants.{i}"
            if q.shown(answers, base):
                out.append((s.id, q, i, f"{base}.{q.path}"))
    return out


def which_facts_matter(answers: dict, base: Analysis, names: dict[str, str], mode: str = "current",
                       total: float | None = None, limit: int = 8, models: AwardModels | None = None,
                       with_range: bool = True) -> list[Flip]:
    """The key facts whose change flips a conclusion or moves the compensation range, the weightiest first
    (one row per fact: the answer that changes the most). `with_range=False` leaves the range out (when
    the case data is unavailable)."""
    m0 = load_matter(fa.effective(answers))
    r0 = total_range(m0, base, models) if with_range else None
    best: dict[str, Flip] = {}
    for step_id, q, i, path in candidates(answers):
        cur = fq.get_in(answers, path)
        for v in alternatives(q, cur):
            changed = copy.deepcopy(answers)
            fq.set_in(changed, path, v)
            try:
                m2 = load_matter(fa.effective(changed))
            except MatterError:
                continue
            a2 = analyze(m2, mode=mode, total_damages=total)  # type: ignore[arg-type]
            r2 = total_range(m2, a2, models) if with_range else None
            rows = [f for f in tg.flips(base, a2, r0, r2, names) if f.area in WEIGHT]
            if not rows:
                continue
            score = sum(WEIGHT[f.area] for f in rows)
            flip = Flip(step_id, q, i, path, cur, v, rows, score)
            if path not in best or score > best[path].score:
                best[path] = flip
    ranked = sorted(best.values(), key=lambda f: (-f.score, f.path))
    return ranked[:limit]
