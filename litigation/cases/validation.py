"""Validating a case collection: one bilingual error per bad cell, row or dispute group.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import pandas as pd

from litigation.cases.schema import (
    _EPS,
    _INSTANCE_ORDER,
    AMOUNT_COLUMNS,
    AWARDED,
    BOOL_COLUMNS,
    CODE_COLUMNS,
    COLUMNS,
    EARLIEST_DATE,
    FIELD_LIST_COLUMNS,
    FIGURE_CONFIDENCE,
    HEADS,
    INSTANCE,
    INT_COLUMNS,
    JUDGMENT_PROCEDURES,
    LINES_ATTR,
    MULTI_CODE_COLUMNS,
    NON_COURT_PROCEDURES,
    OPTIONAL_COLUMNS,
    PROVINCES,
    PUBLISHED_TIERS,
    REQUIRED_VALUES,
    SANCTION_PROCEDURES,
    SOURCES_ATTR,
    TOLERANCE_RMB,
    TRISTATE_COLUMNS,
    RowError,
    cell_to_str,
    default_sample_rule,
)
from litigation.i18n import excerpt, invisible

# --------------------------------------------------------------------------- validation

# re.ASCII: `\d` would also match full-width and Arabic-Indic digits, which pandas then reads as empty.
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_PARTIAL_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)
_NUM_RE = re.compile(r"^\d+(\.\d+)?$", re.ASCII)
_INT_RE = re.compile(r"\d+", re.ASCII)


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
    return cell_to_str(round(v, 2))


class _Collector:
    def __init__(self) -> None:
        self.errors: list[RowError] = []

    def add(self, ctx: tuple[str | None, int | None, str | None], column: str | None, en: str, zh: str) -> None:
        source, line, case_id = ctx
        self.errors.append(  # a message quotes the cell, so it is cut to a short excerpt
            RowError(source=source, line=line, case_id=excerpt(case_id, 60) if case_id else None, column=column,
                     message_en=excerpt(en, 300), message_zh=excerpt(zh, 300))
        )


def validate_cases(df: pd.DataFrame, *, today: dt.date | None = None) -> list[RowError]:
    """Check a case collection; return one `RowError` per problem (empty list = valid).

    Accepts the string frame of `read_cases_raw` or the typed frame of `load_cases`.
    """
    today = today or dt.date.today()
    out = _Collector()
    lines = df.attrs.get(LINES_ATTR)
    sources = df.attrs.get(SOURCES_ATTR)
    if not lines or len(lines) != len(df):
        lines = [i + 2 for i in range(len(df))]
    if not sources or len(sources) != len(df):
        sources = [None] * len(df)

    # --- columns
    missing = [c for c in COLUMNS if c not in df.columns]
    for c in missing:
        if c in OPTIONAL_COLUMNS:
            continue
        out.add((None, None, None), c, f"required column '{c}' is missing", f"缺少必需的列“{c}”")
    for c in df.columns:
        if c not in COLUMNS:
            hidden = invisible(str(c))
            why_en = f"; it holds the invisible character(s) {', '.join(hidden)}" if hidden else ""
            why_zh = f"；其中含不可见字符 {', '.join(hidden)}" if hidden else ""
            out.add((None, None, None), str(c), f"unknown column '{c}' (see data/README.md){why_en}",
                    f"未知的列“{c}”（见 data/README.md）{why_zh}")

    rows = [{c: cell_to_str(v) for c, v in rec.items()} for rec in df.to_dict(orient="records")]
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
            fin = rows[idx[0]].get("finality", "").strip()
            if fin in ("superseded", "reversed"):
                i = idx[0]
                out.add((sources[i], lines[i], rows[i].get("case_id", "").strip()), "finality",
                        f"'{fin}' needs a later-instance row of dispute '{did}'",
                        f"finality 为“{fin}”须有纠纷“{did}”的后一审级记录")
            continue
        _validate_group(did, idx, rows, sources, lines, out)
    return out.errors


def _bool_ok(v: str) -> bool:
    return v in ("true", "false")


def _validate_row(r: dict[str, str], ctx, out: _Collector, today: dt.date) -> None:
    g = {k: (v.strip() if isinstance(v, str) else v) for k, v in r.items()}

    # invisible bidi controls and zero-width characters are refused, not dropped: a row must say what
    # the published decision says, and such a character makes text read differently from what it holds
    for c, v in g.items():
        hidden = invisible(v) if isinstance(v, str) else []
        if hidden:
            out.add(ctx, str(c), f"'{c}' holds the invisible direction-control or zero-width character(s) "
                    f"{', '.join(hidden)} (they change how the text reads without being seen); remove them",
                    f"“{c}”含不可见的方向控制符或零宽字符 {', '.join(hidden)}（会在看不出的情况下改变文字的显示）；请删除")

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
        if v and not _INT_RE.fullmatch(v):
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
            out.add(ctx, c, f"'{c}' must be a plain number in RMB written with the digits 0-9 (no commas, units "
                    f"or full-width digits), not '{v}'",
                    f"“{c}”须为以人民币计、用半角数字 0-9 书写的纯数字（不含逗号、单位或全角数字），不能为“{v}”")
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
    _validate_authority(g, ctx, out)
    if g.get("in_default_sample") == "true" and not default_sample_rule(g):
        out.add(ctx, "in_default_sample",
                "in_default_sample may be true only for a civil judgment in a face case brought by an individual",
                "仅个人提起、经民事判决的人脸案件可计入默认样本（in_default_sample）")


_CJK = re.compile(r"[\u3400-\u9fff]")


def _validate_authority(g: dict[str, str], ctx, out: _Collector) -> None:
    """Publication tier, finality and the Chinese holding: each published tier names its listing, a
    quoted holding names where it was read, and finality is stated for court judgments only."""
    tier = g.get("authority_tier", "")
    if tier in PUBLISHED_TIERS and not g.get("authority_note", ""):
        out.add(ctx, "authority_note", f"authority_tier '{tier}' needs authority_note (the listing, as the source names it)",
                f"authority_tier 为“{tier}”时须在 authority_note 中写明发布情况（按来源原样）")
    if g.get("authority_note", "") and tier not in PUBLISHED_TIERS:
        out.add(ctx, "authority_note", "authority_note is only for a published tier (guiding, spc_published, "
                "high_court_published, local_published)", "仅在 authority_tier 为已发布类别时填写 authority_note")
    held, src = g.get("holding_zh", ""), g.get("holding_source", "")
    if held and not src:
        out.add(ctx, "holding_source", "holding_zh needs holding_source (where the Chinese text was read)",
                "填写 holding_zh 时须在 holding_source 中写明出处")
    if src and not held:
        out.add(ctx, "holding_source", "holding_source is filled but holding_zh is empty", "holding_zh 为空，holding_source 须留空")
    if held and not _CJK.search(held):
        out.add(ctx, "holding_zh", "holding_zh must quote the Chinese text (a translation does not belong here)",
                "holding_zh 须引用中文原文（译文不得填入）")
    fin, proc = g.get("finality", ""), g.get("procedure", "")
    if fin and proc and proc not in JUDGMENT_PROCEDURES:
        out.add(ctx, "finality", f"finality is only for court judgments, not for {proc} rows",
                f"finality 仅适用于法院裁判，不适用于 {proc} 类记录")
    if fin == "no_appeal_reported" and g.get("instance") in ("second", "retrial"):
        out.add(ctx, "finality", "a second-instance or retrial decision is final, not 'no_appeal_reported'",
                "二审或再审裁判已生效，finality 不能为 no_appeal_reported")


def _validate_dates(g: dict[str, str], ctx, out: _Collector, today: dt.date) -> None:
    dd, prec, text, year = (g.get(c, "") for c in ("decision_date", "date_precision", "decision_date_text", "year"))
    date_val: dt.date | None = None
    if dd:
        if not ISO_DATE_RE.match(dd):
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
        m = re.match(want, text, re.ASCII)
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
        if re.fullmatch(r"\d{4}", year, re.ASCII):
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
    top = max((_INSTANCE_ORDER.get(rows[i].get("instance", "").strip(), 0) for i in idx), default=0)
    for i in idx:
        order = _INSTANCE_ORDER.get(rows[i].get("instance", "").strip(), 0)
        fin = rows[i].get("finality", "").strip()
        if 0 < order < top and fin in ("final", "no_appeal_reported", "appealed"):
            out.add((sources[i], lines[i], rows[i].get("case_id", "").strip()), "finality",
                    f"dispute '{did}' has a later-instance row, so this decision is 'superseded' or 'reversed', not '{fin}'",
                    f"纠纷“{did}”已有后一审级记录，本记录的 finality 应为 superseded 或 reversed，不能为“{fin}”")
        if fin in ("superseded", "reversed") and order == top:
            out.add((sources[i], lines[i], rows[i].get("case_id", "").strip()), "finality",
                    f"'{fin}' needs a later-instance row of dispute '{did}'", f"finality 为“{fin}”须有纠纷“{did}”的后一审级记录")
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
        if d and ISO_DATE_RE.match(d):
            dated.append((_INSTANCE_ORDER[inst], d, i))
        elif re.fullmatch(r"\d{4}", y, re.ASCII):
            dated.append((_INSTANCE_ORDER[inst], y, i))
    dated.sort()
    for (o1, d1, i1), (o2, d2, i2) in zip(dated, dated[1:], strict=False):
        n = min(len(d1), len(d2))
        if o2 > o1 and d2[:n] < d1[:n]:
            out.add((sources[i2], lines[i2], rows[i2].get("case_id", "").strip()), "decision_date",
                    f"this later-instance decision ({d2}) is dated before the earlier instance "
                    f"{rows[i1].get('case_id')} ({d1})",
                    f"较后审级的裁判日期（{d2}）早于前一审级 {rows[i1].get('case_id')}（{d1}）")
