"""`python -m litigation cases validate|list|add|import` and the add/import functions."""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from litigation.cases.commands import register
from litigation.cases.loading import load_cases
from litigation.cases.schema import COLUMNS, DEFAULT_CASES_PATH, ENV_VAR
from litigation.cases.store import add_cases, import_cases

REPO = Path(__file__).resolve().parents[1]


def run(argv: list[str]) -> int:
    """Run the `cases` command through its own register() (independent of other command modules)."""
    parser = argparse.ArgumentParser(prog="python -m litigation")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


def new_case(case_id: str = "CLINIC-001", **over: str) -> dict[str, str]:
    """A user's own decided case (test fixture, not dossier data)."""
    r = dict.fromkeys(COLUMNS, "")
    r.update(
        case_id=case_id, case_name_zh="张某诉某健身房个人信息保护纠纷案", case_name_en="Zhang v. a gym",
        court_zh="杭州互联网法院", court_en="Hangzhou Internet Court", court_level="basic", internet_court="true",
        province="浙江", city="杭州", decision_date="2024-05-06", instance="first", procedure="civil_judgment",
        face_case="true", matter_class="face", claimant_kind="individual", cause_of_action="personal_information",
        scenario="gym", defendant_kinds="business", defendant_count="1", consent_type="none",
        separate_consent="false", sole_verification_method="true", infringement_found="true",
        claim_outcome="partly_upheld", remedy_deletion="true",
        claimed_mental_distress="10000", awarded_mental_distress="2000", awarded_reasonable_expenses="500",
        awarded_total="2500", amount_unit="decision", source_citation="clinic file 2024/17 (judgment copy)",
    )
    r.update(over)
    return r


def write_csv(path: Path, rows: list[dict[str, str]], bom: bool = False, columns=None) -> Path:
    columns = columns or list(rows[0].keys())
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    return path


@pytest.fixture
def collection(tmp_path) -> Path:
    dest = tmp_path / "mine.csv"
    assert run(["cases", "import", "--bundled", "--path", str(dest)]) == 0
    return dest


def tmp_leftovers(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.endswith(".tmp")]


# --------------------------------------------------------------------------- validate / list


def test_validate_bundled(capsys, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert run(["cases", "validate"]) == 0
    assert "OK: 71 cases valid" in capsys.readouterr().out


def test_validate_reports_errors_with_exit_1(tmp_path, capsys):
    rows = list(csv.DictReader(DEFAULT_CASES_PATH.open(encoding="utf-8", newline="")))
    rows[1]["awarded_total"] = "1000"  # A2: below its known heads 678 + 360
    bad = write_csv(tmp_path / "bad.csv", rows)
    assert run(["cases", "validate", "--path", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "bad.csv, line 3, case_id=A2, column awarded_total" in out
    assert "less than the sum of its known heads" in out and "小于已知分项之和" in out
    assert "1 error(s)" in out


def test_validate_missing_file_exit_2(tmp_path, capsys):
    assert run(["cases", "validate", "--path", str(tmp_path / "nope.csv")]) == 2
    assert "file not found" in capsys.readouterr().err


def test_env_var_selects_collection(collection, monkeypatch, capsys):
    monkeypatch.setenv(ENV_VAR, str(collection))
    assert run(["cases", "validate"]) == 0
    assert str(collection) in capsys.readouterr().out


def test_list_table_and_json(capsys):
    assert run(["cases", "list", "--path", str(DEFAULT_CASES_PATH)]) == 0
    out = capsys.readouterr().out
    assert "A1" in out and "G28" in out and "71 cases" in out
    assert run(["cases", "list", "--format", "json", "--path", str(DEFAULT_CASES_PATH)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 71
    a1 = next(d for d in data if d["case_id"] == "A1")
    assert a1["awarded_total"] == 1038 and a1["face_case"] is True and a1["decision_date"] == "2020-11-20"
    assert a1["report_date"] is None and a1["leak"] is None


def test_list_invalid_collection_exit_1(tmp_path, capsys):
    rows = list(csv.DictReader(DEFAULT_CASES_PATH.open(encoding="utf-8", newline="")))
    rows[0]["procedure"] = "judgement"
    bad = write_csv(tmp_path / "bad.csv", rows)
    assert run(["cases", "list", "--path", str(bad)]) == 1


# --------------------------------------------------------------------------- import


def test_import_bundled_is_byte_identical_and_refuses_overwrite(collection, capsys):
    assert collection.read_bytes() == DEFAULT_CASES_PATH.read_bytes()
    assert run(["cases", "import", "--bundled", "--path", str(collection)]) == 2
    assert "--replace" in capsys.readouterr().err
    assert run(["cases", "import", "--bundled", "--path", str(collection), "--replace"]) == 0


def test_import_file_creates_and_replaces(tmp_path, collection):
    src = write_csv(tmp_path / "curated.csv", [new_case("K1"), new_case("K2", dispute_id="K2")])
    dest = tmp_path / "sub" / "court.csv"
    res = import_cases(src, dest)
    assert res.ok and res.written and res.total_rows == 2 and dest.exists()
    assert list(load_cases(dest)["case_id"]) == ["K1", "K2"]
    # replacing the bundled-copy collection with the curated file
    assert run(["cases", "import", str(src), "--path", str(collection), "--replace"]) == 0
    assert len(load_cases(collection)) == 2


def test_import_usage_errors(tmp_path, capsys):
    assert run(["cases", "import", "--path", str(tmp_path / "x.csv")]) == 2
    assert run(["cases", "import", "f.csv", "--bundled", "--path", str(tmp_path / "x.csv")]) == 2
    assert "either FILE or --bundled" in capsys.readouterr().err


def test_import_invalid_writes_nothing(tmp_path, capsys):
    src = write_csv(tmp_path / "curated.csv", [new_case("K1", awarded_total="100")])
    dest = tmp_path / "court.csv"
    assert run(["cases", "import", str(src), "--path", str(dest)]) == 1
    assert not dest.exists()
    assert "nothing written" in capsys.readouterr().out


# --------------------------------------------------------------------------- add


def test_add_csv_round_trip(tmp_path, collection, capsys):
    src = write_csv(tmp_path / "new.csv", [new_case()])
    assert run(["cases", "add", str(src), "--path", str(collection)]) == 0
    assert "added 1 case(s): CLINIC-001" in capsys.readouterr().out
    assert run(["cases", "validate", "--path", str(collection)]) == 0
    df = load_cases(collection)
    assert len(df) == 72
    r = df[df["case_id"] == "CLINIC-001"].iloc[0]
    assert r["awarded_total"] == 2500 and r["awarded_mental_distress"] == 2000
    assert r["internet_court"] and r["sole_verification_method"] and not r["separate_consent"]
    # derived fields were filled; nothing else was invented
    assert r["dispute_id"] == "CLINIC-001" and r["year"] == 2024 and r["date_precision"] == "day"
    assert r["figure_confidence"] == "quoted" and r["in_default_sample"]
    assert r.isna()["leak"] and r.isna()["claimed_total"]
    # existing rows are untouched, byte for byte
    assert collection.read_bytes().startswith(DEFAULT_CASES_PATH.read_bytes())
    assert tmp_leftovers(collection.parent) == []


def test_add_json_with_bom_and_native_types(tmp_path, collection):
    obj = {
        "case_id": "CLINIC-J1", "case_name_en": "Li v. a property company", "court_level": "basic",
        "internet_court": False, "province": "江苏", "decision_date": None, "date_precision": "month",
        "decision_date_text": "2024-03", "year": 2024, "instance": "first", "procedure": "civil_judgment",
        "face_case": True, "matter_class": "face", "claimant_kind": "individual",
        "cause_of_action": ["personal_information", "privacy"], "scenario": "residential_access",
        "defendant_kinds": "property_manager", "consent_type": "unknown", "claim_outcome": "dismissed",
        "awarded_total": 0, "claimed_mental_distress": 5000.0, "amount_unit": "decision",
        "source_urls": "https://example.org/judgment",
    }
    src = tmp_path / "new.json"
    src.write_text(json.dumps([obj], ensure_ascii=False), encoding="utf-8-sig")
    res = add_cases(src, collection)
    assert res.ok, [str(e) for e in res.errors]
    r = load_cases(collection).set_index("case_id").loc["CLINIC-J1"]
    assert r["cause_of_action"] == "personal_information;privacy"
    assert r["claimed_mental_distress"] == 5000 and r["awarded_total"] == 0 and r["year"] == 2024
    assert not r["internet_court"]


def test_add_csv_with_bom_and_partial_columns(tmp_path, collection):
    case = new_case("CLINIC-B1")
    cols = [c for c in COLUMNS if case[c] != ""]  # only the filled columns
    src = write_csv(tmp_path / "bom.csv", [case], bom=True, columns=cols)
    assert src.read_bytes().startswith(b"\xef\xbb\xbf")
    assert add_cases(src, collection).ok
    assert "CLINIC-B1" in set(load_cases(collection)["case_id"])


def test_bad_rows_leave_destination_byte_identical(tmp_path, collection, capsys):
    before = collection.read_bytes()
    rows = [
        new_case("CLINIC-OK"),
        new_case("CLINIC-BAD1", awarded_mental_distress="20000"),              # > claimed 10,000
        new_case("CLINIC-BAD2", procedure="judgment", source_citation=""),      # bad code, no source
    ]
    src = write_csv(tmp_path / "new.csv", rows)
    assert run(["cases", "add", str(src), "--path", str(collection)]) == 1
    out = capsys.readouterr().out
    assert "new.csv, line 3, case_id=CLINIC-BAD1, column awarded_mental_distress" in out
    assert "超过诉请" in out
    assert "new.csv, line 4, case_id=CLINIC-BAD2, column procedure" in out
    assert "case_id=CLINIC-BAD2, column claimed_mental_distress: amounts need a source" in out
    assert "CLINIC-OK," not in out
    assert "nothing written" in out
    assert collection.read_bytes() == before
    assert tmp_leftovers(collection.parent) == []


def test_duplicate_case_id_refused(tmp_path, collection, capsys):
    before = collection.read_bytes()
    src = write_csv(tmp_path / "dup.csv", [new_case("A1")])
    res = add_cases(src, collection)
    assert not res.ok and not res.written
    dup = [e for e in res.errors if e.column == "case_id"]
    assert len(dup) == 1 and "duplicate case_id 'A1' (already at mine.csv line 2)" in dup[0].message_en
    assert dup[0].source == "dup.csv" and dup[0].line == 2
    assert collection.read_bytes() == before
    # and twice in the same new file
    src = write_csv(tmp_path / "dup2.csv", [new_case("N1"), new_case("N1")])
    assert run(["cases", "add", str(src), "--path", str(collection)]) == 1
    assert "duplicate case_id 'N1'" in capsys.readouterr().out
    assert collection.read_bytes() == before


def test_add_file_errors_exit_2(tmp_path, collection, capsys):
    before = collection.read_bytes()
    (tmp_path / "cases.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "broken.json").write_text("[{", encoding="utf-8")
    (tmp_path / "numbers.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    (tmp_path / "nocaseid.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("case_id,province\nX1,浙江,extra\n", encoding="utf-8")
    for name, msg in [
        ("missing.csv", "file not found"),
        ("cases.xlsx", "unsupported file type"),
        ("broken.json", "not valid JSON"),
        ("numbers.json", "list of objects"),
        ("empty.csv", "empty CSV"),
        ("nocaseid.csv", "no 'case_id' column"),
        ("ragged.csv", "line 2: 3 fields"),
    ]:
        assert run(["cases", "add", str(tmp_path / name), "--path", str(collection)]) == 2, name
        assert msg in capsys.readouterr().err, name
    assert collection.read_bytes() == before
    src = write_csv(tmp_path / "new.csv", [new_case()])
    assert run(["cases", "add", str(src), "--path", str(tmp_path / "nowhere.csv")]) == 2
    assert "cases import" in capsys.readouterr().err
    (tmp_path / "latin1.csv").write_bytes("case_id,province\nX1,\xe9\n".encode("latin-1"))
    assert run(["cases", "add", str(tmp_path / "latin1.csv"), "--path", str(collection)]) == 2


def test_add_validates_the_existing_rows_too(tmp_path, collection):
    text = collection.read_text(encoding="utf-8").replace(",civil_judgment,", ",civil_judgement,", 1)
    collection.write_text(text, encoding="utf-8")
    before = collection.read_bytes()
    res = add_cases(write_csv(tmp_path / "new.csv", [new_case()]), collection)
    assert not res.ok and any(e.source == "mine.csv" and e.column == "procedure" for e in res.errors)
    assert collection.read_bytes() == before


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        run(["cases"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        run(["cases", "list", "--format", "xml"])
    assert exc.value.code == 2


@pytest.mark.skipif(sys.platform == "win32", reason="posix permissions")
def test_write_keeps_file_mode(tmp_path, collection):
    os.chmod(collection, 0o640)
    assert add_cases(write_csv(tmp_path / "new.csv", [new_case()]), collection).ok
    assert (collection.stat().st_mode & 0o777) == 0o640


def test_real_cli_entry_point(tmp_path):
    """`python -m litigation cases ...` is wired through litigation/cli.py."""
    from litigation import cli

    if "litigation.cases.commands" not in cli.COMMAND_MODULES:
        pytest.fail("litigation.cases.commands is not registered in litigation/cli.py COMMAND_MODULES")
    env = {**os.environ, ENV_VAR: ""}
    proc = subprocess.run([sys.executable, "-m", "litigation", "cases", "validate"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "OK: 71 cases valid" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "litigation", "cases", "validate", "--path",
                           str(tmp_path / "none.csv")], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2
