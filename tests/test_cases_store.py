"""The case collection survives hostile cells and concurrent use: whatever `cases add` writes reads back,
two writers at once lose nothing, and a writer killed mid-add leaves a readable collection and no
temporary file."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_cases_cli import REPO, new_case, tmp_leftovers, write_csv

from litigation.cases.loading import load_cases, read_cases_raw
from litigation.cases.schema import CasesFileError
from litigation.cases.store import add_cases, import_cases, neutralise_formula
from litigation.cases.validation import validate_cases


@pytest.fixture
def collection(tmp_path) -> Path:
    dest = tmp_path / "mine.csv"
    import_cases(None, dest)
    return dest


def write_json(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_bare_carriage_return_is_quoted_and_reads_back(collection, tmp_path):
    src = write_json(tmp_path / "new.json", [new_case("CR-1", notes="first\rsecond\r\nthird\nfourth")])
    assert add_cases(src, collection).ok
    df = load_cases(collection)
    assert df.loc[df["case_id"] == "CR-1", "notes"].item() == "first\rsecond\r\nthird\nfourth"
    assert add_cases(write_csv(tmp_path / "more.csv", [new_case("CR-2")]), collection).ok  # still appendable
    assert len(load_cases(collection)) == 73


def test_a_file_cut_off_inside_a_quoted_cell_is_refused(collection, tmp_path):
    text = collection.read_text(encoding="utf-8")
    cut = tmp_path / "cut.csv"
    cut.write_text(text[: text.rindex('"') - 3], encoding="utf-8")  # inside the last quoted cell
    with pytest.raises(CasesFileError, match="ends inside a quoted cell"):
        read_cases_raw(cut)


@pytest.mark.parametrize("digits", ["２０００", "٢٠٠٠", "۲۰۰۰"])
def test_full_width_and_arabic_indic_digits_are_refused_with_the_column_named(collection, tmp_path, digits):
    src = write_csv(tmp_path / "new.csv", [new_case("FW-1", awarded_mental_distress=digits, awarded_total="")])
    res = add_cases(src, collection)
    assert not res.ok and not res.written
    assert any(e.column == "awarded_mental_distress" and "0-9" in e.message_en and "半角" in e.message_zh
               for e in res.errors)


@pytest.mark.parametrize("column", ["case_id", "case_name_zh", "court_en", "notes"])
@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200b", "\u200f", "\ufeff"])
def test_bidi_controls_and_zero_width_characters_are_refused_with_the_column_named(collection, tmp_path, column,
                                                                                   char):
    before = len(load_cases(collection))
    row = new_case("ZW-1")
    row[column] = row[column][:2] + char + row[column][2:]
    for src in (write_csv(tmp_path / "new.csv", [row]), write_json(tmp_path / "new.json", [row])):
        res = add_cases(src, collection)
        assert not res.ok and not res.written
        code = f"U+{ord(char):04X}"
        hit = [e for e in res.errors if e.column == column and code in e.message_en]
        assert hit and "invisible" in hit[0].message_en and "不可见" in hit[0].message_zh
        assert char not in str(hit[0])  # the message names the character, it does not carry it
    assert len(load_cases(collection)) == before  # nothing was added


def test_a_column_name_with_a_zero_width_space_is_explained(collection, tmp_path):
    row = new_case("ZW-2")
    row["notes\u200b"] = row.pop("notes")
    res = add_cases(write_json(tmp_path / "new.json", [row]), collection)
    assert not res.ok
    assert any("U+200B" in e.message_en and "U+200B" in e.message_zh for e in res.errors)


def test_a_huge_cell_is_quoted_only_as_a_short_excerpt(collection, tmp_path):
    src = write_csv(tmp_path / "new.csv", [new_case("BIG-1", scenario="x" * 100_000)])
    res = add_cases(src, collection)
    assert not res.ok and any(e.column == "scenario" for e in res.errors)
    assert all(len(str(e)) < 1_000 for e in res.errors)
    src = write_csv(tmp_path / "huge.csv", [new_case("BIG-2", notes="x" * 1_000_000)])
    with pytest.raises(CasesFileError, match="line 2"):
        add_cases(src, collection)


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://host\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_cells_a_spreadsheet_would_run_are_written_as_text(collection, tmp_path, cell):
    src = write_json(tmp_path / "new.json", [new_case("F-1", notes=cell)])
    assert add_cases(src, collection).ok
    df = load_cases(collection)
    assert df.loc[df["case_id"] == "F-1", "notes"].item() == "'" + cell
    assert neutralise_formula("'" + cell) == "'" + cell  # once only
    assert validate_cases(read_cases_raw(collection)) == []


ADDER = """
import sys
from litigation.cases.store import add_cases
res = add_cases(sys.argv[1], sys.argv[2])
sys.exit(0 if res.ok else 1)
"""


def _spawn(src: Path, dest: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", ADDER, str(src), str(dest)], cwd=REPO,
                            env={**os.environ, "PYTHONPATH": str(REPO)})


def test_writers_adding_at_once_lose_no_row(collection, tmp_path):
    batches = [write_csv(tmp_path / f"b{i}.csv", [new_case(f"W{i}-{j}") for j in range(20)]) for i in range(4)]
    procs = [_spawn(b, collection) for b in batches]
    assert [p.wait(timeout=300) for p in procs] == [0, 0, 0, 0]
    ids = set(load_cases(collection)["case_id"])
    assert {f"W{i}-{j}" for i in range(4) for j in range(20)} <= ids
    assert len(ids) == 71 + 80
    assert tmp_leftovers(tmp_path) == []


def test_a_writer_killed_mid_add_leaves_a_readable_collection_and_no_temporary_file(collection, tmp_path):
    src = write_csv(tmp_path / "big.csv", [new_case(f"K-{j}", notes="n" * 2_000) for j in range(3_000)])
    before = collection.read_bytes()
    rng = random.Random(12)
    outcomes = []
    for _ in range(6):
        p = _spawn(src, collection)
        time.sleep(rng.uniform(0.5, 4.0))
        p.send_signal(signal.SIGKILL)
        p.wait(timeout=60)
        df = load_cases(collection)  # readable, valid
        outcomes.append(len(df))
        assert len(df) in (71, 3_071)
        assert [x for x in os.listdir(tmp_path) if x.endswith(".tmp")] == []
        collection.write_bytes(before)
