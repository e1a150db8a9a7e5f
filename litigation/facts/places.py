"""Provinces and cities for the court's location (the interview's lists).

Provinces: the province-level units of `data/income_by_province.csv` (the table the mental-harm range
reads, so a chosen province always finds its income figure). Cities: each province's capital
(`data/province_capitals.csv`) plus every city a decided case in `data/cases.csv` was heard in. The list
is deliberately not every prefecture-level city; any other city is entered as free text ("other").
Stored values are the Chinese short names the data files use (e.g. 浙江, 杭州).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from litigation.i18n import Lang

DATA = Path(__file__).resolve().parents[2] / "data"
OTHER = "__other__"  # the list's "other city" entry (never stored)

# English names of the case cities that are not capitals (romanisation only; the code is the Chinese name)
CITY_EN = {"绍兴": "Shaoxing", "宁波": "Ningbo", "温州": "Wenzhou", "苏州": "Suzhou", "无锡": "Wuxi",
           "深圳": "Shenzhen", "佛山": "Foshan", "厦门": "Xiamen", "株洲": "Zhuzhou", "雅安": "Ya'an",
           "淄博": "Zibo"}


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Province code (Chinese short name) -> English name, in the table's order; the national row is left out."""
    out: dict[str, str] = {}
    for r in _rows("income_by_province.csv"):
        if r["province_zh"] != "全国":
            out.setdefault(r["province_zh"], r["province_en"])
    return out


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {p: {} for p in provinces()}
    for r in _rows("province_capitals.csv"):
        out.setdefault(r["province_zh"], {})[r["capital_zh"]] = r["capital_en"]
    for r in _rows("cases.csv"):
        prov, city = r.get("province") or "", r.get("city") or ""
        if prov and city and city not in out.setdefault(prov, {}):
            out[prov][city] = CITY_EN.get(city, city)
    return out


def cities(province: str | None) -> list[str]:
    """The listed cities of a province (capital first, then the case cities); empty for an unknown province."""
    return list(_cities().get(province or "", {}))


def province_label(code: str, lang: Lang) -> str:
    if lang == "zh":
        return code
    return provinces().get(code, code)


def city_label(province: str | None, code: str, lang: Lang) -> str:
    if lang == "zh":
        return code
    return _cities().get(province or "", {}).get(code) or CITY_EN.get(code, code)
