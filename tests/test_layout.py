"""The package layout: imports run one way only (documents -> damages -> law -> facts; cases is used by
damages and documents), nothing in litigation/ imports ui/ or streamlit, the ui/ views import each
other without cycles, and no module in litigation/ is over 600 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "litigation"

# What each layer may import from litigation (besides itself). `top` is cli, commands and __main__.
ALLOWED: dict[str, set[str]] = {
    "i18n": set(),
    "facts": {"i18n"},
    "law": {"i18n", "facts"},
    "cases": {"i18n"},
    "damages": {"i18n", "facts", "law", "cases"},
    "documents": {"i18n", "facts", "law", "cases", "damages"},
    "library": set(),  # the matter library: storage only, knows no other layer
    "top": {"i18n", "facts", "law", "cases", "damages", "documents"},
}
FORBIDDEN_TOP = ("ui", "streamlit", "app")


def layer_of_module(dotted: str) -> str | None:
    """The layer of a `litigation.…` module name (None for a name outside the package)."""
    parts = dotted.split(".")
    if parts[0] != "litigation":
        return None
    if len(parts) == 1 or parts[1] in ("cli", "commands", "__main__"):
        return "top"
    return parts[1]


def layer_of_file(path: Path) -> str:
    rel = path.relative_to(PKG).with_suffix("")
    return layer_of_module(".".join(("litigation", *rel.parts)).removesuffix(".__init__"))


def imported_modules(source: str) -> list[tuple[int, str]]:
    """Every module an import statement names, at any depth (function-level imports count)."""
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append((node.lineno, node.module))
            if node.module == "litigation":  # from litigation import law
                out += [(node.lineno, f"litigation.{a.name}") for a in node.names]
    return out


def violations(layer: str, source: str, where: str) -> list[str]:
    bad = []
    for line, mod in imported_modules(source):
        top = mod.split(".")[0]
        if top in FORBIDDEN_TOP:
            bad.append(f"{where}:{line} imports {mod} (litigation/ must not depend on the UI)")
            continue
        target = layer_of_module(mod)
        if target is None or target == layer or (mod == "litigation" and layer == "top"):
            continue
        if target not in ALLOWED[layer]:
            bad.append(f"{where}:{line} ({layer}) imports {mod} ({target}) against the layer order")
    return bad


def package_files() -> list[Path]:
    return sorted(PKG.rglob("*.py"))


def test_every_module_belongs_to_a_known_layer():
    assert {layer_of_file(p) for p in package_files()} <= set(ALLOWED)


def test_imports_run_one_way_only():
    bad = [v for p in package_files() for v in violations(layer_of_file(p), p.read_text(), str(p.relative_to(ROOT)))]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize(("layer", "source"), [
    ("law", "from litigation.damages.compensation import estimate\n"),
    ("facts", "def f():\n    from litigation.law.analysis import analyze\n"),
    ("cases", "from litigation import law\n"),
    ("documents", "import streamlit as st\n"),
    ("damages", "from ui import state\n"),
])
def test_the_checker_catches_a_wrong_way_import(layer, source):
    assert violations(layer, source, "x.py")


def test_the_checker_accepts_the_right_way():
    assert not violations("documents", "from litigation.damages.compensation import estimate\n"
                                       "from litigation.cases.loading import load_cases\n", "x.py")
    assert not violations("top", "from litigation.documents.export import export\n", "x.py")


def test_no_module_in_litigation_is_over_600_lines():
    long = {str(p.relative_to(ROOT)): n for p in package_files() if (n := len(p.read_text().splitlines())) > 600}
    assert not long, long


def test_ui_views_import_each_other_without_cycles():
    views = {p.stem: p for p in (ROOT / "ui" / "views").glob("*.py") if p.stem != "__init__"}
    graph = {name: {m.split(".")[2] for _, m in imported_modules(p.read_text())
                    if m.startswith("ui.views.") and m.split(".")[2] in views}
             for name, p in views.items()}

    def reach(start: str) -> set[str]:
        seen, todo = set(), list(graph[start])
        while todo:
            n = todo.pop()
            if n not in seen:
                seen.add(n)
                todo += graph[n]
        return seen

    cycles = [v for v in graph if v in reach(v)]
    assert not cycles, {v: graph[v] for v in cycles}
