"""Hostile matters and the checks every answer must pass; shared by `tests/test_fuzz.py` (hypothesis) and
`scripts/fuzz_rerun.py` (a seeded rerun at the scale of issue 12).

`mutate(d, rng)` applies one mutation from `FAMILIES` to a valid matter dict; `run_pipeline` takes the
result through load -> validate -> analyze -> estimate -> every export and raises `Wrong` if an answer
breaks an invariant (NaN/Infinity, negative money, shares above 1, more allocated than is recoverable,
a lossy round trip). Any other exception is a crash.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import random
import time
from pathlib import Path
from typing import Any

from litigation.damages.compensation import estimate
from litigation.documents.export import KINDS, build, render
from litigation.documents.report import render_estimate_markdown, render_markdown
from litigation.documents.research import research
from litigation.facts.validation import MatterError, dump_matter, load_matter
from litigation.law.analysis import analyze

TODAY = dt.date(2026, 11, 1)
SCENARIOS = sorted((Path(__file__).resolve().parent.parent / "data" / "scenarios").glob("*.matter.json"))


def base_matters() -> list[dict]:
    """The valid matters the mutations start from: every bundled scenario."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in SCENARIOS]
ODD_TEXT = ["", "\x00", "\tPark", "a\rb", "\ud800", "\uffff", "\u202eevil", "![x](http://host/p.png)",
            "<img src=http://host/p.png>", "１２３", "٣٤٥", "e\u0301" * 50, "😀" * 30, "x" * 25_000, "null", "NaN"]
ODD_NUMBERS = [float("nan"), float("inf"), -float("inf"), 1e308, -1e308, 10**30, -1, -0.0, 1e-320, 2**63]
FAMILIES = ("type_swap", "odd_text", "non_finite", "huge_number", "deep_nesting", "dangling_reference",
            "duplicate", "unknown_field", "drop_field", "many_participants", "cycle", "json_text")


class Wrong(AssertionError):
    """An answer that came back but breaks an invariant."""


def _paths(node: Any, path: tuple = ()) -> list[tuple]:
    out = [path]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*path, i))
    return out


def _set(d: Any, path: tuple, value: Any) -> None:
    for k in path[:-1]:
        d = d[k]
    d[path[-1]] = value


def _get(d: Any, path: tuple) -> Any:
    for k in path:
        d = d[k]
    return d


def mutate(d: dict, rng: random.Random, family: str | None = None) -> tuple[str, Any]:
    """(family, mutated matter): a dict, or JSON text for the 'json_text' family."""
    family = family or rng.choice(FAMILIES)
    d = copy.deepcopy(d)
    paths = [p for p in _paths(d) if p]
    parts = d.get("participants") if isinstance(d.get("participants"), list) else []
    ids = [p.get("id") for p in parts if isinstance(p, dict)]
    if family == "type_swap":
        _set(d, rng.choice(paths), rng.choice([None, True, 0, 1.5, "x", [], {}, ["a"], {"a": 1}]))
    elif family == "odd_text":
        strings = [p for p in paths if isinstance(_get(d, p), str)] or paths
        _set(d, rng.choice(strings), rng.choice(ODD_TEXT))
    elif family == "non_finite":
        nums = [p for p in paths if isinstance(_get(d, p), (int, float)) and not isinstance(_get(d, p), bool)]
        _set(d, rng.choice(nums or paths), rng.choice(ODD_NUMBERS[:3]))
    elif family == "huge_number":
        nums = [p for p in paths if isinstance(_get(d, p), (int, float)) and not isinstance(_get(d, p), bool)]
        _set(d, rng.choice(nums or paths), rng.choice(ODD_NUMBERS[3:]))
    elif family == "deep_nesting":
        deep: Any = "leaf"
        for _ in range(rng.choice([30, 500, 5_000])):
            deep = [deep] if rng.random() < 0.5 else {"k": deep}
        _set(d, rng.choice(paths), deep)
    elif family == "dangling_reference":
        refs = [p for p in paths if len(p) >= 2 and p[-2] in ("to", "serves") or (p and p[-1] in (
            "principal", "agent", "helper", "actor")) or (len(p) >= 3 and p[0] == "relations" and isinstance(p[-1], int))]
        if refs:
            _set(d, rng.choice(refs), rng.choice(["ghost", "", "x" * 5_000]))
        else:
            d.setdefault("relations", {})["assistance"] = [{"helper": "ghost", "actor": ids[0] if ids else "x"}]
    elif family == "duplicate":
        lists = [p for p in paths if isinstance(_get(d, p), list) and _get(d, p)]
        if lists:
            lst = _get(d, rng.choice(lists))
            lst.append(copy.deepcopy(rng.choice(lst)))
    elif family == "unknown_field":
        dicts = [()] + [p for p in paths if isinstance(_get(d, p), dict)]
        _get(d, rng.choice(dicts))[rng.choice(["extra", "x" * 200, "\x00", "participants "])] = 1
    elif family == "drop_field":
        keyed = [p for p in paths if isinstance(p[-1], str)]
        p = rng.choice(keyed)
        del _get(d, p[:-1])[p[-1]]
    elif family == "many_participants":
        parts = [p for p in parts if isinstance(p, dict)]
        if parts:
            n = rng.choice([150, 200, 201, 400])
            d["participants"] = [dict(copy.deepcopy(parts[i % len(parts)]), id=f"m{i}") for i in range(n)]
            mids = [f"m{i}" for i in range(min(n, 200))]
            d["relations"] = {"concerted_action": [mids[i:i + 10] for i in range(0, len(mids) - 1, 5)],
                              "assistance": [{"helper": a, "actor": b} for a, b in zip(mids, mids[1:], strict=False)]}
            for p in d["participants"]:
                if isinstance(p.get("processing"), dict):
                    p["processing"].pop("provision", None)
                if isinstance(p.get("platform"), dict):
                    p["platform"]["serves"] = mids[:3]
    elif family == "cycle":
        if len(ids) >= 2:
            a, b = ids[0], ids[1]
            d.setdefault("relations", {})
            d["relations"]["entrustments"] = [{"principal": a, "agent": b}, {"principal": b, "agent": a}]
            d["relations"]["assistance"] = [{"helper": a, "actor": b}, {"helper": b, "actor": a}]
    elif family == "json_text":
        text = json.dumps(d, ensure_ascii=rng.random() < 0.5)
        op = rng.choice(["truncate", "insert", "nan", "bom", "deep"])
        if op == "truncate":
            return family, text[: rng.randrange(len(text))]
        if op == "insert":
            i = rng.randrange(len(text))
            return family, text[:i] + rng.choice(['"', "{", "]", ",", "\x00", "\\", "NaN", "\n"]) + text[i:]
        if op == "nan":
            return family, text.replace('"economic_loss": ', '"economic_loss": ' + rng.choice(
                ["NaN", "Infinity", "-Infinity", "1e999", "1" * 5_000]) + ", \"_\": ", 1)
        if op == "bom":
            return family, "\ufeff" + text
        return family, "[" * 100_000
    return family, d


# ------------------------------------------------------------------------------------------- checks
MONEY_TYPES = ("joint_and_several", "several_share", "joint_for_enlarged_part")


def _numbers(node: Any, path: str = "") -> list[tuple[str, float]]:
    out: list[tuple[str, float]] = []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _numbers(v, f"{path}.{k}")
    elif isinstance(node, (list, tuple)):
        for i, v in enumerate(node):
            out += _numbers(v, f"{path}.{i}")
    elif isinstance(node, (int, float)) and not isinstance(node, bool):
        out.append((path, float(node)))
    return out


def _check_numbers(obj: Any, what: str) -> None:
    for path, v in _numbers(obj):
        if not math.isfinite(v):
            raise Wrong(f"{what}: {path} = {v}")
        if v < 0:
            raise Wrong(f"{what}: negative {path} = {v}")


def _check_liability(out: dict) -> None:
    lb = out["liability"]
    rows = lb["defendants"]
    n = max(1, len(rows))
    total = sum(x["internal_share"] for x in rows)
    if total > 1 + 5e-7 * n + 1e-9:
        raise Wrong(f"internal shares sum to {total}")
    rec = lb.get("recoverable")
    if rec is not None:
        tol = 0.01 * n
        alloc = sum(x["internal_amount"] or 0 for x in rows)
        if alloc > rec + tol:
            raise Wrong(f"allocated {alloc} of a recoverable {rec}")
        for x in rows:
            if (x["exposure_amount"] or 0) > rec + 0.01:
                raise Wrong(f"{x['id']} exposed to {x['exposure_amount']} of a recoverable {rec}")


class Stages:
    """The time each stage took (wall and CPU seconds), for telling a hang from a long pipeline (and a
    slow stage from a loaded machine)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def run(self, name: str, fn: Any, *args: Any, **kw: Any) -> Any:
        t, c = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kw)
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t
            self.cpu[name] = self.cpu.get(name, 0.0) + time.process_time() - c


def _read_back(fmt: str, data: bytes) -> None:
    """An export that cannot be opened again is 'lost'."""
    if fmt == "docx":
        import io

        from docx import Document

        try:
            Document(io.BytesIO(data))
        except Exception as exc:  # noqa: BLE001 - any failure to reopen is the finding
            raise Wrong(f"the DOCX does not load back: {type(exc).__name__}") from None
    elif fmt == "pdf" and not (data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")):
        raise Wrong("the PDF does not load back: no header or trailer")


def run_pipeline(data: Any, cases: Any, *, docx: bool | str = True, pdf: bool | str = False,
                 rng: random.Random | None = None, reader_only: bool = False, stages: Stages | None = None,
                 every_export: bool = False) -> str:
    """'invalid' (a clean MatterError) or 'valid' (every stage ran and every check passed; with
    `reader_only`, only loading and the round trip; with `cases=None`, no estimate or comparable research,
    which take half a second each). Every document kind is written in Markdown; `docx`/`pdf` also write
    one kind in that format (True: chosen at random; a kind: that one; "all": every kind), and
    `every_export` writes every kind in both."""
    st = stages or Stages()
    try:
        m = st.run("load", load_matter, data, today=TODAY)
    except MatterError as exc:
        for e in exc.errors:  # bilingual, and quoting only an excerpt
            if not (e.zh and e.en) or len(e.zh) > 400 or len(e.en) > 400 or len(e.loc) > 400:
                raise Wrong(f"unclear error: {e.loc[:80]!r}: {e.en[:80]!r}") from None
        return "invalid"
    text = dump_matter(m)
    if st.run("load", load_matter, text, today=TODAY) != m:
        raise Wrong("the saved matter does not load back equal")
    if reader_only:
        return "valid"
    rng = rng or random.Random(0)
    claimed = [v for v in m.requests.claimed.model_dump().values() if v]
    total = float(sum(claimed)) if claimed else rng.choice([None, 0.0, 6200.0, 1e9])
    for mode in ("current", "reform"):
        a = st.run(f"analyze-{mode}", analyze, m, mode=mode, total_damages=total)
        out = a.to_json()
        json.dumps(out, allow_nan=False)
        _check_numbers(out, f"analysis ({mode})")
        _check_liability(out)
    lang = rng.choice(["zh", "en"])
    st.run("md-analysis", render_markdown, m, a, lang)
    r = None
    if cases is not None:
        est = st.run("estimate", estimate, m, cases)
        _check_numbers(est.model_dump(), "estimate")
        render_estimate_markdown(est, lang)
        r = st.run("research", research, m, cases)
    docs = {}
    for kind in KINDS:
        docs[kind] = doc = st.run("build", build, kind, m, a, lang, r, today=TODAY)
        st.run(f"md-{kind}", render, doc, "md")
    one = rng.choice(KINDS)
    for fmt, wanted in (("docx", docx), ("pdf", pdf)):
        kinds = KINDS if every_export or wanted == "all" else [wanted] if wanted in KINDS else [one] if wanted else []
        for kind in kinds:
            _read_back(fmt, st.run(f"{fmt}-{kind}", render, docs[kind], fmt))
    return "valid"
