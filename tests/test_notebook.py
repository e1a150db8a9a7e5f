"""The notebook in notebooks/ runs: every code cell is executed in order (no kernel needed)."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def run_cell(src: str, ns: dict, name: str) -> object:
    """Execute a cell like Jupyter: a final expression is evaluated and returned."""
    tree = ast.parse(src, filename=name)
    last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
    exec(compile(tree, name, "exec"), ns)
    if last is not None:
        return eval(compile(ast.Expression(last.value), name, "eval"), ns)
    return None


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_executes(path: Path, monkeypatch):
    nb = json.loads(path.read_text(encoding="utf-8"))
    monkeypatch.chdir(path.parent)
    ns: dict = {"__name__": "__notebook__"}
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert cells
    results = []
    for i, cell in enumerate(cells):
        src = "".join(cell["source"])
        try:
            results.append(run_cell(src, ns, f"{path.name}[{i}]"))
        except Exception as exc:
            raise AssertionError(f"{path.name} cell {i} failed: {exc!r}\n{src}") from exc
    assert ns["summary"]["n"] >= 10  # the backtest ran on the real decisions
    assert any(type(r).__name__ == "Figure" for r in results)  # and drew its plots


def test_a_failing_cell_is_reported():
    with pytest.raises(ZeroDivisionError):
        run_cell("x = 1\n1 / 0", {}, "t")
