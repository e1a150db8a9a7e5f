"""The rule frame: named rules that carry their citations and return traced findings.

A rule is a small pure function decorated with `@rule(...)`. It receives the facts it needs
and returns a `Finding`: whether it holds, the branch it took, the facts it read and a
bilingual explanation. `RULES` is the registry (used for documentation and counts).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from litigation.i18n import Lang, Text
from litigation.law.citations import Citation


class Finding(BaseModel):
    """One application of one rule: the conclusion and its trace."""

    rule: str
    title: Text
    holds: bool | None
    branch: str
    citations: list[Citation]
    facts: dict[str, Any] = Field(default_factory=dict)
    explanation: Text
    participant: str | None = None
    applicable: bool = True  # False when shown for reference only, not applied (why: `not_applied_note`)
    out_of_scope: bool = False  # not applied because the instrument does not reach this processing (not its dates)

    def not_applied_note(self, lang: Lang) -> str:
        """Why a finding is shown but not applied: its instrument is not in force for the acts, or (face
        Provisions) the processing is outside its scope. Empty when it is applied."""
        if self.applicable:
            return ""
        return NOT_APPLIED["scope" if self.out_of_scope else "force"](lang)

    def cite_labels(self, lang: Lang) -> str:
        return "；".join(c.label(lang) for c in self.citations) if lang == "zh" else \
            "; ".join(c.label(lang) for c in self.citations)


NOT_APPLIED = {
    "force": Text(zh="该规定对这些行为尚未施行（或已失效），仅供参考，未予适用",
                  en="not in force for these acts: shown for reference, not applied"),
    "scope": Text(zh="该处理未使用人脸识别技术，不在《人脸识别司法解释》第一条的适用范围内，仅供参考，未予适用",
                  en="outside the face-recognition Provisions' scope (Art 1: no face recognition used): shown for "
                     "reference, not applied"),
}


@dataclass(frozen=True)
class Rule:
    id: str
    title: Text
    citations: tuple[Citation, ...]
    fn: Callable[..., Finding]

    def __call__(self, *args: Any, **kwargs: Any) -> Finding:
        return self.fn(*args, **kwargs)


RULES: dict[str, Rule] = {}


def rule(rule_id: str, title: Text, *citations: Citation,
         narrow: bool = False) -> Callable[[Callable[..., Any]], Rule]:
    """Register a rule. The function returns (holds, branch, facts, explanation[, extra citations]).

    With `narrow=True` the returned citations replace the registered ones (a rule that cites
    one of several articles depending on the facts, e.g. the start date of one instrument).
    """

    def wrap(fn: Callable[..., Any]) -> Rule:
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")

        def run(*args: Any, participant: str | None = None, applicable: bool = True, **kwargs: Any) -> Finding:
            out = fn(*args, **kwargs)
            holds, branch, facts, explanation = out[:4]
            extra = list(out[4]) if len(out) > 4 else []
            cites = extra if (narrow and extra) else list(dict.fromkeys(list(citations) + extra))
            return Finding(rule=rule_id, title=title, holds=holds, branch=branch, citations=cites,
                           facts=facts, explanation=explanation, participant=participant, applicable=applicable)

        r = Rule(id=rule_id, title=title, citations=tuple(citations), fn=run)
        RULES[rule_id] = r
        return r

    return wrap


def cited_articles() -> set[tuple]:
    """Every distinct article cited by a registered rule (for documentation and counts)."""
    return {(c.instrument, str(c.article)) for r in RULES.values() for c in r.citations}
