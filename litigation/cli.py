"""Command line: `python -m litigation <command> ...`.

Each command module exposes `register(subparsers)`, which adds its sub-parser and sets
`func(args) -> int` as the handler. Keep the commands thin: they call the same functions
that the app and the notebooks use.

Exit codes (README "Command line"): 0 done; 1 invalid input (a matter file that is missing, unreadable
or invalid, or case rows that fail validation); 2 usage error, or a case collection that cannot be read;
70 internal error — a bug in FaceTort, never the user's input (set FACETORT_DEBUG=1 for the traceback).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback

from litigation.i18n import excerpt

EXIT_INTERNAL = 70  # EX_SOFTWARE (sysexits.h)

# Modules that contribute sub-commands, in the order they appear in --help.
COMMAND_MODULES = [
    "litigation.commands",
    "litigation.cases.commands",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m litigation",
        description="FaceTort: face-information tort analysis (PRC law) / 人脸信息侵权分析",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # e.g. piped into `head`
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - anything else is a bug: say so, with its own exit code
        if os.environ.get("FACETORT_DEBUG"):
            traceback.print_exc()
        print(f"internal error / 内部错误: {type(exc).__name__}: {excerpt(str(exc), 200)}\n"
              "This is a bug in FaceTort, not a problem with your input; please report it "
              "(FACETORT_DEBUG=1 shows the traceback). / 这是 FaceTort 的程序错误，不是输入的问题；请报告"
              "（设置 FACETORT_DEBUG=1 可显示详细信息）。", file=sys.stderr)
        return EXIT_INTERNAL
