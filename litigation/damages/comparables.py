"""Comparable decided cases: factors a lawyer recognises, a distance over them, ranked retrieval
with reasons (which factors match and which differ), and filters.

Cases and matters are encoded into the same small integer arrays (`Encoded`), so that ranking a
million decisions is a handful of vectorised numpy operations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from pydantic import BaseModel, Field

from litigation.facts.labels import label
from litigation.facts.matter import Matter
from litigation.i18n import T, Text

# Factors, their weights in the distance, and their labels. Weights are a documented judgement
# (the setting matters most; then the facts the SPC mental-damages interpretation Art 5 and
# SPC Face Provisions Art 3 name: consequences such as a leak, profit, minors, public figures).
FACTORS: dict[str, tuple[float, Text]] = {
    "scenario": (3.0, T("场景", "setting")),
    "face_case": (1.0, T("是否人脸案件", "face case or not")),
    "leak": (1.5, T("是否泄露", "leak")),
    "commercial_profit": (1.5, T("商业获利", "commercial profit")),
    "public_figure": (1.0, T("公众人物", "public figure")),
    "minor": (1.0, T("未成年人", "minor")),
    "sole_verification_method": (1.0, T("唯一验证方式", "sole verification method")),
    "consent_type": (1.0, T("同意类型", "consent type")),
    "defendant_kinds": (1.0, T("被告类型", "defendant kinds")),
    "court_level": (0.5, T("法院层级", "court level")),
    "province": (0.5, T("省份", "province")),
    "year": (0.5, T("年份", "year")),
}
CATEGORICAL = ("scenario", "consent_type", "court_level", "province")
BOOLEAN = ("face_case", "leak", "commercial_profit", "public_figure", "minor", "sole_verification_method")
KIND_BITS = ["business", "platform", "property_manager", "bank", "employer", "school", "state_organ", "tech_vendor",
             "individual", "unknown", "developer", "insurer", "telecom"]
UNKNOWN_PENALTY = 0.5  # an unknown factor on either side counts as half a mismatch


@dataclass
class Encoded:
    """Factor columns as integer arrays (-1 = unknown) plus the vocabularies used."""

    cats: dict[str, np.ndarray]
    bools: dict[str, np.ndarray]
    kinds: np.ndarray  # uint16 bitmask; 0 = unknown
    year: np.ndarray  # float, nan = unknown
    vocab: dict[str, dict[str, int]]

    def __len__(self) -> int:
        return len(self.year)

    def take(self, idx: np.ndarray) -> Encoded:
        return Encoded({k: v[idx] for k, v in self.cats.items()}, {k: v[idx] for k, v in self.bools.items()},
                       self.kinds[idx], self.year[idx], self.vocab)


def _missing(v) -> bool:
    """None, NaN or pd.NA (a scalar that is not there)."""
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _tri(v) -> int:
    if _missing(v):
        return -1
    if isinstance(v, str):
        return {"true": 1, "false": 0}.get(v.strip().lower(), -1)
    return int(bool(v))


def _kind_mask(v) -> int:
    if _missing(v):
        return 0
    items = v if isinstance(v, (list, tuple, set)) else str(v).split(";")
    mask = 0
    for k in items:
        k = k.strip()
        if k in KIND_BITS and k != "unknown":
            mask |= 1 << KIND_BITS.index(k)
    return mask


def factor_frame(cases: pd.DataFrame) -> pd.DataFrame:
    """The factor columns of a case dataset (one row per decision)."""
    out = pd.DataFrame(index=cases.index)
    for c in CATEGORICAL + BOOLEAN + ("defendant_kinds", "year"):
        out[c] = cases[c] if c in cases.columns else None
    return out


def _map_unique(col: pd.Series, fn) -> np.ndarray:
    """Apply `fn` once per distinct value (fast on a million rows with few distinct values);
    missing values get fn(None)."""
    codes, uniques = pd.factorize(col.astype("object"), use_na_sentinel=True)
    table = np.array([fn(u) for u in uniques] + [fn(None)], dtype=object)
    return table[codes]  # code -1 (missing) picks the last entry


def encode(frame: pd.DataFrame, vocab: dict[str, dict[str, int]] | None = None) -> Encoded:
    """Encode a factor frame; pass the training vocabulary to encode queries consistently."""
    vocab = {k: dict(v) for k, v in (vocab or {}).items()}
    cats: dict[str, np.ndarray] = {}
    for c in CATEGORICAL:
        voc = vocab.setdefault(c, {})

        def code(v, voc=voc):
            if _missing(v) or str(v) in ("", "unknown", "not_court"):
                return -1
            return voc.setdefault(str(v), len(voc))

        cats[c] = _map_unique(frame[c], code).astype(np.int32)
    bools = {c: _map_unique(frame[c], _tri).astype(np.int8) for c in BOOLEAN}
    kinds = _map_unique(frame["defendant_kinds"], _kind_mask).astype(np.uint16)
    year = pd.to_numeric(frame["year"], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return Encoded(cats, bools, kinds, year, vocab)


def matter_factors(m: Matter) -> dict:
    """A matter's values for the comparison factors (None = unknown)."""
    defs = [p for p in m.participants if p.defendant]
    procs = [p for p in defs if p.processing is not None]
    main = procs[0].processing if procs else None
    consent = main.consent.type if main else None
    profit = any((p.processing.gains or 0) > 0 or p.processing.provision.sold or
                 p.processing.purpose in ("analysis_marketing", "entertainment") for p in procs) or None
    level = m.claimant.forum_court_level
    return {
        "scenario": m.setting,
        "face_case": True,
        "leak": any(p.processing.incident.occurred for p in procs) if procs else None,
        "commercial_profit": profit,
        "public_figure": m.claimant.public_figure,
        "minor": m.claimant.age_group != "adult",
        "sole_verification_method": any(p.processing.necessity.sole_verification_method for p in procs)
        if procs else None,
        "consent_type": {"written": "separate"}.get(consent, consent),
        "defendant_kinds": ";".join(sorted({p.kind for p in defs})) or None,
        "court_level": "basic" if level == "internet" else level,
        "province": m.claimant.forum_province or None,
        "year": (m.as_of.year if m.as_of else None),
    }


def distances(train: Encoded, query: Encoded, qi: int = 0
              ) -> tuple[np.ndarray, dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Weighted mismatch in [0, 1] between query row `qi` and every training row.

    Also returns each factor's own mismatch and where it was unknown on either side (for reasons).
    """
    parts: dict[str, np.ndarray] = {}
    unknown: dict[str, np.ndarray] = {}
    for c in CATEGORICAL:
        a, b = train.cats[c], query.cats[c][qi]
        unknown[c] = (a < 0) | (b < 0)
        parts[c] = np.where(unknown[c], UNKNOWN_PENALTY, (a != b).astype(float))
    for c in BOOLEAN:
        a, b = train.bools[c], query.bools[c][qi]
        unknown[c] = (a < 0) | (b < 0)
        parts[c] = np.where(unknown[c], UNKNOWN_PENALTY, (a != b).astype(float))
    qk = query.kinds[qi]
    inter = np.bitwise_count(train.kinds & qk).astype(float)
    union = np.bitwise_count(train.kinds | qk).astype(float)
    unknown["defendant_kinds"] = (train.kinds == 0) | (qk == 0)
    parts["defendant_kinds"] = np.where(unknown["defendant_kinds"], UNKNOWN_PENALTY,
                                        1.0 - inter / np.maximum(union, 1))
    yd = np.minimum(np.abs(train.year - query.year[qi]) / 5.0, 1.0)
    unknown["year"] = np.isnan(yd)
    parts["year"] = np.where(unknown["year"], UNKNOWN_PENALTY, yd)
    wsum = sum(w for w, _ in FACTORS.values())
    total = sum(FACTORS[c][0] * parts[c] for c in FACTORS) / wsum
    return total, parts, unknown


class Comparable(BaseModel):
    case_id: str
    similarity: float
    matches: list[Text] = Field(default_factory=list)
    differs: list[Text] = Field(default_factory=list)
    unknown: list[Text] = Field(default_factory=list)
    case_name: Text
    court: Text
    court_level: str | None
    province: str | None
    year: int | None
    procedure: str | None
    outcome: str | None
    awarded_total: float | None
    claimed_total: float | None
    source: str | None
    source_urls: str | None


def _s(v) -> str | None:
    if _missing(v):
        return None
    return str(v)


def _f(v) -> float | None:
    s = _s(v)
    return None if s is None else float(s)


def _reasons(parts: dict[str, np.ndarray], unknown: dict[str, np.ndarray], i: int
             ) -> tuple[list[Text], list[Text], list[Text]]:
    """Factors that match (mismatch ≤ 0.4, e.g. years two apart), differ, or are unknown."""
    match, diff, unk = [], [], []
    for c, (_, lab) in FACTORS.items():
        if unknown[c][i]:
            unk.append(lab)
        elif parts[c][i] <= 0.4:
            match.append(lab)
        else:
            diff.append(lab)
    return match, diff, unk


class Filters(BaseModel):
    """Explorer filters; None means 'any'."""

    scenario: list[str] | None = None
    court_level: list[str] | None = None
    province: list[str] | None = None
    year_min: int | None = None
    year_max: int | None = None
    procedure: list[str] | None = None
    outcome: list[str] | None = None
    award_min: float | None = None
    award_max: float | None = None
    face_only: bool = False
    include_unknown_year: bool = False  # a year range then also passes decisions whose year is unknown
    include_unknown_court: bool = False  # a court-level filter then also passes an unknown court level


def encode_query(factors: dict, vocab: dict[str, dict[str, int]]) -> Encoded:
    """Encode one matter's factors (`matter_factors`) against a training vocabulary, without pandas.
    A known value the training data never had gets a code of its own (a mismatch, not an unknown)."""
    cats = {}
    for c in CATEGORICAL:
        v = factors.get(c)
        voc = vocab.get(c, {})
        cats[c] = np.array([-1 if _missing(v) or str(v) in ("", "unknown", "not_court") else voc.get(str(v), len(voc))],
                           dtype=np.int32)
    bools = {c: np.array([_tri(factors.get(c))], dtype=np.int8) for c in BOOLEAN}
    year = factors.get("year")
    return Encoded(cats, bools, np.array([_kind_mask(factors.get("defendant_kinds"))], dtype=np.uint16),
                   np.array([np.nan if _missing(year) else float(year)]), vocab)


def _cost(train_codes: np.ndarray, q: int) -> np.ndarray:
    """Mismatch of each distinct training code (index = code + 1; code -1 = unknown) with the query's."""
    out = np.where(np.arange(-1, len(train_codes) - 1) == q, 0.0, 1.0)
    out[0] = UNKNOWN_PENALTY
    if q < 0:
        out[:] = UNKNOWN_PENALTY
    return out


PAIR_TABLE_MAX = 1 << 16  # entries of a joined look-up table (built per query)
_GRID = 2.0 ** 32  # table costs are multiples of 2**-32: their sums are exact in any order, so equal is equal


def _grid(t: np.ndarray) -> np.ndarray:
    return np.round(t * _GRID) / _GRID

_ROW_COLUMNS = ("case_id", "case_name_zh", "case_name_en", "court_zh", "court_en", "court_level", "province",
                "year", "procedure", "claim_outcome", "awarded_total", "claimed_total", "source_citation",
                "source_urls")


class CaseIndex:
    """A case collection encoded once, searchable many times.

    The weighted distance is a sum of four table look-ups per decision: the factors are folded at
    build time into four small integer codes (setting x consent x court level; province x year;
    the six yes/no factors; the defendant kinds), and a query only fills the four tables of costs.
    Reasons (which factors match) are computed for the winners only.
    """

    def __init__(self, cases: pd.DataFrame):
        self.cases = cases.reset_index(drop=True)
        self.enc = encode(factor_frame(self.cases))
        n = len(self.cases)
        # Filter columns, factorised once: values -> codes, so a filter is an integer comparison.
        self._codes: dict[str, tuple[np.ndarray, dict[str, int]]] = {}
        for col in ("scenario", "court_level", "province", "procedure", "claim_outcome"):
            if col in self.cases:
                codes, uniq = pd.factorize(self.cases[col].astype("object"))
                self._codes[col] = (codes, {str(u): i for i, u in enumerate(uniq)})
        self._award = pd.to_numeric(self.cases.get("awarded_total"), errors="coerce").to_numpy(
            dtype=float, na_value=np.nan) if "awarded_total" in self.cases else np.full(n, np.nan)
        self._face = self.enc.bools["face_case"]
        # Result rows are built from these columns (None = missing), never from DataFrame rows.
        self._cols = {c: (self.cases[c].astype("object").where(self.cases[c].notna(), None).to_numpy()
                          if c in self.cases else np.full(n, None, dtype=object)) for c in _ROW_COLUMNS}
        e = self.enc
        self._sizes = {c: len(e.vocab[c]) + 1 for c in CATEGORICAL}
        sc, co, cl = (e.cats[c].astype(np.int64) + 1 for c in ("scenario", "consent_type", "court_level"))
        self._c1 = (sc * self._sizes["consent_type"] + co) * self._sizes["court_level"] + cl
        self._years, ycode = np.unique(e.year, return_inverse=True)  # nan sorts last
        self._c2 = (e.cats["province"].astype(np.int64) + 1) * len(self._years) + ycode.reshape(-1)
        self._c3 = sum((e.bools[c].astype(np.int64) + 1) * 3 ** i for i, c in enumerate(BOOLEAN)) \
            if n else np.zeros(0, dtype=np.int64)
        self._kinds, kcode = np.unique(e.kinds, return_inverse=True)
        self._c4 = kcode.reshape(-1)
        # Where the tables are small, pairs of codes are joined (1 with 2, 3 with 4): two look-ups a row, not four.
        n1 = self._sizes["scenario"] * self._sizes["consent_type"] * self._sizes["court_level"]
        n2 = self._sizes["province"] * len(self._years)
        n3, n4 = 3 ** len(BOOLEAN), len(self._kinds)
        self._pairs = n1 * n2 <= PAIR_TABLE_MAX and n3 * n4 <= PAIR_TABLE_MAX
        if self._pairs:
            self._c12 = (self._c1 * n2 + self._c2).astype(np.intp)
            self._c34 = (self._c3 * n4 + self._c4).astype(np.intp)

    def mask(self, f: Filters) -> np.ndarray:
        """Rows that pass the filters (vectorised). An unknown value never passes a range or a court-level
        filter unless the filter says to include unknowns (`include_unknown_year`, `_court`);
        `left_out` counts the rows that rule keeps out."""
        m = np.ones(len(self.cases), dtype=bool)
        for col, vals in (("scenario", f.scenario), ("court_level", f.court_level), ("province", f.province),
                          ("procedure", f.procedure), ("claim_outcome", f.outcome)):
            if vals:
                codes, voc = self._codes.get(col, (np.full(len(m), -1), {}))
                hit = np.isin(codes, [voc[v] for v in vals if v in voc])
                if col == "court_level" and f.include_unknown_court:
                    hit |= np.isin(codes, [-1, voc.get("unknown", -1)])
                m &= hit
        y = self.enc.year
        unknown_year = np.isnan(y) if f.include_unknown_year else np.zeros(len(m), dtype=bool)
        with np.errstate(invalid="ignore"):
            if f.year_min is not None:
                m &= (y >= f.year_min) | unknown_year
            if f.year_max is not None:
                m &= (y <= f.year_max) | unknown_year
            if f.award_min is not None:
                m &= self._award >= f.award_min
            if f.award_max is not None:
                m &= self._award <= f.award_max
        if f.face_only:
            m &= self._face == 1
        return m

    def left_out(self, f: Filters, within: np.ndarray | None = None) -> dict[str, int]:
        """How many decisions (among `within`, default all) the filters keep out only because their year
        (`year`) or court level (`court`) is unknown: what ticking the matching include box would add back
        (or, when it is ticked, what it adds)."""
        within = np.ones(len(self.cases), dtype=bool) if within is None else within
        out = {}
        for name, flag in (("year", "include_unknown_year"), ("court", "include_unknown_court")):
            with_unknown = self.mask(f.model_copy(update={flag: True}))
            without = self.mask(f.model_copy(update={flag: False}))
            out[name] = int((with_unknown & ~without & within).sum())
        return out

    def query(self, factors: dict) -> Encoded:
        return encode_query(factors, self.enc.vocab)

    def _fold(self, f: Filters) -> tuple[dict[str, np.ndarray], Filters | None]:
        """Split the filters into those folded into the look-up tables (setting, court level, province and
        year: a row that fails them costs infinity, at no extra pass) and the rest (a row mask).

        A factor filter is folded only where it means the same on the codes as on the raw column (a value
        the encoding treats as unknown, such as "unknown", and a court-level filter that includes unknown
        levels stay raw filters); a year range that includes unknown years lets the unknown year pass."""
        fold: dict[str, np.ndarray] = {}
        done: dict = {}  # the folded filters, cleared in the rest
        for col in ("scenario", "court_level", "province"):
            vals = getattr(f, col)
            if not vals or (col == "court_level" and f.include_unknown_court):
                continue
            voc, raw = self.enc.vocab.get(col, {}), self._codes.get(col, (None, {}))[1]
            if all(v in voc or v not in raw for v in vals):
                ok = np.zeros(self._sizes[col], dtype=bool)  # index = code + 1; code -1 (unknown) never passes
                ok[[voc[v] + 1 for v in vals if v in voc]] = True
                fold[col], done[col] = ok, None
        if f.year_min is not None or f.year_max is not None:
            with np.errstate(invalid="ignore"):
                ok = ~np.isnan(self._years)
                if f.year_min is not None:
                    ok &= self._years >= f.year_min
                if f.year_max is not None:
                    ok &= self._years <= f.year_max
            if f.include_unknown_year:
                ok |= np.isnan(self._years)
            fold["year"] = ok
            done.update(year_min=None, year_max=None, include_unknown_year=False)
        left = f.model_copy(update=done)
        active = any(v not in (None, [], False) for k, v in left.model_dump().items()
                     if not k.startswith("include_unknown_"))
        return fold, (left if active else None)

    def total_distance(self, q: Encoded, fold: dict[str, np.ndarray] | None = None) -> np.ndarray:
        """The weighted mismatch in [0, 1] of every decision to the query: one scan, two or four look-ups
        (`fold`: rows a folded filter rejects get infinity, see `_fold`). The costs are put on a grid of
        2**-32 (at most 1e-9 from the exact weighted sum), so decisions at the same distance tie exactly
        and the ties go in dataset order, whichever way the tables are joined."""
        wsum = sum(w for w, _ in FACTORS.values())
        w = {c: FACTORS[c][0] / wsum for c in FACTORS}
        cost = {c: w[c] * _cost(np.zeros(self._sizes[c]), int(q.cats[c][0])) for c in CATEGORICAL}
        t1 = (cost["scenario"][:, None, None] + cost["consent_type"][None, :, None]
              + cost["court_level"][None, None, :]).reshape(-1)
        qy = q.year[0]
        yd = np.minimum(np.abs(self._years - qy) / 5.0, 1.0)
        yd = np.where(np.isnan(yd), UNKNOWN_PENALTY, yd) * w["year"]
        if fold:
            t1 = t1.reshape(len(cost["scenario"]), len(cost["consent_type"]), len(cost["court_level"]))
            if "scenario" in fold:
                t1[~fold["scenario"]] = np.inf
            if "court_level" in fold:
                t1[:, :, ~fold["court_level"]] = np.inf
            t1 = t1.reshape(-1)
        t2 = cost["province"][:, None] + yd[None, :]
        if fold and "province" in fold:
            t2[~fold["province"]] = np.inf
        if fold and "year" in fold:
            t2[:, ~fold["year"]] = np.inf
        t2 = t2.reshape(-1)
        t3 = np.zeros(3 ** len(BOOLEAN))
        states = np.arange(3 ** len(BOOLEAN))
        for i, c in enumerate(BOOLEAN):
            a = (states // 3 ** i) % 3 - 1  # -1 unknown, 0 false, 1 true
            b = int(q.bools[c][0])
            t3 += w[c] * np.where((a < 0) | (b < 0), UNKNOWN_PENALTY, (a != b).astype(float))
        qk = q.kinds[0]
        inter = np.bitwise_count(self._kinds & qk).astype(float)
        union = np.bitwise_count(self._kinds | qk).astype(float)
        t4 = w["defendant_kinds"] * np.where((self._kinds == 0) | (qk == 0), UNKNOWN_PENALTY,
                                             1.0 - inter / np.maximum(union, 1))
        t1, t2, t3, t4 = _grid(t1), _grid(t2), _grid(t3), _grid(t4)
        if self._pairs:
            d = (t1[:, None] + t2[None, :]).reshape(-1)[self._c12]
            d += (t3[:, None] + t4[None, :]).reshape(-1)[self._c34]
            return d
        d = t1[self._c1]
        d += t2[self._c2]
        d += t3[self._c3]
        d += t4[self._c4]
        return d

    def search(self, factors: dict, k: int = 10, filters: Filters | None = None) -> list[Comparable]:
        """The k most similar decisions, best first, ties in dataset order, with per-factor reasons."""
        q = self.query(factors)
        fold, rest = self._fold(filters) if filters is not None else ({}, None)
        d = self.total_distance(q, fold)
        if rest is not None:
            d[~self.mask(rest)] = np.inf
        k = min(k, len(d))
        if k <= 0:
            return []
        if k < len(d):
            kth = np.partition(d, k - 1)[k - 1]
            if not np.isfinite(kth):  # fewer than k decisions pass the filters (only filters give inf)
                k = int(np.isfinite(d).sum())
                if k == 0:
                    return []
                kth = np.partition(d, k - 1)[k - 1]
            less = np.flatnonzero(d < kth)
            idx = np.concatenate([less, np.flatnonzero(d == kth)[: k - len(less)]])
        else:
            idx = np.flatnonzero(np.isfinite(d))
        idx = idx[np.lexsort((idx, d[idx]))]  # by distance, ties by dataset order: deterministic
        _, parts, unknown = distances(self.enc.take(idx), q)
        return [self._comparable(int(i), float(d[i]), parts, unknown, j) for j, i in enumerate(idx)]

    def _comparable(self, i: int, dist: float, parts: dict[str, np.ndarray], unknown: dict[str, np.ndarray],
                    j: int) -> Comparable:
        col = {c: v[i] for c, v in self._cols.items()}
        match, diff, unk = _reasons(parts, unknown, j)
        cid = str(col["case_id"])
        return Comparable.model_construct(  # trusted columns of a validated collection: no re-validation
            case_id=cid, similarity=round(1.0 - dist, 4), matches=match, differs=diff, unknown=unk,
            case_name=T(_s(col["case_name_zh"]) or cid, _s(col["case_name_en"]) or cid),
            court=T(_s(col["court_zh"]) or "", _s(col["court_en"]) or ""),
            court_level=_s(col["court_level"]), province=_s(col["province"]),
            year=None if _missing(col["year"]) else int(col["year"]), procedure=_s(col["procedure"]),
            outcome=_s(col["claim_outcome"]), awarded_total=_f(col["awarded_total"]),
            claimed_total=_f(col["claimed_total"]), source=_s(col["source_citation"]),
            source_urls=_s(col["source_urls"]))


def describe(c: Comparable, lang) -> str:
    """One line for a report: court, level, region, year, award and the reasons."""
    award = "—" if c.awarded_total is None else f"¥{c.awarded_total:,.0f}"
    same = "、".join(t.zh for t in c.matches) if lang == "zh" else ", ".join(t.en for t in c.matches)
    other = "、".join(t.zh for t in c.differs) if lang == "zh" else ", ".join(t.en for t in c.differs)
    level = label("court_level", c.court_level, lang)
    if lang == "zh":
        return (f"{c.case_id} {c.case_name.zh}｜{c.court.zh}（{level}，{c.province or '—'}，{c.year or '—'}）｜"
                f"判赔 {award}｜相似度 {c.similarity:.0%}｜相同：{same or '—'}｜不同：{other or '—'}")
    from litigation.cases.schema import PROVINCE_NAMES

    prov = PROVINCE_NAMES.get(c.province or "", c.province)
    return (f"{c.case_id} {c.case_name.en} | {c.court.en} ({level}, {prov or '—'}, {c.year or '—'}) | "
            f"award {award} | similarity {c.similarity:.0%} | same: {same or '—'} | differs: {other or '—'}")
