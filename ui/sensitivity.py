"""Which facts matter: flip each key answer in turn and keep the ones that change a conclusion, ranked.

No streamlit: the analysis page draws the result. Each key fact (litigation/facts/answers.py
`key_facts`, the same list the teaching page's 'change one fact' offers) is given every other answer it
can take, for each participant it is asked about; a change that leaves the facts invalid is skipped.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from litigation.facts import answers as fa
from litigation.facts import questions as fq
from litigation.facts.validation import MatterError, load_matter
from litigation.i18n import Lang
from litigation.law.analysis import Analysis, analyze
from ui.diff import diff

# how much a change of each kind of conclusion weighs in the ranking
WEIGHT = {"claim": 4, "infringement": 4, "liability": 3, "remedy": 2, "defence": 1, "ground": 1}
KINDS = tuple(WEIGHT)


@dataclass
class Flip:
    step: str
    question: fq.Question
    participant: int | None
    path: str
    before: Any
    after: Any
    rows: list[dict[str, str]] = field(default_factory=list)
    score: int = 0

    def fact(self, answers: dict, lang: Lang) -> str:
        name = self.question.label(lang)
        if self.participant is None:
            return name
        return f"{fa.participant_name(answers, self.participant, lang)} › {name}"


def value_label(q: fq.Question, v: Any, lang: Lang) -> str:
    if q.widget == "bool":  # an unanswered yes/no fact (None) is shown as unknown, not as "no"
        return fq.option_label("tristate" if v is None else "bool", v if v is None else bool(v), lang)
    if q.widget == "tristate":
        return fq.option_label("tristate", v, lang)
    return "—" if v is None else fq.option_label(q.group or "", v, lang)


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


def which_facts_matter(answers: dict, base: Analysis, names: dict[str, str], lang: Lang,
                       mode: str = "current", total: float | None = None, limit: int = 8) -> list[Flip]:
    """The key facts whose change flips a conclusion, the weightiest first (one row per fact: the answer
    that changes the most)."""
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
            rows = [r for r in diff(base, a2, names, lang) if r.get("kind") in KINDS]
            if not rows:
                continue
            score = sum(WEIGHT[r["kind"]] for r in rows)
            f = Flip(step_id, q, i, path, cur, v, rows, score)
            if path not in best or score > best[path].score:
                best[path] = f
    ranked = sorted(best.values(), key=lambda f: (-f.score, f.path))
    return ranked[:limit]
