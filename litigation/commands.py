"""Core CLI commands: schema, validate, analyze, export, estimate, evaluate, similar, rules."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

# Only what every command needs is imported here; pandas, scikit-learn and MAPIE are imported by
# the commands that use them, so `analyze` starts fast.
from litigation.facts.answers import locate
from litigation.facts.bounds import MAX_FILE_BYTES, Problem, bound, parse_json
from litigation.facts.validation import MatterError, read_matter_file


def _positive_money(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r} / 不是数字") from None
    if v < 0 or v != v or v == float("inf"):
        raise argparse.ArgumentTypeError("must be a finite amount ≥ 0 / 金额须为非负有限数") from None
    return v


def _count(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r} / 不是整数") from None
    if not 1 <= v <= 1000:
        raise argparse.ArgumentTypeError("must be between 1 and 1000 / 须在 1 到 1000 之间") from None
    return v


def _load(path: str, lang: str):
    try:
        return read_matter_file(path)
    except MatterError as exc:
        data = _within_bounds(path)
        print(exc.render(lang, lambda loc: locate(loc, data, lang)[1]), file=sys.stderr)  # type: ignore[arg-type]
        return None


def _within_bounds(path: str) -> dict:
    """The file's data for naming fields in an error message ({} if it cannot be read within bounds)."""
    try:
        data, problems = bound(parse_json(Path(path).read_bytes()[:MAX_FILE_BYTES].decode("utf-8-sig")))
    except (OSError, UnicodeDecodeError, Problem):
        return {}
    return data if isinstance(data, dict) and not problems else {}


def cmd_schema(args: argparse.Namespace) -> int:
    from litigation.facts.matter import Matter

    print(json.dumps(Matter.model_json_schema(), ensure_ascii=False, indent=2))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    m = _load(args.matter, args.lang)
    if m is None:
        return 1
    print("OK: 案件事实有效" if args.lang == "zh" else "OK: the matter is valid")
    note = _invisible_note(args.matter, args.lang)
    if note:
        print(note)
    return 0


def _invisible_note(path: str, lang: str) -> str:
    """Says so when the matter's text held invisible bidi or zero-width characters (the reader drops them)."""
    from litigation.i18n import INVISIBLE, invisible

    try:
        text = Path(path).read_bytes()[:MAX_FILE_BYTES].decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""
    n, codes = len(INVISIBLE.findall(text)), ", ".join(invisible(text))
    if not n:
        return ""
    return (f"注：已删除 {n} 个不可见的方向控制符或零宽字符（{codes}）；姓名、备注等文字按删除后的内容读取。" if lang == "zh" else
            f"Note: {n} invisible direction-control or zero-width character(s) ({codes}) were removed; names, "
            "notes and other text are read without them.")


def cmd_analyze(args: argparse.Namespace) -> int:
    m = _load(args.matter, args.lang)
    if m is None:
        return 1
    from litigation.documents.report import render_markdown
    from litigation.law.analysis import analyze

    a = analyze(m, mode=args.mode, total_damages=args.total, third_person=args.third_person)
    if args.format == "json":
        print(json.dumps(a.to_json(), ensure_ascii=False, indent=2))
    else:
        print(render_markdown(m, a, args.lang))
    return 0


EXPORT_DOCS = {"complaint": "complaint", "evidence": "evidence", "bench": "bench", "similar": "similar",
               "claim-memo": "claim"}


def cmd_export(args: argparse.Namespace) -> int:
    """Write one document. A bad matter gets the same errors as `validate`, and nothing is written."""
    from pathlib import Path

    from litigation.documents.blocks import ExportError
    from litigation.documents.export import export
    from litigation.documents.research import research
    from litigation.documents.similar import SIMILAR_K
    from litigation.law.analysis import analyze

    m = _load(args.matter, args.lang)
    if m is None:
        return 1
    a = analyze(m, mode=args.mode, third_person=getattr(args, "third_person", "shares"))
    kind = EXPORT_DOCS[args.doc]
    r = research(m, analysis=a, k=SIMILAR_K if kind == "similar" else 10) \
        if kind in ("bench", "similar", "claim", "complaint") else None
    try:
        data = export(kind, args.format, m, a, args.lang, r)  # type: ignore[arg-type]
    except ExportError as exc:
        print(exc.text(args.lang), file=sys.stderr)
        return 2
    if args.output in (None, "-"):
        if args.format != "md":
            print("DOCX/PDF 须用 -o 指定输出文件 / DOCX and PDF need -o FILE", file=sys.stderr)
            return 2
        sys.stdout.write(data.decode("utf-8"))
        return 0
    Path(args.output).write_bytes(data)
    print(f"已写入 {args.output}" if args.lang == "zh" else f"written: {args.output}", file=sys.stderr)
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    import litigation.law.analysis  # noqa: F401 - registers every rule module
    from litigation.law.rules import RULES, cited_articles

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


def _cases(path: str | None):
    from litigation.cases.loading import load_cases
    from litigation.cases.schema import CasesFileError, CaseValidationError

    try:
        return load_cases(path)
    except (CaseValidationError, CasesFileError) as exc:
        print(f"case dataset / 案例数据集: {exc}", file=sys.stderr)
        return None


def cmd_estimate(args: argparse.Namespace) -> int:
    m = _load(args.matter, args.lang)
    cases = _cases(args.cases)
    if m is None or cases is None:
        return 1 if m is None else 2
    from litigation.damages.compensation import estimate
    from litigation.damages.estimator import cached_models
    from litigation.damages.evaluation import evaluate, summary
    from litigation.documents.report import render_estimate_markdown
    from litigation.law.analysis import analyze

    a = analyze(m)
    est = estimate(m, models=cached_models(args.cases), analysis=a, top=args.top)
    est.backtest = summary(evaluate(cases, k=args.k, per_case=False))
    if args.format == "json":
        print(est.model_dump_json(indent=2))
    else:
        print(render_estimate_markdown(est, args.lang, analysis=a))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    cases = _cases(args.cases)
    if cases is None:
        return 2
    from litigation.damages.evaluation import evaluate, table

    ev = evaluate(cases, k=args.k, per_case=args.per_case)
    if args.format == "json":
        print(json.dumps(ev, ensure_ascii=False, indent=2, default=float))
    else:
        print(table(ev), end="")
    return 0


def cmd_similar(args: argparse.Namespace) -> int:
    m = _load(args.matter, args.lang)
    cases = _cases(args.cases)
    if m is None or cases is None:
        return 1 if m is None else 2
    from litigation.damages.comparables import CaseIndex, Filters, describe, matter_factors

    f = Filters(scenario=args.scenario, court_level=args.court_level, province=args.province,
                year_min=args.year_min, year_max=args.year_max, procedure=args.procedure, outcome=args.outcome,
                award_min=args.award_min, award_max=args.award_max)
    hits = CaseIndex(cases).search(matter_factors(m), k=args.k, filters=f)
    if args.format == "json":
        print(json.dumps([h.model_dump() for h in hits], ensure_ascii=False, indent=2))
    else:
        if not hits:
            print("没有符合筛选条件的案例" if args.lang == "zh" else "No decision matches the filters")
        for i, h in enumerate(hits, 1):
            print(f"{i}. {describe(h, args.lang)}")
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
    p.add_argument("--third-person", choices=["shares", "supplementary"], default="shares",
                   help="where a business's security failure let a third person cause the harm: shares (CC 1172, "
                        "default) or supplementary liability (CC 1198(2) by analogy) — unsettled")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("export", help="a document: statement of claim, evidence list, bench memo, similar-case report")
    p.add_argument("matter", help="matter JSON file")
    p.add_argument("--doc", choices=list(EXPORT_DOCS), default="complaint")
    p.add_argument("--format", choices=["md", "docx", "pdf"], default="md")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    p.add_argument("--mode", choices=["current", "reform"], default="current")
    p.add_argument("-o", "--output", default=None, help="output file (Markdown may go to stdout)")
    p.set_defaults(func=cmd_export)

    def cases_opt(p: argparse.ArgumentParser) -> None:
        p.add_argument("--cases", default=None, help="case dataset CSV (default: data/cases.csv or $FACETORT_CASES)")

    p = sub.add_parser("estimate", help="compensation ranges per head with comparable decisions")
    p.add_argument("matter")
    p.add_argument("--format", choices=["json", "md"], default="md")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    p.add_argument("--k", type=_count, default=5, help="neighbours of the k-NN baseline in the backtest")
    p.add_argument("--top", type=_count, default=10, help="comparable decisions to list")
    cases_opt(p)
    p.set_defaults(func=cmd_estimate)

    p = sub.add_parser("evaluate", help="leave-one-dispute-out backtest of the estimator, per head, beside baselines")
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.add_argument("--k", type=_count, default=5, help="neighbours of the k-NN baseline")
    p.add_argument("--per-case", action="store_true", help="include each held-out decision")
    cases_opt(p)
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("similar", help="similar-case search for a matter (类案检索)")
    p.add_argument("matter")
    p.add_argument("--k", type=_count, default=10)
    p.add_argument("--format", choices=["json", "text"], default="text")
    p.add_argument("--lang", choices=["zh", "en"], default="zh")
    p.add_argument("--scenario", nargs="*")
    p.add_argument("--court-level", nargs="*", dest="court_level")
    p.add_argument("--province", nargs="*")
    p.add_argument("--procedure", nargs="*")
    p.add_argument("--outcome", nargs="*")
    p.add_argument("--year-min", type=int, dest="year_min")
    p.add_argument("--year-max", type=int, dest="year_max")
    p.add_argument("--award-min", type=_positive_money, dest="award_min")
    p.add_argument("--award-max", type=_positive_money, dest="award_max")
    cases_opt(p)
    p.set_defaults(func=cmd_similar)

    p = sub.add_parser("rules", help="list every rule with its citations")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--lang", choices=["zh", "en"], default="en")
    p.set_defaults(func=cmd_rules)
