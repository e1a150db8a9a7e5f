"""Scenario library: every data/scenarios/*.matter.json is analysed through the CLI and checked
against its *.expected.yaml (OpenFisca-style expectations; see data/scenarios/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from litigation.cli import main

SCENARIOS = Path(__file__).resolve().parent.parent / "data" / "scenarios"
EXPECTED = sorted(SCENARIOS.glob("*.expected.yaml"))


def run_cli(capsys, matter: Path, mode: str, total: float | None, third_person: str | None = None) -> dict:
    argv = ["analyze", str(matter), "--format", "json", "--mode", mode]
    if total is not None:
        argv += ["--total", str(total)]
    if third_person is not None:
        argv += ["--third-person", third_person]
    assert main(argv) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def _cite_key(c: dict) -> tuple:
    return (c["instrument"], str(c["article"]), c.get("paragraph") or 0, c.get("item") or 0)


def _subset(expected: dict, actual: dict) -> bool:
    return all(actual.get(k) == v for k, v in expected.items())


def check(exp: dict, out: dict) -> list[str]:
    """Every expectation that fails, as a readable line (empty list = pass)."""
    errs: list[str] = []
    e = exp["expect"]
    if "applicable_law" in e and out["applicable_law"] != e["applicable_law"]:
        errs.append(f"applicable_law {out['applicable_law']} != {e['applicable_law']}")
    if "infringement_found" in e and out["infringement"]["found"] != e["infringement_found"]:
        errs.append(f"infringement.found {out['infringement']['found']} != {e['infringement_found']}")
    got = {_cite_key(c) for c in out["infringement"]["grounds"]}
    for c in e.get("grounds_include", []):
        if _cite_key(c) not in got:
            errs.append(f"missing ground {c}")
    for c in e.get("grounds_exclude", []):
        if _cite_key(c) in got:
            errs.append(f"unexpected ground {c}")
    for d in e.get("defenses", []):
        if not any(_subset(d, x) for x in out["defenses"]):
            errs.append(f"no defence matching {d}; have {[(x['participant'], x['code'], x['accepted'], x['branch']) for x in out['defenses']]}")
    for b in e.get("burden", []):
        if not any(_subset(b, x) for x in out["burden"]):
            errs.append(f"no burden row matching {b}; have {[(x['element'], x['participant'], x['bearer'], x['status']) for x in out['burden']]}")
    defs = {d["id"]: d for d in out["liability"]["defendants"] + out["liability"]["non_parties"]}
    for d in e.get("liability", []) + e.get("non_parties", []):
        got_d = defs.get(d["id"])
        if got_d is None:
            errs.append(f"no liability row {d['id']}")
            continue
        for k, v in d.items():
            if k in ("internal_share", "internal_amount", "exposure_amount"):
                if got_d[k] is None or abs(got_d[k] - v) > 0.01:
                    errs.append(f"{d['id']}.{k} {got_d[k]} != {v}")
            elif k == "jointly_with":
                if sorted(got_d[k]) != sorted(v):
                    errs.append(f"{d['id']}.jointly_with {got_d[k]} != {v}")
            elif got_d.get(k) != v:
                errs.append(f"{d['id']}.{k} {got_d.get(k)} != {v}")
    rem = set(out["remedies"])
    errs += [f"missing remedy {r}" for r in e.get("remedies_include", []) if r not in rem]
    errs += [f"unexpected remedy {r}" for r in e.get("remedies_exclude", []) if r in rem]
    claims = {c["code"]: c for c in out["claims"]}
    for c in e.get("claims", []):
        got_c = claims.get(c["code"])
        if got_c is None:
            errs.append(f"no claim {c['code']}; have {sorted(claims)}")
            continue
        if "found" in c and got_c["found"] != c["found"]:
            errs.append(f"claim {c['code']}.found {got_c['found']} != {c['found']}")
        if "against" in c and sorted(got_c["against"]) != sorted(c["against"]):
            errs.append(f"claim {c['code']}.against {got_c['against']} != {c['against']}")
        if "docket" in c and got_c["docket"]["zh"] != c["docket"]:
            errs.append(f"claim {c['code']}.docket {got_c['docket']['zh']} != {c['docket']}")
        got_cites = {_cite_key(x) for x in got_c["citations"]}
        errs += [f"claim {c['code']} lacks citation {x}" for x in c.get("cites", []) if _cite_key(x) not in got_cites]
    errs += [f"unexpected claim {code}" for code in e.get("claims_absent", []) if code in claims]
    if "governing" in e:
        got_g = {g["participant"]: g["branch"] for g in out["governing_law"]}
        errs += [f"governing {pid} {got_g.get(pid)} != {b}" for pid, b in e["governing"].items() if got_g.get(pid) != b]
    if "shares_sum" in e:  # internal shares over all tortfeasors, sued or not (CC 1172)
        got_sum = sum(x["internal_share"] for x in defs.values())
        if abs(got_sum - e["shares_sum"]) > 1e-5:
            errs.append(f"shares sum {got_sum} != {e['shares_sum']}")
    flags = {f["rule"] for f in out["flags"]}
    errs += [f"missing flag {r}" for r in e.get("flags_include", []) if r not in flags]
    errs += [f"unexpected flag {r}" for r in e.get("flags_exclude", []) if r in flags]
    return errs


def test_library_is_large_enough():
    assert len(EXPECTED) >= 15, f"only {len(EXPECTED)} scenarios"


@pytest.mark.parametrize("path", EXPECTED, ids=[p.name.removesuffix(".expected.yaml") for p in EXPECTED])
def test_scenario(path: Path, capsys):
    exp = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert not exp.get("known_defects"), "known engine defects must be fixed, not parked (see data/scenarios/README.md)"
    matter = SCENARIOS / exp["matter"]
    assert matter.exists(), f"{exp['matter']} not found"
    for run in exp.get("runs", [{}]):
        mode = run.get("mode", exp.get("mode", "current"))
        total = run.get("total_damages", exp.get("total_damages"))
        out = run_cli(capsys, matter, mode, total, run.get("third_person", exp.get("third_person")))
        errs = check({"expect": {**exp.get("expect", {}), **run.get("expect", {})}}, out)
        assert not errs, f"{path.name} [{mode}]:\n" + "\n".join(errs)
        for lang in ("zh", "en"):  # the Markdown report renders too
            assert main(["analyze", str(matter), "--format", "md", "--lang", lang, "--mode", mode]) == 0
            md = capsys.readouterr().out
            assert ("侵权认定" if lang == "zh" else "Infringement") in md


def test_checker_reports_a_wrong_expectation(capsys):
    """The checker itself can fail: a deliberately wrong expectation is reported."""
    path = EXPECTED[0]
    exp = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = run_cli(capsys, SCENARIOS / exp["matter"], "current", None)
    wrong = {"expect": {"infringement_found": not out["infringement"]["found"],
                        "remedies_include": ["no_such_remedy"], "claims": [{"code": "no_such_claim"}],
                        "claims_absent": [c["code"] for c in out["claims"]][:1],
                        "governing": {"nobody": "old_law"}}}
    assert len(check(wrong, out)) == 4 + bool(out["claims"])
