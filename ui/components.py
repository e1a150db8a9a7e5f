"""Reusable display pieces: a conclusion that opens to its articles and facts, error lists."""

from __future__ import annotations

from typing import Any

import streamlit as st

from litigation.facts import questions as fq
from litigation.facts import steps as fs
from litigation.law.rules import Finding
from ui.frame import lang, t
from ui.text import esc

MARK = {True: ":material/check_circle:", False: ":material/cancel:", None: ":material/help:"}
ICON = MARK


def _fact_question(key: str) -> fq.Question | None:
    best = None
    for s in fs.STEPS:
        for q in s.questions:
            if q.path == key or q.path.endswith("." + key):
                if best is None or len(q.path) < len(best.path):
                    best = q
    return best


def fact_rows(facts: dict[str, Any], names: dict[str, str]) -> list[str]:
    """Readable '- question: answer' lines for a finding's facts."""
    lg = lang()
    out = []
    from litigation.law.fact_labels import fact_label
    from litigation.law.rules import RULES

    def word(x: Any) -> str:
        """A participant's name, a rule's title (for a rule id), or the value itself."""
        return names.get(x, RULES[x].title(lg) if isinstance(x, str) and x in RULES else str(x))

    for k, v in facts.items():
        q = _fact_question(k)
        label = q.label(lg) if q else (fact_label(k, lg) or k)
        if isinstance(v, bool) or v is None:
            val = t("yes") if v is True else t("no") if v is False else t("unknown")
        elif q is not None and q.widget == "select" and isinstance(v, str):
            val = fq.option_label(q.group or "", v, lg)
        elif isinstance(v, list):
            val = "、".join(word(x) for x in v) if v else "—"
        elif isinstance(v, str) and (v in names or v in RULES):
            val = word(v)
        else:
            val = str(v)
        out.append(f"- {esc(label)}: {esc(val)}")
    return out


def finding(f: Finding, names: dict[str, str], title: str | None = None, expanded: bool = False,
            reform: bool = False) -> None:
    """One conclusion: its mark and title; opening it shows the explanation, articles and facts."""
    lg = lang()
    head = esc(title or f.title(lg))  # a label is Markdown, and the title may carry a participant's name
    if not f.applicable:
        head += " ⏳"
    with st.expander(head, expanded=expanded, icon=ICON[f.holds]):
        if reform:
            st.caption(t("an.reform_banner"))
        st.markdown(esc(f.explanation(lg)))
        if not f.applicable:
            st.caption(esc(f.not_applied_note(lg)))
        if f.citations:
            st.markdown(f"**{t('an.basis')}**: " + esc(f.cite_labels(lg)))
        if f.facts:
            st.markdown(f"**{t('an.facts')}**")
            st.markdown("\n".join(fact_rows(f.facts, names)))
        st.caption(f"{t('an.branch')}: `{f.rule}` → `{f.branch}`")
