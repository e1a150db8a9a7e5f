"""The `cases` command (registered through `register(subparsers)`):

    python -m litigation cases validate [--path P]
    python -m litigation cases list     [--path P] [--format table|json|csv|xlsx] [-o FILE]
                                        [--search TEXT [--scope all|keyword|party|case_no]]
    python -m litigation cases add FILE [--path P]           # append rows (CSV or JSON) to a collection
    python -m litigation cases import [FILE | --bundled] [--path P] [--replace]
                                                             # create/replace a whole collection

Exit codes: 0 ok, 1 validation errors, 2 usage or file errors (70 for an internal error, see `cli`).
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from litigation.cases.schema import AddResult, RowError

# pandas is imported by the handlers, not when the parser is built (keeps `analyze` starting fast).
ENV_VAR = "FACETORT_CASES"  # litigation.cases.schema.ENV_VAR (tests/test_compensation checks they agree)

# --------------------------------------------------------------------------- CLI

LIST_COLUMNS = ("case_id", "procedure", "instance", "face_case", "in_default_sample", "year", "province",
                "court_en", "claim_outcome", "awarded_total", "figure_confidence")


def _print_errors(errors: list[RowError], stream=None) -> None:
    stream = stream or sys.stdout
    for e in errors:
        print(str(e), file=stream)
    print(f"{len(errors)} error(s) / 共 {len(errors)} 处错误", file=stream)


def _cmd_validate(args) -> int:
    from litigation.cases.loading import read_cases_raw
    from litigation.cases.schema import CasesFileError, resolve_cases_path
    from litigation.cases.validation import validate_cases

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
    from litigation.cases.loading import load_cases, to_records
    from litigation.cases.schema import CasesFileError, CaseValidationError, resolve_cases_path

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
    if args.search:
        from litigation.cases.explorer import search_mask

        df = df[search_mask(df, args.search, args.scope)]
    if args.format == "json":
        json.dump(to_records(df), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if args.format in ("csv", "xlsx"):  # every column, formula cells neutralised (for a spreadsheet)
        from litigation.cases.explorer import to_csv, to_xlsx

        if args.format == "xlsx" and not args.output:
            print("error: --format xlsx needs -o FILE / xlsx 格式需要 -o 指定文件", file=sys.stderr)
            return 2
        data = to_csv(df) if args.format == "csv" else to_xlsx(df)
        if args.output:
            with open(args.output, "wb") as fh:
                fh.write(data)
        else:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
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
    from litigation.cases.schema import CasesFileError
    from litigation.cases.store import add_cases

    try:
        res = add_cases(args.file, args.path)
    except CasesFileError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return _report_add(res, "added")


def _cmd_import(args) -> int:
    from litigation.cases.schema import CasesFileError
    from litigation.cases.store import import_cases

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
    ls.add_argument("--format", choices=("table", "json", "csv", "xlsx"), default="table",
                    help="csv and xlsx: every cell beginning with =, +, -, @ gets a leading ' (never a formula)")
    ls.add_argument("-o", "--output", default=None, help="write csv or xlsx to this file (xlsx needs it)")
    ls.add_argument("--search", default=None, help="only cases containing every word (e.g. a case number, 6971)")
    ls.add_argument("--scope", choices=("all", "keyword", "party", "case_no"), default="all",
                    help="where --search looks: everything, names/court/notes, party names, case number")
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

