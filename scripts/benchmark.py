"""Benchmark: analysis + estimate + top-10 retrieval on the real dataset across every scenario, the
estimate and retrieval on SYNTHETIC datasets of 100,000 and 1,000,000 decisions generated here (never
written to data/), and the cold start of `python -m litigation analyze`.

    .venv/bin/python scripts/benchmark.py [--sizes 100000 1000000] [--repeats 200] [--json]

Reports p50/p95 latency (ms) and peak memory. Timing is a measurement, not a test: the machine is
shared and noisy, so compare ratios within one run.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from litigation.cases.loading import load_cases  # noqa: E402
from litigation.damages.comparables import CaseIndex, Filters, matter_factors  # noqa: E402
from litigation.damages.compensation import estimate  # noqa: E402
from litigation.damages.estimator import cached_models, fit_models  # noqa: E402
from litigation.documents.research import research  # noqa: E402
from litigation.facts.validation import read_matter_file  # noqa: E402
from litigation.law.analysis import analyze  # noqa: E402


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def timed(fn, repeats: int) -> dict:
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": round(statistics.median(out), 2), "p95_ms": round(pct(out, 0.95), 2), "runs": repeats}


def synthetic_cases(n: int, seed: int = 0) -> pd.DataFrame:
    """SYNTHETIC decisions for the benchmark only."""
    rng = np.random.default_rng(seed)
    scen = np.array(["zoo_park", "residential_access", "mall_retail", "face_swap_app", "bank_fraud", "platform_app"])
    prov = np.array(["浙江", "北京", "广东", "上海", "江苏", "天津", "湖南", "四川"])
    tri = np.array([True, False, None], dtype=object)
    kinds = np.array(["business", "platform", "property_manager", "bank", "business;tech_vendor"])
    return pd.DataFrame({
        "case_id": [f"SYN{i:07d}" for i in range(n)],
        "scenario": scen[rng.integers(0, len(scen), n)],
        "face_case": True,
        "leak": tri[rng.integers(0, 3, n)], "commercial_profit": tri[rng.integers(0, 3, n)],
        "public_figure": False, "minor": tri[rng.integers(0, 3, n)],
        "sole_verification_method": tri[rng.integers(0, 3, n)],
        "consent_type": np.array(["none", "general", "separate"])[rng.integers(0, 3, n)],
        "defendant_kinds": kinds[rng.integers(0, len(kinds), n)],
        "court_level": np.array(["basic", "intermediate"])[rng.integers(0, 2, n)],
        "province": prov[rng.integers(0, len(prov), n)], "year": rng.integers(2021, 2027, n),
        "procedure": "civil_judgment", "claim_outcome": "upheld", "claimant_kind": "individual",
        "instance": "first", "matter_class": "face", "dispute_id": [f"SYN{i:07d}" for i in range(n)],
        "awarded_total": np.round(10 ** rng.normal(3.6, 0.5, n), 2),
    })


def over_scenarios(fn, matters: list, repeats: int) -> dict:
    """`fn(matter)` timed `repeats` times, cycling through every scenario."""
    out = []
    for i in range(repeats):
        m = matters[i % len(matters)]
        t = time.perf_counter()
        fn(m)
        out.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": round(statistics.median(out), 2), "p95_ms": round(pct(out, 0.95), 2), "runs": repeats}


def cold_cli(path: Path, runs: int = 5) -> dict:
    """Wall time of a fresh `python -m litigation analyze` process (imports included)."""
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "litigation", "analyze", str(path), "--format", "json"], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)
        out.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": round(statistics.median(out), 1), "min_ms": round(min(out), 1), "runs": runs}


def rowmask_search(ix: CaseIndex, factors: dict, flt: Filters) -> list[int]:
    """The filtered top 10 as it was done before the filters were folded into the distance tables: the
    full scan (four look-ups), then a row mask (kept to compare within one run)."""
    pairs, ix._pairs = ix._pairs, False
    d = ix.total_distance(ix.query(factors))
    ix._pairs = pairs
    d[~ix.mask(flt)] = np.inf
    kth = np.partition(d, 9)[9]
    idx = np.flatnonzero(d <= kth)[:10]
    return list(idx[np.lexsort((idx, d[idx]))])


def cli_heavy_modules(path: Path) -> list[str]:
    """Heavy libraries a fresh `python -m litigation analyze` has imported (should be none)."""
    code = ("import runpy, sys, io, contextlib\n"
            f"sys.argv = ['litigation', 'analyze', {str(path)!r}, '--format', 'json']\n"
            "try:\n    with contextlib.redirect_stdout(io.StringIO()):\n"
            "        runpy.run_module('litigation', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(','.join(m for m in ('pandas', 'sklearn', 'mapie', 'scipy', 'numpy') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    ap.add_argument("--repeats", type=int, default=200)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    scen = sorted((ROOT / "data" / "scenarios").glob("*.matter.json"))
    matters = [read_matter_file(p) for p in scen]
    cases = load_cases()
    report: dict = {"real_cases": len(cases), "scenarios": len(matters)}
    t = time.perf_counter()
    models = cached_models()
    report["fit_real_ms"] = round((time.perf_counter() - t) * 1000, 1)
    report["analyze"] = over_scenarios(analyze, matters, a.repeats)
    report["analyze_estimate_top10"] = over_scenarios(
        lambda m: (estimate(m, models=models, analysis=analyze(m)), models.full_index.search(matter_factors(m), k=10)),
        matters, a.repeats)
    # The same through the default path: the fit looked up in the cache (path, mtime and size) on every call.
    report["analyze_estimate_top10_default"] = over_scenarios(
        lambda m: (estimate(m, analysis=analyze(m)), cached_models().full_index.search(matter_factors(m), k=10)),
        matters, a.repeats)
    # What the cache saves: the same estimate with the dataset fitted again on every call (the old path).
    report["estimate_uncached"] = over_scenarios(lambda m: estimate(m, cases, analysis=analyze(m)), matters, 5)
    report["research_cached"] = over_scenarios(lambda m: research(m, analysis=analyze(m)), matters, a.repeats)
    report["cli_analyze_cold"] = cold_cli(scen[0])
    report["cli_analyze_cold_heavy_modules"] = cli_heavy_modules(scen[0])
    factors = matter_factors(matters[0])
    for n in a.sizes:
        df = synthetic_cases(n)
        t = time.perf_counter()
        ix = CaseIndex(df)
        build = (time.perf_counter() - t) * 1000
        est = {}
        if n <= 100_000:  # the estimate's fit: pool, hurdle, conformal fits (CV+ over groups of disputes)
            t = time.perf_counter()
            syn_models = fit_models(df)
            est["fit_ms"] = round((time.perf_counter() - t) * 1000, 1)
            est["estimate"] = over_scenarios(lambda m, sm=syn_models: estimate(m, models=sm, analysis=analyze(m)),
                                             matters, max(20, a.repeats // 4))
        flt = Filters(year_min=2023, province=["浙江"])
        res = timed(lambda ix=ix: ix.search(factors, k=10), a.repeats)
        res_f = timed(lambda ix=ix, flt=flt: ix.search(factors, k=10, filters=flt), a.repeats)
        res_m = timed(lambda ix=ix, flt=flt: rowmask_search(ix, factors, flt), a.repeats)
        pairs, ix._pairs = ix._pairs, False  # the four separate look-ups, as before the tables were joined
        res_4 = timed(lambda ix=ix: ix.search(factors, k=10), a.repeats)
        ix._pairs = pairs
        # Memory in a separate pass: tracemalloc slows the code it watches.
        tracemalloc.start()
        ix2 = CaseIndex(df)
        _, peak_build = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        ix2.search(factors, k=10, filters=flt)
        _, peak_query = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del ix2
        report[f"synthetic_{n}"] = {"build_ms": round(build, 1), "top10": res, "top10_filtered": res_f,
                                    "top10_filtered_rowmask": res_m, "top10_four_lookups": res_4, **est,
                                    "index_build_peak_mib": round(peak_build / 2**20, 1),
                                    "query_peak_mib": round(peak_query / 2**20, 1),
                                    "dataframe_mib": round(float(df.memory_usage(deep=True).sum()) / 2**20, 1)}
    report["max_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if a.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for k, v in report.items():
            print(f"{k:30} {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
