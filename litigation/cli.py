"""Command line: `python -m litigation <command> ...`.

Each command module exposes `register(subparsers)`, which adds its sub-parser and sets
`func(args) -> int` as the handler. Keep the commands thin: they call the same functions
that the app and the notebooks use.
"""

from __future__ import annotations

import argparse
import importlib
import sys

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
