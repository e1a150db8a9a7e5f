"""Bounds on an untrusted matter, checked before pydantic sees it.

`parse_json` reads JSON text without recursion (nesting depth is counted first), keeps NaN, ±Infinity
and numbers too large to be amounts as markers instead of floats, and says where the text broke.
`bound` then walks the parsed tree once, without recursion, and

- rejects, naming the field: nesting deeper than `MAX_DEPTH`, text longer than `MAX_TEXT`, lists longer
  than `MAX_LIST`, more than `MAX_PARTICIPANTS` participants or `MAX_RELATIONS` relation entries, and any
  number that is not finite or larger than `MAX_NUMBER`;
- normalises text: a bare carriage return or CR LF becomes a newline; other control characters (except
  newline and tab), lone surrogates, the non-characters U+FFFE/U+FFFF, and the invisible bidi controls
  and zero-width characters of `litigation.i18n.INVISIBLE` (U+200B-U+200F, U+202A-U+202E, U+2066-U+2069,
  U+FEFF: they can make a name read backwards or two names that look alike differ) are removed. Nothing
  a user can type on a keyboard is changed, and every file and export can then hold the text.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from litigation.i18n import INVISIBLE, excerpt

MAX_DEPTH = 24         # a matter is at most 7 levels deep
MAX_TEXT = 20_000      # the longest text field (notes)
MAX_KEY = 60           # the longest field name
MAX_LIST = 500         # acts, expenses, groups, ...
MAX_PARTICIPANTS = 200
MAX_RELATIONS = 1_000  # all relation entries together
MAX_NUMBER = 1e15      # RMB; larger figures are typing errors
MAX_FILE_BYTES = 2 * 1024 * 1024


class Problem(Exception):
    """One bound exceeded: a dotted location and the message in both languages."""

    def __init__(self, loc: str, zh: str, en: str):
        super().__init__(en)
        self.loc, self.zh, self.en = loc, zh, en


class NonFinite:
    """A number from the JSON text that is not a finite amount (NaN, ±Infinity, or too large)."""

    def __init__(self, text: str):
        self.text = text


def _number(text: str) -> float | int | NonFinite:
    if len(text) > 40:
        return NonFinite(text)
    v = float(text) if any(c in text for c in ".eE") else int(text)
    return v if math.isfinite(v) and abs(v) <= MAX_NUMBER else NonFinite(text)


_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(r"[\[{]|[\]}]")


def _depth(text: str) -> int:
    deepest = depth = 0
    for m in _BRACKETS.finditer(_STRINGS.sub("", text)):
        depth += 1 if m.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def parse_json(text: str) -> Any:
    """JSON text -> Python objects, or `Problem` at '(file)' (line and column for a syntax error)."""
    if _depth(text) > MAX_DEPTH:
        raise Problem("(file)", f"嵌套层数过深（最多 {MAX_DEPTH} 层）", f"nested too deeply (at most {MAX_DEPTH} levels)")
    try:
        return json.loads(text, parse_float=_number, parse_int=_number, parse_constant=NonFinite)
    except json.JSONDecodeError as exc:
        cut = exc.pos >= len(exc.doc) or exc.msg.startswith("Unterminated string")
        near = "" if cut else excerpt(exc.doc[exc.pos:exc.pos + 20])
        at_zh = f"，附近内容：“{near}”" if near else "（文件意外结束）"
        at_en = f", near '{near}'" if near else " (the file ends too early)"
        raise Problem("(file)", f"不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列{at_zh}",
                      f"not valid JSON: line {exc.lineno}, column {exc.colno}{at_en}") from None


_DROP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
                   + INVISIBLE.pattern[1:-1] + "]")


def clean_text(s: str) -> str:
    """Normalise line ends to newline and drop what no file format can hold (see the module doc)."""
    return _DROP.sub("", s.replace("\r\n", "\n").replace("\r", "\n"))


def _count_relations(rel: Any) -> int:
    if not isinstance(rel, dict):
        return 0
    return sum(len(v) for v in rel.values() if isinstance(v, list))


def bound(data: Any) -> tuple[Any, list[Problem]]:
    """A normalised copy of `data` and every bound it exceeds (an empty list when within bounds)."""
    problems: list[Problem] = []
    root: list[Any] = [None]
    stack: list[tuple[Any, list | dict, Any, str, int]] = [(data, root, 0, "", 1)]
    while stack:
        node, parent, key, loc, depth = stack.pop()
        here = loc or "(matter)"
        if depth > MAX_DEPTH:
            problems.append(Problem(here, f"嵌套层数过深（最多 {MAX_DEPTH} 层）", f"nested too deeply (at most {MAX_DEPTH} levels)"))
            continue
        if isinstance(node, dict):
            out: dict[str, Any] = {}
            for k, v in node.items():
                k = str(k)
                if len(k) > MAX_KEY:
                    problems.append(Problem(f"{loc}.{excerpt(k, 20)}" if loc else excerpt(k, 20),
                                            "字段名过长（不认识的字段）", "field name too long (unknown field)"))
                    continue
                k = clean_text(k)
                out[k] = None  # keeps the order of the fields
                stack.append((v, out, k, f"{loc}.{k}" if loc else k, depth + 1))
            parent[key] = out
        elif isinstance(node, list):
            if len(node) > MAX_LIST:
                problems.append(Problem(here, f"条目过多（最多 {MAX_LIST} 项，实有 {len(node)} 项）",
                                        f"too many entries (at most {MAX_LIST}, found {len(node)})"))
                continue
            items: list[Any] = [None] * len(node)
            for i, v in enumerate(node):
                stack.append((v, items, i, f"{loc}.{i}", depth + 1))
            parent[key] = items
        elif isinstance(node, str):
            if len(node) > MAX_TEXT:
                problems.append(Problem(here, f"文字过长（最多 {MAX_TEXT} 字，实有 {len(node)} 字）",
                                        f"text too long (at most {MAX_TEXT} characters, found {len(node)})"))
                continue
            parent[key] = clean_text(node)
        elif isinstance(node, NonFinite) or (isinstance(node, float) and not math.isfinite(node)):
            shown = excerpt(node.text if isinstance(node, NonFinite) else repr(node), 20)
            problems.append(Problem(here, f"应为有限的数字（不接受 NaN、无穷大或超过 10^15 的数；此处为 {shown}）",
                                    f"must be a finite number (NaN, Infinity and numbers above 10^15 are not "
                                    f"accepted; found {shown})"))
        elif isinstance(node, (int, float)) and not isinstance(node, bool) and abs(node) > MAX_NUMBER:
            problems.append(Problem(here, "数字过大（不超过 10^15）", "number too large (at most 10^15)"))
        else:
            parent[key] = node
    out = root[0]
    if isinstance(out, dict):
        n = len(out.get("participants") or []) if isinstance(out.get("participants"), list) else 0
        if n > MAX_PARTICIPANTS:
            problems.append(Problem("participants", f"参与者过多（最多 {MAX_PARTICIPANTS} 个，实有 {n} 个）",
                                    f"too many participants (at most {MAX_PARTICIPANTS}, found {n})"))
        r = _count_relations(out.get("relations"))
        if r > MAX_RELATIONS:
            problems.append(Problem("relations", f"关系条目过多（最多 {MAX_RELATIONS} 项，实有 {r} 项）",
                                    f"too many relation entries (at most {MAX_RELATIONS}, found {r})"))
    problems.sort(key=lambda p: p.loc)
    return out, problems
