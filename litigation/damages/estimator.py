"""The award model: a hurdle (how often nothing or a nominal sum is awarded) and, where money is
awarded, the median of same-setting awards on the log10 scale with conformal intervals.

- Point: `SettingMedianRegressor` — the median log10 award of the decisions in the same setting,
  falling back to the same matter class, then to all decisions.
- Intervals: MAPIE's `CrossConformalRegressor` (method "plus") with the folds formed by dispute —
  Jackknife+ over disputes (`LeaveOneGroupOut`) up to `JACKKNIFE_MAX_DISPUTES`, CV+ over
  `CV_FOLDS` groups of disputes beyond, so a dispute's decisions never calibrate each other and
  the fit stays linear in the number of decisions. MAPIE computes the exact finite-sample ranks.
- `AwardModels`: everything that depends on the dataset only (pool, per-head fits, hurdle counts,
  the retrieval index), built once per dataset file and modification time (`cached_models`).

X for the regressors is an integer matrix: column 0 the setting code, column 1 the matter-class
code (-1 = unknown), as produced by `AwardModels.codes`.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, RegressorMixin

from litigation.damages.awards import HEADS, HeadSample, default_pool, final_decisions, head_sample
from litigation.damages.comparables import CaseIndex

MIN_N = 5  # fewer substantive awards (disputes) than this: no range, only the decisions themselves
LEVELS = (0.5, 0.8)
JACKKNIFE_MAX_DISPUTES = 500
CV_FOLDS = 10


class SettingMedianRegressor(RegressorMixin, BaseEstimator):
    """Median of y over the training rows in the same setting (column 0) if there are at least
    `min_cell` of them, else over the same matter class (column 1), else over all rows.
    Deterministic; nothing is random."""

    def __init__(self, min_cell: int = 1):
        self.min_cell = min_cell

    def fit(self, X, y) -> SettingMedianRegressor:
        X = np.asarray(X, dtype=np.int64).reshape(len(y), -1)
        y = np.asarray(y, dtype=float)
        if len(y) == 0 or not np.isfinite(y).all():
            raise ValueError("need at least one finite target")
        self.global_ = float(np.median(y))
        self.cells_: list[dict[int, float]] = []
        for j in range(X.shape[1]):
            codes, inv, counts = np.unique(X[:, j], return_inverse=True, return_counts=True)
            cell = {}
            for c, cnt in zip(codes, counts, strict=True):
                if c >= 0 and cnt >= self.min_cell:
                    cell[int(c)] = float(np.median(y[inv == np.searchsorted(codes, c)]))
            self.cells_.append(cell)
        self.n_features_in_ = X.shape[1]
        return self

    def predict(self, X) -> np.ndarray:
        X = np.asarray(X, dtype=np.int64).reshape(-1, self.n_features_in_)
        out = np.full(len(X), self.global_)
        done = np.zeros(len(X), dtype=bool)
        for j, cell in enumerate(self.cells_):
            for code, med in cell.items():
                hit = ~done & (X[:, j] == code)
                out[hit] = med
                done |= hit
        return out


class GlobalMedianRegressor(RegressorMixin, BaseEstimator):
    """Baseline: the median of all training targets, whatever the facts."""

    def fit(self, X, y) -> GlobalMedianRegressor:
        self.median_ = float(np.median(np.asarray(y, dtype=float)))
        self.n_features_in_ = np.asarray(X).reshape(len(y), -1).shape[1]
        return self

    def predict(self, X) -> np.ndarray:
        return np.full(len(np.asarray(X).reshape(-1, self.n_features_in_)), self.median_)


def conformal(estimator, X: np.ndarray, logy: np.ndarray, groups: np.ndarray):
    """A fitted MAPIE CV+/Jackknife+ regressor whose folds are the disputes (see module doc)."""
    from mapie.regression import CrossConformalRegressor  # heavy; only where intervals are made
    from sklearn.model_selection import GroupKFold, LeaveOneGroupOut

    n_groups = len(np.unique(groups))
    cv = LeaveOneGroupOut() if n_groups <= JACKKNIFE_MAX_DISPUTES else GroupKFold(n_splits=CV_FOLDS)
    reg = CrossConformalRegressor(estimator, confidence_level=list(LEVELS), method="plus", cv=cv)
    return reg.fit_conformalize(X, logy, groups=groups)


@dataclass
class HeadModel:
    """One head's hurdle counts and, with enough substantive awards, its fitted interval model."""

    head: str
    sample: HeadSample
    n_disputes: int  # disputes with a substantive award (the amount part)
    case_ids: list[str]  # those decisions, dataset order
    logy: np.ndarray
    X: np.ndarray
    min_cell: int = 1
    reg: object | None = None  # fitted CrossConformalRegressor, or None (fewer than MIN_N)

    def basis(self, x: np.ndarray) -> tuple[str, list[str]]:
        """Whose median the point is (as `SettingMedianRegressor` chooses) and those decisions."""
        for j, name in enumerate(("setting", "matter_class")):
            hit = (self.X[:, j] == x[j]) & (x[j] >= 0)
            if hit.sum() >= self.min_cell and hit.any():
                return name, [c for c, h in zip(self.case_ids, hit, strict=True) if h]
        return "all", list(self.case_ids)

    _memo: dict = field(default_factory=dict, repr=False)

    def interval(self, x: np.ndarray) -> tuple[float, dict[float, tuple[float, float]]]:
        """Point and intervals in RMB at one query row of codes (MAPIE; point = full-data median).
        The result depends on the codes only, so each distinct query is computed once per fit."""
        key = tuple(int(v) for v in x)
        if key not in self._memo:
            point, iv = self.reg.predict_interval(np.array([key]), aggregate_point_predictions=None,
                                                  allow_infinite_bounds=True)
            out = {lev: (10 ** float(iv[0, 0, j]), 10 ** float(iv[0, 1, j])) for j, lev in enumerate(LEVELS)}
            self._memo[key] = (10 ** float(point[0]), out)
        return self._memo[key]


@dataclass
class AwardModels:
    """The dataset-only work behind every estimate (and the similar-case search over every matter)."""

    cases: pd.DataFrame
    finals: pd.DataFrame
    vocab: dict[str, dict[str, int]]
    heads: dict[str, HeadModel] = field(default_factory=dict)
    index: CaseIndex | None = None  # the estimation pool: the decisions behind an estimate

    @cached_property
    def full_index(self) -> CaseIndex:
        """Every matter of the collection (the similar-case search)."""
        return CaseIndex(self.cases)

    @cached_property
    def _positions(self) -> dict[str, int]:
        """case_id -> row of `cases` (the last row of a repeated id)."""
        return {str(c): i for i, c in enumerate(self.cases["case_id"])}

    @cached_property
    def _columns(self) -> dict[str, np.ndarray]:
        return {}  # column -> object array, filled on first use (a pure function of `cases`)

    def records(self, ids, cols: tuple[str, ...]) -> dict[str, dict]:
        """The columns `cols` (those the dataset has) of the decisions `ids`, as Python values with
        None for missing ones, without building DataFrame rows."""
        out = {}
        have = [c for c in cols if c in self.cases.columns]
        for c in have:
            if c not in self._columns:
                col = self.cases[c]
                self._columns[c] = col.astype("object").where(col.notna(), None).to_numpy()
        for cid in ids:
            i = self._positions.get(str(cid))
            if i is not None:
                out[str(cid)] = {c: self._columns[c][i] for c in have}
        return out

    def codes(self, setting: str | None, matter_class: str | None = "face") -> np.ndarray:
        return np.array([self.vocab["scenario"].get(setting or "", -1),
                         self.vocab["matter_class"].get(matter_class or "", -1)], dtype=np.int64)


def _codes(frame: pd.DataFrame, vocab: dict[str, dict[str, int]]) -> np.ndarray:
    cols = []
    for c in ("scenario", "matter_class"):
        voc = vocab[c]
        s = frame[c].astype("object") if c in frame.columns else pd.Series([None] * len(frame))
        cols.append(np.array([voc.get(str(v), -1) if isinstance(v, str) else -1 for v in s], dtype=np.int64))
    return np.stack(cols, axis=1) if cols[0].size else np.zeros((0, 2), dtype=np.int64)


def fit_models(cases: pd.DataFrame, min_cell: int = 1) -> AwardModels:
    """Pool, final decisions, hurdle counts and interval models per head and in total."""
    pool = default_pool(cases)
    finals = final_decisions(pool)
    vocab = {c: {str(v): i for i, v in enumerate(sorted(finals[c].dropna().astype(str).unique()))}
             if c in finals.columns else {} for c in ("scenario", "matter_class")}
    models = AwardModels(cases=cases, finals=finals, vocab=vocab, index=CaseIndex(pool))
    for head in ("total", *HEADS):
        s = head_sample(finals, head)
        sub = s.rows[s.substantive]
        logy = np.log10(s.award[s.substantive])
        X = _codes(sub, vocab)
        groups = (sub["dispute_id"] if "dispute_id" in sub else sub["case_id"]).astype(str).to_numpy()
        hm = HeadModel(head, s, len(np.unique(groups)), list(sub["case_id"].astype(str)), logy, X, min_cell)
        if hm.n_disputes >= MIN_N:
            hm.reg = conformal(SettingMedianRegressor(min_cell=min_cell), X, logy, groups)
        models.heads[head] = hm
    return models


@lru_cache(maxsize=4)
def _cached(path: str, mtime_ns: int, size: int) -> AwardModels:
    from litigation.cases.loading import load_cases

    return fit_models(load_cases(path))


def cached_models(path: str | os.PathLike[str] | None = None) -> AwardModels:
    """`fit_models` on a case file, computed once per path, modification time and size (a changed file
    is fitted again). The fit is read-only for its users: `estimate` and the searches never change it,
    so a cached and a fresh fit give the same results (tests/test_compensation.py)."""
    from litigation.cases.schema import resolve_cases_path

    p = resolve_cases_path(path)
    st = os.stat(p)
    return _cached(str(p), st.st_mtime_ns, st.st_size)


def width_ratio(lo: float, hi: float) -> float:
    return hi / lo if lo > 0 and math.isfinite(hi) else math.inf
