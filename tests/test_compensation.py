"""Comparable-case retrieval and the compensation estimator, on synthetic and real data."""

from __future__ import annotations

import json
import math
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from litigation.cases.loading import load_cases
from litigation.damages.awards import default_pool, final_decisions, head_sample
from litigation.damages.comparables import CaseIndex, Filters, factor_frame
from litigation.damages.compensation import estimate, law_heads
from litigation.damages.estimator import SettingMedianRegressor, conformal, fit_models
from litigation.damages.evaluation import evaluate
from litigation.facts.validation import load_matter, read_matter_file
from litigation.law.analysis import analyze

SCENARIO_FILES = sorted((Path(__file__).resolve().parent.parent / "data" / "scenarios").glob("*.matter.json"))

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
        "instance": "first", "matter_class": "face",
        "awarded_total": np.round(10 ** logy, 2), "awarded_mental_distress": None,
    })


def _rank_reference(y: np.ndarray, groups: np.ndarray, level: Fraction) -> tuple[float, float]:
    """Jackknife+ over groups with exact ranks: the ceil(level (n+1))-th smallest of mu_-g(i) + R_i and
    the (n+1-that)-th smallest of mu_-g(i) - R_i, where mu_-g is the median without i's group."""
    n = len(y)
    mu = np.array([np.median(y[groups != groups[i]]) for i in range(n)])
    r = np.abs(y - mu)
    k = math.ceil(level * (n + 1))
    return float(np.sort(mu - r)[n - k]), float(np.sort(mu + r)[k - 1])


def test_interval_ranks_are_exact_at_every_n_from_5_to_60():
    rng = np.random.default_rng(0)
    for n in range(5, 61):
        y = rng.normal(3.5, 0.6, n)
        X = np.zeros((n, 2), dtype=np.int64)
        reg = conformal(SettingMedianRegressor(), X, y, np.arange(n))
        _, iv = reg.predict_interval(X[:1], aggregate_point_predictions=None, allow_infinite_bounds=True)
        for j, level in enumerate((Fraction(1, 2), Fraction(4, 5))):
            lo, hi = _rank_reference(y, np.arange(n), level)
            assert math.isclose(iv[0, 0, j], lo) and math.isclose(iv[0, 1, j], hi), (n, level)
    # The defect this replaces: floor((1 - 0.8) (n + 1)) in floating point is one rank too low at n = 14.
    assert math.floor((1 - 0.8) * 15) == 2 and 15 - math.ceil(Fraction(4, 5) * 15) == 3


def test_a_disputes_instances_never_calibrate_each_other():
    rng = np.random.default_rng(1)
    y = np.repeat(rng.normal(3.5, 0.6, 12), 2)  # two instances per dispute, same award
    groups = np.repeat(np.arange(12), 2)
    X = np.column_stack([groups, np.zeros(24, dtype=np.int64)])  # each dispute its own setting
    query = np.array([[99, 0]])
    _, grouped = conformal(SettingMedianRegressor(), X, y, groups).predict_interval(
        query, aggregate_point_predictions=None)
    lo, hi = _rank_reference(y, groups, Fraction(4, 5))  # each held-out dispute falls back to the class
    assert math.isclose(grouped[0, 0, 1], lo) and math.isclose(grouped[0, 1, 1], hi)
    _, per_row = conformal(SettingMedianRegressor(), X, y, np.arange(24)).predict_interval(
        query, aggregate_point_predictions=None)
    # Row by row, each instance is predicted by its sibling (residual 0): a flattering, narrower range.
    assert per_row[0, 1, 1] - per_row[0, 0, 1] < 0.5 * (grouped[0, 1, 1] - grouped[0, 0, 1])


def test_the_pool_keeps_the_final_decision_of_each_dispute():
    df = pd.DataFrame({"case_id": ["X1", "X1-2", "Y1", "Z1"], "dispute_id": ["X1", "X1", "Y1", "Z1"],
                       "instance": ["first", "second", "first", "unknown"]})
    assert list(final_decisions(df)["case_id"]) == ["X1-2", "Y1", "Z1"]
    real = final_decisions(default_pool(load_cases()))
    assert real["dispute_id"].is_unique and {"A2", "A4", "G7", "G17-2", "G21"} <= set(real["case_id"])


def test_zero_nominal_and_unreported_awards_in_the_hurdle():
    nan = np.nan
    df = pd.DataFrame({
        "case_id": ["zero", "nominal", "none_reported", "no_claim", "award", "floor_only"],
        "claimed_total": [5000, nan, nan, 0, nan, nan], "awarded_total": [0, 0.1, nan, 0, 3000, nan],
        "awarded_economic_loss": [nan, 0.1, nan, nan, nan, 2000], "awarded_reasonable_expenses": [nan] * 6,
    })
    s = head_sample(df, "total")
    assert list(s.rows["case_id"]) == ["zero", "nominal", "award", "floor_only"]  # no claim, no amount: out
    assert s.n_nothing == 2 and s.n_hurdle == 4  # nominal (< RMB 100) goes with the zeros
    assert list(s.rows["case_id"][s.substantive]) == ["award"]  # a floor is not an amount to fit
    real = head_sample(final_decisions(default_pool(load_cases())), "total")
    assert set(real.rows["case_id"][real.nothing]) == {"C2", "G2", "G8", "G15", "G18"}
    assert not {"A5", "G1", "G21", "A3", "G7-1"} & set(real.rows["case_id"])


def test_same_setting_median_falls_back_to_the_matter_class_then_all():
    X = np.array([[0, 0], [0, 0], [1, 0], [2, 1]])
    y = np.array([1.0, 3.0, 10.0, 100.0])
    est = SettingMedianRegressor().fit(X, y)
    assert list(est.predict(np.array([[0, 0], [5, 0], [5, 1], [5, -1], [-1, -1]]))) == [2.0, 3.0, 100.0, 6.5, 6.5]
    assert SettingMedianRegressor(min_cell=3).fit(X, y).predict(np.array([[0, 0]]))[0] == 3.0  # class median


def test_model_learns_the_setting_and_covers_near_nominal_on_synthetic_data():
    train, test = synthetic(200, seed=1), synthetic(100, seed=2)
    models = fit_models(train)
    hm = models.heads["total"]
    y = test["awarded_total"].to_numpy()
    hits = {0.5: 0, 0.8: 0}
    for sc, yi in zip(test["scenario"], y, strict=True):
        _, iv = hm.interval(models.codes(sc))
        for lev in hits:
            hits[lev] += iv[lev][0] <= yi <= iv[lev][1]
    for lev, h in hits.items():
        assert lev - 0.15 <= h / len(y) <= min(1.0, lev + 0.15), (lev, h)
    point, _ = hm.interval(models.codes("bank_fraud"))
    assert 10 ** 4.3 < point < 10 ** 4.8  # near the bank-fraud level, far from the zoo level (10**3)


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
    assert "too few for a range" in md.message.en and "不给出区间" in md.message.zh


def test_estimate_prints_both_parts_of_the_hurdle_on_the_real_data():
    res = estimate(load_matter(guo_bing_like()))
    t = res.total
    assert t.n_hurdle >= t.n_nothing >= 4 and t.n >= 10
    assert f"In {t.n_nothing} of {t.n_hurdle} comparable final decisions" in t.message.en
    assert "where money was awarded, 80% of awards" in t.message.en and "conditional on a substantive award" in \
        t.message.en
    assert f"在 {t.n_hurdle} 件有金钱请求的可比终审判决中，{t.n_nothing} 件未判赔或仅判象征性金额" in t.message.zh
    assert t.point_basis == "setting" and set(t.comparables) == {"A2"}  # the zoo setting: Guo Bing's final award


def test_leave_one_dispute_out_evaluation_on_synthetic_data_beats_the_global_median():
    r = evaluate(synthetic(60, seed=3), n_boot=200)["heads"]["total"]
    m, g = r["methods"]["model"], r["methods"]["global_median"]
    assert m["n"] == 60 and set(r["methods"]) == {"model", "same_setting", "global_median", "knn"}
    assert m["median_abs_log10_error"] < g["median_abs_log10_error"]
    assert m["mean_interval_score80"] < g["mean_interval_score80"]
    assert 0.3 <= m["coverage_50"] <= 0.7 and 0.65 <= m["coverage_80"] <= 0.97
    lo, hi = m["coverage_80_ci"]
    assert lo <= m["coverage_80"] <= hi
    assert math.isclose(sum(c["in80"] for c in r["cases"]) / 60, m["coverage_80"], abs_tol=1e-3)


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=[p.name for p in SCENARIO_FILES])
def test_compensation_follows_the_liability_result(path):
    m = read_matter_file(path)
    a = analyze(m)
    res = estimate(m, analysis=a)
    payers = {d.id: d for d in a.liability.defendants
              if d.external in ("joint_and_several", "several_share", "joint_for_enlarged_part")}
    ranges = [h.range for h in [*res.heads, res.total]]
    if not payers:
        assert all(r.median is None and r.low80 is None for r in ranges) and not res.shares
        return
    causation = next(b for b in a.burden if b.element == "causation")
    if causation.bearer == "claimant" and causation.status == "missing":
        assert all(h.range.median is None for h in res.heads if h.head in ("mental_distress", "economic_loss"))
        assert res.total.range.median is None
    assert {s.id for s in res.shares} <= set(payers)
    if res.shares:
        assert sum(s.share for s in res.shares) <= 1.0 + 1e-6  # unsued actors may hold the rest
        keep = (1 - a.liability.reduction) * res.total.range.median
        assert all(s.share == payers[s.id].internal_share for s in res.shares)
        assert all(abs(s.range.median - keep * s.share) <= 10 for s in res.shares)  # rounded to tens


def test_estimate_and_evaluate_are_deterministic():
    m = load_matter(guo_bing_like(mental_distress="serious", mental_evidence="medical"))
    cases = load_cases()
    assert estimate(m, cases).model_dump_json() == estimate(m, cases).model_dump_json() == \
        estimate(m).model_dump_json()
    assert json.dumps(evaluate(cases, n_boot=200)) == json.dumps(evaluate(cases, n_boot=200))


def test_top_k_ties_are_broken_in_dataset_order():
    df = synthetic(400, seed=5).assign(scenario="zoo_park", leak=False, province="浙江", year=2023)
    ix = CaseIndex(df)
    row = factor_frame(df.iloc[[0]]).iloc[0].to_dict()
    top = ix.search(row, k=10)
    assert len({c.similarity for c in top}) == 1  # all 400 tie
    assert [c.case_id for c in top] == [f"SYN{i}" for i in range(10)]
    rev = CaseIndex(df.iloc[::-1])
    assert [c.case_id for c in rev.search(row, k=3)] == ["SYN399", "SYN398", "SYN397"]


def test_cli_estimate_evaluate_and_similar_on_the_real_dataset(capsys, tmp_path):
    from litigation.cli import main

    f = tmp_path / "m.json"
    f.write_text(json.dumps(guo_bing_like()), encoding="utf-8")
    assert main(["evaluate", "--format", "json"]) == 0
    ev = json.loads(capsys.readouterr().out)
    total = ev["heads"]["total"]
    for method in ("model", "same_setting", "global_median", "knn"):
        for key in ("n", "coverage_50", "coverage_50_ci", "coverage_80", "coverage_80_ci", "median_abs_log10_error",
                    "median_abs_log10_error_ci", "median_width80_ratio", "mean_interval_score80"):
            assert key in total["methods"][method]
    model = total["methods"]["model"]
    assert model["n"] == total["n_disputes"] >= 14 and 0 <= model["coverage_80"] <= 1
    assert total["hurdle"]["n"] >= total["hurdle"]["observed"] >= 4
    assert main(["evaluate"]) == 0
    assert "| total | global_median |" in capsys.readouterr().out
    assert main(["estimate", str(f), "--format", "json"]) == 0
    est = json.loads(capsys.readouterr().out)
    assert est["total"]["n"] == model["n"] and est["backtest"]["n"] == model["n"]
    assert est["comparables"][0]["case_id"] in ("A1", "A2")  # Guo Bing is the nearest zoo case
    assert main(["estimate", str(f), "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "可比判决" in out and "件未判赔或仅判象征性金额" in out and "判有实质赔偿时，80% 的判赔预计落在" in out
    assert f"以判有实质赔偿为条件，n = {model['n']} 个争议，Clopper–Pearson 区间" in out and "计入的项目：" in out
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
    assert "Zhejiang" in zj.describe(6000).en and "浙江" not in zj.describe(6000).en
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


def test_the_cases_command_names_the_same_environment_variable_as_the_schema():
    from litigation.cases import commands, schema

    assert commands.ENV_VAR == schema.ENV_VAR


# --------------------------------------------------------------------------- speed work must not change results
def test_folded_filters_select_the_same_decisions_as_the_row_mask():
    """Setting, court-level, province and year filters are folded into the distance tables; the
    result must be that of the plain row mask, unknown values included."""
    df = synthetic(400, seed=5)
    df.loc[df.index[:40], "province"] = "unknown"
    df.loc[df.index[40:80], "province"] = None
    df.loc[df.index[80:100], "year"] = None
    df.loc[df.index[100:120], "court_level"] = "intermediate"
    df.loc[df.index[120:130], "court_level"] = "unknown"
    df.loc[df.index[130:140], "court_level"] = None
    ix = CaseIndex(df)
    q = factor_frame(df.iloc[[150]]).iloc[0].to_dict()
    for f in (Filters(year_min=2023, province=["浙江"]), Filters(province=["unknown"]),
              Filters(scenario=["zoo_park", "bank_fraud"], court_level=["basic"], year_max=2022),
              Filters(province=["nowhere"]), Filters(award_min=5000, province=["北京", "unknown"]),
              Filters(court_level=["intermediate"], year_min=2022, year_max=2023),
              Filters(year_min=2023, include_unknown_year=True, province=["浙江"]),
              Filters(court_level=["basic"], include_unknown_court=True, year_max=2022),
              Filters(court_level=["basic"], include_unknown_court=True, include_unknown_year=True, year_min=2022)):
        d = ix.total_distance(ix.query(q))
        d[~ix.mask(f)] = np.inf
        order = np.lexsort((np.arange(len(d)), d))[: min(30, int(np.isfinite(d).sum()))]
        got = ix.search(q, k=30, filters=f)
        assert [c.case_id for c in got] == [str(df["case_id"].iloc[i]) for i in order], f
        assert [c.similarity for c in got] == [round(1.0 - float(d[i]), 4) for i in order]


@pytest.mark.parametrize("path", SCENARIO_FILES[::5], ids=[p.name for p in SCENARIO_FILES[::5]])
def test_cached_and_uncached_estimates_are_identical(path):
    from litigation.damages.estimator import cached_models

    m = read_matter_file(path)
    a = analyze(m)
    cached = cached_models()
    first = estimate(m, models=cached, analysis=a).model_dump_json()
    assert cached_models() is cached  # one fit per dataset file
    fresh = estimate(m, models=fit_models(load_cases()), analysis=a).model_dump_json()
    assert first == fresh == estimate(m, models=cached, analysis=a).model_dump_json() == \
        estimate(m, load_cases(), analysis=a).model_dump_json()


def test_a_changed_case_file_is_fitted_again(tmp_path):
    import os

    from litigation.cases.schema import resolve_cases_path
    from litigation.damages.estimator import cached_models

    src = resolve_cases_path()
    dst = tmp_path / src.name
    dst.write_bytes(src.read_bytes())
    first = cached_models(dst)
    assert cached_models(dst) is first
    st = os.stat(dst)
    os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    assert cached_models(dst) is not first


def test_cli_analyze_imports_neither_pandas_nor_scikit_learn():
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    code = ("import runpy, sys, io, contextlib\n"
            f"sys.argv = ['litigation', 'analyze', {str(SCENARIO_FILES[0])!r}, '--format', 'json']\n"
            "out = io.StringIO()\n"
            "try:\n"
            "    with contextlib.redirect_stdout(out):\n"
            "        runpy.run_module('litigation', run_name='__main__')\n"
            "except SystemExit as e:\n"
            "    assert not e.code, e.code\n"
            "assert '\"liability\"' in out.getvalue()\n"
            "print(sorted(m for m in ('pandas', 'sklearn', 'mapie', 'scipy') if m in sys.modules))\n")
    res = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"


def test_the_cached_backtest_summary_is_the_full_evaluations():
    from litigation.damages.evaluation import cached_summary, summary

    full = summary(evaluate(load_cases(), per_case=False))
    assert full["n"] >= 10 and cached_summary() == full


@pytest.mark.parametrize("path", SCENARIO_FILES[::10], ids=[p.name for p in SCENARIO_FILES[::10]])
def test_research_on_the_cached_fit_equals_research_on_the_cases(path):
    from litigation.documents.research import research

    m = read_matter_file(path)
    a = analyze(m)
    cached, plain = research(m, analysis=a), research(m, load_cases(), analysis=a)
    assert cached.error is None and plain.error is None
    assert cached.details == plain.details and cached.details
    assert [c.model_dump() for c in cached.comparables] == [c.model_dump() for c in plain.comparables]
    assert cached.estimate.model_dump_json() == plain.estimate.model_dump_json()


def test_distances_are_exact_whichever_way_the_tables_are_joined():
    """Joined look-up tables (two per row) and the four separate ones give the same distances to the
    last bit, so decisions at the same distance tie exactly and go in dataset order."""
    from litigation.damages.comparables import matter_factors
    from litigation.damages.estimator import cached_models

    ix = CaseIndex(load_cases())
    assert ix._pairs and cached_models().full_index._pairs
    for path in SCENARIO_FILES:
        q = ix.query(matter_factors(read_matter_file(path)))
        joined = ix.total_distance(q)
        ix._pairs = False
        try:
            separate = ix.total_distance(q)
        finally:
            ix._pairs = True
        assert np.array_equal(joined, separate)
        assert np.array_equal(joined * 2.0 ** 32, np.round(joined * 2.0 ** 32))  # on the 2**-32 grid


def test_unproven_causation_withholds_the_amounts_and_the_memo_says_so():
    from litigation.damages.explain import explain
    from litigation.documents.claim import claim_memo
    from litigation.documents.research import research

    d = guo_bing_like(mental_distress="serious", mental_evidence="medical", causation_evidence="none",
                      expenses=[{"kind": "transport", "amount": 360, "receipt": True}])
    d["requests"]["claimed"] = {"mental_distress": 5000, "reasonable_expenses": 360}
    m = load_matter(d)
    a = analyze(m)
    r = research(m, analysis=a)
    ex = explain(r.estimate, a, r.backtest)
    lines = {x.head: x for x in ex.lines}
    assert ex.liable and lines["reasonable_expenses"].status == "counted"
    assert lines["mental_distress"].status == lines["total"].status == "unproven"
    assert "causation" in lines["total"].proof.en and r.estimate.total.range.median is None
    assert "Heads counted: Reasonable expenses; not counted (unproven): Mental-distress damages" == ex.counted.en
    assert "where money was awarded: no range applies" in lines["total"].hurdle.en
    text = " ".join(b.text + " ".join(" ".join(row) for row in b.rows) for b in claim_memo(m, a, "en", r).blocks)
    assert ex.note.en in text and lines["total"].proof.en in text


def test_the_local_income_note_reads_as_prose_in_both_languages():
    """No raw confidence code ('Q-weak') and no '全国无可用数据' when the court's province is simply not given."""
    from litigation.damages.income import local_income

    t = local_income(None, 2024).describe(4180)
    assert "Q-weak" not in t.zh + t.en and "据转载的统计数据" in t.zh and "reprint" in t.en
    assert "未填写受诉法院所在省份" in t.zh and "全国无可用数据" not in t.zh
    z = local_income("浙江", 2021).describe()
    assert "浙江" in z.zh and "Zhejiang" in z.en and "改用全国数字" not in z.zh
