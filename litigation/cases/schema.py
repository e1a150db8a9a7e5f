"""The decided-case collection's schema: where it lives, the codebook (every code with its Chinese and
English label), the columns, and the result and error types.

The bundled dataset (`data/cases.csv`, codebook in `data/README.md`) encodes every matter of the
project's two case dossiers. A court, clinic or firm can keep its own collection elsewhere: every
function takes a `path`, and the environment variable `FACETORT_CASES` overrides the default.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict

# --------------------------------------------------------------------------- paths

REPO_ROOT = Path(__file__).resolve().parents[2]
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
AUTHORITY_TIER = {
    "guiding": ("最高人民法院指导性案例", "SPC guiding case"),
    "spc_published": ("最高人民法院发布的典型案例或人民法院案例库入库案例", "SPC typical case or SPC case-library entry"),
    "high_court_published": ("高级人民法院发布的典型案例或参考性案例", "typical or reference case published by a high court"),
    "local_published": ("其他法院发布的典型案例或示范性案例", "typical or model case published by another court"),
    "other": ("卷宗未载有上述发布", "no such publication reported in the dossiers"),
}
FINALITY = {
    "final": ("已生效（二审、再审裁判，或来源载明生效、未上诉）", "final (appeal or retrial decision, or the source says in force / not appealed)"),
    "no_appeal_reported": ("未见上诉报道，生效情况待核实", "no appeal reported; finality not confirmed"),
    "appealed": ("已上诉或拟上诉，结果不明", "appealed or appeal intended; outcome unknown"),
    "superseded": ("已被后一审级裁判或调解取代（维持或改判）", "superseded by a later instance (affirmed, varied or settled)"),
    "reversed": ("已被上级法院撤销或改判", "reversed on appeal"),
}
DOSSIER = {
    "dossier": ("案例卷宗一 dossier.md", "shared/cases/dossier.md"),
    "dossier-2": ("案例卷宗二 dossier-2.md", "shared/cases/dossier-2.md"),
}
# Chinese short names as in shared/stats/income_by_province.csv (province_zh), with the English names of
# the same file (province_en): the English UI shows these.
PROVINCE_NAMES = {
    "北京": "Beijing", "天津": "Tianjin", "河北": "Hebei", "山西": "Shanxi", "内蒙古": "Inner Mongolia",
    "辽宁": "Liaoning", "吉林": "Jilin", "黑龙江": "Heilongjiang", "上海": "Shanghai", "江苏": "Jiangsu",
    "浙江": "Zhejiang", "安徽": "Anhui", "福建": "Fujian", "江西": "Jiangxi", "山东": "Shandong", "河南": "Henan",
    "湖北": "Hubei", "湖南": "Hunan", "广东": "Guangdong", "广西": "Guangxi", "海南": "Hainan", "重庆": "Chongqing",
    "四川": "Sichuan", "贵州": "Guizhou", "云南": "Yunnan", "西藏": "Tibet (Xizang)", "陕西": "Shaanxi", "甘肃": "Gansu",
    "青海": "Qinghai", "宁夏": "Ningxia", "新疆": "Xinjiang",
}
PROVINCES = tuple(PROVINCE_NAMES)

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
    "authority_tier": (AUTHORITY_TIER, False),
    "finality": (FINALITY, False),
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
    "authority_tier", "authority_note", "finality", "holding_zh", "holding_source",
    "source_citation", "source_urls", "notes",
)
# Columns added after the first release: a collection written before them may lack them (read as empty).
OPTIONAL_COLUMNS = ("authority_tier", "authority_note", "finality", "holding_zh", "holding_source")
PUBLISHED_TIERS = ("guiding", "spc_published", "high_court_published", "local_published")
JUDGMENT_PROCEDURES = ("civil_judgment", "civil_pil", "criminal_incidental_pil", "administrative_litigation")
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


# --------------------------------------------------------------------------- cells and rows
LINES_ATTR = "facetort_lines"
SOURCES_ATTR = "facetort_sources"


def cell_to_str(value: object) -> str:
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
        return ";".join(cell_to_str(v) for v in value)
    if hasattr(value, "item"):  # numpy scalars
        return cell_to_str(value.item())
    return str(value)


def default_sample_rule(row: Mapping[str, object]) -> bool:
    """The eligibility rule for `in_default_sample`: a civil judgment in a face case (not a
    comparable) brought by an individual. Mediations, withdrawals, PIL, criminal, procuratorial and
    administrative matters, pending matters, non-face comparables and suits by banks or businesses
    are excluded."""
    g = {k: cell_to_str(v) for k, v in row.items()}
    return (
        g.get("procedure") in DEFAULT_SAMPLE_PROCEDURES
        and g.get("face_case", "").lower() == "true"
        and g.get("matter_class") != "comparable"
        and g.get("claimant_kind") == "individual"
    )
