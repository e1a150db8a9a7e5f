"""Core CLI commands: schema, validate, analyze, rules."""

from __future__ import annotations

import argparse
import json
import sys

from litigation.analysis import analyze
from litigation.matter import Matter
from litigation.report import render_markdown
from litigation.rules import RULES, cited_articles
from litigation.validation import MatterError, read_matter_file


def _positive_money(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r} / 不是数字") from None
    if v < 0 or v != v or v == float("inf"):
        raise argparse.ArgumentTypeError("must be a finite amount ≥ 0 / 金额须为非负有限数") from None
    return v


def _load(path: str, lang: str):
    try:
        return read_matter_file(path)
    except MatterError as exc:
        print(exc.render(lang), file=sys.stderr)  # type: ignore[arg-type]
        return None


def cmd_schema(args: argparse.Namespace) -> int:
    print(json.dumps(Matter.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    m = _load(args.matter, args.lang)
    if m is None:
        return 1
    print("OK: 案件事实有效" if args.lang == "zh" else "OK: the matter is valid")
    return 0


def cmd_analyze(args: argparse.Namespace) -> int:
    m = _load(args.matter, args.lang)
    if m is None:
        return 1
    a = analyze(m, mode=args.mode, total_damages=args.total)
    if args.format == "json":
        print(json.dumps(a.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_markdown(m, a, args.lang))
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    rows = []
    for r in RULES.values():
        rows.append({"id": r.id, "title": r.title(args.lang),
                     "citations": [c.label(args.lang) for c in r.citations]})
    if args.format == "json":
        print(json.dumps({"rules": rows, "articles": sorted(f"{i} {a}" for i, a in cited_articles())},
                         ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row['id']:28} {row['title']}  [{'; '.join(row['citations'])}]")
        print(f"\n{len(rows)} rules, {len(cited_articles())} articles cited")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of a matter file")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("validate", help="check a matter file and list every error")
    p.add_argument("matter")
    p.add_argument("--lang", choices=["zh", "en"], default="en")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("analyze", help="legal analysis of a matter file")
    p.add_argument("matter", help="matter JSON file")
    p.add_argument("--format", choices=["json", "md"], default="md")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    p.add_argument("--mode", choices=["current", "reform"], default="current",
                   help="reform: the processor must also disprove causation (teaching)")
    p.add_argument("--total", type=_positive_money, default=None,
                   help="damages total (RMB) to allocate among defendants")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("rules", help="list every rule with its citations")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--lang", choices=["zh", "en"], default="en")
    p.set_defaults(func=cmd_rules)
