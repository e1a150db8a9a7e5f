"""Leave-one-dispute-out backtest of the award model, per head and in total, beside baselines.

For each head with enough substantive awards, every dispute is held out in turn; the model is fitted
on the other disputes (its conformal calibration again over disputes) and its point and 50%/80%
intervals are compared with the held-out award. Reported per method:

- coverage of the 50% and 80% intervals with exact (Clopper–Pearson) 95% intervals;
- the median |Δlog10| of the point with a bootstrap 95% interval (disputes resampled, seeded);
- the median 80% width ratio (upper / lower);
- the mean interval score of the 80% interval on the log10 scale (Gneiting & Raftery 2007: width
  plus 2/α times the miss; lower is better).

Methods: `model` (same-setting median → matter class → all), `same_setting` (setting → all),
`global_median`, and `knn` (the distance-weighted k-nearest-neighbour median that the comparable
search uses for retrieval). The hurdle's P(nothing or nominal) is checked the same way: each decided
final decision is predicted from the others' rate (Brier score, mean prediction vs the observed rate).
"""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, RegressorMixin, clone

from litigation.damages.awards import HEADS, default_pool, final_decisions, head_sample
from litigation.damages.comparables import distances, encode, factor_frame
from litigation.damages.estimator import (
    MIN_N,
    GlobalMedianRegressor,
    SettingMedianRegressor,
    _codes,
    conformal,
)

TARGET_WIDTH80 = 30.0  # median upper/lower ratio of the 80% interval


def _weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    order = np.argsort(values, kind="stable")
    cw = np.cumsum(weights[order])
    return float(values[order][np.searchsorted(cw, 0.5 * cw[-1])])


class KNNAwardRegressor(RegressorMixin, BaseEstimator):
    """Distance-weighted median of the k nearest training rows over the comparison factors.
    X holds row numbers into `table` (a factor frame); deterministic (ties by row order)."""

    def __init__(self, table: pd.DataFrame | None = None, k: int = 5):
        self.table = table
        self.k = k

    def fit(self, X, y) -> KNNAwardRegressor:
        self.enc_ = encode(self.table)
        self.rows_ = np.asarray(X, dtype=np.int64).reshape(-1)
        self.y_ = np.asarray(y, dtype=float)
        self.n_features_in_ = 1
        return self

    def predict(self, X) -> np.ndarray:
        train = self.enc_.take(self.rows_)
        out = []
        for q in np.asarray(X, dtype=np.int64).reshape(-1):
            d = distances(train, self.enc_, int(q))[0]
            idx = np.argsort(d, kind="stable")[: min(self.k, len(d))]
            out.append(_weighted_median(self.y_[idx], (1.0 - d[idx]) ** 2 + 1e-6))
        return np.array(out)


def clopper_pearson(k: int, n: int, conf: float = 0.95) -> tuple[float, float]:
    from scipy.stats import beta

    a = (1 - conf) / 2
    lo = 0.0 if k == 0 else float(beta.ppf(a, k, n - k + 1))
    hi = 1.0 if k == n else float(beta.ppf(1 - a, k + 1, n - k))
    return lo, hi


def _boot_median(x: np.ndarray, seed: int, n_boot: int) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    meds = np.median(x[rng.integers(0, len(x), (n_boot, len(x)))], axis=1)
    return float(np.quantile(meds, 0.025)), float(np.quantile(meds, 0.975))


def interval_score(y: np.ndarray, lo: np.ndarray, hi: np.ndarray, alpha: float) -> np.ndarray:
    return (hi - lo) + (2 / alpha) * np.maximum(lo - y, 0) + (2 / alpha) * np.maximum(y - hi, 0)


def _lodo(est, X: np.ndarray, logy: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Held-out (point, lo50, hi50, lo80, hi80) on the log10 scale, one row per decision."""
    out = np.full((len(logy), 5), np.nan)
    for g in np.unique(groups):
        test = groups == g
        reg = conformal(clone(est), X[~test], logy[~test], groups[~test])
        point, iv = reg.predict_interval(X[test], aggregate_point_predictions=None, allow_infinite_bounds=True)
        out[test] = np.column_stack([point, iv[:, 0, 0], iv[:, 1, 0], iv[:, 0, 1], iv[:, 1, 1]])
    return out


def _metrics(res: np.ndarray, logy: np.ndarray, seed: int, n_boot: int) -> dict:
    n = len(logy)
    in50 = (res[:, 1] <= logy) & (logy <= res[:, 2])
    in80 = (res[:, 3] <= logy) & (logy <= res[:, 4])
    err = np.abs(res[:, 0] - logy)
    k50, k80 = int(in50.sum()), int(in80.sum())
    return {
        "n": n,
        "coverage_50": round(k50 / n, 3), "coverage_50_ci": [round(v, 3) for v in clopper_pearson(k50, n)],
        "coverage_80": round(k80 / n, 3), "coverage_80_ci": [round(v, 3) for v in clopper_pearson(k80, n)],
        "median_abs_log10_error": round(float(np.median(err)), 3),
        "median_abs_log10_error_ci": [round(v, 3) for v in _boot_median(err, seed, n_boot)],
        "median_width80_ratio": round(float(np.median(10 ** (res[:, 4] - res[:, 3]))), 1),
        "mean_interval_score80": round(float(np.mean(interval_score(logy, res[:, 3], res[:, 4], 0.2))), 3),
    }


def _hurdle_calibration(s) -> dict:
    decided, nothing = s.decided, s.nothing
    y = nothing[decided].astype(float)
    n = len(y)
    if n < 2:
        return {"n": n}
    p = (y.sum() - y) / (n - 1)  # each decision predicted from the others' rate
    return {"n": n, "observed": int(y.sum()), "observed_rate": round(float(y.mean()), 3),
            "mean_predicted": round(float(p.mean()), 3), "brier": round(float(np.mean((p - y) ** 2)), 3)}


def evaluate(cases: pd.DataFrame, *, k: int = 5, min_cell: int = 1, seed: int = 0, n_boot: int = 2000,
             per_case: bool = True, heads: tuple[str, ...] | None = None,
             methods: tuple[str, ...] | None = None) -> dict:
    """The backtest table: per head (and "total"), each method's figures and the hurdle calibration.
    `heads` and `methods` restrict it (the targets need the "model" and "global_median" methods)."""
    finals = final_decisions(default_pool(cases))
    vocab = {c: {str(v): i for i, v in enumerate(sorted(finals[c].dropna().astype(str).unique()))}
             if c in finals.columns else {} for c in ("scenario", "matter_class")}
    out: dict = {"unit": "final decisions, one per dispute; amounts conditional on a substantive award",
                 "heads": {}}
    for head in heads or ("total", *HEADS):
        s = head_sample(finals, head)
        sub = s.rows[s.substantive].reset_index(drop=True)
        logy = np.log10(s.award[s.substantive])
        groups = (sub["dispute_id"] if "dispute_id" in sub else sub["case_id"]).astype(str).to_numpy()
        row: dict = {"hurdle": _hurdle_calibration(s), "n_disputes": int(len(np.unique(groups)))}
        if row["n_disputes"] < MIN_N + 1:
            row["note"] = f"fewer than {MIN_N + 1} disputes with a substantive award: no backtest"
            out["heads"][head] = row
            continue
        codes = _codes(sub, vocab)
        setting_only = codes.copy()
        setting_only[:, 1] = -1
        candidates = {
            "model": (SettingMedianRegressor(min_cell=min_cell), codes),
            "same_setting": (SettingMedianRegressor(min_cell=min_cell), setting_only),
            "global_median": (GlobalMedianRegressor(), codes),
            "knn": (KNNAwardRegressor(table=factor_frame(sub), k=k), np.arange(len(sub)).reshape(-1, 1)),
        }
        results = {name: _lodo(est, X, logy, groups) for name, (est, X) in candidates.items()
                   if methods is None or name in methods}
        row["methods"] = {name: _metrics(res, logy, seed, n_boot) for name, res in results.items()}
        m, g = row["methods"].get("model"), row["methods"].get("global_median")
        if m is not None and g is not None:
            lo, hi = m["coverage_80_ci"]
            row["targets"] = {"width80_at_most_30x": m["median_width80_ratio"] <= TARGET_WIDTH80,
                              "coverage80_ci_contains_0.8": lo <= 0.8 <= hi,
                              "interval_score_below_global_median":
                                  m["mean_interval_score80"] < g["mean_interval_score80"]}
        if per_case and "global_median" in results and "model" in results:
            res = results["model"]
            row["cases"] = [{"case_id": str(c), "y": float(10 ** ly), "pred": float(10 ** r[0]),
                             "low80": float(10 ** r[3]), "high80": float(10 ** r[4]),
                             "baseline": float(10 ** results["global_median"][i, 0]),
                             "in50": bool(r[1] <= ly <= r[2]), "in80": bool(r[3] <= ly <= r[4])}
                            for i, (c, ly, r) in enumerate(zip(sub["case_id"], logy, res, strict=True))]
        out["heads"][head] = row
    return out


@lru_cache(maxsize=4)
def _cached_summary(path: str, mtime_ns: int, size: int) -> dict:
    from litigation.cases.loading import load_cases

    return summary(evaluate(load_cases(path), per_case=False, heads=("total",), methods=("model",)))


def cached_summary(path: str | os.PathLike[str] | None = None) -> dict:
    """`summary(evaluate(...))` of a case file (the total's backtest figures a page or a memo prints),
    computed once per path, modification time and size. Callers must not change the dict."""
    from litigation.cases.schema import resolve_cases_path

    p = resolve_cases_path(path)
    st = os.stat(p)
    return _cached_summary(str(p), st.st_mtime_ns, st.st_size)


def summary(ev: dict, head: str = "total") -> dict:
    """The model's figures for one head (what a page or a memo prints beside a range)."""
    row = ev.get("heads", {}).get(head, {})
    m = row.get("methods", {}).get("model")
    return {"n": 0} if m is None else {**m, "hurdle": row["hurdle"]}


def table(ev: dict) -> str:
    """The evaluate table as Markdown: per head, every method side by side."""
    def ci(v):
        return f"[{v[0]:.2f}, {v[1]:.2f}]"
    lines = ["| head | method | n | cov50 [95% CI] | cov80 [95% CI] | median abs dlog10 [95% CI] | median width80 | "
             "mean IS80 |", "|---|---|---|---|---|---|---|---|"]
    hurdle = ["", "| head | decided | nothing/nominal | observed rate | mean predicted (LODO) | Brier |",
              "|---|---|---|---|---|---|"]
    for head, row in ev["heads"].items():
        h = row["hurdle"]
        if h.get("n", 0) >= 2:
            hurdle.append(f"| {head} | {h['n']} | {h['observed']} | {h['observed_rate']:.2f} | "
                          f"{h['mean_predicted']:.2f} | {h['brier']:.3f} |")
        for name, m in row.get("methods", {}).items():
            lines.append(f"| {head} | {name} | {m['n']} | {m['coverage_50']:.2f} {ci(m['coverage_50_ci'])} | "
                         f"{m['coverage_80']:.2f} {ci(m['coverage_80_ci'])} | {m['median_abs_log10_error']:.3f} "
                         f"{ci(m['median_abs_log10_error_ci'])} | {m['median_width80_ratio']:,.1f}x | "
                         f"{m['mean_interval_score80']:.2f} |")
        if "note" in row:
            lines.append(f"| {head} | — | {row['n_disputes']} | {row['note']} | | | | |")
    return "\n".join(lines + hurdle) + "\n"
