"""Rerun issue 12's measurement: N seeded mutations of the bundled scenarios through load -> validate ->
analyze -> estimate -> every export, in worker processes, tallied per family as
tried / clean error / valid / crash / hang / wrong / lost.

    PYTHONPATH=. python scripts/fuzz_rerun.py [--n 10000] [--seed 12] [--timeout 5] [--jobs 2]
        [--cases-every 1] [--export-every 5] [--out table.md]

Every mutation: load (validate) and round trip; if valid, analysis in both modes, the estimate and the
comparable research (on every --cases-every-th), every document kind in Markdown and one in DOCX. Every
--export-every-th mutation of each family (the stratified export sample) writes every kind in DOCX and
one kind in PDF, taken in turn, so each kind gets about a fifth of each family's sample. A many-participant matter (150-400) runs every stage on every --heavy-every-th try (else load
and round trip). Each worker first runs one estimate and one PDF, so fitting the models and parsing the
font once per process is not counted as a stage of the first mutation.
"lost" = accepted but the saved file does not load back equal, or an export that does not open again;
"wrong" = any other broken invariant (NaN/Infinity, negative money, shares above 1, more allocated than
recoverable); "hang" = one stage (load, analyze, estimate, one document's Markdown, DOCX or PDF) over
--timeout seconds of wall time ("cpu>5 s" counts those over it in CPU time too: the box is shared).
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

from fuzzing import FAMILIES, KINDS, Stages, Wrong, base_matters, mutate, run_pipeline  # noqa: E402

_CASES = None


def _init() -> None:
    global _CASES
    from litigation.cases.loading import load_cases

    _CASES = load_cases()
    run_pipeline(_BASES[0], _CASES, docx=True, pdf=True)  # warm: model fit, font parse


def _one(job: tuple[int, int, str, bool, bool]) -> tuple[str, str, float, float, str, bool]:
    i, seed, family, with_cases, reader_only = job
    rng = random.Random(seed)
    bases = _BASES
    _, data = mutate(bases[i % len(bases)], rng, family)
    stages = Stages()
    try:
        sample = (i // len(FAMILIES)) % _EXPORT_EVERY == 0
        outcome = run_pipeline(data, _CASES if with_cases else None, docx="all" if sample else True,
                               pdf=KINDS[(i // len(FAMILIES) // _EXPORT_EVERY) % len(KINDS)] if sample else False,
                               rng=rng, stages=stages, reader_only=reader_only)
        detail = ""
    except Wrong as exc:
        outcome = "lost" if "load back" in str(exc) else "wrong"
        detail = str(exc)[:160]
    except Exception as exc:  # noqa: BLE001 - a crash is what we count
        outcome, detail = "crash", f"{type(exc).__name__}: {str(exc)[:140]}"
    slow = max(stages.seconds.items(), key=lambda kv: kv[1], default=("-", 0.0))
    cpu = max(stages.cpu.values(), default=0.0)
    if slow[1] > _TIMEOUT and outcome in ("valid", "invalid"):
        outcome, detail = "hang", f"{slow[0]} took {slow[1]:.1f} s ({stages.cpu[slow[0]]:.1f} s CPU)"
    exported = any(k.startswith("pdf-") for k in stages.seconds)  # every kind in DOCX, and one PDF
    return family, outcome, slow[1], cpu, detail, exported


_BASES = base_matters()
_TIMEOUT = 5.0
_EXPORT_EVERY = 1


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--timeout", type=float, default=5.0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cases-every", type=int, default=1, help="run the estimate on every k-th mutation")
    ap.add_argument("--export-every", type=int, default=1,
                    help="every k-th mutation of a family writes every kind in DOCX and one in PDF")
    ap.add_argument("--out", help="also write the table (Markdown) to this file")
    ap.add_argument("--only", help="run only these mutation numbers (comma-separated, as '#N' in the details)")
    ap.add_argument("--heavy-every", type=int, default=10,
                    help="a 150-400 participant matter runs every stage on every k-th try (else load and round trip)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    jobs = []
    for i in range(args.n):
        fam = FAMILIES[i % len(FAMILIES)]
        heavy = fam == "many_participants"
        jobs.append((i, rng.randrange(2**32), fam, i % args.cases_every == 0,
                     heavy and (i // len(FAMILIES)) % args.heavy_every != 0))
    if args.only:
        keep = {int(x) for x in args.only.split(",")}
        jobs = [j for j in jobs if j[0] in keep]
    table: dict[str, Counter] = defaultdict(Counter)
    details: list[str] = []
    slowest: list[tuple[float, str]] = []
    t0 = time.perf_counter()
    global _TIMEOUT, _EXPORT_EVERY
    _TIMEOUT, _EXPORT_EVERY = args.timeout, max(1, args.export_every)
    with mp.Pool(args.jobs, initializer=_init) as pool:
        pending = [(job, pool.apply_async(_one, (job,))) for job in jobs]
        for job, res in pending:
            try:
                family, outcome, secs, cpu, detail, exported = res.get(timeout=max(args.timeout * 20, 120))
            except mp.TimeoutError:
                family, outcome, secs, cpu, detail, exported = job[2], "hang", float("inf"), float("inf"), \
                    "no answer", False
            table[family]["tried"] += 1
            table[family][outcome] += 1
            table[family]["exported"] += exported
            table[family]["cpu>5 s"] += cpu > args.timeout
            slowest.append((secs, family))
            done = sum(c["tried"] for c in table.values())
            if done % 500 == 0:
                print(f"{done}/{len(jobs)} in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
                if args.out:  # a partial table, in case the run is stopped
                    _table(table, details, slowest, args, time.perf_counter() - t0, done, Path(args.out + ".part"))
            if detail and len(details) < 40:
                details.append(f"#{job[0]} {family}/{outcome}: {detail}")
    total = _table(table, details, slowest, args, time.perf_counter() - t0, len(jobs),
                   Path(args.out) if args.out else None)
    return 0 if not (total["crash"] or total["hang"] or total["wrong"] or total["lost"]) else 1


def _table(table: dict[str, Counter], details: list[str], slowest: list[tuple[float, str]],
           args: argparse.Namespace, wall: float, done: int, out: Path | None) -> Counter:
    cols = ["tried", "invalid", "valid", "crash", "hang", "wrong", "lost", "exported", "cpu>5 s"]
    names = ["tried", "clean error", "valid", "crash", "hang (>5 s)", "wrong", "lost", "exported (DOCX all + PDF)",
             "cpu>5 s"]
    lines = ["| family | " + " | ".join(names) + " |", "|---|" + "---:|" * len(cols)]
    total: Counter = Counter()
    for fam in FAMILIES:
        c = table[fam]
        total.update(c)
        lines.append(f"| {fam} | " + " | ".join(str(c[k]) for k in cols) + " |")
    lines.append("| **all** | " + " | ".join(f"**{total[k]}**" for k in cols) + " |")
    top = sorted(slowest, reverse=True)[:5]
    lines += ["", f"{done} mutations, wall {wall:.0f} s with {args.jobs} workers (seed={args.seed}, "
              f"cases-every={args.cases_every}, export-every={args.export_every}, heavy-every={args.heavy_every}); "
              "slowest stage: " + ", ".join(f"{s:.2f} s ({f})" for s, f in top)]
    lines += [f"  {d}" for d in details]
    text = "\n".join(lines)
    if out is None or out.suffix != ".part":
        print(text)
    if out is not None:
        out.write_text(text + "\n", encoding="utf-8")
    return total


if __name__ == "__main__":
    raise SystemExit(main())
