"""The interview's answers: one dict in the shape of a matter file, plus answers kept for questions
that are currently hidden.

`effective()` turns the answers into the matter that is validated and analysed: hidden questions
fall back to their defaults, so a user who toggles an answer back gets the earlier answers again
(going back never loses answers). Also: structural edits, drafts, error locations, review rows.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any

from pydantic import ValidationError

from litigation.facts import matter as mm
from litigation.facts.matter import FORMAT, VERSION
from litigation.facts.questions import (
    GLOSSARY,
    PROCESSOR_ROLES,
    Cond,
    Question,
    Step,
    codes_for,
    get_in,
    nullable,
    option_label,
    set_in,
)
from litigation.facts.steps import STEPS, step
from litigation.i18n import Lang


# --------------------------------------------------------------------------- blank answers
def _blank_processing() -> dict:
    return mm.Processing().model_dump(mode="json")


def _blank_platform() -> dict:
    return mm.PlatformConduct().model_dump(mode="json")


# Selects of legal facts that start unanswered although the model has a default (the others are structural,
# like a participant's role, or default to "none" / "unknown" evidence, which is what an empty answer means).
OPEN_SELECTS = frozenset({"age", "purpose", "venue_q", "consent_type", "basis", "mental", "p_evidence"})


def starts_open(q: Question) -> bool:
    """True for a question that is unanswered (None) until the user answers: every yes/no fact and the
    OPEN_SELECTS. An unanswered one counts as the model's default in `effective()`."""
    return q.widget == "bool" or (q.widget == "select" and q.id in OPEN_SELECTS)


def _open_paths(scope: str) -> tuple[str, ...]:
    return tuple(q.path for s in STEPS if s.scope == scope for q in s.questions if starts_open(q))


MATTER_BOOLS = _open_paths("matter")
PARTICIPANT_BOOLS = _open_paths("participant")


def _unset(d: dict, paths: tuple[str, ...]) -> dict:
    for path in paths:
        if get_in(d, path.rsplit(".", 1)[0] if "." in path else "") is not None:
            set_in(d, path, None)
    return d


def new_answers() -> dict:
    """An empty interview: the default matter, with every yes/no fact unanswered (None, shown as unknown).
    `effective()` gives an unanswered fact the model's default, so the engine sees a valid matter."""
    return _unset(mm.Matter().model_dump(mode="json"), MATTER_BOOLS)


def blank_participant(answers: dict) -> dict:
    """A new participant: its yes/no facts unanswered."""
    return _unset(_model_participant(answers), PARTICIPANT_BOOLS)


def _model_participant(answers: dict) -> dict:
    """A new participant with the model's defaults (what an unanswered fact counts as)."""
    ids = {p.get("id") for p in answers.get("participants", [])}
    n = 1
    while f"p{n}" in ids:
        n += 1
    return {"id": f"p{n}", "name": "", "kind": "business", "role": "processor", "defendant": True,
            "identified": True, "processing": _blank_processing(), "platform": _blank_platform(),
            "processing_evidence": "none", "fault": "unknown", "responsibility_weight": None,
            "contract": mm.Contract().model_dump(mode="json"),
            "wrongdoer_kind": None, "employee_of": None}


BLANK_ITEMS: dict[str, dict] = {
    "acts": {"kind": "collection", "start": None, "end": None, "ongoing": None},  # None: not answered yet
    "expenses": {"kind": "attorney_fees", "amount": 0.0, "receipt": False, "description": ""},
    "defenses": {"code": "public_security", "proof": "asserted", "note": ""},
    "entrustments": {"principal": "", "agent": "", "within_mandate": None, "sub_entrusted_without_consent": False,
                     "principal_supervised": None},
    "assistance": {"helper": "", "actor": "", "kind": "assistance"},
}
GROUP_KINDS = ("joint_decision", "concerted_action", "each_sufficient", "unknown_actor_among")


def _merge(default: Any, given: Any) -> Any:
    """`given` laid over `default` (dicts recursively); lists and scalars from `given`."""
    if isinstance(default, dict) and isinstance(given, dict):
        out = dict(default)
        for k, v in given.items():
            out[k] = _merge(default.get(k), v) if k in default else v
        return out
    return copy.deepcopy(given)


def answers_from(data: dict) -> dict:
    """Answers for a matter dict (a validated matter dump or a structurally sound draft)."""
    out = _merge(new_answers(), data)
    parts = []
    for p in data.get("participants", []) or []:
        base = blank_participant({"participants": []})
        q = _merge(base, p)
        # a part the file leaves out (processing of a non-processor, a non-platform's conduct) starts open:
        # answered only if the role changes and the user answers it
        for part, blank in (("processing", _blank_processing), ("platform", _blank_platform)):
            q[part] = copy.deepcopy(base[part]) if q.get(part) is None else _merge(blank(), q[part])
        parts.append(q)
    out["participants"] = parts
    _reopen(out, out.pop("unanswered", None))
    return out


# --------------------------------------------------------------------------- effective matter
def _participant_defaults() -> dict:
    return blank_participant({"participants": []})


def model_default(path: str, scope: str) -> Any:
    """The model's default for a question path (matter or participant scope): what an unanswered fact counts as."""
    base = mm.Matter().model_dump(mode="json") if scope == "matter" else _model_participant({"participants": []})
    return get_in(base, path)


# list items whose yes/no fields start unanswered, and what an unanswered one counts as (the model default)
ITEM_BOOLS = {"acts": ("ongoing", False), "entrustments": ("within_mandate", True)}


def _fill_unanswered(m: dict) -> None:
    """Give every unanswered fact (None, see `starts_open`) the model's default, so the matter validates, and
    list the paths in `unanswered` so that a saved file opens with them open again (`answers_from`)."""
    blank_m = mm.Matter().model_dump(mode="json")
    blank_p = _model_participant({"participants": []})
    filled: list[str] = []

    def fill(d: dict, path: str, value: Any, where: str) -> None:
        set_in(d, path, value)
        filled.append(where + path)

    for path in MATTER_BOOLS:
        if get_in(m, path) is None and isinstance(get_in(m, path.rsplit(".", 1)[0]), dict):
            fill(m, path, get_in(blank_m, path), "")
    for i, p in enumerate(m.get("participants", []) or []):
        if not isinstance(p, dict):
            continue
        for path in PARTICIPANT_BOOLS:
            parent = get_in(p, path.rsplit(".", 1)[0]) if "." in path else p
            if isinstance(parent, dict) and get_in(p, path) is None:
                fill(p, path, get_in(blank_p, path), f"participants.{i}.")
        for j, a in enumerate(get_in(p, "processing.acts") or []):
            if isinstance(a, dict) and a.get("ongoing") is None:
                fill(a, "ongoing", ITEM_BOOLS["acts"][1], f"participants.{i}.processing.acts.{j}.")
    for j, e in enumerate(get_in(m, "relations.entrustments") or []):
        if isinstance(e, dict) and e.get("within_mandate") is None:
            fill(e, "within_mandate", ITEM_BOOLS["entrustments"][1], f"relations.entrustments.{j}.")
    m["unanswered"] = filled


def _reopen(out: dict, paths: Any) -> None:
    """Set the facts a saved file lists as unanswered back to None (open); a path that names nothing is ignored."""
    for path in paths if isinstance(paths, list) else []:
        if not isinstance(path, str) or "." not in path:
            if isinstance(path, str) and path in out and not isinstance(out[path], (dict, list)):
                out[path] = None
            continue
        parent = get_in(out, path.rsplit(".", 1)[0])
        if isinstance(parent, dict) and path.rsplit(".", 1)[1] in parent:
            set_in(out, path, None)


def effective(answers: dict) -> dict:
    """The matter the answers describe: hidden questions fall back to their defaults."""
    m = copy.deepcopy(answers)
    hidden: list[str] = []
    blank_m = new_answers()
    blank_p = _participant_defaults()
    for s in STEPS:
        if s.scope == "matter":
            for q in s.questions:
                if q.widget == "groups":
                    continue
                if not s.shown(answers) or not q.shown(answers):
                    set_in(m, q.path, copy.deepcopy(get_in(blank_m, q.path)))
                    hidden.append(q.path)
            continue
        asked = set(s.participants(answers))
        for i, _ in enumerate(answers.get("participants", [])):
            for q in s.questions:
                if i not in asked or not q.shown(answers, f"participants.{i}"):
                    if s.id == "participants":
                        continue  # identity fields always apply
                    set_in(m, f"participants.{i}.{q.path}", copy.deepcopy(get_in(blank_p, q.path)))
                    hidden.append(f"participants.{i}.{q.path}")
    if not s_shown("relations", answers):
        m["relations"] = copy.deepcopy(blank_m["relations"])
        hidden.append("relations")
    _fill_unanswered(m)
    for p in m.get("participants", []):
        if p.get("role") not in PROCESSOR_ROLES:
            p["processing"] = None
        if p.get("role") != "network_service_provider":
            p["platform"] = None
        if p.get("role") != "third_party_wrongdoer":
            p["wrongdoer_kind"] = None
        if not p.get("employee_of"):
            p["employee_of"] = None
        if p.get("kind") == "unknown":
            p["identified"] = False
        if not p.get("identified", True):
            p["defendant"] = False
    # only the questions asked and left open are listed (not those hidden, nor parts dropped with the role)
    m["unanswered"] = [u for u in m["unanswered"] if get_in(m, u) is not None
                       and not any(u == h or u.startswith(h + ".") for h in hidden)]
    return m


def s_shown(step_id: str, answers: dict) -> bool:
    return step(step_id).shown(answers)


# --------------------------------------------------------------------------- structural edits
def rename_participant(answers: dict, old: str, new: str) -> None:
    """Change a participant's id and every reference to it."""
    if old == new:
        return
    for p in answers.get("participants", []):
        if p.get("id") == old:
            p["id"] = new
        for path in ("processing.provision.to", "platform.serves"):
            refs = get_in(p, path)
            if isinstance(refs, list):
                set_in(p, path, [new if r == old else r for r in refs])
    rel = answers.get("relations", {})
    for k in GROUP_KINDS:
        rel[k] = [[new if r == old else r for r in g] for g in rel.get(k, [])]
    for e in rel.get("entrustments", []):
        for f in ("principal", "agent"):
            if e.get(f) == old:
                e[f] = new
    for a in rel.get("assistance", []):
        for f in ("helper", "actor"):
            if a.get(f) == old:
                a[f] = new


def remove_participant(answers: dict, index: int) -> None:
    """Remove a participant and every reference to it (groups left with one member go too)."""
    parts = answers.get("participants", [])
    if not 0 <= index < len(parts):
        return
    gone = parts.pop(index).get("id")
    for p in parts:
        for path in ("processing.provision.to", "platform.serves"):
            refs = get_in(p, path)
            if isinstance(refs, list):
                set_in(p, path, [r for r in refs if r != gone])
    rel = answers.get("relations", {})
    for k in GROUP_KINDS:
        rel[k] = [g2 for g2 in ([r for r in g if r != gone] for g in rel.get(k, [])) if len(g2) >= 2]
    rel["entrustments"] = [e for e in rel.get("entrustments", []) if gone not in (e.get("principal"), e.get("agent"))]
    rel["assistance"] = [a for a in rel.get("assistance", []) if gone not in (a.get("helper"), a.get("actor"))]


# --------------------------------------------------------------------------- drafts
_DRAFT_OK = {"facetort", "string_too_short", "string_pattern_mismatch", "missing"}


def draft_answers(data: Any) -> dict | None:
    """Answers from a FaceTort file that fails validation but whose structure is sound (a saved draft).

    Returns None for anything else (not JSON object, another format, wrong types): such a file
    must not replace the current answers.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
        return None
    try:
        mm.Matter.model_validate(data)
    except ValidationError as exc:
        for e in exc.errors():
            if e["type"] not in _DRAFT_OK:
                return None
            if e["type"] == "missing" and not _missing_ok(e["loc"]):
                return None
    except Exception:  # noqa: BLE001 - anything unexpected: not a usable draft
        return None
    try:
        return answers_from(data)
    except (TypeError, AttributeError, ValueError, KeyError):
        return None


def _missing_ok(loc: tuple) -> bool:
    """A draft may leave an act's start date or a participant's name out; nothing structural."""
    last = loc[-1] if loc else None
    return last in ("start", "name")


# --------------------------------------------------------------------------- locations -> labels
def _question_index() -> list[tuple[re.Pattern[str], Step, Question]]:
    out = []
    for s in STEPS:
        for q in s.questions:
            rel = re.escape(q.path)
            pat = rel if s.scope == "matter" else r"participants\.(\d+)\." + rel
            out.append((re.compile("^" + pat + r"(\..*)?$"), s, q))
    return out


_QINDEX = _question_index()


def locate(loc: str, answers: dict, lang: Lang) -> tuple[str | None, str]:
    """The step an error location belongs to and a readable name for it."""
    best: tuple[int, Step, Question, re.Match[str]] | None = None
    for pat, s, q in _QINDEX:
        mt = pat.match(loc)
        if mt and (best is None or len(q.path) > best[0]):
            best = (len(q.path), s, q, mt)
    if best is not None:
        _, s, q, mt = best
        name = q.label(lang)
        if s.scope == "participant":
            i = int(mt.group(1))
            name = f"{participant_name(answers, i, lang)} › {name}"
        return s.id, name
    for s in STEPS:
        if any(re.search(p, loc) for p in s.errors):
            m = re.match(r"^participants\.(\d+)", loc)
            name = s.title(lang)
            if m:
                name = f"{participant_name(answers, int(m.group(1)), lang)} › {name}"
            return s.id, name
    return None, loc


def participant_name(answers: dict, i: int, lang: Lang) -> str:
    p = get_in(answers, f"participants.{i}") or {}
    return p.get("name") or p.get("id") or (f"参与者 {i + 1}" if lang == "zh" else f"Participant {i + 1}")


def step_of_error(loc: str) -> str | None:
    for s in STEPS:
        if any(re.search(p, loc) for p in s.errors):
            return s.id
    return None


# --------------------------------------------------------------------------- review formatting
def format_answer(q: Question, value: Any, answers: dict, lang: Lang) -> str:
    """A short, readable rendering of one answer (for the review screen)."""
    zh = lang == "zh"
    none = "—"
    names = {p.get("id"): (p.get("name") or p.get("id")) for p in answers.get("participants", [])}
    w = q.widget
    if w == "bool":
        return option_label("tristate", value, lang) if value is None else option_label("bool", bool(value), lang)
    if w == "tristate":
        return option_label("tristate", value, lang)
    if w == "select":
        return none if value is None else option_label(q.group or "", value, lang)
    if w in ("money", "opt_money"):
        return none if value is None else f"¥{float(value):,.2f}"
    if w in ("opt_int", "weight"):
        return none if value is None else f"{value:g}" if isinstance(value, float) else str(value)
    if w == "fraction":
        return none if value is None else f"{float(value):.0%}"
    if w == "date":
        return value or none
    if w == "refs":
        return "、".join(names.get(r, r) for r in value or []) or none
    if w == "codes":
        return "、".join(option_label(q.group or "", c, lang) for c in value or []) or none
    if w == "acts":
        out = []
        for a in value or []:
            end = ("持续中" if zh else "ongoing") if a.get("ongoing") else (a.get("end") or "")
            span = f"{a.get('start') or '?'}" + (f"～{end}" if end else "")
            out.append(f"{option_label('act_kind', a.get('kind'), lang)} {span}")
        return "；".join(out) or none
    if w == "expenses":
        out = [f"{option_label('expense_kind', e.get('kind'), lang)} ¥{float(e.get('amount') or 0):,.0f}"
               + ((" (有票据)" if zh else " (receipt)") if e.get("receipt") else "") for e in value or []]
        return "；".join(out) or none
    if w == "defenses":
        return "；".join(f"{option_label('defence_code', d.get('code'), lang)}（{option_label('proof', d.get('proof'), lang)}）"
                        for d in value or []) or none
    if w == "entrustments":
        return "；".join(f"{names.get(e.get('principal'), e.get('principal'))} → {names.get(e.get('agent'), e.get('agent'))}"
                        for e in value or []) or none
    if w == "assistance":
        return "；".join(f"{names.get(a.get('helper'), a.get('helper'))} → {names.get(a.get('actor'), a.get('actor'))}"
                        f"（{option_label('assist_kind', a.get('kind'), lang)}）" for a in value or []) or none
    if w == "groups":
        out = []
        for k in GROUP_KINDS:
            for g in (value or {}).get(k, []):
                out.append(f"{option_label('group_kind', k, lang)}: " + "、".join(names.get(r, r) for r in g))
        return "；".join(out) or none
    if value in (None, ""):
        return none
    return str(value)


def review_rows(answers: dict, lang: Lang) -> list[dict]:
    """Every visible answer, in interview order: step, participant (if any), question, widget, answer."""
    rows = []
    for s in STEPS:
        if not s.shown(answers):
            continue
        if s.scope == "matter":
            for q in s.questions:
                if q.shown(answers):
                    rows.append({"step": s.id, "participant": None, "question": q.label(lang), "widget": q.widget,
                                 "answer": format_answer(q, get_in(answers, q.path), answers, lang)})
        else:
            for i in s.participants(answers):
                base = f"participants.{i}"
                for q in s.questions:
                    if q.shown(answers, base):
                        rows.append({"step": s.id, "participant": participant_name(answers, i, lang),
                                     "question": q.label(lang), "widget": q.widget,
                                     "answer": format_answer(q, get_in(answers, f"{base}.{q.path}"), answers, lang)})
    return rows


KEY_FACT_FIRST = ("consent_type", "rules", "sole", "needed", "occurred", "measures", "no_fault", "causation")


def key_facts() -> list[tuple[Step, Question]]:
    """Questions flagged as key facts (offered in 'change one answer' panels), the most telling first."""
    facts = [(s, q) for s in STEPS for q in s.questions if q.key_fact]
    rank = {qid: i for i, qid in enumerate(KEY_FACT_FIRST)}
    return sorted(facts, key=lambda sq: rank.get(sq[1].id, len(rank)))


def parse_date(v: Any) -> dt.date | None:
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str) and v:
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            return None
    return None


__all__ = [
    "STEPS", "GLOSSARY", "Step", "Question", "Cond", "effective", "new_answers", "answers_from", "draft_answers",
    "blank_participant", "remove_participant", "rename_participant", "review_rows", "format_answer", "locate",
    "option_label", "codes_for", "nullable", "get_in", "set_in", "key_facts", "BLANK_ITEMS", "GROUP_KINDS",
]
