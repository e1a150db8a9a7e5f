"""Fuzz suite (issue 12): hostile matters through load -> validate -> analyze -> estimate -> every export.

No exception escapes except a clean bilingual `MatterError`; no answer holds NaN, Infinity or negative
money; internal shares never sum above 1 and no allocation exceeds what is recoverable; whatever loads
saves and loads back equal. Seeded (derandomized) so CI is reproducible. The mutations start from the
bundled scenarios. FACETORT_FUZZ_EXAMPLES (default 800) is the reader's number of examples; the full
pipeline runs a quarter of that (200-participant matters only in the reader test: their exports take
about a second each; see scripts/fuzz_rerun.py for the full-scale rerun).
"""

from __future__ import annotations

import os
import random

import pytest
from fuzzing import FAMILIES, base_matters, mutate, run_pipeline
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from litigation.cases.loading import load_cases

N = int(os.environ.get("FACETORT_FUZZ_EXAMPLES", "800"))
BASES = base_matters()
base = st.sampled_from(range(len(BASES))).map(lambda i: BASES[i])


def fuzz_settings(n: int):
    return settings(max_examples=max(1, n), deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def cases():
    return load_cases()


@fuzz_settings(N)
@given(base, st.lists(st.sampled_from(FAMILIES), min_size=1, max_size=3), st.integers(0, 2**32 - 1))
def test_the_reader_answers_every_mutation_with_a_matter_or_a_clean_error(d, families, seed):
    rng = random.Random(seed)
    for family in families:
        d = mutate(d, rng, family)[1]
        if family in ("deep_nesting", "json_text"):  # nothing to mutate further (and too deep to copy)
            break
    run_pipeline(d, None, reader_only=True)


@fuzz_settings(N // 4)
@given(base, st.sampled_from([f for f in FAMILIES if f != "many_participants"]), st.integers(0, 2**32 - 1),
       st.booleans())
def test_every_stage_answers_a_mutated_matter_correctly(cases, d, family, seed, mutated):
    rng = random.Random(seed)
    data = mutate(d, rng, family)[1] if mutated else d
    with_cases = rng.random() < 0.05  # the estimate and the comparable research take half a second each
    run_pipeline(data, cases if with_cases else None, docx=rng.random() < 0.1, rng=rng)


@fuzz_settings(max(3, N // 400))
@given(base, st.integers(0, 2**32 - 1))
def test_the_pdf_export_holds_a_mutated_matter(cases, d, seed):
    rng = random.Random(seed)
    run_pipeline(mutate(d, rng, "odd_text")[1], cases, docx=False, pdf=True, rng=rng)
