"""Case dataset: schema, loading, validation, and the `cases` command.

The bundled dataset (`data/cases.csv`, codebook in `data/README.md`) encodes every matter of the
project's two case dossiers. A court, clinic or firm can keep its own collection elsewhere: every
function takes a `path`, and the environment variable `FACETORT_CASES` overrides the default.

Pure Python + pandas + pydantic; never imports streamlit.

Command line (registered through `register(subparsers)`):

    python -m litigation cases validate [--path P]
    python -m litigation cases list     [--path P] [--format table|json]
    python -m litigation cases add FILE [--path P]           # append rows (CSV or JSON) to a collection
    python -m litigation cases import [FILE | --bundled] [--path P] [--replace]
                                                             # create/replace a whole collection

Exit codes: 0 ok, 1 validation errors, 2 usage or file errors.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import os
import re
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict

# --------------------------------------------------------------------------- paths

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CASES_PATH = REPO_ROOT / "data" / "cases.csv"
ENV_VAR = "FACETORT_CASES"


def resolve_cases_path(path: str | os.PathLike[str] | None = None) -> Path:
    """`path` if given, else `$FACETORT_CASES` if set and non-empty, else the bundled dataset."""
    if path is not None and str(path) != "":
        return Path(path)
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env)
    return DEFAULT_CASES_PATH


# --------------------------------------------------------------------------- codebook
# Every coded column: code -> (zh label, en label). data/README.md documents the same lists.

PROCEDURE = {
    "civil_judgment": ("民事判决", "civil judgment"),
    "civil_mediation": ("民事调解", "civil mediation (settlement)"),
    "civil_withdrawn": ("撤诉", "civil case withdrawn"),
    "civil_pil": ("民事公益诉讼", "civil public-interest litigation"),
    "criminal_incidental_pil": ("刑事附带民事公益诉讼", "criminal case with incidental civil PIL"),
    "procuratorial": ("检察监督 / 检察建议", "procuratorial matter (no court decision)"),
    "administrative": ("行政处理 / 行政处罚", "administrative decision (e.g. a fine)"),
    "administrative_litigation": ("行政诉讼", "administrative litigation"),
    "pending": ("未决或结果不明", "filed; no decision reported (pending or outcome unknown)"),
}
INSTANCE = {
    "first": ("一审", "first instance"),
    "second": ("二审", "second instance"),
    "retrial": ("再审", "retrial"),
    "n/a": ("不适用", "not a court instance"),
    "unknown": ("审级不明", "instance unknown"),
}
COURT_LEVEL = {
    "basic": ("基层人民法院（含互联网法院）", "basic-level court (internet courts included)"),
    "intermediate": ("中级人民法院", "intermediate court"),
    "high": ("高级人民法院", "high court"),
    "supreme": ("最高人民法院", "Supreme People's Court"),
    "not_court": ("非法院机关（检察机关、行政机关）", "not a court (procuratorate, regulator)"),
    "unknown": ("不明", "unknown"),
}
MATTER_CLASS = {
    "face": ("人脸信息案件", "face-information matter"),
    "related": ("密切相关案件（肖像/人格形象、声音）", "closely related (portrait/persona, voice)"),
    "comparable": ("非人脸个人信息可比案件", "non-face personal-information comparable"),
}
CLAIMANT_KIND = {
    "individual": ("自然人", "individual"),
    "business": ("企业", "business"),
    "bank": ("银行", "bank"),
    "procuratorate": ("检察机关", "procuratorate"),
    "unknown": ("不明", "unknown"),
}
CAUSE_OF_ACTION = {
    "service_contract": ("服务合同纠纷", "service contract"),
    "property_service_contract": ("物业服务合同纠纷", "property-service contract"),
    "loan_contract": ("金融借款合同纠纷", "financial loan contract"),
    "debit_card": ("借记卡纠纷", "debit card"),
    "sales_agency_contract": ("商品房委托代理销售合同纠纷", "property sales-agency contract (commission)"),
    "service_fee": ("服务费纠纷", "service fees"),
    "privacy": ("隐私权纠纷", "privacy"),
    "personal_information": ("个人信息保护纠纷", "personal-information protection"),
    "portrait": ("肖像权纠纷", "portrait right"),
    "reputation": ("名誉权纠纷", "reputation right"),
    "name": ("姓名权纠纷", "name right"),
    "general_personality": ("一般人格权纠纷", "general personality right"),
    "personality_rights": ("人格权纠纷", "personality rights"),
    "network_tort": ("网络侵权责任纠纷", "network tort"),
    "tort": ("侵权责任纠纷", "tort (general)"),
    "pil_personal_information": ("个人信息保护公益诉讼 / 检察监督", "personal-information public interest"),
    "criminal_personal_information": ("侵犯公民个人信息罪", "crime of infringing citizens' personal information"),
    "administrative_penalty": ("行政处罚", "administrative penalty"),
    "unknown": ("案由不明", "cause not stated"),
}
SCENARIO = {
    "zoo_park": ("动物园 / 景区入园", "zoo or park entry"),
    "residential_access": ("住宅小区门禁", "residential access control"),
    "office_access": ("写字楼 / 办公场所门禁", "office access control"),
    "mall_retail": ("商场 / 零售门店", "mall or retail store"),
    "gym": ("健身房", "gym"),
    "sales_office": ("售楼处", "property sales office"),
    "face_swap_app": ("AI换脸应用", "AI face-swap app"),
    "deepfake_abuse": ("个人制作深度合成换脸内容", "deepfake abuse by an individual"),
    "ai_image": ("AI或数字修改肖像", "AI or digital alteration of a likeness"),
    "ai_companion": ("AI陪伴 / 虚拟人格", "AI companion / virtual persona"),
    "voice": ("声音（AI合成）", "voice (AI synthesis)"),
    "verification_bypass": ("伪造人脸验证 / 绕过实名认证", "fake face verification / real-name bypass"),
    "bank_fraud": ("银行身份核验与冒名", "bank identity verification and impostors"),
    "telecom_sim": ("电信补卡身份核验", "telecom SIM re-issue identity check"),
    "insurance": ("保险", "insurance"),
    "employment": ("劳动用工", "employment"),
    "platform_app": ("应用程序收集使用个人信息", "app or platform collecting/using personal information"),
    "marketing_sms": ("营销短信", "marketing SMS"),
    "disclosure": ("公开 / 披露个人信息", "publication or disclosure of personal information"),
    "data_leak": ("个人信息泄露", "data leak"),
    "data_trade": ("买卖个人信息", "sale of personal information"),
    "other_pi": ("其他个人信息", "other personal information"),
}
DEFENDANT_KIND = {
    "business": ("企业", "business"),
    "platform": ("网络平台 / 应用运营者", "platform or app operator"),
    "property_manager": ("物业服务企业", "property manager"),
    "developer": ("房地产开发企业", "real-estate developer"),
    "bank": ("银行", "bank"),
    "insurer": ("保险公司", "insurer"),
    "telecom": ("电信运营商", "telecom operator"),
    "employer": ("用人单位", "employer"),
    "school": ("学校", "school"),
    "state_organ": ("国家机关", "state organ"),
    "tech_vendor": ("技术供应商", "technology vendor"),
    "individual": ("自然人", "individual"),
    "unknown": ("不明", "unknown"),
}
CONSENT_TYPE = {
    "none": ("未取得同意", "no consent"),
    "general": ("概括 / 捆绑同意（未证明单独同意）", "general or bundled consent (no separate consent shown)"),
    "separate": ("单独同意", "separate consent"),
    "written": ("书面同意", "written consent"),
    "unknown": ("不明", "unknown"),
}
CLAIM_OUTCOME = {
    "upheld": ("诉请全部支持", "all claims upheld"),
    "partly_upheld": ("诉请部分支持", "claims partly upheld"),
    "upheld_extent_unknown": ("诉请获支持（范围不明）", "claims upheld, extent unknown"),
    "dismissed": ("驳回诉请", "claims dismissed"),
    "mediated": ("调解结案", "mediated"),
    "withdrawn": ("撤诉", "withdrawn"),
    "pending": ("未决", "pending"),
    "remediated": ("已整改", "remediated"),
    "sanctioned": ("已处罚", "sanctioned"),
    "unknown": ("结果不明", "unknown"),
}
OTHER_KIND = {
    "pil_damages": ("公益损害赔偿金", "public-interest damages"),
    "fine": ("罚款", "administrative fine"),
    "guarantee": ("预付损害赔偿保证金", "prepaid damages guarantee"),
    "commission": ("佣金 / 服务费", "commission or service fee"),
    "loan_principal": ("借款本金", "loan principal"),
    "consumer_treble": ("消费欺诈三倍赔偿", "consumer-fraud treble damages"),
    "reputation_loss": ("名誉损失", "reputation loss"),
}
AMOUNT_UNIT = {
    "decision": ("整个裁判合计", "whole decision"),
    "per_plaintiff": ("每名原告", "per plaintiff"),
    "per_defendant": ("每名被告", "per defendant"),
    "unknown": ("不明（每人或合计不明）", "unknown (per person or combined)"),
}
FIGURE_CONFIDENCE = {
    "quoted": ("[Q] 有出处引用", "[Q] quoted from a cited source"),
    "weak": ("[Q-weak] 出处较弱", "[Q-weak] at least one figure from a weak source"),
    "none": ("无金额", "no figures"),
}
DATE_PRECISION = {
    "day": ("精确到日", "day"),
    "month": ("精确到月", "month"),
    "year": ("精确到年", "year"),
}
DOSSIER = {
    "dossier": ("案例卷宗一 dossier.md", "shared/cases/dossier.md"),
    "dossier-2": ("案例卷宗二 dossier-2.md", "shared/cases/dossier-2.md"),
}
# Chinese short names as in shared/stats/income_by_province.csv (province_zh).
PROVINCES = (
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州",
    "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
)

HEADS = ("economic_loss", "reasonable_expenses", "attorney_fees", "mental_distress", "other")
CLAIMED = tuple(f"claimed_{h}" for h in HEADS)
AWARDED = tuple(f"awarded_{h}" for h in HEADS)
AMOUNT_COLUMNS = (*CLAIMED, "claimed_total", *AWARDED, "awarded_total")

TRISTATE_COLUMNS = (
    "separate_consent", "sole_verification_method", "leak", "minor", "public_figure", "commercial_profit",
    "infringement_found",
    "remedy_deletion", "remedy_apology", "remedy_alternative_verification", "remedy_injunction",
)
BOOL_COLUMNS = ("internet_court", "face_case", "in_default_sample")
INT_COLUMNS = ("year", "plaintiff_count", "defendant_count")

# single code columns: column -> (codes, required)
CODE_COLUMNS: dict[str, tuple[Mapping[str, tuple[str, str]], bool]] = {
    "dossier": (DOSSIER, False),
    "court_level": (COURT_LEVEL, True),
    "date_precision": (DATE_PRECISION, False),
    "instance": (INSTANCE, True),
    "procedure": (PROCEDURE, True),
    "matter_class": (MATTER_CLASS, True),
    "claimant_kind": (CLAIMANT_KIND, True),
    "scenario": (SCENARIO, True),
    "consent_type": (CONSENT_TYPE, True),
    "claim_outcome": (CLAIM_OUTCOME, True),
    "other_kind": (OTHER_KIND, False),
    "amount_unit": (AMOUNT_UNIT, False),
    "figure_confidence": (FIGURE_CONFIDENCE, True),
}
# semicolon-list code columns
MULTI_CODE_COLUMNS: dict[str, Mapping[str, tuple[str, str]]] = {
    "cause_of_action": CAUSE_OF_ACTION,
    "defendant_kinds": DEFENDANT_KIND,
}
FIELD_LIST_COLUMNS = ("approx_fields", "weak_fields")  # semicolon lists of amount column names

COLUMNS: tuple[str, ...] = (
    "case_id", "dossier", "dossier_id", "dispute_id", "case_no",
    "case_name_zh", "case_name_en",
    "court_zh", "court_en", "court_level", "internet_court", "province", "city",
    "decision_date", "date_precision", "decision_date_text", "year", "report_date",
    "instance", "procedure", "face_case", "matter_class",
    "claimant_kind", "plaintiff_count",
    "cause_of_action", "cause_of_action_zh", "scenario", "defendant_kinds", "defendant_count",
    "consent_type", "separate_consent", "sole_verification_method", "leak", "minor",
    "public_figure", "commercial_profit",
    "infringement_found", "claim_outcome", "legal_bases_cited",
    "remedy_deletion", "remedy_apology", "remedy_alternative_verification", "remedy_injunction",
    *CLAIMED, "claimed_total", *AWARDED, "awarded_total",
    "other_kind", "amount_unit", "approx_fields", "weak_fields", "figure_confidence", "amount_note",
    "in_default_sample",
    "source_citation", "source_urls", "notes",
)
REQUIRED_VALUES = (
    "case_id", "dispute_id", "province", "internet_court", "face_case", "in_default_sample",
    "cause_of_action", "defendant_kinds",
    *(c for c, (_, req) in CODE_COLUMNS.items() if req),
)

EARLIEST_DATE = dt.date(2015, 1, 1)
TOLERANCE_RMB = 1.0
_EPS = 0.005
NON_COURT_PROCEDURES = ("procuratorial", "administrative")
SANCTION_PROCEDURES = ("procuratorial", "administrative", "administrative_litigation")
DEFAULT_SAMPLE_PROCEDURES = ("civil_judgment",)
_INSTANCE_ORDER = {"first": 1, "second": 2, "retrial": 3}


# --------------------------------------------------------------------------- result types


class RowError(BaseModel):
    """One validation problem, in English and Chinese.

    `line` is the line of the file on which the record starts (the CSV header is line 1); for JSON
    input it is the 1-based position of the object in the list; for a DataFrame without file
    information it is the row position + 2 (as if written to CSV with a header).
    """

    model_config = ConfigDict(frozen=True)

    source: str | None = None
    line: int | None = None
    case_id: str | None = None
    column: str | None = None
    message_en: str
    message_zh: str

    def __str__(self) -> str:
        where = []
        if self.source:
            where.append(self.source)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.case_id:
            where.append(f"case_id={self.case_id}")
        if self.column:
            where.append(f"column {self.column}")
        head = ", ".join(where) if where else "dataset"
        return f"{head}: {self.message_en} / {self.message_zh}"


class AddResult(BaseModel):
    """Outcome of `add_cases` / `import_cases`. Nothing is written unless `ok`."""

    ok: bool
    dest: str
    written: bool
    added: list[str] = []
    total_rows: int = 0
    errors: list[RowError] = []


class CasesFileError(Exception):
    """The file is missing, unreadable or not in a supported format (CLI exit code 2)."""


class CaseValidationError(ValueError):
    """Raised by `load_cases(validate=True)` when the dataset has errors."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        lines = "\n".join(str(e) for e in errors[:20])
        more = f"\n... and {len(errors) - 20} more" if len(errors) > 20 else ""
        super().__init__(f"{len(errors)} validation error(s):\n{lines}{more}")


# --------------------------------------------------------------------------- reading

_LINES_ATTR = "facetort_lines"
_SOURCES_ATTR = "facetort_sources"


def _cell_to_str(value: object) -> str:
    """Normalise one cell (from CSV, JSON or a typed frame) to the CSV string form."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    try:
        if pd.isna(value):  # NA, NaN, NaT
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, (list, tuple)):
        return ";".join(_cell_to_str(v) for v in value)
    if hasattr(value, "item"):  # numpy scalars
        return _cell_to_str(value.item())
    return str(value)


def _read_csv_records(path: Path) -> tuple[list[str], list[dict[str, str]], list[int]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise CasesFileError(f"file not found / 文件不存在: {path}") from exc
    except UnicodeDecodeError as exc:
        raise CasesFileError(f"not UTF-8 text / 不是 UTF-8 文本: {path} ({exc})") from exc
    except OSError as exc:
        raise CasesFileError(f"cannot read / 无法读取: {path} ({exc})") from exc
    reader = csv.reader(io.StringIO(text, newline=""))
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
        raise CasesFileError(f"malformed CSV / CSV 格式错误: {path} ({exc})") from exc
    return header, records, lines


def _read_json_records(path: Path) -> tuple[list[str], list[dict[str, str]], list[int]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise CasesFileError(f"file not found / 文件不存在: {path}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CasesFileError(f"not valid JSON / 不是有效的 JSON: {path} ({exc})") from exc
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
    records = [{str(k): _cell_to_str(v) for k, v in obj.items()} for obj in data]
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
    df.attrs[_LINES_ATTR] = list(lines)
    df.attrs[_SOURCES_ATTR] = [source] * len(records)
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
    return series.map(lambda v: mapping.get(_cell_to_str(v).strip().lower(), pd.NA)).astype("boolean")


def to_typed(raw: pd.DataFrame) -> pd.DataFrame:
    """Convert a string frame to proper dtypes (values that do not parse become missing)."""
    df = pd.DataFrame(index=raw.index)
    for col in raw.columns:
        s = raw[col].map(_cell_to_str)
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
    return df["in_default_sample"].map(lambda v: _cell_to_str(v).lower() == "true").astype(bool)


def default_sample_rule(row: Mapping[str, object]) -> bool:
    """The eligibility rule for `in_default_sample`: a civil judgment in a face case (not a
    comparable) brought by an individual. Mediations, withdrawals, PIL, criminal, procuratorial and
    administrative matters, pending matters, non-face comparables and suits by banks or businesses
    are excluded."""
    g = {k: _cell_to_str(v) for k, v in row.items()}
    return (
        g.get("procedure") in DEFAULT_SAMPLE_PROCEDURES
        and g.get("face_case", "").lower() == "true"
        and g.get("matter_class") != "comparable"
        and g.get("claimant_kind") == "individual"
    )


# --------------------------------------------------------------------------- validation

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_NUM_RE = re.compile(r"^\d+(\.\d+)?$")


def _parse_amount(text: str) -> float | None:
    t = text.strip()
    if t == "":
        return None
    try:
        value = float(t)
    except ValueError:
        return math.nan
    return value


def _partial_date(text: str) -> tuple[int, int | None, int | None] | None:
    m = _PARTIAL_RE.match(text.strip())
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    try:
        if d:
            dt.date(int(y), int(mo), int(d))
        elif mo and not 1 <= int(mo) <= 12:
            return None
    except ValueError:
        return None
    return int(y), int(mo) if mo else None, int(d) if d else None


def _fmt(v: float) -> str:
    return _cell_to_str(round(v, 2))


class _Collector:
    def __init__(self) -> None:
        self.errors: list[RowError] = []

    def add(self, ctx: tuple[str | None, int | None, str | None], column: str | None, en: str, zh: str) -> None:
        source, line, case_id = ctx
        self.errors.append(
            RowError(source=source, line=line, case_id=case_id or None, column=column, message_en=en, message_zh=zh)
        )


def validate_cases(df: pd.DataFrame, *, today: dt.date | None = None) -> list[RowError]:
    """Check a case collection; return one `RowError` per problem (empty list = valid).

    Accepts the string frame of `read_cases_raw` or the typed frame of `load_cases`.
    """
    today = today or dt.date.today()
    out = _Collector()
    lines = df.attrs.get(_LINES_ATTR)
    sources = df.attrs.get(_SOURCES_ATTR)
    if not lines or len(lines) != len(df):
        lines = [i + 2 for i in range(len(df))]
    if not sources or len(sources) != len(df):
        sources = [None] * len(df)

    # --- columns
    missing = [c for c in COLUMNS if c not in df.columns]
    for c in missing:
        out.add((None, None, None), c, f"required column '{c}' is missing", f"缺少必需的列“{c}”")
    for c in df.columns:
        if c not in COLUMNS:
            out.add((None, None, None), str(c), f"unknown column '{c}' (see data/README.md)",
                    f"未知的列“{c}”（见 data/README.md）")

    rows = [{c: _cell_to_str(v) for c, v in rec.items()} for rec in df.to_dict(orient="records")]
    for r in rows:
        for c in missing:
            r[c] = ""

    # --- per row
    first_seen: dict[str, int] = {}
    for i, r in enumerate(rows):
        ctx = (sources[i], lines[i], r.get("case_id", "").strip())
        _validate_row(r, ctx, out, today)
        cid = r.get("case_id", "").strip()
        if cid:
            if cid in first_seen:
                j = first_seen[cid]
                where = f"{sources[j]} " if sources[j] and sources[j] != sources[i] else ""
                out.add(ctx, "case_id", f"duplicate case_id '{cid}' (already at {where}line {lines[j]})",
                        f"case_id“{cid}”重复（已见于 {where}第 {lines[j]} 行）")
            else:
                first_seen[cid] = i

    # --- dispute groups
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        did = r.get("dispute_id", "").strip()
        if did:
            groups.setdefault(did, []).append(i)
    for did, idx in groups.items():
        if len(idx) < 2:
            continue
        _validate_group(did, idx, rows, sources, lines, out)
    return out.errors


def _bool_ok(v: str) -> bool:
    return v in ("true", "false")


def _validate_row(r: dict[str, str], ctx, out: _Collector, today: dt.date) -> None:
    g = {k: (v.strip() if isinstance(v, str) else v) for k, v in r.items()}

    # required values
    for c in REQUIRED_VALUES:
        if g.get(c, "") == "":
            out.add(ctx, c, f"'{c}' must not be empty", f"“{c}”不能为空")
    if g.get("case_name_zh", "") == "" and g.get("case_name_en", "") == "":
        out.add(ctx, "case_name_zh", "give a case name (case_name_zh or case_name_en)",
                "须填写案件名称（case_name_zh 或 case_name_en）")
    cid = g.get("case_id", "")
    if cid and (re.search(r"\s|;|,", cid)):
        out.add(ctx, "case_id", "case_id must not contain spaces, commas or semicolons",
                "case_id 不得包含空格、逗号或分号")

    # codes
    for c, (codes, _req) in CODE_COLUMNS.items():
        v = g.get(c, "")
        if v and v not in codes:
            out.add(ctx, c, f"invalid code '{v}' for {c}; allowed: {', '.join(codes)}",
                    f"“{c}”的代码“{v}”无效；可用代码：{', '.join(codes)}")
    for c, codes in MULTI_CODE_COLUMNS.items():
        v = g.get(c, "")
        if not v:
            continue
        items = [x.strip() for x in v.split(";")]
        for x in items:
            if x not in codes:
                out.add(ctx, c, f"invalid code '{x}' in {c}; allowed: {', '.join(codes)}",
                        f"“{c}”中的代码“{x}”无效；可用代码：{', '.join(codes)}")
        if len(set(items)) != len(items):
            out.add(ctx, c, f"repeated code in {c}", f"“{c}”中有重复代码")
    prov = g.get("province", "")
    if prov and prov not in PROVINCES:
        out.add(ctx, "province",
                f"invalid province '{prov}'; use the short Chinese name, e.g. 浙江 (see data/README.md)",
                f"省份“{prov}”无效；请用简称，如“浙江”（见 data/README.md）")

    # booleans
    for c in BOOL_COLUMNS:
        v = g.get(c, "")
        if v and not _bool_ok(v):
            out.add(ctx, c, f"'{c}' must be true or false, not '{v}'", f"“{c}”只能为 true 或 false，不能为“{v}”")
    for c in TRISTATE_COLUMNS:
        v = g.get(c, "")
        if v and not _bool_ok(v):
            out.add(ctx, c, f"'{c}' must be true, false or empty (unknown), not '{v}'",
                    f"“{c}”只能为 true、false 或留空（不明），不能为“{v}”")
    for c in INT_COLUMNS:
        v = g.get(c, "")
        if v and not re.fullmatch(r"\d+", v):
            out.add(ctx, c, f"'{c}' must be a whole number, not '{v}'", f"“{c}”须为整数，不能为“{v}”")
        elif v and c != "year" and int(v) < 1:
            out.add(ctx, c, f"'{c}' must be at least 1", f"“{c}”至少为 1")

    # amounts
    amounts: dict[str, float] = {}
    for c in AMOUNT_COLUMNS:
        v = g.get(c, "")
        a = _parse_amount(v)
        if a is None:
            continue
        if math.isnan(a) or math.isinf(a) or not _NUM_RE.match(v.lstrip("-")):
            out.add(ctx, c, f"'{c}' must be a plain number in RMB (no commas or units), not '{v}'",
                    f"“{c}”须为以人民币计的纯数字（不含逗号或单位），不能为“{v}”")
            continue
        if a < 0:
            out.add(ctx, c, f"'{c}' must not be negative ({v})", f"“{c}”不能为负数（{v}）")
            continue
        amounts[c] = a
    has_amount = any(g.get(c, "") != "" for c in AMOUNT_COLUMNS)
    if has_amount and g.get("source_urls", "") == "" and g.get("source_citation", "") == "":
        first = next(c for c in AMOUNT_COLUMNS if g.get(c, "") != "")
        out.add(ctx, first, "amounts need a source: fill source_citation or source_urls",
                "金额须有出处：请填写 source_citation 或 source_urls")

    # field lists
    field_lists: dict[str, set[str]] = {}
    for c in FIELD_LIST_COLUMNS:
        items = [x.strip() for x in g.get(c, "").split(";") if x.strip()]
        field_lists[c] = set(items)
        for x in items:
            if x not in AMOUNT_COLUMNS:
                out.add(ctx, c, f"'{x}' in {c} is not an amount column", f"“{c}”中的“{x}”不是金额列")
            elif g.get(x, "") == "":
                out.add(ctx, c, f"{c} names '{x}', but that amount is empty", f"“{c}”列出了“{x}”，但该金额为空")
    approx = field_lists["approx_fields"]

    # awarded <= claimed
    for h in (*HEADS, "total"):
        cl, aw = f"claimed_{h}", f"awarded_{h}"
        if cl in amounts and aw in amounts and cl not in approx and amounts[aw] > amounts[cl] + _EPS:
            out.add(ctx, aw, f"awarded {_fmt(amounts[aw])} is more than claimed {_fmt(amounts[cl])} ({h})",
                    f"判赔 {_fmt(amounts[aw])} 超过诉请 {_fmt(amounts[cl])}（{h}）")

    # totals vs heads
    for side in ("claimed", "awarded"):
        tot_col = f"{side}_total"
        head_cols = [f"{side}_{h}" for h in HEADS]
        if tot_col not in amounts:
            continue
        total = amounts[tot_col]
        known = [c for c in head_cols if c in amounts]
        s = sum(amounts[c] for c in known)
        if known and tot_col not in approx and total < s - _EPS:
            out.add(ctx, tot_col,
                    f"{tot_col} {_fmt(total)} is less than the sum of its known heads {_fmt(s)}",
                    f"{tot_col} {_fmt(total)} 小于已知分项之和 {_fmt(s)}")
        elif (len(known) == len(head_cols) and not (approx & {tot_col, *head_cols})
              and abs(total - s) > TOLERANCE_RMB):
            out.add(ctx, tot_col,
                    f"{tot_col} {_fmt(total)} does not equal the sum of its heads {_fmt(s)} (tolerance 1 RMB)",
                    f"{tot_col} {_fmt(total)} 不等于各分项之和 {_fmt(s)}（容差 1 元）")

    # amount meta
    other_present = g.get("claimed_other", "") != "" or g.get("awarded_other", "") != ""
    if other_present and g.get("other_kind", "") == "":
        out.add(ctx, "other_kind", "other_kind is required when claimed_other or awarded_other is filled",
                "填写了 claimed_other 或 awarded_other 时须填写 other_kind")
    if not other_present and g.get("other_kind", "") != "":
        out.add(ctx, "other_kind", "other_kind must be empty when there is no 'other' amount",
                "没有“其他”金额时 other_kind 须留空")
    if has_amount and g.get("amount_unit", "") == "":
        out.add(ctx, "amount_unit", "amount_unit is required when any amount is filled",
                "填写任何金额时须填写 amount_unit")
    if not has_amount and g.get("amount_unit", "") != "":
        out.add(ctx, "amount_unit", "amount_unit must be empty when no amount is filled", "没有金额时 amount_unit 须留空")
    proc = g.get("procedure", "")
    if proc in SANCTION_PROCEDURES and g.get("awarded_total", "") != "":
        out.add(ctx, "awarded_total",
                f"awarded_total must be empty for {proc} rows (record a fine or guarantee in awarded_other)",
                f"{proc} 类记录的 awarded_total 须留空（罚款或保证金记入 awarded_other）")

    # confidence
    conf = g.get("figure_confidence", "")
    weak = field_lists["weak_fields"]
    if conf in FIGURE_CONFIDENCE:
        if not has_amount and conf != "none":
            out.add(ctx, "figure_confidence", f"figure_confidence is '{conf}' but the row has no amounts (use none)",
                    f"figure_confidence 为“{conf}”，但该记录没有金额（应为 none）")
        elif has_amount and conf == "none":
            out.add(ctx, "figure_confidence", "figure_confidence is 'none' but the row has amounts",
                    "figure_confidence 为 none，但该记录有金额")
        elif conf == "weak" and not weak:
            out.add(ctx, "weak_fields", "figure_confidence is 'weak': list the weak amount columns in weak_fields",
                    "figure_confidence 为 weak 时，须在 weak_fields 中列出出处较弱的金额列")
        elif conf == "quoted" and weak:
            out.add(ctx, "figure_confidence", "weak_fields is filled, so figure_confidence must be 'weak'",
                    "weak_fields 已填写，figure_confidence 须为 weak")

    # dates
    _validate_dates(g, ctx, out, today)

    # cross-field consistency
    if g.get("internet_court") == "true" and g.get("court_level") not in ("basic", ""):
        out.add(ctx, "court_level", "internet courts are basic-level courts: court_level must be 'basic'",
                "互联网法院为基层法院：court_level 须为 basic")
    if proc in NON_COURT_PROCEDURES:
        if g.get("instance") not in ("n/a", ""):
            out.add(ctx, "instance", f"{proc} rows are not court instances: instance must be 'n/a'",
                    f"{proc} 类记录不属于审级：instance 须为 n/a")
        if g.get("court_level") not in ("not_court", ""):
            out.add(ctx, "court_level", f"{proc} rows: court_level must be 'not_court'",
                    f"{proc} 类记录：court_level 须为 not_court")
    elif g.get("court_level") == "not_court" and proc:
        out.add(ctx, "court_level", f"court_level 'not_court' is only for procuratorial/administrative rows, not {proc}",
                f"court_level 为 not_court 仅适用于检察、行政类记录，不适用于 {proc}")
    outcome = g.get("claim_outcome", "")
    for p, o in (("pending", "pending"), ("civil_mediation", "mediated"), ("civil_withdrawn", "withdrawn")):
        if (proc == p) != (outcome == o) and proc and outcome:
            out.add(ctx, "claim_outcome", f"procedure '{p}' goes with claim_outcome '{o}' (and only with it)",
                    f"procedure“{p}”须与 claim_outcome“{o}”对应")
    if proc == "pending" and any(c in amounts for c in (*AWARDED, "awarded_total")):
        out.add(ctx, "awarded_total", "a pending matter cannot have awarded amounts", "未决案件不能有判赔金额")
    mc, face = g.get("matter_class", ""), g.get("face_case", "")
    if mc == "comparable" and face == "true":
        out.add(ctx, "face_case", "comparables are not face cases: face_case must be false",
                "可比案件不是人脸案件：face_case 须为 false")
    if mc == "face" and face == "false":
        out.add(ctx, "face_case", "matter_class 'face' requires face_case true", "matter_class 为 face 时 face_case 须为 true")
    ct, sc = g.get("consent_type", ""), g.get("separate_consent", "")
    if ct in ("none", "general") and sc == "true":
        out.add(ctx, "separate_consent", f"consent_type '{ct}' contradicts separate_consent true",
                f"consent_type“{ct}”与 separate_consent 为 true 矛盾")
    if ct == "separate" and sc == "false":
        out.add(ctx, "separate_consent", "consent_type 'separate' contradicts separate_consent false",
                "consent_type 为 separate 与 separate_consent 为 false 矛盾")
    if g.get("in_default_sample") == "true" and not default_sample_rule(g):
        out.add(ctx, "in_default_sample",
                "in_default_sample may be true only for a civil judgment in a face case brought by an individual",
                "仅个人提起、经民事判决的人脸案件可计入默认样本（in_default_sample）")


def _validate_dates(g: dict[str, str], ctx, out: _Collector, today: dt.date) -> None:
    dd, prec, text, year = (g.get(c, "") for c in ("decision_date", "date_precision", "decision_date_text", "year"))
    date_val: dt.date | None = None
    if dd:
        if not _DATE_RE.match(dd):
            out.add(ctx, "decision_date", f"decision_date must be YYYY-MM-DD, not '{dd}'",
                    f"decision_date 须为 YYYY-MM-DD 格式，不能为“{dd}”")
        else:
            try:
                date_val = dt.date.fromisoformat(dd)
            except ValueError:
                out.add(ctx, "decision_date", f"'{dd}' is not a real date", f"“{dd}”不是有效日期")
        if date_val and not EARLIEST_DATE <= date_val <= today:
            out.add(ctx, "decision_date",
                    f"decision_date {dd} is implausible (must be between {EARLIEST_DATE} and today)",
                    f"decision_date {dd} 不合理（须在 {EARLIEST_DATE} 与今天之间）")
        if prec not in ("day", ""):
            out.add(ctx, "date_precision", "a full decision_date needs date_precision 'day'",
                    "填写完整 decision_date 时 date_precision 须为 day")
        if prec == "":
            out.add(ctx, "date_precision", "date_precision must be 'day' when decision_date is filled",
                    "填写 decision_date 时 date_precision 须为 day")
    elif prec == "day":
        out.add(ctx, "decision_date", "date_precision is 'day' but decision_date is empty",
                "date_precision 为 day，但 decision_date 为空")
    partial_year: int | None = date_val.year if date_val else None
    if prec in ("month", "year"):
        want = r"^(\d{4})-(\d{2})(?!\d)" if prec == "month" else r"^(\d{4})(?![\d])"
        m = re.match(want, text)
        ok = bool(m) and (prec == "year" or 1 <= int(m.group(2)) <= 12)
        if not ok:
            fmt = "YYYY-MM" if prec == "month" else "YYYY"
            out.add(ctx, "decision_date_text", f"date_precision '{prec}': decision_date_text must start with {fmt}",
                    f"date_precision 为 {prec} 时，decision_date_text 须以 {fmt} 开头")
        else:
            partial_year = int(m.group(1))
            if not EARLIEST_DATE.year <= partial_year <= today.year:
                out.add(ctx, "decision_date_text", f"year {partial_year} is implausible",
                        f"年份 {partial_year} 不合理")
    if year:
        if re.fullmatch(r"\d{4}", year):
            y = int(year)
            if not EARLIEST_DATE.year <= y <= today.year:
                out.add(ctx, "year", f"year {y} is implausible (must be {EARLIEST_DATE.year}-{today.year})",
                        f"年份 {y} 不合理（须在 {EARLIEST_DATE.year} 至 {today.year} 之间）")
            if partial_year is not None and y != partial_year:
                out.add(ctx, "year", f"year {y} does not match the decision date ({partial_year})",
                        f"year {y} 与裁判日期（{partial_year}）不一致")
            if prec == "":
                out.add(ctx, "date_precision", "year is filled, so date_precision must say day, month or year",
                        "已填写 year，date_precision 须为 day、month 或 year")
    elif partial_year is not None:
        out.add(ctx, "year", f"year must be filled ({partial_year}) when the decision date is known",
                f"裁判日期已知时须填写 year（{partial_year}）")
    rd = g.get("report_date", "")
    if rd:
        p = _partial_date(rd)
        if p is None:
            out.add(ctx, "report_date", f"report_date must be YYYY, YYYY-MM or YYYY-MM-DD, not '{rd}'",
                    f"report_date 须为 YYYY、YYYY-MM 或 YYYY-MM-DD，不能为“{rd}”")
        else:
            if not EARLIEST_DATE.year <= p[0] <= today.year or (len(rd) == 10 and dt.date.fromisoformat(rd) > today):
                out.add(ctx, "report_date", f"report_date {rd} is implausible", f"report_date {rd} 不合理")
            if date_val and dd[: len(rd)] > rd:
                out.add(ctx, "report_date", f"report_date {rd} is before the decision_date {dd}",
                        f"report_date {rd} 早于裁判日期 {dd}")


def _validate_group(did: str, idx: list[int], rows: list[dict[str, str]], sources, lines, out: _Collector) -> None:
    seen: dict[str, int] = {}
    for i in idx:
        inst = rows[i].get("instance", "").strip()
        ctx = (sources[i], lines[i], rows[i].get("case_id", "").strip())
        if inst in _INSTANCE_ORDER:
            if inst in seen:
                j = seen[inst]
                out.add(ctx, "instance",
                        f"dispute '{did}' already has a {inst}-instance row ({rows[j].get('case_id')}, line {lines[j]})",
                        f"纠纷“{did}”已有{INSTANCE[inst][0]}记录（{rows[j].get('case_id')}，第 {lines[j]} 行）")
            else:
                seen[inst] = i
        elif inst in ("n/a",):
            out.add(ctx, "instance", f"rows of a multi-row dispute ('{did}') need a court instance, not n/a",
                    f"多条记录的纠纷（“{did}”）须注明审级，不能为 n/a")
    for col in ("face_case", "matter_class", "province"):
        vals = {rows[i].get(col, "").strip() for i in idx} - {""}
        if col == "province" and any(rows[i].get("court_level", "").strip() == "supreme" for i in idx):
            continue
        if len(vals) > 1:
            i = idx[-1]
            out.add((sources[i], lines[i], rows[i].get("case_id", "").strip()), col,
                    f"rows of dispute '{did}' disagree on {col}: {', '.join(sorted(vals))}",
                    f"纠纷“{did}”各记录的 {col} 不一致：{', '.join(sorted(vals))}")
    # later instances are not decided before earlier ones
    dated = []
    for inst, i in seen.items():
        d = rows[i].get("decision_date", "").strip()
        y = rows[i].get("year", "").strip()
        if d and _DATE_RE.match(d):
            dated.append((_INSTANCE_ORDER[inst], d, i))
        elif re.fullmatch(r"\d{4}", y):
            dated.append((_INSTANCE_ORDER[inst], y, i))
    dated.sort()
    for (o1, d1, i1), (o2, d2, i2) in zip(dated, dated[1:], strict=False):
        n = min(len(d1), len(d2))
        if o2 > o1 and d2[:n] < d1[:n]:
            out.add((sources[i2], lines[i2], rows[i2].get("case_id", "").strip()), "decision_date",
                    f"this later-instance decision ({d2}) is dated before the earlier instance "
                    f"{rows[i1].get('case_id')} ({d1})",
                    f"较后审级的裁判日期（{d2}）早于前一审级 {rows[i1].get('case_id')}（{d1}）")


# --------------------------------------------------------------------------- writing


def _fill_derived(r: dict[str, str]) -> dict[str, str]:
    """Fill the purely derived fields of a new row when they are left empty (see data/README.md)."""
    r = dict(r)
    if not r.get("dispute_id", "").strip():
        r["dispute_id"] = r.get("case_id", "").strip()
    dd = r.get("decision_date", "").strip()
    if dd and _DATE_RE.match(dd):
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


def _write_atomic(dest: Path, header: list[str], records: Iterable[Mapping[str, str]]) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=header, lineterminator="\n", extrasaction="raise")
            w.writeheader()
            for rec in records:
                w.writerow({c: rec.get(c, "") for c in header})
        if dest.exists():
            os.chmod(tmp, dest.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _records_of(df: pd.DataFrame) -> list[dict[str, str]]:
    return [{c: _cell_to_str(v) for c, v in rec.items()} for rec in df.to_dict(orient="records")]


def add_cases(src_path: str | os.PathLike[str], dest_path: str | os.PathLike[str] | None = None) -> AddResult:
    """Append the cases in `src_path` (CSV, or JSON list of objects) to an existing collection.

    Columns missing from the new file are treated as empty; `dispute_id`, `date_precision`,
    `year`, `figure_confidence` and `in_default_sample` are derived when left empty. The union of
    existing and new rows is validated exactly like `validate_cases`; duplicate case_ids are refused.
    Nothing is written unless every row is valid; the write is atomic (temp file + os.replace).
    Raises `CasesFileError` for missing/unreadable files or a missing destination.
    """
    dest = resolve_cases_path(dest_path)
    if not dest.exists():
        raise CasesFileError(
            f"destination collection does not exist: {dest} (create it with `cases import`) / "
            f"目标案例集不存在：{dest}（请先用 `cases import` 创建）"
        )
    existing = read_cases_raw(dest)
    src = Path(src_path)
    header, records, lines = _read_records(src)
    if not records:
        raise CasesFileError(f"no cases in {src} / 文件中没有案例: {src}")
    new = _frame(header, [_fill_derived(r) for r in records], lines, src.name, fill_missing=True)
    new_cols = [c for c in new.columns if c in existing.columns or c not in COLUMNS]
    for c in existing.columns:
        if c not in new.columns:
            new[c] = ""
    union = pd.concat([existing, new[list(existing.columns) + [c for c in new_cols if c not in existing.columns]]],
                      ignore_index=True).fillna("")
    union.attrs[_LINES_ATTR] = existing.attrs[_LINES_ATTR] + new.attrs[_LINES_ATTR]
    union.attrs[_SOURCES_ATTR] = existing.attrs[_SOURCES_ATTR] + new.attrs[_SOURCES_ATTR]
    errors = validate_cases(union)
    added = [r.get("case_id", "") for r in records]
    if errors:
        return AddResult(ok=False, dest=str(dest), written=False, added=added, total_rows=len(existing), errors=errors)
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


# --------------------------------------------------------------------------- CLI

LIST_COLUMNS = ("case_id", "procedure", "instance", "face_case", "in_default_sample", "year", "province",
                "court_en", "claim_outcome", "awarded_total", "figure_confidence")


def _print_errors(errors: list[RowError], stream=None) -> None:
    stream = stream or sys.stdout
    for e in errors:
        print(str(e), file=stream)
    print(f"{len(errors)} error(s) / 共 {len(errors)} 处错误", file=stream)


def _cmd_validate(args) -> int:
    path = resolve_cases_path(args.path)
    try:
        raw = read_cases_raw(path)
    except CasesFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    errors = validate_cases(raw)
    if errors:
        _print_errors(errors)
        return 1
    print(f"OK: {len(raw)} cases valid / {len(raw)} 个案例均有效 ({path})")
    return 0


def _cmd_list(args) -> int:
    path = resolve_cases_path(args.path)
    try:
        df = load_cases(path)
    except CasesFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except CaseValidationError as exc:
        _print_errors(exc.errors)
        print("run `python -m litigation cases validate` for details", file=sys.stderr)
        return 1
    if args.format == "json":
        json.dump(to_records(df), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    view = df[list(LIST_COLUMNS)].copy()
    view = view.astype(object).where(view.notna(), "")
    print(view.to_string(index=False))
    print(f"{len(df)} cases / 共 {len(df)} 个案例 ({path})")
    return 0


def _report_add(res: AddResult, verb: str) -> int:
    if res.ok:
        print(f"{verb} {len(res.added)} case(s): {', '.join(res.added)} -> {res.dest} "
              f"({res.total_rows} rows) / 已写入 {len(res.added)} 个案例")
        return 0
    _print_errors(res.errors)
    print(f"nothing written / 未写入任何内容: {res.dest}")
    return 1


def _cmd_add(args) -> int:
    try:
        res = add_cases(args.file, args.path)
    except CasesFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return _report_add(res, "added")


def _cmd_import(args) -> int:
    if (args.file is None) == (not args.bundled):
        print("error: give either FILE or --bundled / 请指定 FILE 或 --bundled（二选一）", file=sys.stderr)
        return 2
    try:
        res = import_cases(args.file, args.path, replace=args.replace)
    except CasesFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return _report_add(res, "imported")


def register(subparsers) -> None:
    """Add the `cases` command (validate, list, add, import) to the top-level CLI."""
    p = subparsers.add_parser(
        "cases",
        help="case dataset: validate, list, add, import / 案例数据集",
        description=(f"Manage a case collection. Default: $ {ENV_VAR} if set, else the bundled data/cases.csv. "
                     "Exit codes: 0 ok, 1 validation errors, 2 usage or file errors."),
    )
    sub = p.add_subparsers(dest="cases_command", required=True, metavar="SUBCOMMAND")

    def path_arg(sp) -> None:
        sp.add_argument("--path", default=None,
                        help=f"case collection (CSV); default ${ENV_VAR} or the bundled data/cases.csv")

    v = sub.add_parser("validate", help="check a collection against the codebook")
    path_arg(v)
    v.set_defaults(func=_cmd_validate)

    ls = sub.add_parser("list", help="list the cases")
    path_arg(ls)
    ls.add_argument("--format", choices=("table", "json"), default="table")
    ls.set_defaults(func=_cmd_list)

    a = sub.add_parser("add", help="append cases from a CSV or JSON file to an existing collection (all-or-nothing)")
    a.add_argument("file", help="CSV (UTF-8, BOM allowed) or JSON list of objects")
    path_arg(a)
    a.set_defaults(func=_cmd_add)

    im = sub.add_parser("import", help="create or replace a whole collection from a CSV/JSON file or the bundled data")
    im.add_argument("file", nargs="?", default=None, help="CSV or JSON file holding a complete collection")
    im.add_argument("--bundled", action="store_true", help="copy the bundled dataset to start your own collection")
    im.add_argument("--replace", action="store_true", help="overwrite the destination if it exists")
    path_arg(im)
    im.set_defaults(func=_cmd_import)


if __name__ == "__main__":  # pragma: no cover - convenience: python -m litigation.cases ...
    import argparse

    _parser = argparse.ArgumentParser(prog="python -m litigation.cases")
    register(_parser.add_subparsers(dest="command", required=True))
    _args = _parser.parse_args()
    raise SystemExit(_args.func(_args))
