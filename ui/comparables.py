"""Tables of decided cases shared by the compensation page and the case explorer: code labels from the
case codebook and the list of comparable decisions."""

from __future__ import annotations

from typing import Any

import pandas as pd

from litigation.i18n import money
from ui.frame import lang, t


def _codebook() -> dict[str, dict[str, tuple[str, str]]]:
    from litigation.cases.schema import CLAIM_OUTCOME, COURT_LEVEL, PROCEDURE, SCENARIO

    return {"scenario": SCENARIO, "court_level": COURT_LEVEL, "procedure": PROCEDURE,
            "claim_outcome": CLAIM_OUTCOME}


def clabel(col: str, code: Any, lg: str) -> str:
    if code is None or (not isinstance(code, str) and pd.isna(code)):
        return "—"
    pair = _codebook().get(col, {}).get(str(code))
    return (pair[0] if lg == "zh" else pair[1]) if pair else str(code)


def comparables_frame(est) -> pd.DataFrame:
    lg = lang()
    sep = "、" if lg == "zh" else ", "
    return pd.DataFrame([{
        "ID": c.case_id, t("ca.name"): c.case_name(lg), t("ca.court"): c.court(lg) or "—",
        t("ca.level"): clabel("court_level", c.court_level, lg), t("ca.year"): str(c.year) if c.year else "—",
        t("ca.award"): money(c.awarded_total), t("ca.similarity"): f"{c.similarity:.0%}",
        t("ca.same"): sep.join(x(lg) for x in c.matches), t("ca.differs"): sep.join(x(lg) for x in c.differs),
    } for c in est.comparables])
