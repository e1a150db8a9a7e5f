"""Compensation ranges: law-determined heads computed from the matter, discretionary amounts from
comparable decisions, with honest uncertainty.

- Heads the law fixes from the facts (SPC 8; CC 1182; PIPL 69): documented expenses, reasonable
  attorney fees, proven loss or the infringer's proven gains — computed and traced.
- Amounts the court fixes "on the actual circumstances" (PIPL 69(2), CC 1182) and mental-harm
  damages (CC 1183; SPC mental-damages interpretation Art 5) — from comparable decisions with
  `ComparableAwardEstimator`: a distance-weighted median on the log10 scale over the k nearest
  decisions, with Jackknife+ conformal intervals and the finite-sample (n+1) correction.
- Never above what was claimed; n is always reported; too few decisions → no range, said plainly.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field
from sklearn.base import BaseEstimator, RegressorMixin

from litigation.damages.comparables import (
    CaseIndex,
    Comparable,
    Encoded,
    distances,
    encode,
    factor_frame,
    matter_factors,
)
from litigation.damages.income import IncomeFigure, local_income
from litigation.facts.matter import Matter
from litigation.i18n import T, Text
from litigation.law.citations import Citation, cc, cite, pipl, spc

MIN_N = 5  # fewer positive awards than this: no range, only the decisions themselves


# ------------------------------------------------------------------ the estimator
def _weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    order = np.argsort(values, kind="stable")
    v, w = values[order], weights[order]
    cw = np.cumsum(w)
    return float(v[np.searchsorted(cw, 0.5 * cw[-1])])


class ComparableAwardEstimator(RegressorMixin, BaseEstimator):
    """kNN on log10(award) over the comparison factors, with Jackknife+ intervals.

    X is a factor frame (`comparables.factor_frame`) and y awards in RMB (> 0). Deterministic:
    ties are broken by row order, so `random_state` only documents that nothing is random.
    """

    def __init__(self, k: int = 5, random_state: int = 0):
        self.k = k
        self.random_state = random_state

    def fit(self, X: pd.DataFrame, y) -> ComparableAwardEstimator:
        y = np.asarray(y, dtype=float)
        if (y <= 0).any() or not np.isfinite(y).all():
            raise ValueError("awards must be positive and finite (zero awards are reported separately)")
        self.enc_: Encoded = encode(X.reset_index(drop=True))
        self.logy_ = np.log10(y)
        self.n_ = len(y)
        # Leave-one-out predictions and residuals for the Jackknife+ interval.
        self.loo_pred_ = np.empty(self.n_)
        for i in range(self.n_):
            d, _, _ = distances(self.enc_, self.enc_, i)
            d[i] = np.inf
            self.loo_pred_[i] = self._predict_from(d)
        self.loo_resid_ = np.abs(self.logy_ - self.loo_pred_)
        return self

    def _predict_from(self, d: np.ndarray, exclude: int | None = None) -> float:
        d = d.copy()
        if exclude is not None:
            d[exclude] = np.inf
        finite = np.isfinite(d)
        k = min(self.k, int(finite.sum()))
        idx = np.argsort(d, kind="stable")[:k]
        w = (1.0 - d[idx]) ** 2 + 1e-6
        return _weighted_median(self.logy_[idx], w)

    def _query(self, X: pd.DataFrame) -> Encoded:
        return encode(X.reset_index(drop=True), self.enc_.vocab)

    def predict(self, X: pd.DataFrame) -> np.ndarray:
        q = self._query(X)
        return np.array([10 ** self._predict_from(distances(self.enc_, q, j)[0]) for j in range(len(q))])

    def predict_interval(self, X: pd.DataFrame, level: float = 0.8) -> np.ndarray:
        """Rows of (low, high) in RMB; nan where n is too small for the level (no finite bound)."""
        q = self._query(X)
        n, alpha = self.n_, 1.0 - level
        hi_rank = math.ceil((1 - alpha) * (n + 1))  # k-th smallest, 1-based
        lo_rank = math.floor(alpha * (n + 1))
        out = np.full((len(q), 2), np.nan)
        if hi_rank > n or lo_rank < 1:
            return out
        for j in range(len(q)):
            d = distances(self.enc_, q, j)[0]
            mu = np.array([self._predict_from(d, exclude=i) for i in range(n)])
            lows = np.sort(mu - self.loo_resid_)
            highs = np.sort(mu + self.loo_resid_)
            out[j] = (10 ** lows[lo_rank - 1], 10 ** highs[hi_rank - 1])
        return out

    def kneighbors(self, X: pd.DataFrame) -> list[np.ndarray]:
        q = self._query(X)
        return [np.argsort(distances(self.enc_, q, j)[0], kind="stable")[: min(self.k, self.n_)]
                for j in range(len(q))]


# ------------------------------------------------------------------ the pool of decisions
def default_pool(cases: pd.DataFrame, face_only: bool = False) -> pd.DataFrame:
    """Decisions used for private-damages estimates: civil judgments in suits by individuals.
    Mediations (bargained), public-interest, procuratorial, administrative, criminal, withdrawn and
    pending matters are excluded: their amounts are settlements, public remedies or nothing.

    This opts in to more than the dataset's `in_default_sample` (face-case judgments only: five
    disputes with a positive award, too few for a range): it also takes the personal-information
    comparables, as data/README.md allows. The `face_case` factor keeps face decisions nearest to
    a face matter; `face_only=True` restores the narrow pool.
    """
    keep = (cases["procedure"] == "civil_judgment").fillna(False)
    if "claimant_kind" in cases.columns:
        keep &= (cases["claimant_kind"].fillna("individual") == "individual").fillna(False)
    if face_only:
        keep &= cases["face_case"].astype("boolean").fillna(False)
    return cases[keep.to_numpy(dtype=bool)]


def positive(pool: pd.DataFrame, column: str) -> pd.DataFrame:
    v = pd.to_numeric(pool[column], errors="coerce")
    return pool[(v > 0).fillna(False).to_numpy(dtype=bool)]


# ------------------------------------------------------------------ per-head results
class Range(BaseModel):
    median: float | None = None
    low50: float | None = None
    high50: float | None = None
    low80: float | None = None
    high80: float | None = None


class HeadEstimate(BaseModel):
    head: str
    label: Text
    basis: str  # "law" | "comparables" | "none"
    citations: list[Citation]
    range: Range = Field(default_factory=Range)
    n: int = 0
    n_zero: int = 0
    claimed: float | None = None
    capped: bool = False
    message: Text
    comparables: list[str] = Field(default_factory=list)


class CompensationEstimate(BaseModel):
    heads: list[HeadEstimate]
    total: HeadEstimate
    comparables: list[Comparable]
    living_standard: IncomeFigure | None = None
    living_standard_note: Text | None = None
    backtest: dict | None = None


def _cap(r: Range, cap: float | None) -> tuple[Range, bool]:
    if cap is None:
        return r, False
    vals = r.model_dump()
    capped = any(v is not None and v > cap for v in vals.values())
    return Range(**{k: (None if v is None else min(v, cap)) for k, v in vals.items()}), capped


def _point(x: float) -> Range:
    return Range(median=x, low50=x, high50=x, low80=x, high80=x)


def law_heads(m: Matter) -> list[HeadEstimate]:
    """Heads fixed by the facts and the law, each traced to its article."""
    h, cl = m.harm, m.requests.claimed
    out: list[HeadEstimate] = []
    receipts = sum(e.amount for e in h.expenses if e.receipt and e.kind not in ("attorney_fees", "court_fees"))
    unreceipted = sum(e.amount for e in h.expenses if not e.receipt and e.kind not in ("attorney_fees", "court_fees"))
    r, capped = _cap(_point(receipts), cl.reasonable_expenses)
    if receipts or unreceipted or cl.reasonable_expenses:
        out.append(HeadEstimate(
            head="reasonable_expenses", label=T("合理维权开支", "Reasonable expenses"), basis="law",
            citations=[spc(8, paragraph=2), cc(1182)], range=r, claimed=cl.reasonable_expenses, capped=capped,
            message=T(f"有票据的调查、公证、交通等开支 {receipts:,.0f} 元计入财产损失；无票据 {unreceipted:,.0f} 元需另行证明，法院可能酌减",
                      f"Documented investigation, notarisation, transport and similar costs (RMB {receipts:,.0f}) "
                      f"count as loss; RMB {unreceipted:,.0f} without receipts needs other proof and may be cut")))
    fees = sum(e.amount for e in h.expenses if e.kind == "attorney_fees")
    fee_receipt = all(e.receipt for e in h.expenses if e.kind == "attorney_fees")
    r, capped = _cap(Range(median=fees, low50=fees, high50=fees, low80=0.0, high80=fees), cl.attorney_fees)
    if fees > 0:
        out.append(HeadEstimate(
            head="attorney_fees", label=T("律师费", "Attorney fees"), basis="law", citations=[spc(8, paragraph=2)],
            range=r, claimed=cl.attorney_fees, capped=capped,
            message=T(f"律师费 {fees:,.0f} 元{'有票据' if fee_receipt else '缺票据'}；法院“可以”根据请求和案情计入，须合理（80% 区间下限为 0 以示裁量）",
                      f"Attorney fees RMB {fees:,.0f} ({'receipted' if fee_receipt else 'no receipt'}); the court "
                      "'may' include reasonable fees on request (the 80% range starts at 0 to show that "
                      "discretion)")))
    if h.economic_loss_proof == "documented" and h.economic_loss > 0:
        r, capped = _cap(_point(h.economic_loss), cl.economic_loss)
        out.append(HeadEstimate(
            head="economic_loss", label=T("财产损失", "Economic loss"), basis="law",
            citations=[cc(1182), pipl(69, 2)], range=r, claimed=cl.economic_loss, capped=capped,
            message=T(f"已证明的损失 {h.economic_loss:,.0f} 元", f"Proven loss RMB {h.economic_loss:,.0f}")))
    elif h.infringer_gains:
        r, capped = _cap(_point(h.infringer_gains), cl.economic_loss)
        out.append(HeadEstimate(
            head="economic_loss", label=T("财产损失（按侵权人获益）", "Economic loss (infringer's gains)"), basis="law",
            citations=[cc(1182), pipl(69, 2)], range=r, claimed=cl.economic_loss, capped=capped,
            message=T(f"损失难以确定，按侵权人获益 {h.infringer_gains:,.0f} 元", f"Loss hard to fix; the infringer's "
                                                                    f"gains RMB {h.infringer_gains:,.0f} apply")))
    return out


def _round(v: float) -> float | None:
    """Ranges, not false precision: tens of yuan above 100, whole yuan below; nan -> None."""
    if v is None or math.isnan(v):
        return None
    return float(round(v, -1)) if v >= 100 else float(round(v))


def _from_comparables(head: str, label: Text, citations: list[Citation], pool: pd.DataFrame, column: str,
                      factors: dict, claimed: float | None, k: int, seed: int) -> HeadEstimate:
    vals = pd.to_numeric(pool[column], errors="coerce")
    known = pool[vals.notna().to_numpy(dtype=bool)]
    pos = positive(known, column)
    n_zero = int((pd.to_numeric(known[column], errors="coerce") == 0).sum())
    ids = list(pos["case_id"].astype(str))
    if len(pos) < MIN_N:
        return HeadEstimate(
            head=head, label=label, basis="comparables", citations=citations, n=len(pos), n_zero=n_zero,
            claimed=claimed, comparables=ids,
            message=T(f"可比判决太少（判赔为正的仅 {len(pos)} 件，另有 {n_zero} 件判赔为零），不给出区间；请直接参看这些判决",
                      f"Too few comparable decisions ({len(pos)} with a positive award, {n_zero} with zero) to give "
                      "a range; read the decisions themselves"))
    est = ComparableAwardEstimator(k=k, random_state=seed).fit(factor_frame(pos), pd.to_numeric(pos[column]))
    X = pd.DataFrame([factors])
    med = float(est.predict(X)[0])
    i50 = est.predict_interval(X, 0.5)[0]
    i80 = est.predict_interval(X, 0.8)[0]
    r = Range(median=_round(med), low50=_round(i50[0]), high50=_round(i50[1]), low80=_round(i80[0]),
              high80=_round(i80[1]))
    r, capped = _cap(r, claimed)
    near = [ids[i] for i in est.kneighbors(X)[0]]
    return HeadEstimate(
        head=head, label=label, basis="comparables", citations=citations, range=r, n=len(pos), n_zero=n_zero,
        claimed=claimed, capped=capped, comparables=near,
        message=T(f"依据 {len(pos)} 件判赔为正的可比判决（另有 {n_zero} 件判赔为零，未计入区间）；区间为 Jackknife+ 共形区间，样本小，仅供参考",
                  f"From {len(pos)} comparable decisions with a positive award ({n_zero} awarded nothing and are "
                  "not in the range); Jackknife+ conformal intervals on a small sample — indicative only"))


def estimate(m: Matter, cases: pd.DataFrame, k: int = 5, seed: int = 0, top: int = 10) -> CompensationEstimate:
    """Per-head and total ranges for a matter, with the most similar decisions of the estimation pool
    (civil judgments; the similar-case search covers every matter)."""
    pool = default_pool(cases)
    factors = matter_factors(m)
    heads = law_heads(m)
    cl = m.requests.claimed
    if m.harm.mental_distress != "none":
        heads.append(_from_comparables(
            "mental_distress", T("精神损害抚慰金", "Mental-distress damages"),
            [cc(1183, 1), cite("SPC-MENTAL-2020", 5)], pool, "awarded_mental_distress", factors,
            cl.mental_distress, k, seed))
        if m.harm.mental_distress != "serious":
            heads[-1].message = heads[-1].message + T("注意：仅“严重”精神损害可获赔偿（民法典第1183条）",
                                                      "Note: only serious mental harm is compensated (CC 1183)")
    claimed_total = None
    parts = [cl.economic_loss, cl.reasonable_expenses, cl.attorney_fees, cl.mental_distress]
    if any(p is not None for p in parts):
        claimed_total = sum(p or 0 for p in parts)
    total = _from_comparables("total", T("判赔总额（可比判决）", "Total award (comparable decisions)"),
                              [pipl(69, 2), cc(1182)], pool, "awarded_total", factors, claimed_total, k, seed)
    floor = sum(h.range.median or 0 for h in heads if h.basis == "law" and h.head != "attorney_fees")
    if floor and total.range.median is not None:
        vals = {k2: (None if v is None else max(v, floor)) for k2, v in total.range.model_dump().items()}
        total.range = Range(**vals)
        total.message = total.message + T(f"；下限不低于有证据的法定项目 {floor:,.0f} 元",
                                           f"; no bound below the documented heads (RMB {floor:,.0f})")
    comps = CaseIndex(pool).search(factors, k=top)  # the decisions behind the estimate, not every matter
    inc = local_income(m.claimant.forum_province or None, m.as_of.year if m.as_of else None)
    note = inc.describe(total.range.median) if inc else None
    return CompensationEstimate(heads=heads, total=total, comparables=comps, living_standard=inc,
                                living_standard_note=note)


# ------------------------------------------------------------------ leave-one-out evaluation
def evaluate(cases: pd.DataFrame, k: int = 5, column: str = "awarded_total") -> dict:
    """Leave-one-dispute-out backtest over the civil decisions with a positive known award."""
    pool = positive(default_pool(cases), column).reset_index(drop=True)
    y = pd.to_numeric(pool[column]).to_numpy(dtype=float, na_value=np.nan)
    disputes = pool["dispute_id"].astype(str).to_numpy() if "dispute_id" in pool else pool["case_id"].astype(str)
    X = factor_frame(pool)
    rows = []
    for i in range(len(pool)):
        train = disputes != disputes[i]  # hold out every instance of the same dispute
        if train.sum() < MIN_N:
            continue
        est = ComparableAwardEstimator(k=k).fit(X[train], y[train])
        xi = X.iloc[[i]]
        pred = float(est.predict(xi)[0])
        i50, i80 = est.predict_interval(xi, 0.5)[0], est.predict_interval(xi, 0.8)[0]
        base = 10 ** float(np.median(np.log10(y[train])))
        rows.append({"case_id": pool.loc[i, "case_id"], "y": y[i], "pred": pred, "baseline": base,
                     "in50": bool(i50[0] <= y[i] <= i50[1]), "in80": bool(i80[0] <= y[i] <= i80[1])})
    if not rows:
        return {"n": 0}
    err = np.array([abs(math.log10(r["pred"]) - math.log10(r["y"])) for r in rows])
    berr = np.array([abs(math.log10(r["baseline"]) - math.log10(r["y"])) for r in rows])
    return {
        "n": len(rows), "k": k, "target": column,
        "coverage_50": round(float(np.mean([r["in50"] for r in rows])), 3),
        "coverage_80": round(float(np.mean([r["in80"] for r in rows])), 3),
        "median_abs_log10_error": round(float(np.median(err)), 3),
        "baseline_median_abs_log10_error": round(float(np.median(berr)), 3),
        "band_0.1": round(float(np.mean(err <= 0.1)), 3),
        "band_0.2": round(float(np.mean(err <= 0.2)), 3),
        "band_0.3": round(float(np.mean(err <= 0.3)), 3),
        "baseline_band_0.3": round(float(np.mean(berr <= 0.3)), 3),
        "cases": rows,
    }
