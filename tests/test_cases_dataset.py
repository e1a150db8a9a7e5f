"""The bundled case dataset and the validation rules of litigation/cases/.

Expected figures below are taken from the dossiers (shared/cases/dossier.md, dossier-2.md), not
from data/cases.csv.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from litigation.cases.loading import default_sample, load_cases, read_cases_raw
from litigation.cases.schema import (
    AMOUNT_COLUMNS,
    COLUMNS,
    DEFAULT_CASES_PATH,
    ENV_VAR,
    HEADS,
    PROVINCES,
    CaseValidationError,
    RowError,
    cell_to_str,
    resolve_cases_path,
)
from litigation.cases.validation import validate_cases

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


# --------------------------------------------------------------------------- helpers


def _raw_rows() -> list[dict[str, str]]:
    with DEFAULT_CASES_PATH.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(path: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> Path:
    columns = columns or list(rows[0].keys())
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in columns})
    return path


def _broken(tmp_path: Path, case_id: str, **changes: str) -> list[RowError]:
    """Copy the dataset with `changes` applied to row `case_id`; return the validation errors."""
    rows = _raw_rows()
    row = next(r for r in rows if r["case_id"] == case_id)
    row.update(changes)
    return validate_cases(read_cases_raw(_write(tmp_path / "broken.csv", rows, list(COLUMNS))))


def _has(errors: list[RowError], column: str, text: str, case_id: str | None = None) -> bool:
    return any(
        e.column == column and text in e.message_en and e.message_zh and (case_id is None or e.case_id == case_id)
        for e in errors
    )


@pytest.fixture(scope="module")
def df() -> pd.DataFrame:
    return load_cases(DEFAULT_CASES_PATH)


def row(df: pd.DataFrame, case_id: str) -> pd.Series:
    sel = df[df["case_id"] == case_id]
    assert len(sel) == 1, case_id
    return sel.iloc[0]


# --------------------------------------------------------------------------- the real dataset


def test_real_dataset_is_valid():
    errors = validate_cases(read_cases_raw(DEFAULT_CASES_PATH))
    assert errors == [], "\n".join(map(str, errors))


def test_load_cases_dtypes(df):
    assert str(df["face_case"].dtype) == "boolean"
    assert str(df["leak"].dtype) == "boolean"
    assert str(df["awarded_total"].dtype) == "Float64"
    assert str(df["claimed_mental_distress"].dtype) == "Float64"
    assert str(df["year"].dtype) == "Int64"
    assert pd.api.types.is_datetime64_any_dtype(df["decision_date"])
    assert list(df.columns) == list(COLUMNS)
    # unknown stays missing, not zero / false
    assert pd.isna(row(df, "B3")["awarded_total"])
    assert pd.isna(row(df, "B3")["leak"])
    assert pd.isna(row(df, "A3")["case_no"])


def test_row_count_and_procedures(df):
    assert len(df) == 71
    counts = df.groupby(["procedure", "face_case"]).size().to_dict()
    assert counts == {
        ("administrative", True): 1,             # E3
        ("administrative_litigation", True): 1,  # G6
        ("civil_judgment", False): 25,           # F1 + comparables G7-G28 (+ G7-1, G13-2, G14-2, G17-2, G21-1)
        ("civil_judgment", True): 23,
        ("civil_mediation", True): 2,            # B10, D1's appeal
        ("civil_pil", False): 3,                 # G23, G24, G25
        ("civil_pil", True): 3,                  # E1, G4, G5
        ("civil_withdrawn", True): 1,            # G3
        ("criminal_incidental_pil", True): 1,    # E2
        ("pending", False): 1,                   # G15-rel
        ("pending", True): 1,                    # A7
        ("procuratorial", True): 9,              # E4, E4b, E5-E11
    }


def test_every_dossier_entry_is_encoded(df):
    ids = set(df["dossier_id"])
    expected = (
        {f"A{i}" for i in range(1, 8)}
        | {f"B{i}" for i in (1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13)}
        | {"C1", "C2", "D1", "D2", "D3", "F1"}
        | {f"E{i}" for i in range(1, 12)}
        | {f"G{i}" for i in range(1, 29)}
        | {"G15-rel"}
    )
    assert expected <= ids
    assert ids <= expected
    # dossier.md: 35 itemised matters (+ D1's mediated appeal and E4's second matter)
    assert (df["dossier"] == "dossier").sum() == 37
    assert (df["dossier"] == "dossier-2").sum() == 34


def test_dossier_headings_match_when_available(df):
    text = [p for p in (SHARED / "cases" / "dossier.md", SHARED / "cases" / "dossier-2.md") if p.exists()]
    if not text:
        pytest.skip("shared dossiers not available")
    import re

    headings = set()
    for p in text:
        for m in re.finditer(r"^### ([A-G]\d+)\.", p.read_text(encoding="utf-8"), flags=re.M):
            headings.add(m.group(1))
        for m in re.finditer(r"^- \*\*(E\d+)\.\*\*", p.read_text(encoding="utf-8"), flags=re.M):
            headings.add(m.group(1))
    assert headings <= set(df["dossier_id"])


def test_face_case_and_comparables(df):
    g = df[df["dossier"] == "dossier-2"].copy()
    num = g["dossier_id"].str.extract(r"^G(\d+)")[0].astype(int)
    assert g.loc[num <= 6, "face_case"].all()
    assert not g.loc[num >= 7, "face_case"].any()
    assert (g.loc[num >= 7, "matter_class"] == "comparable").all()
    assert not row(df, "F1")["face_case"]  # voice
    assert row(df, "F1")["matter_class"] == "related"


def test_default_sample(df):
    sample = df[df["in_default_sample"]]
    assert len(sample) == 20
    assert set(sample["procedure"]) == {"civil_judgment"}
    assert sample["face_case"].all()
    assert (sample["claimant_kind"] == "individual").all()
    for cid in ("C1", "D1", "B10", "E1", "G4", "G9", "F1", "A7", "E3", "G3"):
        assert not row(df, cid)["in_default_sample"], cid
    assert default_sample(df).sum() == 20


def test_guo_bing_figures(df):
    a1, a2 = row(df, "A1"), row(df, "A2")
    assert a1["awarded_total"] == 1038
    assert a1["awarded_economic_loss"] == 678 and a1["awarded_reasonable_expenses"] == 360
    assert a1["awarded_mental_distress"] == 0
    assert a1["claimed_economic_loss"] == 1360 and a1["claimed_reasonable_expenses"] == 1160
    assert pd.isna(a1["claimed_total"])  # later amended with an unknown fraud claim
    assert a1["case_no"] == "(2019)浙0111民初6971号"
    assert a1["decision_date"] == pd.Timestamp("2020-11-20")
    assert a2["awarded_total"] == 1038 and a2["instance"] == "second"
    assert a2["decision_date"] == pd.Timestamp("2021-04-09")
    assert a1["dispute_id"] == a2["dispute_id"]
    assert pd.isna(a2["case_no"])  # (2020)浙01民终10940号 is unverified
    assert a1["province"] == "浙江" and a1["court_level"] == "basic"


def test_gu_cheng_and_section3_corrections(df):
    a3, a4 = row(df, "A3"), row(df, "A4")
    assert a3["claim_outcome"] == "dismissed" and a3["awarded_total"] == 0
    assert a4["awarded_attorney_fees"] == 6200
    assert a4["awarded_total"] == 6200  # NewsChina's 6,600 "compensated" is unreliable (§3)
    assert a4["claimed_total"] == 6600
    assert a4["decision_date"] == pd.Timestamp("2022-05-18")
    assert a3["dispute_id"] == a4["dispute_id"]
    e1 = row(df, "E1")
    assert e1["decision_date"] == pd.Timestamp("2022-07-11")  # dossier-2 §3
    assert e1["awarded_total"] == 103000 and e1["other_kind"] == "pil_damages"
    assert e1["defendant_count"] == 4
    assert "吴某某" in row(df, "C1")["case_name_zh"] or "吴某某" in row(df, "C1")["notes"]


def test_other_figures_from_the_dossiers(df):
    b1 = row(df, "B1")
    assert b1["awarded_total"] == 3500 and b1["amount_unit"] == "unknown"
    assert b1["figure_confidence"] == "weak" and "awarded_mental_distress" in b1["weak_fields"]
    assert b1["internet_court"] and b1["court_level"] == "basic"
    assert row(df, "B2")["awarded_total"] == 5000
    b5 = row(df, "B5")
    assert (b5["awarded_economic_loss"], b5["awarded_reasonable_expenses"]) == (2000, 349)
    assert pd.isna(b5["awarded_total"]) and b5["figure_confidence"] == "weak"
    b10 = row(df, "B10")
    assert (b10["claimed_total"], b10["awarded_total"], b10["procedure"]) == (10000, 6000, "civil_mediation")
    b13 = row(df, "B13")
    assert (b13["awarded_economic_loss"], b13["awarded_mental_distress"], b13["awarded_total"]) == (183000, 20000, 203000)
    assert b13["public_figure"]
    assert row(df, "C2")["claimed_total"] == 429000 and row(df, "C2")["awarded_total"] == 0
    assert row(df, "D1")["awarded_other"] == 40000 and pd.isna(row(df, "D1")["awarded_total"])
    f1 = row(df, "F1")
    assert (f1["claimed_economic_loss"], f1["claimed_mental_distress"], f1["awarded_total"]) == (500000, 100000, 250000)
    e3 = row(df, "E3")
    assert e3["awarded_other"] == 50000 and e3["amount_unit"] == "per_defendant" and pd.isna(e3["awarded_total"])
    e4 = row(df, "E4")
    assert e4["awarded_other"] == 500000 and e4["other_kind"] == "guarantee" and pd.isna(e4["awarded_total"])
    assert row(df, "G2")["claimed_total"] == 6000 and row(df, "G2")["awarded_total"] == 0
    assert row(df, "G4")["awarded_total"] == 60000
    assert row(df, "G7")["awarded_reasonable_expenses"] == 10000
    assert row(df, "G8")["awarded_total"] == pytest.approx(0.1)
    g9 = row(df, "G9")
    assert (g9["claimed_total"], g9["awarded_mental_distress"], g9["awarded_total"]) == (300000, 3000, 3000)
    assert row(df, "G10")["awarded_total"] == 3000 and row(df, "G10")["claimed_total"] == 20000
    assert row(df, "G11")["awarded_economic_loss"] == 5231
    assert row(df, "G12")["awarded_reasonable_expenses"] == 6600
    g17 = row(df, "G17")
    assert g17["awarded_total"] == pytest.approx(4777.48) and g17["awarded_economic_loss"] == pytest.approx(243.37)
    assert g17["awarded_other"] == pytest.approx(4534.11) and g17["other_kind"] == "consumer_treble"
    g16 = row(df, "G16")  # found after the dossier: 1,000 per plaintiff, two plaintiffs; 2,000 is only derived
    assert (g16["awarded_mental_distress"], g16["amount_unit"], g16["plaintiff_count"]) == (1000, "per_plaintiff", 2)
    assert pd.isna(g16["awarded_total"]) and "whpfw.com.cn" in g16["source_urls"] and "各1000元" in g16["amount_note"]
    assert row(df, "G17-2")["awarded_total"] == pytest.approx(4534.11)
    assert row(df, "G19")["claimed_mental_distress"] == 5000
    assert row(df, "G23")["awarded_total"] == 34000
    g24 = row(df, "G24")
    assert g24["awarded_total"] == 14000 and "awarded_total" in g24["approx_fields"]
    assert row(df, "G26")["claimed_total"] == 2000000 and pd.isna(row(df, "G26")["awarded_total"])
    assert (row(df, "G27")["claimed_total"], row(df, "G27")["awarded_total"]) == (100000, 5000)
    assert row(df, "G28")["awarded_total"] == 97400


def test_unknown_amounts_stay_empty(df):
    # A5 and G1: no money claim visible and no amount reported, which is not a zero award. B9: its
    # 50,000 claim covers economic loss and costs together while mental distress was also awarded.
    for cid in ("A5", "B3", "B4", "B8", "B9", "B11", "B12", "D3", "E2", "G1", "G5", "G13", "G14", "G20", "G22"):
        r = row(df, cid)
        assert all(pd.isna(r[c]) for c in AMOUNT_COLUMNS), cid
        assert r["figure_confidence"] == "none", cid
    assert "5万元" in row(df, "B9")["amount_note"]
    assert df["awarded_total"].notna().sum() == 34


def test_rejected_leads_are_not_records(df):
    blob = " ".join(df[["case_no", "case_name_zh", "case_name_en", "court_zh"]].fillna("").to_numpy().ravel())
    for lead in ("(2021)浙0192民初1695号", "(2020)浙0111民初10033号", "(2020)浙01民终10940号",
                 "2031", "三一", "Sany", "葛优", "韩雪", "科勒", "Kohler", "小谢", "小王",
                 "(2023)京04民终1123号", "(2023)京0105民初12345号"):
        assert lead not in blob, lead


def test_provinces_match_income_table(df):
    income = SHARED / "stats" / "income_by_province.csv"
    if not income.exists():
        pytest.skip("shared stats not available")
    names = set(pd.read_csv(income)["province_zh"])
    assert set(df["province"]) <= names
    assert set(PROVINCES) | {"全国"} == names


def test_partial_dates(df):
    g2 = row(df, "G2")
    assert g2["date_precision"] == "month" and g2["decision_date_text"] == "2023-11" and g2["year"] == 2023
    assert pd.isna(g2["decision_date"])
    b3 = row(df, "B3")
    assert pd.isna(b3["date_precision"]) and pd.isna(b3["year"]) and b3["report_date"] == "2023-01-13"


# --------------------------------------------------------------------------- path resolution


def test_path_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_cases_path() == DEFAULT_CASES_PATH
    assert DEFAULT_CASES_PATH.is_file()
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "mine.csv"))
    assert resolve_cases_path() == tmp_path / "mine.csv"
    assert resolve_cases_path(tmp_path / "x.csv") == tmp_path / "x.csv"


def test_load_cases_raises_on_invalid(tmp_path):
    rows = _raw_rows()
    rows[0]["procedure"] = "judgement"
    p = _write(tmp_path / "bad.csv", rows)
    with pytest.raises(CaseValidationError) as exc:
        load_cases(p)
    assert any(e.column == "procedure" for e in exc.value.errors)
    lenient = load_cases(p, validate=False)
    assert len(lenient) == 71


# --------------------------------------------------------------------------- validation rules


def test_missing_and_unknown_columns(tmp_path):
    rows = _raw_rows()
    cols = [c for c in COLUMNS if c != "procedure"] + ["awarded_totl"]
    errors = validate_cases(read_cases_raw(_write(tmp_path / "b.csv", rows, cols)))
    assert _has(errors, "procedure", "required column 'procedure' is missing")
    assert _has(errors, "awarded_totl", "unknown column")


def test_required_value(tmp_path):
    errors = _broken(tmp_path, "A1", scenario="")
    assert _has(errors, "scenario", "must not be empty", "A1")


def test_duplicate_case_id_names_both_lines(tmp_path):
    rows = _raw_rows()
    rows[5]["case_id"] = "A1"
    errors = validate_cases(read_cases_raw(_write(tmp_path / "b.csv", rows)))
    dup = [e for e in errors if e.column == "case_id" and "duplicate" in e.message_en]
    assert len(dup) == 1
    assert dup[0].line == 7 and "line 2" in dup[0].message_en and "第 2 行" in dup[0].message_zh


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("procedure", "civil_judgement"),
        ("scenario", "casino"),
        ("court_level", "district"),
        ("consent_type", "implied"),
        ("claim_outcome", "won"),
        ("instance", "1st"),
        ("figure_confidence", "high"),
        ("matter_class", "core"),
    ],
)
def test_invalid_codes(tmp_path, column, value):
    errors = _broken(tmp_path, "A1", **{column: value})
    assert _has(errors, column, f"invalid code '{value}'", "A1")


def test_invalid_multi_code_and_province(tmp_path):
    errors = _broken(tmp_path, "A3", defendant_kinds="property_manager;alien", province="Zhejiang")
    assert _has(errors, "defendant_kinds", "invalid code 'alien'", "A3")
    assert _has(errors, "province", "invalid province 'Zhejiang'", "A3")


def test_bool_and_tristate_values(tmp_path):
    errors = _broken(tmp_path, "A1", face_case="yes", leak="maybe", internet_court="")
    assert _has(errors, "face_case", "must be true or false", "A1")
    assert _has(errors, "leak", "true, false or empty", "A1")
    assert _has(errors, "internet_court", "must not be empty", "A1")


def test_amount_needs_source(tmp_path):
    errors = _broken(tmp_path, "A1", source_citation="", source_urls="")
    assert _has(errors, "claimed_economic_loss", "need a source", "A1")
    ok = _broken(tmp_path, "B3", source_citation="", source_urls="")  # B3 has no figures
    assert not [e for e in ok if "source" in e.message_en]


def test_awarded_not_above_claimed(tmp_path):
    errors = _broken(tmp_path, "A1", awarded_reasonable_expenses="1200", awarded_total="1878")
    assert _has(errors, "awarded_reasonable_expenses", "more than claimed 1160", "A1")
    errors = _broken(tmp_path, "A4", awarded_total="7000", awarded_attorney_fees="7000")
    assert _has(errors, "awarded_total", "more than claimed 6600", "A4")


def test_total_less_than_known_heads_is_an_error(tmp_path):
    errors = _broken(tmp_path, "A1", awarded_total="1000")
    assert _has(errors, "awarded_total", "less than the sum of its known heads 1038", "A1")


def test_total_equals_heads_when_all_known(tmp_path):
    complete = dict(awarded_attorney_fees="0", awarded_other="0", other_kind="commission")
    assert not _broken(tmp_path, "A1", **complete, awarded_total="1038.9")  # within 1 RMB
    errors = _broken(tmp_path, "A1", **complete, awarded_total="1040")
    assert _has(errors, "awarded_total", "does not equal the sum of its heads 1038", "A1")
    # with a head unknown, a larger total is fine
    assert not _broken(tmp_path, "A1", awarded_total="1500")


def test_negative_and_malformed_amounts(tmp_path):
    errors = _broken(tmp_path, "B2", awarded_total="-5000")
    assert _has(errors, "awarded_total", "must not be negative", "B2")
    errors = _broken(tmp_path, "B2", awarded_total="5,000")
    assert _has(errors, "awarded_total", "plain number", "B2")
    errors = _broken(tmp_path, "B2", awarded_total="5000元")
    assert _has(errors, "awarded_total", "plain number", "B2")


def test_other_kind_and_amount_unit(tmp_path):
    errors = _broken(tmp_path, "D1", other_kind="")
    assert _has(errors, "other_kind", "required when claimed_other or awarded_other", "D1")
    errors = _broken(tmp_path, "B2", amount_unit="")
    assert _has(errors, "amount_unit", "required when any amount", "B2")
    errors = _broken(tmp_path, "E3", awarded_total="50000")
    assert _has(errors, "awarded_total", "must be empty for administrative rows", "E3")


def test_confidence_rules(tmp_path):
    errors = _broken(tmp_path, "B1", weak_fields="")
    assert _has(errors, "weak_fields", "list the weak amount columns", "B1")
    errors = _broken(tmp_path, "B2", weak_fields="awarded_total")
    assert _has(errors, "figure_confidence", "must be 'weak'", "B2")
    errors = _broken(tmp_path, "B2", figure_confidence="none")
    assert _has(errors, "figure_confidence", "has amounts", "B2")
    errors = _broken(tmp_path, "B3", figure_confidence="quoted")
    assert _has(errors, "figure_confidence", "no amounts", "B3")
    errors = _broken(tmp_path, "B2", weak_fields="awarded_mental_distress", figure_confidence="weak")
    assert _has(errors, "weak_fields", "that amount is empty", "B2")


def test_dates(tmp_path):
    errors = _broken(tmp_path, "A1", decision_date="2014-12-31", year="2014")
    assert _has(errors, "decision_date", "implausible", "A1")
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    errors = _broken(tmp_path, "A1", decision_date=future, year=future[:4], decision_date_text=future)
    assert _has(errors, "decision_date", "implausible", "A1")
    errors = _broken(tmp_path, "A1", year="2019")
    assert _has(errors, "year", "does not match the decision date (2020)", "A1")
    errors = _broken(tmp_path, "A1", decision_date="2020-02-30")
    assert _has(errors, "decision_date", "not a real date", "A1")
    errors = _broken(tmp_path, "A1", decision_date="20/11/2020")
    assert _has(errors, "decision_date", "YYYY-MM-DD", "A1")
    errors = _broken(tmp_path, "G2", decision_date_text="2023")
    assert _has(errors, "decision_date_text", "must start with YYYY-MM", "G2")
    errors = _broken(tmp_path, "B2", year="2023")
    assert _has(errors, "year", "does not match", "B2")
    errors = _broken(tmp_path, "B3", year="2023")
    assert _has(errors, "date_precision", "must say day, month or year", "B3")
    errors = _broken(tmp_path, "A4", report_date="2022-05-01")
    assert _has(errors, "report_date", "before the decision_date", "A4")


def test_dispute_groups(tmp_path):
    errors = _broken(tmp_path, "A2", instance="first")
    assert _has(errors, "instance", "already has a first-instance row", "A2")
    errors = _broken(tmp_path, "A2", decision_date="2020-10-01", decision_date_text="2020-10-01", year="2020")
    assert _has(errors, "decision_date", "dated before the earlier instance A1", "A2")
    errors = _broken(tmp_path, "A4", province="北京")
    assert _has(errors, "province", "disagree on province")
    errors = _broken(tmp_path, "B2", dispute_id="A1")
    assert any("first-instance" in e.message_en for e in errors)


def test_cross_field_consistency(tmp_path):
    errors = _broken(tmp_path, "B1", court_level="intermediate")
    assert _has(errors, "court_level", "internet courts are basic-level", "B1")
    errors = _broken(tmp_path, "G9", in_default_sample="true")
    assert _has(errors, "in_default_sample", "only for a civil judgment in a face case", "G9")
    errors = _broken(tmp_path, "G9", face_case="true")
    assert _has(errors, "face_case", "comparables are not face cases", "G9")
    errors = _broken(tmp_path, "A7", awarded_total="100", amount_unit="decision", figure_confidence="quoted")
    assert _has(errors, "awarded_total", "pending matter", "A7")
    errors = _broken(tmp_path, "B10", claim_outcome="upheld")
    assert _has(errors, "claim_outcome", "civil_mediation", "B10")
    errors = _broken(tmp_path, "E5", instance="first")
    assert _has(errors, "instance", "must be 'n/a'", "E5")
    errors = _broken(tmp_path, "A1", separate_consent="true")
    assert _has(errors, "separate_consent", "contradicts", "A1")


def test_error_names_line_and_both_languages(tmp_path):
    errors = _broken(tmp_path, "A2", procedure="judgment")
    e = next(e for e in errors if e.column == "procedure")
    assert (e.line, e.case_id, e.source) == (3, "A2", "broken.csv")
    s = str(e)
    assert "line 3" in s and "case_id=A2" in s and "column procedure" in s
    assert "无效" in s and "invalid code" in s


def test_validate_accepts_typed_frame(df):
    assert validate_cases(df) == []
    broken = df.copy()
    broken.loc[0, "awarded_total"] = 1.0
    errs = validate_cases(broken)
    assert _has(errs, "awarded_total", "less than the sum", "A1")
    assert errs[0].line == 2


# --------------------------------------------------------------------------- properties of the totals rule


def _one_row(**amounts: float | None) -> pd.DataFrame:
    r = dict.fromkeys(COLUMNS, "")
    r.update(
        case_id="X1", dispute_id="X1", case_name_en="x", court_level="basic", internet_court="false",
        province="浙江", instance="first", procedure="civil_judgment", face_case="true", matter_class="face",
        claimant_kind="individual", cause_of_action="personal_information", scenario="other_pi",
        defendant_kinds="business", consent_type="unknown", claim_outcome="upheld", in_default_sample="false",
        amount_unit="decision", figure_confidence="quoted", source_citation="test",
    )
    for k, v in amounts.items():
        r[k] = "" if v is None else cell_to_str(v)
    if r["awarded_other"]:
        r["other_kind"] = "fine"
    return pd.DataFrame([r], dtype=object)


heads = st.integers(min_value=0, max_value=500_000)


@settings(max_examples=60, deadline=None)
@given(st.lists(heads, min_size=5, max_size=5), st.integers(min_value=-3, max_value=3))
def test_total_rule_property(parts, delta):
    amounts = {f"awarded_{h}": float(v) for h, v in zip(HEADS, parts, strict=True)}
    total = sum(parts) + delta
    errors = validate_cases(_one_row(**amounts, awarded_total=float(max(total, 0))))
    bad = [e for e in errors if e.column == "awarded_total"]
    if max(total, 0) < sum(parts) or abs(max(total, 0) - sum(parts)) > 1:
        assert bad
    else:
        assert not bad


@settings(max_examples=40, deadline=None)
@given(st.lists(heads, min_size=1, max_size=4), st.integers(min_value=0, max_value=1_000_000))
def test_partial_heads_only_lower_bound(parts, total):
    amounts = {f"awarded_{h}": float(v) for h, v in zip(HEADS, parts, strict=False)}
    errors = validate_cases(_one_row(**amounts, awarded_total=float(total)))
    bad = [e for e in errors if e.column == "awarded_total"]
    assert bool(bad) == (total < sum(parts))


# --------------------------------------------------------------------------- authority, finality, holding (类案检索)
PUBLISHED = {"guiding", "spc_published", "high_court_published", "local_published"}
JUDGMENTS = {"civil_judgment", "civil_pil", "criminal_incidental_pil", "administrative_litigation"}


def test_authority_and_finality_columns_are_valid_and_follow_the_dossiers():
    rows = {r["case_id"]: r for r in _raw_rows()}
    tiers = {r["authority_tier"] for r in rows.values()}
    assert tiers <= PUBLISHED | {"other"} and "" not in tiers  # every bundled row was assessed
    for cid, r in rows.items():
        assert (r["authority_tier"] in PUBLISHED) == bool(r["authority_note"]), cid
        if r["authority_note"]:  # the note names the dossier entry it comes from (C1's is in dossier-2.md §3)
            assert "(dossier.md " in r["authority_note"] or "(dossier-2.md " in r["authority_note"], cid
        assert bool(r["finality"]) == (r["procedure"] in JUDGMENTS), cid
    assert rows["E2"]["authority_tier"] == "guiding"  # SPC Guiding Case No. 192
    assert rows["B13"]["authority_tier"] == "spc_published" and "No. 4" in rows["B13"]["authority_note"]
    assert rows["D1"]["authority_tier"] == "high_court_published"
    assert rows["A1"]["authority_tier"] == rows["A2"]["authority_tier"] == "other"
    assert {c for c, r in rows.items() if r["finality"] == "reversed"} == {"A3", "G7-1", "G21-1"}
    assert {c for c, r in rows.items() if r["finality"] == "superseded"} == {"A1", "D1", "G13", "G14", "G17"}
    assert {c for c, r in rows.items() if r["finality"] == "appealed"} == {"C2", "G2", "G11", "G27"}
    for cid in ("A2", "A4", "B4", "B12", "C1", "G4", "G9", "G10", "G15", "G21"):  # second instance or "in force"
        assert rows[cid]["finality"] == "final", cid
    for cid, r in rows.items():  # a second instance is never "no appeal reported"
        if r["instance"] in ("second", "retrial") and r["finality"]:
            assert r["finality"] in ("final", "reversed"), cid


def _dossier_texts() -> dict[str, str]:
    """The two dossiers (beside the repository in the workplace; a clone elsewhere skips the checks that
    need them — the dataset-only checks still run)."""
    paths = {"dossier": SHARED / "cases" / "dossier.md", "dossier-2": SHARED / "cases" / "dossier-2.md"}
    if not all(p.exists() for p in paths.values()):
        pytest.skip("shared dossiers not available")
    return {k: p.read_text(encoding="utf-8") for k, p in paths.items()}


def test_every_chinese_holding_has_its_source():
    held = [r for r in _raw_rows() if r["holding_zh"]]
    assert {r["case_id"] for r in held} == {"G1", "G5", "G22", "G28"}
    for r in held:
        assert r["holding_source"].startswith(f"{r['dossier']}.md {r['dossier_id']}"), r["case_id"]
        assert "http" in r["holding_source"], r["case_id"]             # and the address it was read at
    assert all(not r["holding_source"] for r in _raw_rows() if not r["holding_zh"])


def test_every_chinese_holding_is_quoted_from_the_dossier_with_its_source():
    text = _dossier_texts()
    held = [r for r in _raw_rows() if r["holding_zh"]]
    for r in held:
        assert r["holding_zh"] in text[r["dossier"]], r["case_id"]     # verbatim, not a translation
        assert r["holding_source"].startswith(f"{r['dossier']}.md {r['dossier_id']}"), r["case_id"]
        assert "http" in r["holding_source"], r["case_id"]             # and the address it was read at
    assert all(not r["holding_source"] for r in _raw_rows() if not r["holding_zh"])


def test_authority_finality_and_holding_rules(tmp_path):
    errors = _broken(tmp_path, "A2", holding_zh="生物识别信息更应谨慎处理和严格保护")
    assert _has(errors, "holding_source", "needs holding_source", "A2")
    errors = _broken(tmp_path, "A2", holding_zh="Biometric data must be handled with care", holding_source="x")
    assert _has(errors, "holding_zh", "must quote the Chinese text", "A2")
    errors = _broken(tmp_path, "G22", holding_zh="")
    assert _has(errors, "holding_source", "holding_zh is empty", "G22")
    errors = _broken(tmp_path, "A2", authority_tier="spc_published")
    assert _has(errors, "authority_note", "needs authority_note", "A2")
    errors = _broken(tmp_path, "B13", authority_tier="other")
    assert _has(errors, "authority_note", "only for a published tier", "B13")
    errors = _broken(tmp_path, "A2", authority_tier="typical")
    assert _has(errors, "authority_tier", "invalid code", "A2")
    errors = _broken(tmp_path, "B10", finality="final")
    assert _has(errors, "finality", "only for court judgments", "B10")
    errors = _broken(tmp_path, "A2", finality="no_appeal_reported")
    assert _has(errors, "finality", "second-instance or retrial decision is final", "A2")
    errors = _broken(tmp_path, "A1", finality="final")
    assert _has(errors, "finality", "has a later-instance row", "A1")
    errors = _broken(tmp_path, "A2", finality="reversed")
    assert _has(errors, "finality", "needs a later-instance row", "A2")
    errors = _broken(tmp_path, "B2", finality="superseded")
    assert _has(errors, "finality", "needs a later-instance row", "B2")


def test_a_collection_written_before_the_authority_columns_is_still_valid(tmp_path):
    new = ("authority_tier", "authority_note", "finality", "holding_zh", "holding_source")
    old = _write(tmp_path / "old.csv", _raw_rows(), [c for c in COLUMNS if c not in new])
    assert validate_cases(read_cases_raw(old)) == []
    df = load_cases(old)
    assert set(new) <= set(df.columns) and df["holding_zh"].isna().all()


def test_every_case_number_is_printed_in_the_dossiers_and_unverified_ones_stay_out():
    text = "".join(_dossier_texts().values())
    rows = {r["case_id"]: r for r in _raw_rows()}
    for cid, r in rows.items():
        if r["case_no"]:
            assert r["case_no"].removesuffix("号") in text, cid
    assert rows["A2"]["case_no"] == "" and "unverified" in rows["A2"]["notes"]   # (2020)浙01民终10940号
    assert rows["G27"]["case_no"] == "" and "(2018)鲁03民终4417号" in rows["G27"]["notes"]  # the appeal's number
