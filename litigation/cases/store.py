"""Writing a case collection: `add` and `import`, atomic (nothing half-written; all rows valid or none).
"""

from __future__ import annotations

import csv
import fcntl
import glob
import io
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from litigation.cases.loading import _frame, _read_records, read_cases_raw
from litigation.cases.schema import (
    AMOUNT_COLUMNS,
    COLUMNS,
    DEFAULT_CASES_PATH,
    LINES_ATTR,
    SOURCES_ATTR,
    AddResult,
    CasesFileError,
    cell_to_str,
    default_sample_rule,
    resolve_cases_path,
)
from litigation.cases.validation import ISO_DATE_RE, validate_cases

# --------------------------------------------------------------------------- writing


def _fill_derived(r: dict[str, str]) -> dict[str, str]:
    """Fill the purely derived fields of a new row when they are left empty (see data/README.md)."""
    r = dict(r)
    if not r.get("dispute_id", "").strip():
        r["dispute_id"] = r.get("case_id", "").strip()
    dd = r.get("decision_date", "").strip()
    if dd and ISO_DATE_RE.match(dd):
        if not r.get("date_precision", "").strip():
            r["date_precision"] = "day"
        if not r.get("year", "").strip():
            r["year"] = dd[:4]
    if not r.get("figure_confidence", "").strip():
        has_amount = any(r.get(c, "").strip() for c in AMOUNT_COLUMNS)
        r["figure_confidence"] = ("weak" if r.get("weak_fields", "").strip() else "quoted") if has_amount else "none"
    if not r.get("in_default_sample", "").strip():
        r["in_default_sample"] = "true" if default_sample_rule(r) else "false"
    return r


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(cell: str) -> str:
    """A cell a spreadsheet would run as a formula (it begins with =, +, -, @, tab or CR) gets a leading
    apostrophe, so that Excel or LibreOffice shows it as text."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _csv_text(header: list[str], records: Iterable[Mapping[str, str]]) -> str:
    """The collection as CSV that reads back exactly: a row with a carriage return in any cell is quoted
    whole (Python's minimal quoting looks only for the line terminator, `\n`)."""
    buf = io.StringIO()
    minimal = csv.writer(buf, lineterminator="\n")
    quoted = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
    minimal.writerow(header)
    for rec in records:
        row = [neutralise_formula(rec.get(c, "")) for c in header]
        (quoted if any("\r" in c for c in row) else minimal).writerow(row)
    return buf.getvalue()


def _temp_name(dest: Path) -> Path:
    return dest.with_name(f".{dest.name}.{os.getpid()}.tmp")


@contextmanager
def _locked(dest: Path) -> Iterator[None]:
    """An exclusive lock for one read-modify-write of `dest`, held on its folder (a file that is never
    replaced, unlike the collection itself). Under the lock no other writer is running, so temporary files
    left by a writer that was killed are removed."""
    if not dest.parent.is_dir():
        raise CasesFileError(f"no such folder / 文件夹不存在: {dest.parent}")
    fd = os.open(dest.parent, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        for stale in dest.parent.glob(f".{glob.escape(dest.name)}.*.tmp"):
            stale.unlink(missing_ok=True)
        yield
    finally:
        os.close(fd)  # releases the lock


def _write_atomic(dest: Path, header: list[str], records: Iterable[Mapping[str, str]]) -> None:
    """Replace `dest` in one step. The data is written to an unnamed file (O_TMPFILE) that only gets a
    name just before the rename, so a writer killed while writing leaves nothing behind; where the file
    system has no unnamed files, a named one is used (and removed by the next writer, see `_locked`)."""
    data = _csv_text(header, records).encode("utf-8")
    mode = dest.stat().st_mode & 0o777 if dest.exists() else 0o644
    tmp = _temp_name(dest)
    try:
        fd, named = os.open(dest.parent, os.O_TMPFILE | os.O_WRONLY, mode), False
    except (AttributeError, OSError):
        fd, named = os.open(tmp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, mode), True
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            if not named:  # linkat(AT_SYMLINK_FOLLOW) through /proc; os.link would use link(2), which cannot
                proc = os.open("/proc/self/fd", os.O_RDONLY)
                try:
                    os.link(str(fh.fileno()), tmp, src_dir_fd=proc, follow_symlinks=True)
                finally:
                    os.close(proc)
        os.chmod(tmp, mode)
        os.replace(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _records_of(df: pd.DataFrame) -> list[dict[str, str]]:
    return [{c: cell_to_str(v) for c, v in rec.items()} for rec in df.to_dict(orient="records")]


def add_cases(src_path: str | os.PathLike[str], dest_path: str | os.PathLike[str] | None = None) -> AddResult:
    """Append the cases in `src_path` (CSV, or JSON list of objects) to an existing collection.

    Columns missing from the new file are treated as empty; `dispute_id`, `date_precision`,
    `year`, `figure_confidence` and `in_default_sample` are derived when left empty. The union of
    existing and new rows is validated exactly like `validate_cases`; duplicate case_ids are refused.
    Nothing is written unless every row is valid; the write is atomic (temp file + os.replace).
    Raises `CasesFileError` for missing/unreadable files or a missing destination.
    """
    dest = resolve_cases_path(dest_path)
    src = Path(src_path)
    header, records, lines = _read_records(src)
    if not records:
        raise CasesFileError(f"no cases in {src} / 文件中没有案例: {src}")
    with _locked(dest):
        if not dest.exists():
            raise CasesFileError(
                f"destination collection does not exist: {dest} (create it with `cases import`) / "
                f"目标案例集不存在：{dest}（请先用 `cases import` 创建）"
            )
        existing = read_cases_raw(dest)
        new = _frame(header, [_fill_derived(r) for r in records], lines, src.name, fill_missing=True)
        new_cols = [c for c in new.columns if c in existing.columns or c not in COLUMNS]
        for c in existing.columns:
            if c not in new.columns:
                new[c] = ""
        union = pd.concat([existing, new[list(existing.columns) + [c for c in new_cols if c not in existing.columns]]],
                          ignore_index=True).fillna("")
        union.attrs[LINES_ATTR] = existing.attrs[LINES_ATTR] + new.attrs[LINES_ATTR]
        union.attrs[SOURCES_ATTR] = existing.attrs[SOURCES_ATTR] + new.attrs[SOURCES_ATTR]
        errors = validate_cases(union)
        added = [r.get("case_id", "") for r in records]
        if errors:
            return AddResult(ok=False, dest=str(dest), written=False, added=added, total_rows=len(existing),
                             errors=errors)
        _write_atomic(dest, list(existing.columns), _records_of(union))
    return AddResult(ok=True, dest=str(dest), written=True, added=added, total_rows=len(union))


def import_cases(src_path: str | os.PathLike[str] | None = None, dest_path: str | os.PathLike[str] | None = None,
                 *, replace: bool = False) -> AddResult:
    """Create (or, with `replace=True`, replace) a whole collection at `dest_path` from `src_path`.

    `src_path=None` copies the bundled dataset, to start your own collection from it. The source is
    validated on its own; derived fields are filled as in `add_cases`; nothing is written on error.
    """
    dest = resolve_cases_path(dest_path)
    src = Path(src_path) if src_path is not None else DEFAULT_CASES_PATH
    dest.parent.mkdir(parents=True, exist_ok=True)
    with _locked(dest):
        if dest.exists() and not replace:
            raise CasesFileError(
                f"{dest} already exists; use --replace to overwrite it, or `cases add` to append / "
                f"{dest} 已存在；如需覆盖请加 --replace，追加请用 `cases add`"
            )
        if dest.exists() and src.resolve() == dest.resolve():
            raise CasesFileError(f"source and destination are the same file / 源文件与目标文件相同: {dest}")
        header, records, lines = _read_records(src)
        df = _frame(header, [_fill_derived(r) for r in records], lines, src.name, fill_missing=True)
        errors = validate_cases(df)
        ids = [r.get("case_id", "") for r in records]
        if errors:
            return AddResult(ok=False, dest=str(dest), written=False, added=ids, total_rows=0, errors=errors)
        _write_atomic(dest, list(df.columns), _records_of(df))
    return AddResult(ok=True, dest=str(dest), written=True, added=ids, total_rows=len(df))
