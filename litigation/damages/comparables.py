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


class CaseIndex:
    """A case collection encoded once, searchable many times."""

    def __init__(self, cases: pd.DataFrame):
        self.cases = cases.reset_index(drop=True)
        self.enc = encode(factor_frame(self.cases))
        # Filter columns, factorised once: values -> codes, so a filter is an integer comparison.
        self._codes: dict[str, tuple[np.ndarray, dict[str, int]]] = {}
        for col in ("scenario", "court_level", "province", "procedure", "claim_outcome"):
            if col in self.cases:
                codes, uniq = pd.factorize(self.cases[col].astype("object"))
                self._codes[col] = (codes, {str(u): i for i, u in enumerate(uniq)})
        self._award = pd.to_numeric(self.cases.get("awarded_total"), errors="coerce").to_numpy(
            dtype=float, na_value=np.nan) if "awarded_total" in self.cases else np.full(len(self.cases), np.nan)
        self._face = self.enc.bools["face_case"]

    def mask(self, f: Filters) -> np.ndarray:
        """Rows that pass the filters (vectorised; unknown values never pass a range filter)."""
        m = np.ones(len(self.cases), dtype=bool)
        for col, vals in (("scenario", f.scenario), ("court_level", f.court_level), ("province", f.province),
                          ("procedure", f.procedure), ("claim_outcome", f.outcome)):
            if vals:
                codes, voc = self._codes.get(col, (np.full(len(m), -1), {}))
                m &= np.isin(codes, [voc[v] for v in vals if v in voc])
        y = self.enc.year
        with np.errstate(invalid="ignore"):
            if f.year_min is not None:
                m &= y >= f.year_min
            if f.year_max is not None:
                m &= y <= f.year_max
            if f.award_min is not None:
                m &= self._award >= f.award_min
            if f.award_max is not None:
                m &= self._award <= f.award_max
        if f.face_only:
            m &= self._face == 1
        return m

    def query(self, factors: dict) -> Encoded:
        return encode(pd.DataFrame([factors]), self.enc.vocab)

    def search(self, factors: dict, k: int = 10, filters: Filters | None = None) -> list[Comparable]:
        """The k most similar decisions, best first, with per-factor reasons."""
        d, parts, unknown = distances(self.enc, self.query(factors))
        if filters is not None:
            d = np.where(self.mask(filters), d, np.inf)
        k = min(k, int(np.isfinite(d).sum()))
        if k <= 0:
            return []
        idx = np.argpartition(d, k - 1)[:k] if k < len(d) else np.arange(len(d))
        idx = idx[np.lexsort((idx, d[idx]))]  # by distance, ties by dataset order: deterministic
        return [self._comparable(int(i), float(d[i]), parts, unknown) for i in idx]

    def _comparable(self, i: int, dist: float, parts: dict[str, np.ndarray],
                    unknown: dict[str, np.ndarray]) -> Comparable:
        r = self.cases.iloc[i]
        match, diff, unk = _reasons(parts, unknown, i)
        year = _f(r.get("year"))
        return Comparable(
            case_id=str(r["case_id"]), similarity=round(1.0 - dist, 4), matches=match, differs=diff, unknown=unk,
            case_name=T(_s(r.get("case_name_zh")) or str(r["case_id"]), _s(r.get("case_name_en")) or str(r["case_id"])),
            court=T(_s(r.get("court_zh")) or "", _s(r.get("court_en")) or ""),
            court_level=_s(r.get("court_level")), province=_s(r.get("province")),
            year=int(year) if year is not None else None, procedure=_s(r.get("procedure")),
            outcome=_s(r.get("claim_outcome")), awarded_total=_f(r.get("awarded_total")),
            claimed_total=_f(r.get("claimed_total")), source=_s(r.get("source_citation")),
            source_urls=_s(r.get("source_urls")))


def describe(c: Comparable, lang) -> str:
    """One line for a report: court, level, region, year, award and the reasons."""
    award = "—" if c.awarded_total is None else f"¥{c.awarded_total:,.0f}"
    same = "、".join(t.zh for t in c.matches) if lang == "zh" else ", ".join(t.en for t in c.matches)
    other = "、".join(t.zh for t in c.differs) if lang == "zh" else ", ".join(t.en for t in c.differs)
    level = label("court_level", c.court_level, lang)
    if lang == "zh":
        return (f"{c.case_id} {c.case_name.zh}｜{c.court.zh}（{level}，{c.province or '—'}，{c.year or '—'}）｜"
                f"判赔 {award}｜相似度 {c.similarity:.0%}｜相同：{same or '—'}｜不同：{other or '—'}")
    return (f"{c.case_id} {c.case_name.en} | {c.court.en} ({level}, {c.province or '—'}, {c.year or '—'}) | "
            f"award {award} | similarity {c.similarity:.0%} | same: {same or '—'} | differs: {other or '—'}")
