"""Session state: the one answers dict, validation and analysis memos (per session, in memory only).

Widgets never own an answer: they copy their value into `answers()` through callbacks, and are
redrawn from it. `reset_widgets()` drops every interview widget's state so that the next run
draws them afresh from the answers (after a load, a reset or a removal that shifts indexes).
"""

from __future__ import annotations

import json
from collections import OrderedDict
from typing import Any

import streamlit as st

from litigation.facts import answers as fa
from litigation.facts.matter import Matter
from litigation.facts.validation import FieldError, MatterError, load_matter
from litigation.law.analysis import Analysis, analyze

ANSWERS = "ft_answers"
STEP = "ft_step"
FROM_REVIEW = "ft_from_review"
MEMO = "ft_memo"
PREFS = "ft_prefs"
GEN = "ft_widget_gen"
WIDGET_PREFIX = "q:"
PLACE_OTHER = "ft_place_other:"
MEMO_SIZE = 16


def answers() -> dict:
    if ANSWERS not in st.session_state:
        st.session_state[ANSWERS] = fa.new_answers()
    return st.session_state[ANSWERS]


def replace_answers(new: dict) -> None:
    st.session_state[ANSWERS] = new
    st.session_state[STEP] = 0
    st.session_state[FROM_REVIEW] = False
    for k in [k for k in st.session_state if isinstance(k, str) and k.startswith(PLACE_OTHER)]:
        del st.session_state[k]  # "other city" boxes belong to the old answers
    reset_widgets()


def reset_widgets() -> None:
    """Start a new widget generation: every interview widget gets a new key, so the browser draws it
    afresh from the answers. (Deleting a key is not enough: the browser keeps the old widget's value
    and sends it back on the next interaction, which wiped a loaded matter's first step.)"""
    st.session_state[GEN] = st.session_state.get(GEN, 0) + 1
    for k in [k for k in st.session_state if isinstance(k, str) and k.startswith(WIDGET_PREFIX)]:
        del st.session_state[k]


def widget_key(path: str) -> str:
    """The key of the interview widget for `path`: the generation and the language are part of it, so a
    load, a reset or a language switch never lets the browser send back a stale value (a select box's
    value travels as its label, which a switch of language would otherwise turn into a stored label)."""
    lg = st.session_state.get("ft_lang", "zh")
    return f"{WIDGET_PREFIX}{st.session_state.get(GEN, 0)}:{lg}:{path}"


def prefs() -> dict:
    if PREFS not in st.session_state:
        st.session_state[PREFS] = {"mode": "current", "total": None}
    return st.session_state[PREFS]


def _memo() -> OrderedDict:
    if MEMO not in st.session_state:
        st.session_state[MEMO] = OrderedDict()
    return st.session_state[MEMO]


def _remember(key: tuple, make: Any) -> Any:
    memo = _memo()
    if key in memo:
        memo.move_to_end(key)
        return memo[key]
    value = make()
    memo[key] = value
    while len(memo) > MEMO_SIZE:
        memo.popitem(last=False)
    return value


def validate(ans: dict | None = None) -> tuple[Matter | None, list[FieldError]]:
    """The effective matter of the answers, or the bilingual field errors (memoised per session)."""
    eff = fa.effective(answers() if ans is None else ans)
    text = json.dumps(eff, sort_keys=True, ensure_ascii=False, default=str)

    def run() -> tuple[Matter | None, list[FieldError]]:
        try:
            return load_matter(eff), []
        except MatterError as exc:
            return None, exc.errors

    return _remember(("validate", text), run)


def analysis_of(m: Matter, mode: str = "current", total: float | None = None) -> Analysis:
    text = m.model_dump_json()
    return _remember(("analyze", text, mode, total), lambda: analyze(m, mode=mode, total_damages=total))  # type: ignore[arg-type]


def claimed_total(m: Matter) -> float | None:
    c = m.requests.claimed
    vals = [v for v in (c.economic_loss, c.reasonable_expenses, c.attorney_fees, c.mental_distress) if v]
    return float(sum(vals)) if vals else None


def ready() -> tuple[Matter | None, list[FieldError]]:
    """The matter if it can be analysed: valid and with at least one participant."""
    m, errs = validate()
    if m is not None and not m.participants:
        return None, []
    return m, errs
