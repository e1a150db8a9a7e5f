"""The comparable-case research behind a document: similar decisions and the compensation estimate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from litigation.facts.matter import Matter
from litigation.i18n import T, Text


# --------------------------------------------------------------------------- research bundle
@dataclass
class Research:
    """Comparable decisions and the compensation estimate for a matter (all optional)."""

    estimate: Any = None               # litigation.damages.compensation.CompensationEstimate
    comparables: list[Any] = field(default_factory=list)  # litigation.damages.comparables.Comparable
    backtest: dict | None = None
    n_cases: int = 0
    n_own: int = 0                     # rows of the user's own collection (no `dossier`), among n_cases
    source: str = ""
    details: dict[str, dict] = field(default_factory=dict)  # case_id -> extra columns (case_no, notes, ...)
    error: Text | None = None


def research(matter: Matter, cases: Any = None, k: int = 10, backtest: dict | None = None,
             analysis: Any = None) -> Research:
    """Run the comparable-case search and the compensation estimate (never raises). Without `cases`
    the cached fit of the case file is used, and its cached backtest when `backtest` is not given;
    `analysis` (the matter's liability result, which the estimate follows) is computed when not given:
    pass the one the document or page shows."""
    try:
        from litigation.cases.schema import resolve_cases_path
        from litigation.damages.comparables import CaseIndex, matter_factors
        from litigation.damages.compensation import estimate
        from litigation.damages.estimator import cached_models

        if cases is None:
            from litigation.damages.evaluation import cached_summary

            models = cached_models()
            df, index = models.cases, models.full_index
            if backtest is None:
                backtest = cached_summary()
        else:
            models, df, index = None, cases, CaseIndex(cases)
        comps = index.search(matter_factors(matter), k=k)
        est = estimate(matter, df if models is None else None, models=models, analysis=analysis)
        cols = ("case_no", "legal_bases_cited", "cause_of_action_zh", "cause_of_action", "decision_date_text",
                "instance", "infringement_found", "remedy_deletion", "remedy_apology", "notes", "source_citation",
                "dispute_id", "city", "decision_date", "report_date", "claim_outcome", "claimant_kind", "scenario",
                "defendant_kinds", "consent_type", "sole_verification_method", "leak", "commercial_profit",
                "authority_tier", "authority_note", "finality", "holding_zh", "holding_source")
        ids = {c.case_id for c in comps}
        if models is not None:
            details = {cid: {c: (None if _missing(v) else _plain(v)) for c, v in row.items()}
                       for cid, row in models.records(sorted(ids), cols).items()}
        else:
            details = {}
            for _, row in df[df["case_id"].astype(str).isin(ids)].iterrows():
                details[str(row["case_id"])] = {c: (None if _missing(row.get(c)) else _plain(row.get(c))) for c in cols
                                                if c in df.columns}
        own = int((df["dossier"].map(lambda v: _missing(v) or str(v).strip() == "")).sum()) \
            if "dossier" in df.columns else 0
        return Research(estimate=est, comparables=comps, backtest=backtest, n_cases=len(df), n_own=own,
                        source=str(resolve_cases_path()), details=details)
    except Exception as exc:  # noqa: BLE001 - research is optional; the memo says it is missing
        return Research(error=T(f"类案与赔偿数据不可用（{type(exc).__name__}）",
                                 f"Comparable cases and estimates unavailable ({type(exc).__name__})"))


def _plain(v: Any) -> Any:
    """A cell as a plain value: a timestamp becomes its ISO date, a numpy/pandas scalar a Python one."""
    if hasattr(v, "date") and callable(v.date) and hasattr(v, "isoformat"):
        return v.date().isoformat()
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):
        try:
            return v.item()
        except (TypeError, ValueError):
            return v
    return v


def _missing(v: Any) -> bool:
    try:
        import pandas as pd

        return v is None or (not isinstance(v, (list, dict, str)) and bool(pd.isna(v)))
    except (TypeError, ValueError):
        return v is None
