"""Reading a case collection (CSV or JSON) into a typed DataFrame, and back to JSON records.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pandas as pd

from litigation.cases.schema import (
    AMOUNT_COLUMNS,
    BOOL_COLUMNS,
    COLUMNS,
    INT_COLUMNS,
    LINES_ATTR,
    SOURCES_ATTR,
    TRISTATE_COLUMNS,
    CasesFileError,
    CaseValidationError,
    cell_to_str,
    resolve_cases_path,
)
from litigation.cases.validation import validate_cases
from litigation.i18n import excerpt

# --------------------------------------------------------------------------- reading

def _read_csv_records(path: Path) -> tuple[list[str], list[dict[str, str]], list[int]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:  # a CR inside a quoted cell stays a CR
            text = fh.read()
    except FileNotFoundError as exc:
        raise CasesFileError(f"file not found / 文件不存在: {path}") from exc
    except UnicodeDecodeError as exc:
        raise CasesFileError(f"not UTF-8 text / 不是 UTF-8 文本: {path} ({exc})") from exc
    except OSError as exc:
        raise CasesFileError(f"cannot read / 无法读取: {path} ({exc})") from exc
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)  # strict: a file cut off inside a quote fails
    try:
        header = next(reader)
    except StopIteration as exc:
        raise CasesFileError(f"empty CSV file / CSV 文件为空: {path}") from exc
    except csv.Error as exc:
        raise CasesFileError(f"malformed CSV / CSV 格式错误: {path} ({exc})") from exc
    header = [h.strip() for h in header]
    if len(set(header)) != len(header):
        dupes = sorted({h for h in header if header.count(h) > 1})
        raise CasesFileError(f"duplicate column names / 列名重复: {', '.join(dupes)} in {path}")
    if "case_id" not in header:
        raise CasesFileError(
            f"not a case file: no 'case_id' column / 不是案例文件：缺少 case_id 列: {path}"
        )
    records: list[dict[str, str]] = []
    lines: list[int] = []
    prev = reader.line_num
    try:
        for fields in reader:
            start = prev + 1
            prev = reader.line_num
            if not fields or all(f.strip() == "" for f in fields):
                continue  # blank line
            if len(fields) != len(header):
                raise CasesFileError(
                    f"{path} line {start}: {len(fields)} fields but the header has {len(header)} / "
                    f"第 {start} 行有 {len(fields)} 个字段，表头有 {len(header)} 个"
                )
            records.append(dict(zip(header, fields, strict=True)))
            lines.append(start)
    except csv.Error as exc:
        line = reader.line_num
        if "unexpected end of data" in str(exc):
            raise CasesFileError(f"{path} line {line}: the file ends inside a quoted cell (cut off?) / "
                                 f"第 {line} 行：文件在引号内的单元格中结束（文件可能不完整）") from exc
        raise CasesFileError(f"{path} line {line}: malformed CSV ({exc}) / 第 {line} 行 CSV 格式错误") from exc
    return header, records, lines


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number a case can hold")


def _read_json_records(path: Path) -> tuple[list[str], list[dict[str, str]], list[int]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"), parse_constant=_no_constant)
    except FileNotFoundError as exc:
        raise CasesFileError(f"file not found / 文件不存在: {path}") from exc
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError, NaN/Infinity, over-long integers
        raise CasesFileError(f"not valid JSON / 不是有效的 JSON: {path} ({excerpt(str(exc), 120)})") from exc
    except RecursionError:
        raise CasesFileError(f"not valid JSON: nested too deeply / 不是有效的 JSON：嵌套过深: {path}") from None
    except OSError as exc:
        raise CasesFileError(f"cannot read / 无法读取: {path} ({exc})") from exc
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(o, dict) for o in data):
        raise CasesFileError(
            f"JSON must be a list of objects (one per case) / JSON 须为对象列表（每个案例一个对象）: {path}"
        )
    header: list[str] = []
    for obj in data:
        for key in obj:
            if key not in header:
                header.append(str(key))
    records = [{str(k): cell_to_str(v) for k, v in obj.items()} for obj in data]
    return header, records, list(range(1, len(records) + 1))


def _read_records(path: str | os.PathLike[str]) -> tuple[list[str], list[dict[str, str]], list[int]]:
    p = Path(path)
    if p.is_dir():
        raise CasesFileError(f"is a directory, not a file / 是目录而不是文件: {p}")
    suffix = p.suffix.lower()
    if suffix == ".json":
        return _read_json_records(p)
    if suffix in (".csv", ".txt", ""):
        return _read_csv_records(p)
    raise CasesFileError(
        f"unsupported file type '{suffix}' (use .csv or .json) / 不支持的文件类型 '{suffix}'（请用 .csv 或 .json）: {p}"
    )


def _frame(header: list[str], records: list[dict[str, str]], lines: list[int], source: str,
           fill_missing: bool) -> pd.DataFrame:
    cols = list(COLUMNS) + [c for c in header if c not in COLUMNS]
    if not fill_missing:
        cols = [c for c in cols if c in header]
    df = pd.DataFrame([{c: r.get(c, "") for c in cols} for r in records], columns=cols, dtype=object)
    df = df.fillna("").astype(object)
    df.attrs[LINES_ATTR] = list(lines)
    df.attrs[SOURCES_ATTR] = [source] * len(records)
    return df


def read_cases_raw(path: str | os.PathLike[str] | None = None) -> pd.DataFrame:
    """Read a case file (CSV or JSON) as strings, exactly as stored; no validation, no conversion.

    Missing columns are *not* added, so `validate_cases` can report them.
    """
    p = resolve_cases_path(path)
    header, records, lines = _read_records(p)
    return _frame(header, records, lines, p.name, fill_missing=False)


# --------------------------------------------------------------------------- typing


def _to_bool(series: pd.Series) -> pd.Series:
    mapping = {"true": True, "false": False}
    return series.map(lambda v: mapping.get(cell_to_str(v).strip().lower(), pd.NA)).astype("boolean")


def to_typed(raw: pd.DataFrame) -> pd.DataFrame:
    """Convert a string frame to proper dtypes (values that do not parse become missing)."""
    df = pd.DataFrame(index=raw.index)
    for col in raw.columns:
        s = raw[col].map(cell_to_str)
        if col in BOOL_COLUMNS or col in TRISTATE_COLUMNS:
            df[col] = _to_bool(s)
        elif col in AMOUNT_COLUMNS:
            df[col] = pd.to_numeric(s.replace("", pd.NA), errors="coerce").astype("Float64")
        elif col in INT_COLUMNS:
            num = pd.to_numeric(s.replace("", pd.NA), errors="coerce")
            df[col] = num.where(num.isna() | (num == num.round())).astype("Int64")
        elif col == "decision_date":
            df[col] = pd.to_datetime(s.replace("", pd.NA), format="%Y-%m-%d", errors="coerce")
        else:
            df[col] = s.replace("", pd.NA).astype("string")
    df.attrs = dict(raw.attrs)
    return df


def load_cases(path: str | os.PathLike[str] | None = None, *, validate: bool = True) -> pd.DataFrame:
    """Load a case collection with proper dtypes.

    Nullable booleans ("boolean") for flags, Float64 for amounts, Int64 for counts and year,
    datetime64 for `decision_date`, "string" for the rest. With `validate=True` (default) a
    `CaseValidationError` listing every problem is raised if the file does not pass
    `validate_cases`. Raises `CasesFileError` if the file cannot be read.
    """
    raw = read_cases_raw(path)
    if validate:
        errors = validate_cases(raw)
        if errors:
            raise CaseValidationError(errors)
    for col in COLUMNS:
        if col not in raw.columns:
            raw[col] = ""
    return to_typed(raw)


def default_sample(df: pd.DataFrame) -> pd.Series:
    """Rows that enter private-damages estimates by default (`in_default_sample` is true)."""
    return df["in_default_sample"].map(lambda v: cell_to_str(v).lower() == "true").astype(bool)


# --------------------------------------------------------------------------- JSON helpers


def to_records(df: pd.DataFrame) -> list[dict[str, object]]:
    """Typed frame -> JSON-ready list of dicts (None for unknown, booleans, numbers, ISO dates)."""
    out = []
    for rec in df.to_dict(orient="records"):
        row: dict[str, object] = {}
        for k, v in rec.items():
            if v is None or (not isinstance(v, (list, tuple)) and pd.isna(v)):
                row[k] = None
            elif isinstance(v, pd.Timestamp):
                row[k] = v.date().isoformat()
            elif hasattr(v, "item"):
                row[k] = v.item()
            else:
                row[k] = v
        out.append(row)
    return out
