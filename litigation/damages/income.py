"""Local living standard: per-capita disposable income by province and year.

The SPC mental-damages interpretation Art 5(6) names "the average living standard where the court
sits" as a factor. data/income_by_province.csv (copied from the project's statistics reference,
every value with its source and confidence) lets an estimate be read against local income.
Unknown cells stay empty: when a province's figure is missing, the national figure is offered and
labelled as such — never a guess.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd
from pydantic import BaseModel

from litigation.i18n import T, Text
from litigation.law.citations import cite

INCOME_PATH = Path(__file__).resolve().parents[2] / "data" / "income_by_province.csv"
# how the figure was read (the file's `confidence` column)
CONFIDENCE = {"Q": ("引自统计公报原文", "quoted from the statistical release"),
              "Q-weak": ("据转载的统计数据，未见官方原文", "from a reprint of the statistics, not the official text")}


class IncomeFigure(BaseModel):
    province: str
    year: int
    income: float
    scope: str
    confidence: str
    source: str
    national_fallback: bool

    def describe(self, amount: float | None = None) -> Text:
        from litigation.cases.schema import PROVINCE_NAMES

        where = "全国" if self.national_fallback else self.province
        prov_en = PROVINCE_NAMES.get(self.province, self.province)  # the English text names it in English
        where_en = "national" if self.national_fallback else prov_en
        conf_zh, conf_en = CONFIDENCE.get(self.confidence, (self.confidence, self.confidence))
        zh = f"{where} {self.year} 年居民人均可支配收入 {self.income:,.0f} 元（{conf_zh}）"
        en = f"Per-capita disposable income, {where_en} {self.year}: RMB {self.income:,.0f} ({conf_en})"
        if self.national_fallback and self.province in ("", "全国"):
            zh += "；未填写受诉法院所在省份，改用全国数字"
            en += "; the court's province is not given, national figure shown"
        elif self.national_fallback:
            zh += f"；{self.province}无可用数据，改用全国数字"
            en += f"; no figure for {prov_en}, national figure shown"
        if amount:
            share = amount / self.income
            zh += f"；估计中位数约为其 {share:.1%}"
            en += f"; the median estimate is about {share:.1%} of it"
        return T(zh, en)


CITATION = cite("SPC-MENTAL-2020", 5)


@lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    df = pd.read_csv(INCOME_PATH, dtype={"province_zh": str})
    df = df[df["income_rmb"].notna() & (df["scope"] == "all")]
    return df


@lru_cache(maxsize=1024)
def local_income(province: str | None, year: int | None) -> IncomeFigure | None:
    """The latest 'all residents' figure for the province at or before `year` (else the nearest
    later one), falling back to the national figure; None if there is no figure at all. Depends on
    the bundled table only, so each (province, year) is looked up once."""
    df = _table()
    if year is None:
        year = int(df["year"].max())

    def pick(rows: pd.DataFrame) -> pd.Series | None:
        if rows.empty:
            return None
        before = rows[rows["year"] <= year]
        rows = before if not before.empty else rows
        key = (rows["year"] - year).abs()
        return rows.loc[key.idxmin()]

    fallback = False
    row = pick(df[df["province_zh"] == province]) if province else None
    if row is None:
        row = pick(df[df["province_zh"] == "全国"])
        fallback = True
    if row is None:
        return None
    return IncomeFigure(province=province or "全国", year=int(row["year"]), income=float(row["income_rmb"]),
                        scope=str(row["scope"]), confidence=str(row["confidence"]), source=str(row["source"]),
                        national_fallback=fallback)
