"""The case explorer's own logic (no streamlit): text search over a case collection (keyword, party or
case number), province names in English, the order of the list, and the export of a table to CSV and
XLSX with every cell a spreadsheet would run as a formula neutralised (`store.neutralise_formula`).

The filters themselves (setting, court level, years, unknown values left out) are
`litigation.damages.comparables.Filters` and `CaseIndex.mask` / `CaseIndex.left_out`.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Mapping

import numpy as np
import pandas as pd

from litigation.cases.schema import PROVINCE_NAMES
from litigation.cases.store import neutralise_formula
from litigation.i18n import Lang, T, Text

# --------------------------------------------------------------------------- search

# What each search scope reads. Parties are named in the case name (原告诉被告…, "X v. Y"); the dataset
# has no separate party columns.
PARTY_COLUMNS = ("case_name_zh", "case_name_en")
CASE_NO_COLUMNS = ("case_no", "case_id")
KEYWORD_COLUMNS = (*PARTY_COLUMNS, "court_zh", "court_en", "city", "cause_of_action_zh", "legal_bases_cited",
                   "notes", "amount_note", "decision_date_text")
SCOPES: dict[str, tuple[tuple[str, ...], Text]] = {
    "all": ((*KEYWORD_COLUMNS, *CASE_NO_COLUMNS), T("全部", "Everything")),
    "keyword": (KEYWORD_COLUMNS, T("关键词（名称、法院、要点）", "Keyword (names, court, notes)")),
    "party": (PARTY_COLUMNS, T("当事人", "Party")),
    "case_no": (CASE_NO_COLUMNS, T("案号", "Case number")),
}
# Brackets a case number is written with: （2019）, (2019), 〔2019〕, [2019], 【2019】 all search alike.
_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "[": "(", "]": ")", "【": "(", "】": ")", "［": "(", "］": ")",
                           "〖": "(", "〗": ")"})
_SPACE = re.compile(r"\s+")


def normalise(s: str) -> str:
    """Text as the search compares it: NFKC (full-width letters, digits and brackets become half-width),
    every kind of bracket a case number uses made round, case folded, white space removed."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", str(s)).translate(_BRACKETS).casefold())


def terms(query: str, scope: str = "all") -> list[str]:
    """The search terms of a query: words separated by spaces, all of which must be found; a case number
    is one term whatever spaces it was typed with."""
    if scope == "case_no":
        q = normalise(query)
        return [q] if q else []
    return [t for t in (normalise(w) for w in _SPACE.split(unicodedata.normalize("NFKC", str(query)))) if t]


def search_mask(cases: pd.DataFrame, query: str, scope: str = "all") -> np.ndarray:
    """Rows of `cases` that contain every term of `query` in the columns of `scope` (`SCOPES`): a keyword
    in the names, court, notes or provisions; a party's name; a whole or partial case number
    ("(2019)浙0111民初6971号", "6971"). An empty query passes every row."""
    words = terms(query, scope)
    if not words:
        return np.ones(len(cases), dtype=bool)
    cols = [c for c in SCOPES[scope][0] if c in cases.columns]
    if not cols:
        return np.zeros(len(cases), dtype=bool)
    text = cases[cols].astype("object").where(cases[cols].notna(), "").astype(str).agg("\x1f".join, axis=1)
    hay = text.map(normalise)
    m = np.ones(len(cases), dtype=bool)
    for w in words:
        m &= hay.str.contains(w, regex=False).to_numpy(dtype=bool)
    return m


# --------------------------------------------------------------------------- labels


def province_label(code: object, lang: Lang) -> str:
    """A province as the UI shows it: the Chinese short name in Chinese, the English name in English
    (an unlisted value is shown as it is; an unknown one as —)."""
    if code is None or (not isinstance(code, str) and pd.isna(code)) or str(code).strip() == "":
        return "—"
    return str(code) if lang == "zh" else PROVINCE_NAMES.get(str(code), str(code))


# --------------------------------------------------------------------------- order

SORTS: dict[str, Text] = {
    "dataset": T("数据集顺序", "Dataset order"),
    "year": T("年份（新到旧）", "Year (newest first)"),
    "award": T("判赔总额（高到低）", "Award (highest first)"),
    "similarity": T("与当前案件的相似度", "Similarity to your matter"),
}


def order(cases: pd.DataFrame, by: str, similarity: Mapping[str, float] | None = None) -> pd.DataFrame:
    """The rows in the order asked for; unknown values last, ties in dataset order. `similarity` maps
    case_id to the similarity to the current matter (required for `by="similarity"`)."""
    if by == "dataset" or cases.empty:
        return cases
    if by == "similarity":
        key = cases["case_id"].astype(str).map(lambda c: (similarity or {}).get(c))
    elif by == "year":
        key = pd.to_numeric(cases["year"], errors="coerce")
    elif by == "award":
        key = pd.to_numeric(cases["awarded_total"], errors="coerce")
    else:
        raise ValueError(f"unknown order {by!r}")
    key = pd.to_numeric(key, errors="coerce").astype(float).to_numpy()
    pos = np.arange(len(cases))
    # lexsort sorts by the last key first: known before unknown, then descending value, then position
    idx = np.lexsort((pos, -np.nan_to_num(key, nan=-np.inf), np.isnan(key)))
    return cases.iloc[idx]


# --------------------------------------------------------------------------- export

# Characters an XLSX (XML 1.0) cannot hold; openpyxl refuses them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _safe(v: object) -> object:
    """A cell for a spreadsheet: text neutralised (a leading =, +, -, @, tab or CR gets an apostrophe);
    numbers, booleans and empty cells unchanged."""
    if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
        return None
    if isinstance(v, (bool, np.bool_, int, np.integer, float, np.floating)):
        return v.item() if isinstance(v, np.generic) else v
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat()
    return neutralise_formula(str(v))


def safe_frame(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of `table` in which every text cell and every column name is neutralised."""
    out = pd.DataFrame({neutralise_formula(str(c)): [_safe(v) for v in table[c].astype("object")]
                        for c in table.columns}, index=range(len(table)))
    return out.astype("object").where(out.notna(), None)


def to_csv(table: pd.DataFrame) -> bytes:
    """The table as UTF-8 CSV with a byte-order mark (so Excel reads Chinese), formula cells neutralised."""
    return safe_frame(table).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def to_xlsx(table: pd.DataFrame, sheet: str = "cases") -> bytes:
    """The table as an XLSX workbook (openpyxl through pandas), formula cells neutralised: no cell of the
    workbook is a formula. Characters XML cannot hold are dropped."""
    frame = safe_frame(table)
    frame = frame.apply(lambda col: col.map(lambda v: _XML_ILLEGAL.sub("", v) if isinstance(v, str) else v))
    frame.columns = [_XML_ILLEGAL.sub("", c) for c in frame.columns]
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as xw:
        frame.to_excel(xw, index=False, sheet_name=sheet[:31])
    return buf.getvalue()
