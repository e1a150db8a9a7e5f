"""Reading a matter from JSON with clear, bilingual errors that name the field.

`load_matter` is the one entry point for untrusted input (files, uploads, the CLI). It never
half-accepts: either a valid `Matter` comes back, or `MatterError` lists every problem.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from litigation.facts.bounds import MAX_FILE_BYTES, Problem, bound, parse_json
from litigation.facts.matter import FORMAT, VERSION, Matter
from litigation.i18n import Lang, excerpt


class FieldError(BaseModel):
    loc: str
    zh: str
    en: str

    def message(self, lang: Lang = "en", where: str | None = None) -> str:
        """'where (loc): text' when `where` names the field in words, else 'loc: text'."""
        head = f"{where} ({self.loc})" if where and where != self.loc else self.loc
        return f"{head}: {self.zh if lang == 'zh' else self.en}"


class MatterError(ValueError):
    def __init__(self, errors: list[FieldError]):
        self.errors = errors
        super().__init__("; ".join(e.message("en") for e in errors))

    def render(self, lang: Lang = "en", where: Callable[[str], str] | None = None) -> str:
        """Every error on its own line; `where(loc)` names a field in words (see `answers.locate`)."""
        head = "案件事实有误：" if lang == "zh" else "The matter has errors:"
        return "\n".join([head] + [f"- {e.message(lang, where(e.loc) if where else None)}" for e in self.errors])


# Pydantic error type -> (zh, en) templates; {x} placeholders come from the error's ctx.
_TEMPLATES: dict[str, tuple[str, str]] = {
    "missing": ("必填项缺失", "this field is required"),
    "extra_forbidden": ("不认识的字段（可能拼写错误或来自其他程序）", "unknown field (misspelt, or from another program)"),
    "literal_error": ("取值无效，应为：{expected}", "invalid value, expected one of: {expected}"),
    "enum": ("取值无效，应为：{expected}", "invalid value, expected one of: {expected}"),
    "bool_type": ("应为是/否（true/false）", "must be true or false"),
    "bool_parsing": ("应为是/否（true/false）", "must be true or false"),
    "int_type": ("应为整数", "must be a whole number"),
    "int_parsing": ("应为整数", "must be a whole number"),
    "int_from_float": ("应为整数", "must be a whole number"),
    "float_type": ("应为数字", "must be a number"),
    "float_parsing": ("应为数字", "must be a number"),
    "string_type": ("应为文字", "must be text"),
    "list_type": ("应为列表", "must be a list"),
    "model_type": ("应为对象（键值对）", "must be an object (key/value pairs)"),
    "model_attributes_type": ("应为对象（键值对）", "must be an object (key/value pairs)"),
    "dict_type": ("应为对象（键值对）", "must be an object (key/value pairs)"),
    "date_type": ("应为日期（YYYY-MM-DD）", "must be a date (YYYY-MM-DD)"),
    "date_parsing": ("日期格式应为 YYYY-MM-DD", "date must be written YYYY-MM-DD"),
    "date_from_datetime_parsing": ("日期格式应为 YYYY-MM-DD", "date must be written YYYY-MM-DD"),
    "date_from_datetime_inexact": ("日期不应带时间", "a date must not carry a time"),
    "greater_than_equal": ("不能小于 {ge}（不能为负数）", "must be at least {ge} (no negative amounts)"),
    "greater_than": ("必须大于 {gt}", "must be greater than {gt}"),
    "less_than_equal": ("不能大于 {le}", "must be at most {le}"),
    "less_than": ("必须小于 {lt}", "must be less than {lt}"),
    "string_too_long": ("文字过长（最多 {max_length} 字）", "text too long (at most {max_length} characters)"),
    "string_too_short": ("不能为空", "must not be empty"),
    "string_pattern_mismatch": ("只能使用字母、数字、下划线和连字符（1-40 个）",
                                "use 1-40 letters, digits, '_' or '-'"),
    "finite_number": ("应为有限数字", "must be a finite number"),
}


def _loc(parts: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in parts) or "(matter)"


def _translate(err: dict[str, Any]) -> FieldError:
    loc = _loc(tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-"))))
    ctx = err.get("ctx") or {}
    if err["type"] == "facetort":
        if ctx.get("loc"):  # a whole-object check that names the offending entry
            loc = ctx["loc"] if loc == "(matter)" else f"{loc}.{ctx['loc']}"
        return FieldError(loc=loc, zh=excerpt(ctx["zh"], 300), en=excerpt(ctx["en"], 300))
    tpl = _TEMPLATES.get(err["type"])
    if tpl is None:
        return FieldError(loc=loc, zh=f"取值无效（{excerpt(err['msg'], 200)}）", en=excerpt(err["msg"], 200))
    fmt = {k: str(v) for k, v in ctx.items()}
    try:
        return FieldError(loc=loc, zh=tpl[0].format(**fmt), en=tpl[1].format(**fmt))
    except KeyError:
        return FieldError(loc=loc, zh=tpl[0], en=tpl[1])


def _cross_checks(m: Matter, today: dt.date) -> list[FieldError]:
    """Checks that need the whole matter and the calendar."""
    errs: list[FieldError] = []
    if m.as_of and m.as_of > today:
        errs.append(FieldError(loc="as_of", zh="分析日期不能晚于今天", en="the analysis date cannot be in the future"))
    limit = min(m.as_of or today, today)
    for loc, d in m.all_dates():
        if d > limit:
            errs.append(FieldError(loc=loc, zh=f"日期 {d.isoformat()} 晚于分析日期 {limit.isoformat()}（未来日期）",
                                   en=f"date {d.isoformat()} is after the analysis date {limit.isoformat()} "
                                      "(a future date)"))
    for i, p in enumerate(m.participants):
        if p.processing is None:
            continue
        c = p.processing.consent
        if c.guardian_consent is not None and m.claimant.age_group == "adult":
            errs.append(FieldError(loc=f"participants.{i}.processing.consent.guardian_consent",
                                   zh="监护人同意只适用于未成年人；原告为成年人",
                                   en="guardian consent applies only to minors; the claimant is an adult"))
        if c.withdrawn_on and p.processing.acts and c.withdrawn_on < min(a.start for a in p.processing.acts):
            errs.append(FieldError(loc=f"participants.{i}.processing.consent.withdrawn_on",
                                   zh="撤回同意的日期早于任何处理行为", en="consent withdrawn before any processing began"))
        if p.role in ("processor", "joint_processor", "entrusted_processor", "recipient") \
                and not p.processing.acts:
            errs.append(FieldError(loc=f"participants.{i}.processing.acts",
                                   zh="请至少填写一项处理行为及其日期",
                                   en="give at least one processing act with its date"))
    lists = [(f"participants.{i}.platform.serves", p.platform.serves) for i, p in enumerate(m.participants)
             if p.platform] + [(f"participants.{i}.processing.provision.to", p.processing.provision.to)
                               for i, p in enumerate(m.participants) if p.processing]
    for key in ("joint_decision", "concerted_action", "each_sufficient", "unknown_actor_among"):
        lists += [(f"relations.{key}.{g}", group) for g, group in enumerate(getattr(m.relations, key))]
    for loc, ids in lists:  # a participant listed twice would be counted twice in the shares
        for j, pid in enumerate(ids):
            if pid in ids[:j]:
                errs.append(FieldError(loc=f"{loc}.{j}", zh=f"同一参与者“{pid}”重复列出", en=f"participant '{pid}' is listed twice"))
    if m.claimant.deceased and m.claimant.death_date is None:
        errs.append(FieldError(loc="claimant.death_date", zh="请填写死亡日期（判断处理是否发生在死后）",
                               en="give the date of death (to tell whether processing came after it)"))
    return errs


_DATE_KEYS = ("start", "end", "date", "withdrawn_on", "notice_date", "death_date")
_PROCESSOR_ROLES = ("processor", "joint_processor", "entrusted_processor", "recipient")


def _raw_checks(data: dict, today: dt.date) -> list[FieldError]:
    """The calendar and completeness checks, run on the raw input too, so that a matter with a typing
    error elsewhere still gets every problem reported at once (not in waves)."""
    errs: list[FieldError] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                loc = f"{path}.{k}" if path else str(k)
                if k in _DATE_KEYS and isinstance(v, str):
                    try:
                        d = dt.date.fromisoformat(v)
                    except ValueError:
                        continue  # the type check reports it
                    if d > today:
                        errs.append(FieldError(loc=loc, zh=f"日期 {v} 晚于今天（未来日期）",
                                               en=f"date {v} is in the future"))
                else:
                    walk(v, loc)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(v, f"{path}.{i}")

    walk(data, "")
    parts = data.get("participants")
    for i, p in enumerate(parts if isinstance(parts, list) else []):  # a type error is reported by pydantic
        if isinstance(p, dict) and p.get("role") in _PROCESSOR_ROLES and isinstance(p.get("processing"), dict) \
                and not p["processing"].get("acts"):
            errs.append(FieldError(loc=f"participants.{i}.processing.acts", zh="请至少填写一项处理行为及其日期",
                                   en="give at least one processing act with its date"))
    return errs


def load_matter(data: Any, today: dt.date | None = None) -> Matter:
    """Validate a parsed JSON object (or a JSON string) into a Matter, or raise MatterError.

    The bounds of `litigation.facts.bounds` are checked first (depth, sizes, finite numbers), and text
    is normalised there (line ends, control characters), so whatever is accepted can be written and read
    back."""
    today = today or dt.date.today()
    try:
        if isinstance(data, (str, bytes)):
            data = parse_json(data.decode("utf-8-sig") if isinstance(data, bytes) else data)
    except (Problem, UnicodeDecodeError) as exc:
        p = exc if isinstance(exc, Problem) else Problem("(file)", "文件不是 UTF-8 文本", "the file is not UTF-8 text")
        raise MatterError([FieldError(loc=p.loc, zh=p.zh, en=p.en)]) from None
    data, problems = bound(data)
    if problems:
        raise MatterError([FieldError(loc=p.loc, zh=p.zh, en=p.en) for p in problems])
    if not isinstance(data, dict):
        raise MatterError([FieldError(loc="(file)", zh="文件内容应为一个案件对象", en="the file must hold one matter object")])
    if data.get("format") != FORMAT:
        raise MatterError([FieldError(
            loc="format", zh=f"这不是 FaceTort 案件文件（format 应为 “{FORMAT}”）",
            en=f"this is not a FaceTort matter file (format must be '{FORMAT}')")])
    if data.get("version") != VERSION:
        shown = excerpt(repr(data.get("version")), 20)
        raise MatterError([FieldError(
            loc="version", zh=f"不支持的文件版本 {shown}（本程序读取版本 {VERSION}）",
            en=f"unsupported file version {shown} (this program reads version {VERSION})")])
    try:
        m = Matter.model_validate(data)
    except ValidationError as exc:
        errs = [_translate(e) for e in exc.errors()]
        seen = {e.loc for e in errs}
        errs += [e for e in _raw_checks(data, today) if e.loc not in seen]
        raise MatterError(errs) from None
    errs = _cross_checks(m, today)
    if errs:
        raise MatterError(errs)
    return m


def read_matter_file(path: str | Path, today: dt.date | None = None) -> Matter:
    p = Path(path)
    try:
        with p.open("rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise MatterError([FieldError(loc="(file)", zh=f"无法读取文件：{exc.strerror}",
                                      en=f"cannot read the file: {exc.strerror}")]) from None
    if len(raw) > MAX_FILE_BYTES:
        kb = MAX_FILE_BYTES // 1024
        raise MatterError([FieldError(loc="(file)", zh=f"文件太大（上限 {kb} KB）",
                                      en=f"the file is too large (limit {kb} KB)")])
    return load_matter(raw, today=today)


def dump_matter(m: Matter) -> str:
    """The canonical JSON text of a matter (round-trips through load_matter)."""
    return m.model_dump_json(indent=2)
