"""Comparable-case retrieval and the compensation estimator, on synthetic and real data."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from litigation.damages.comparables import CaseIndex, Filters, factor_frame
from litigation.damages.compensation import ComparableAwardEstimator, estimate, evaluate, law_heads
from litigation.facts.validation import load_matter

SCENARIOS = ["zoo_park", "residential_access", "face_swap_app", "bank_fraud"]


def synthetic(n: int, seed: int = 0) -> pd.DataFrame:
    """SYNTHETIC decisions for tests only: awards log-normal around a per-setting level."""
    rng = np.random.default_rng(seed)
    level = {"zoo_park": 3.0, "residential_access": 3.6, "face_swap_app": 3.8, "bank_fraud": 4.5}
    sc = rng.choice(SCENARIOS, n)
    leak = rng.random(n) < 0.3
    logy = np.array([level[s] for s in sc]) + 0.4 * leak + rng.normal(0, 0.15, n)
    return pd.DataFrame({
        "case_id": [f"SYN{i}" for i in range(n)], "dispute_id": [f"SYN{i}" for i in range(n)],
        "scenario": sc, "face_case": True, "leak": leak, "commercial_profit": None, "public_figure": False,
        "minor": False, "sole_verification_method": None, "consent_type": "none", "defendant_kinds": "business",
        "court_level": "basic", "province": rng.choice(["浙江", "北京"], n), "year": rng.integers(2021, 2025, n),
        "procedure": "civil_judgment", "claimant_kind": "individual", "claim_outcome": "upheld",
        "awarded_total": np.round(10 ** logy, 2), "awarded_mental_distress": None,
    })


def test_estimator_learns_the_setting_and_is_deterministic():
    df = synthetic(300)
    est = ComparableAwardEstimator(k=7).fit(factor_frame(df), df["awarded_total"])
    q = factor_frame(df.head(1)).assign(scenario="bank_fraud", leak=False)
    p1, p2 = est.predict(q)[0], ComparableAwardEstimator(k=7).fit(factor_frame(df), df["awarded_total"]).predict(q)[0]
    assert p1 == p2
    assert 10 ** 4.2 < p1 < 10 ** 4.8  # near the bank-fraud level, far from the zoo level (10**3)


def test_jackknife_plus_intervals_cover_near_nominal_on_held_out_synthetic_data():
    train, test = synthetic(200, seed=1), synthetic(100, seed=2)
    est = ComparableAwardEstimator(k=7).fit(factor_frame(train), train["awarded_total"])
    X = factor_frame(test)
    y = test["awarded_total"].to_numpy()
    for level in (0.5, 0.8):
        iv = est.predict_interval(X, level)
        cover = np.mean((iv[:, 0] <= y) & (y <= iv[:, 1]))
        assert level - 0.15 <= cover <= min(1.0, level + 0.15), (level, cover)
    i50, i80 = est.predict_interval(X.head(5), 0.5), est.predict_interval(X.head(5), 0.8)
    assert (i80[:, 0] <= i50[:, 0]).all() and (i80[:, 1] >= i50[:, 1]).all()


def test_too_small_a_sample_gives_no_finite_80_percent_interval():
    df = synthetic(3)
    est = ComparableAwardEstimator(k=3).fit(factor_frame(df), df["awarded_total"])
    assert np.isnan(est.predict_interval(factor_frame(df.head(1)), 0.8)).all()


def test_zero_awards_are_rejected_by_fit():
    df = synthetic(10)
    df.loc[0, "awarded_total"] = 0
    with pytest.raises(ValueError, match="positive"):
        ComparableAwardEstimator().fit(factor_frame(df), df["awarded_total"])


def test_retrieval_ranks_an_identical_case_first_with_reasons_and_filters():
    df = synthetic(50)
    ix = CaseIndex(df)
    row = factor_frame(df.iloc[[7]]).iloc[0].to_dict()
    top = ix.search(row, k=3)
    assert top[0].case_id == "SYN7" and top[0].similarity < 1.0  # unknowns count as half a mismatch
    assert not top[0].differs and any(t.en == "setting" for t in top[0].matches)
    assert {t.en for t in top[0].unknown} == {"commercial profit", "sole verification method"}
    assert all(a.similarity >= b.similarity for a, b in zip(top, top[1:], strict=False))
    only = ix.search(row, k=50, filters=Filters(scenario=["bank_fraud"], award_min=20000))
    assert only and all(df.set_index("case_id").loc[c.case_id, "scenario"] == "bank_fraud" for c in only)
    assert all(c.awarded_total >= 20000 for c in only)
    assert ix.search(row, filters=Filters(year_min=2030)) == []


def guo_bing_like(**harm) -> dict:
    return {"format": "facetort-matter", "version": 1, "as_of": "2026-06-30", "setting": "zoo_park",
            "claimant": {"forum_province": "浙江"},
            "participants": [{"id": "park", "name": "Park", "kind": "business", "role": "processor",
                              "processing_evidence": "admitted",
                              "processing": {"acts": [{"kind": "collection", "start": "2022-01-01"}]}}],
            "harm": harm or {"expenses": [{"kind": "transport", "amount": 360, "receipt": True},
                                          {"kind": "attorney_fees", "amount": 5000, "receipt": True}]},
            "requests": {"claimed": {"reasonable_expenses": 300, "attorney_fees": 8000}}}


def test_law_heads_are_traced_and_never_exceed_the_claim():
    heads = {h.head: h for h in law_heads(load_matter(guo_bing_like()))}
    exp = heads["reasonable_expenses"]
    assert exp.range.median == 300 and exp.capped  # 360 documented, 300 claimed
    assert {"SPC-FRT-2021"} <= {c.instrument for c in exp.citations}
    fees = heads["attorney_fees"]
    assert fees.range.median == 5000 and fees.range.low80 == 0 and not fees.capped


def test_estimate_on_synthetic_cases_reports_n_and_caps_the_total():
    m = load_matter(guo_bing_like())
    res = estimate(m, synthetic(120))
    assert res.total.basis == "comparables" and res.total.n == 120
    r = res.total.range
    assert r.low80 <= r.low50 <= r.median <= r.high50 <= r.high80 <= 8300  # claimed 300 + 8000
    assert res.comparables and res.comparables[0].similarity >= res.comparables[-1].similarity


def test_estimate_says_plainly_when_there_are_too_few_decisions():
    m = load_matter(guo_bing_like(mental_distress="serious", mental_evidence="medical"))
    res = estimate(m, synthetic(30))  # synthetic mental-distress awards are all unknown
    md = next(h for h in res.heads if h.head == "mental_distress")
    assert md.range.median is None and md.n == 0
    assert "Too few comparable decisions" in md.message.en and "可比判决太少" in md.message.zh


def test_leave_one_out_evaluation_on_synthetic_data_beats_the_global_median():
    r = evaluate(synthetic(150, seed=3))
    assert r["n"] == 150
    assert r["median_abs_log10_error"] < r["baseline_median_abs_log10_error"]
    assert 0.35 <= r["coverage_50"] <= 0.65 and 0.65 <= r["coverage_80"] <= 0.95
    assert math.isclose(sum(c["in80"] for c in r["cases"]) / 150, r["coverage_80"], abs_tol=1e-3)


def test_cli_estimate_evaluate_and_similar_on_the_real_dataset(capsys, tmp_path):
    import json

    from litigation.cli import main

    f = tmp_path / "m.json"
    f.write_text(json.dumps(guo_bing_like()), encoding="utf-8")
    assert main(["evaluate", "--format", "json"]) == 0
    ev = json.loads(capsys.readouterr().out)
    for key in ("n", "coverage_50", "coverage_80", "median_abs_log10_error", "baseline_median_abs_log10_error",
                "band_0.1", "band_0.2", "band_0.3"):
        assert key in ev
    assert ev["n"] >= 15 and 0 <= ev["coverage_80"] <= 1
    assert main(["estimate", str(f), "--format", "json"]) == 0
    est = json.loads(capsys.readouterr().out)
    assert est["total"]["n"] == ev["n"] and est["backtest"]["n"] == ev["n"]
    assert est["comparables"][0]["case_id"] in ("A1", "A2")  # Guo Bing is the nearest zoo case
    assert main(["estimate", str(f), "--lang", "zh"]) == 0
    assert "可比判决" in capsys.readouterr().out
    assert main(["similar", str(f), "--province", "天津", "--k", "3", "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits and all(h["province"] == "天津" for h in hits)
    assert main(["similar", str(f), "--year-min", "2099"]) == 0
    assert "没有符合筛选条件的案例" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("case_id\nX1\n", encoding="utf-8")
    assert main(["evaluate", "--cases", str(bad)]) == 2
    assert "case dataset" in capsys.readouterr().err


def test_local_income_uses_the_province_then_falls_back_to_the_national_figure():
    from litigation.damages.income import local_income

    zj = local_income("浙江", 2022)
    assert zj is not None and zj.year == 2022 and not zj.national_fallback and zj.income > 30000
    assert "浙江" in zj.describe(6000).zh and "%" in zj.describe(6000).en
    nowhere = local_income("火星", 2022)
    assert nowhere is not None and nowhere.national_fallback and nowhere.province == "火星"
    assert "national figure" in nowhere.describe().en


@pytest.mark.parametrize("argv", [["evaluate", "--k", "0"], ["evaluate", "--k", "abc"]])
def test_cli_rejects_a_bad_neighbour_count(argv, capsys):
    from litigation.cli import main

    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "--k" in err and ("1 到 1000" in err or "不是整数" in err)
