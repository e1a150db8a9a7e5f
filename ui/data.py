"""Data the pages share: the case dataset, the backtest, scenario files (cached: public data only),
and per-session research for the current matter (user data is never put in a global cache)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import streamlit as st

from litigation.documents.research import Research
from litigation.documents.research import research as build_research
from litigation.facts.matter import Matter
from ui import state

log = logging.getLogger("facetort.ui")
ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "data" / "scenarios"


@st.cache_data(show_spinner=False, max_entries=4)
def _cases(path: str, mtime: float) -> Any:
    from litigation.cases.loading import load_cases

    return load_cases(path)


def cases() -> Any | None:
    """The case dataset, or None if it cannot be loaded (the pages then say so)."""
    try:
        from litigation.cases.schema import resolve_cases_path

        p = resolve_cases_path()
        return _cases(str(p), p.stat().st_mtime)
    except Exception:  # noqa: BLE001 - a missing or broken dataset must not break the page
        log.exception("case dataset unavailable")
        return None


@st.cache_data(show_spinner=False, max_entries=4)
def _backtest(path: str, mtime: float) -> dict | None:
    from litigation.damages.evaluation import cached_summary

    return dict(cached_summary(path))  # the figures the memos print (`litigation.documents.research`)


def backtest() -> dict | None:
    try:
        from litigation.cases.schema import resolve_cases_path

        p = resolve_cases_path()
        return _backtest(str(p), p.stat().st_mtime)
    except Exception:  # noqa: BLE001
        log.exception("backtest unavailable")
        return None


def award_models() -> Any | None:
    """The estimator's fit on the case file (cached by `cached_models`), or None if the data is unavailable."""
    try:
        from litigation.damages.estimator import cached_models

        return cached_models()
    except Exception:  # noqa: BLE001 - without the case data the pages still show the legal conclusions
        log.exception("award models unavailable")
        return None


def research(m: Matter, mode: str = "current", total: float | None = None, k: int = 10) -> Research:
    """Comparable cases and the estimate for this matter, following the liability analysis the pages
    show for `mode` and `total` (memoised in the session only; the fit on the case file is cached by
    `litigation.damages.estimator.cached_models`); `k` decisions are kept."""
    bt = backtest()
    a = state.analysis_of(m, mode, total)
    return state._remember(("research", m.model_dump_json(), mode, total, k),
                           lambda: build_research(m, backtest=bt, analysis=a, k=k))


def scenario_files() -> list[Path]:
    return sorted(SCENARIOS.glob("*.matter.json"))


@st.cache_data(show_spinner=False, max_entries=256)
def scenario_title(path: str, mtime: float) -> str:
    import json

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return str(data.get("title") or Path(path).name)
    except (OSError, ValueError):
        return Path(path).name


@st.cache_data(show_spinner=False, max_entries=4)
def _teaching_notes(path: str, mtime: float) -> dict:
    from litigation.law.teaching import load_notes

    return load_notes(Path(path))


def teaching_notes() -> dict:
    """The scenario library's teaching notes (data/scenarios/teaching.yaml), empty if the file is missing."""
    p = SCENARIOS / "teaching.yaml"
    try:
        return _teaching_notes(str(p), p.stat().st_mtime)
    except (OSError, ValueError):
        log.exception("teaching notes unavailable")
        return {"groups": {}, "scenarios": {}}
