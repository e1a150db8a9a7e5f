"""The decisions behind a compensation estimate: one final civil judgment per dispute, per head.

- The pool is the civil judgments in suits by individuals (data/README.md, "How the compensation
  estimator uses the rows"), reduced to **one row per dispute: its final decision** (the highest
  instance reported), so that a dispute's first instance never stands beside its appeal.
- A head is **at issue** in a decision when money was claimed under it (a positive claimed amount)
  or the decision says what it awarded under it (any known award, zero included: the codebook
  enters a zero only where the dossier says nothing was awarded). For the total, money was claimed
  when any head is at issue, a claimed amount is positive, or a positive total was awarded. A
  decision with no known claim and no known award ("no amount reported") is not a zero award and
  is left out.
- **Nothing or nominal**: an award below `NOMINAL_RMB` (G8's 0.1 yuan SMS fee). These decisions form
  the first part of the hurdle; the amounts of the others — substantive awards — the second.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

NOMINAL_RMB = 100.0  # awards under this are reported with the zero awards, not fitted on the log scale
HEADS = ("mental_distress", "economic_loss", "reasonable_expenses", "attorney_fees")
MONEY_HEADS = (*HEADS, "other")
_INSTANCE_RANK = {"retrial": 3, "second": 2, "first": 1}


def default_pool(cases: pd.DataFrame, face_only: bool = False) -> pd.DataFrame:
    """Civil judgments in suits by individuals. Mediations (bargained), public-interest,
    procuratorial, administrative, criminal, withdrawn and pending matters are excluded: their
    amounts are settlements, public remedies or nothing.

    This opts in to more than the dataset's `in_default_sample` (face-case judgments only: five
    disputes with a positive award, too few for a range): it also takes the personal-information
    comparables, as data/README.md allows. `face_only=True` restores the narrow pool.
    """
    keep = (cases["procedure"] == "civil_judgment").fillna(False)
    if "claimant_kind" in cases.columns:
        keep &= (cases["claimant_kind"].fillna("individual") == "individual").fillna(False)
    if face_only:
        keep &= cases["face_case"].astype("boolean").fillna(False)
    return cases[keep.to_numpy(dtype=bool)]


def final_decisions(pool: pd.DataFrame) -> pd.DataFrame:
    """One row per dispute: the decision of the highest instance (ties: the later row in the file)."""
    if len(pool) == 0:
        return pool
    disputes = (pool["dispute_id"] if "dispute_id" in pool else pool["case_id"]).astype(str).to_numpy()
    inst = pool["instance"] if "instance" in pool else pd.Series("first", index=pool.index)
    rank = inst.astype("object").map(lambda v: _INSTANCE_RANK.get(str(v), 0)).to_numpy(dtype=int)
    order = np.lexsort((np.arange(len(pool)), rank, disputes))  # by dispute, then instance, then file order
    last = np.r_[disputes[order][1:] != disputes[order][:-1], True]
    keep = np.sort(order[last])  # back to dataset order
    return pool.iloc[keep]


def _num(frame: pd.DataFrame, col: str) -> np.ndarray:
    if col not in frame.columns:
        return np.full(len(frame), np.nan)
    return pd.to_numeric(frame[col], errors="coerce").to_numpy(dtype=float, na_value=np.nan)


@dataclass(frozen=True)
class HeadSample:
    """Final decisions where one head (or the total) was at issue.

    `award` is the amount (nan = unknown); `floor` a known lower bound (for the total: the sum of
    its known heads, so B5's 2,000 + 349 without a stated total still counts as a substantive award
    in the hurdle, though not as an amount).
    """

    head: str
    rows: pd.DataFrame  # the decisions at issue, dataset order
    award: np.ndarray
    floor: np.ndarray

    @cached_property
    def nothing(self) -> np.ndarray:
        """Known award of nothing or a nominal sum."""
        return np.nan_to_num(self.award, nan=np.inf) < NOMINAL_RMB

    @cached_property
    def substantive(self) -> np.ndarray:
        """Known substantive award amount (the amounts that are fitted)."""
        return np.nan_to_num(self.award, nan=-1.0) >= NOMINAL_RMB

    @cached_property
    def decided(self) -> np.ndarray:
        """Known outcome for the hurdle: nothing/nominal, or an award known to be substantive."""
        return self.nothing | self.substantive | (self.floor >= NOMINAL_RMB)

    @cached_property
    def n_hurdle(self) -> int:
        return int(self.decided.sum())

    @cached_property
    def n_nothing(self) -> int:
        return int(self.nothing.sum())


def head_sample(finals: pd.DataFrame, head: str) -> HeadSample:
    """The final decisions where `head` ("total" or one of HEADS) was at issue."""
    if head == "total":
        claimed = [_num(finals, f"claimed_{h}") for h in (*MONEY_HEADS, "total")]
        heads = np.array([_num(finals, f"awarded_{h}") for h in MONEY_HEADS]).reshape(len(MONEY_HEADS), -1)
        award = _num(finals, "awarded_total")
        at_issue = (np.any([c > 0 for c in claimed], axis=0) | (~np.isnan(heads)).any(axis=0) | (award > 0))
        floor = np.nansum(heads, axis=0)
    else:
        award = _num(finals, f"awarded_{head}")
        at_issue = (_num(finals, f"claimed_{head}") > 0) | ~np.isnan(award)
        floor = np.nan_to_num(award, nan=0.0)
    return HeadSample(head, finals[at_issue], award[at_issue], floor[at_issue])
