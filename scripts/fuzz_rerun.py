"""Rerun issue 12's measurement: N seeded mutations of the bundled scenarios through load -> validate ->
analyze -> estimate -> every export, each in a fresh worker with a time limit, tallied per family as
tried / clean error / valid / crash / hang / wrong / lost.

    PYTHONPATH=. python scripts/fuzz_rerun.py [--n 10000] [--seed 12] [--timeout 5] [--jobs 2] [--pdf-every 50]

"lost" = accepted but the saved file does not load back equal; "wrong" = any other broken invariant
(NaN/Infinity, negative money, shares above 1, more allocated than recoverable); "hang" = one stage
(load, analyze, estimate, one document's Markdown, the DOCX or the PDF) over --timeout seconds.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzzing import FAMILIES, Stages, Wrong, base_matters, mutate, run_pipeline  # noqa: E402

_CASES = None


def _init() -> None:
    global _CASES
    from litigation.cases.loading import load_cases

    _CASES = load_cases()


def _one(job: tuple[int, int, str, bool, bool, bool]) -> tuple[str, str, float, str]:
    i, seed, family, with_cases, pdf, reader_only = job
    rng = random.Random(seed)
    bases = _BASES
    _, data = mutate(bases[i % len(bases)], rng, family)
    stages = Stages()
    try:
        outcome = run_pipeline(data, _CASES if with_cases else None, docx=True, pdf=pdf, rng=rng, stages=stages,
                               reader_only=reader_only)
        detail = ""
    except Wrong as exc:
        outcome = "lost" if "load back" in str(exc) else "wrong"
        detail = str(exc)[:160]
    except Exception as exc:  # noqa: BLE001 - a crash is what we count
        outcome, detail = "crash", f"{type(exc).__name__}: {str(exc)[:140]}"
    slow = max(stages.seconds.items(), key=lambda kv: kv[1], default=("-", 0.0))
    if slow[1] > _TIMEOUT and outcome in ("valid", "invalid"):
        outcome, detail = "hang", f"{slow[0]} took {slow[1]:.1f} s"
    return family, outcome, slow[1], detail


_BASES = base_matters()
_TIMEOUT = 5.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--timeout", type=float, default=5.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cases-every", type=int, default=10, help="run the estimate on every k-th mutation")
    ap.add_argument("--pdf-every", type=int, default=50, help="render a PDF on every k-th mutation")
    ap.add_argument("--heavy-every", type=int, default=10,
                    help="a 150-400 participant matter runs every stage on every k-th try (else load and round trip)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    jobs = []
    for i in range(args.n):
        fam = FAMILIES[i % len(FAMILIES)]
        heavy = fam == "many_participants"
        jobs.append((i, rng.randrange(2**32), fam, i % args.cases_every == 0, i % args.pdf_every == 0 and not heavy,
                     heavy and (i // len(FAMILIES)) % args.heavy_every != 0))
    table: dict[str, Counter] = defaultdict(Counter)
    details: list[str] = []
    slowest: list[tuple[float, str]] = []
    t0 = time.perf_counter()
    global _TIMEOUT
    _TIMEOUT = args.timeout
    with mp.Pool(args.jobs, initializer=_init) as pool:
        pending = [(job, pool.apply_async(_one, (job,))) for job in jobs]
        for job, res in pending:
            try:
                family, outcome, secs, detail = res.get(timeout=max(args.timeout * 20, 120))
            except mp.TimeoutError:
                family, outcome, secs, detail = job[2], "hang", float("inf"), "no answer"
            table[family]["tried"] += 1
            table[family][outcome] += 1
            slowest.append((secs, family))
            if detail and len(details) < 40:
                details.append(f"{family}/{outcome}: {detail}")
    wall = time.perf_counter() - t0
    cols = ["tried", "clean error", "valid", "crash", "hang", "wrong", "lost"]
    print("| family | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    total: Counter = Counter()
    for fam in FAMILIES:
        c = table[fam]
        total.update(c)
        print(f"| {fam} | {c['tried']} | {c['invalid']} | {c['valid']} | {c['crash']} | {c['hang']} | {c['wrong']} | "
              f"{c['lost']} |")
    print(f"| **all** | {total['tried']} | {total['invalid']} | {total['valid']} | {total['crash']} | {total['hang']} | "
          f"{total['wrong']} | {total['lost']} |")
    slowest.sort(reverse=True)
    print(f"\nwall {wall:.0f} s with {args.jobs} workers; slowest stage: "
          + ", ".join(f"{s:.2f} s ({f})" for s, f in slowest[:5]))
    for d in details:
        print(" ", d)
    return 0 if not (total["crash"] or total["hang"] or total["wrong"] or total["lost"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
