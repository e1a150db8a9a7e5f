"""Which facts matter: each key answer flipped in turn, the facts that change a conclusion or move the
compensation range, ranked (litigation/damages/sensitivity.py; the analysis page shows the first five)."""

from __future__ import annotations

import json
from pathlib import Path

from litigation.damages.sensitivity import total_range, value_label, which_facts_matter
from litigation.facts import answers as fa
from litigation.facts.validation import load_matter
from litigation.law.analysis import analyze

SCEN = Path(__file__).resolve().parent.parent / "data" / "scenarios"


def _run(name: str, **kw):
    m = load_matter(json.loads((SCEN / f"{name}.matter.json").read_text(encoding="utf-8")))
    ans = fa.answers_from(m.model_dump(mode="json"))
    a = analyze(m)
    return m, a, ans, which_facts_matter(ans, a, {p.id: p.name for p in m.participants}, limit=40, **kw)


def test_the_weak_causation_leak_lists_the_facts_that_move_the_range():
    """app_leak_weak_causation: proving no loss (economic_loss_proof → none) moves the range down; no
    evidence of causation leaves only the documented expenses (800); both are listed with the range before and after."""
    m, a, ans, flips = _run("app_leak_weak_causation")
    by = {f.path: f for f in flips}
    proof = by["harm.economic_loss_proof"]
    comp = next(c for c in proof.changes if c.area == "compensation")
    assert comp.before.en.startswith("median ¥6,800") and comp.after.en.startswith("median ¥4,180")
    cause = next(c for c in by["harm.causation_evidence"].changes if c.area == "compensation")
    assert cause.after.en == "median ¥800 (80%: ¥800–¥800)"
    assert all(c.basis for c in proof.changes)  # each flip carries its legal basis


def test_facts_are_ranked_by_what_they_change():
    _, _, _, flips = _run("guo_bing_2019")
    assert flips[0].path == "participants.0.processing_evidence"  # no evidence of the processing: every claim fails
    assert {c.area for c in flips[0].changes} >= {"claim", "infringement", "liability"}
    assert [f.score for f in flips] == sorted((f.score for f in flips), reverse=True)


def test_without_the_case_data_the_legal_flips_remain():
    _, _, _, flips = _run("app_leak_weak_causation", with_range=False)
    assert flips and all(c.area != "compensation" for f in flips for c in f.changes)


def test_documented_heads_remain_when_the_comparable_total_does_not_apply():
    """Ordinary (not serious) distress without evidence of causation: the comparables' total does not apply,
    but the documented expenses (1,500 notarisation + 5,000 fees) do — not 'no award'."""
    d = json.loads((SCEN / "gym_vendor_leak_2025.matter.json").read_text(encoding="utf-8"))
    d["harm"]["mental_distress"] = "ordinary"
    m = load_matter(d)
    r = total_range(m, analyze(m))
    assert (r.median, r.low80, r.high80) == (6500, 6500, 6500)


def test_an_unanswered_select_reads_as_unknown():
    from litigation.facts.steps import step

    q = next(q for q in step("harm").questions if q.path == "harm.causation_evidence")
    assert value_label(q, None, "zh").startswith("不清楚") and value_label(q, None, "en").startswith("Unknown")
