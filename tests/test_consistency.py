"""Conclusions follow the evidence, and no text contradicts the outcome (issue 8, item 4).

`contradictions(analysis, matter)` lists every disagreement between the burden table, the liability rows, the
remedies and the texts that explain them. It must be empty for every scenario in data/scenarios and for random
matters (hypothesis).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from test_properties import TODAY, matter_dict_st

from litigation.facts.validation import load_matter
from litigation.law.analysis import MONEY, analyze
from litigation.law.infringement import NOT_ANSWERED_BY_CONSENT

SCENARIOS = Path(__file__).resolve().parent.parent / "data" / "scenarios"
EXPECTED = sorted(SCENARIOS.glob("*.expected.yaml"))
FLAG_KINDS = {"compliance", "criminal", "unsettled", "procedure"}
NO_BASIS_RULES = ("pipl13.basis", "spc2.3.consent")
ALLOWED_LATIN = {"App", "AI", "ID"}  # words a Chinese legal text may carry as such


def _texts_zh(out: dict[str, Any]) -> list[str]:
    found: list[str] = []

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            if set(x) >= {"zh", "en"} and isinstance(x["zh"], str):
                found.append(x["zh"])
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(out)
    return found


def contradictions(out: dict[str, Any], matter: Any) -> list[str]:
    errs: list[str] = []
    burden = {(b["element"], b["participant"]): b for b in out["burden"]}
    rows = out["liability"]["defendants"]
    avail = {r["code"] for r in out["remedy_details"] if r["available"]}
    reform = out["mode"] == "reform"

    def status(element: str, pid: str | None) -> str | None:
        b = burden.get((element, pid))
        return b["status"] if b else None

    for d in rows:
        if d["external"] == "none":
            continue
        # every claimant-borne element for a liable defendant is proved
        if status("processing", d["id"]) != "met":
            errs.append(f"{d['id']} liable ({d['external']}) but processing is {status('processing', d['id'])}")
        derived = any(f["holds"] for f in d["basis"] if f["rule"] in ("liab.joint", "liab.entrustment",
                                                                         "liab.employee", "liab.platform"))
        for f in d["basis"]:
            if f["rule"] == "liab.individual" and (f["branch"] in ("exempt", "unproven") or (
                    f["branch"] == "no_infringement" and not derived)):
                errs.append(f"{d['id']} liable but its own basis says {f['branch']}")
        if d["external"] in MONEY:
            b = burden.get(("fault", d["id"]))
            if b and b["bearer"] == "claimant" and b["status"] != "met":
                errs.append(f"{d['id']} pays damages but the claimant's proof of its fault is {b['status']}")
            if status("damage", None) != "met":
                errs.append(f"{d['id']} pays damages but damage is {status('damage', None)}")
    if {"property_damages", "mental_distress_damages"} & avail and not reform:
        if status("causation", None) != "met":
            errs.append(f"loss or mental-harm damages available but causation is {status('causation', None)}")
    if "mental_distress_damages" in avail and status("serious_mental_harm", None) != "met":
        errs.append("mental-harm damages available but serious mental harm is not proved")
    if avail & {"property_damages", "reasonable_expenses", "attorney_fees", "mental_distress_damages"} and not any(
            d["external"] in MONEY for d in rows):
        errs.append("a damages head is available but no defendant pays damages")

    # a remedy's own finding agrees with whether it is available
    for r in out["remedy_details"]:
        if r["available"] != bool(r["holds"] and r["applicable"]):
            errs.append(f"remedy {r['code']} available={r['available']} but its finding holds={r['holds']}")
        if not r["available"] and r["branch"] in ("available", "conditions_met", "ongoing", "ended", "heads",
                                                  "serious", "spc10", "pipl16", "void", "breach"):
            errs.append(f"remedy {r['code']} unavailable but its branch {r['branch']} says available")

    # an accepted exemption is the lawful basis: no 'no lawful basis' ground beside it
    accepted = {(x["participant"], x["rule"]) for x in out["defenses"] if x["accepted"]}
    for pid, rule in accepted:
        if rule == "spc5.exemption":
            for f in out["infringement"]["findings"]:
                if f["participant"] == pid and f["rule"] in NO_BASIS_RULES and f["holds"] and f["applicable"]:
                    errs.append(f"{pid}: accepted exemption beside '{f['rule']}' holding ({f['branch']})")
            if status("lawful_basis", pid) not in (None, "met"):
                errs.append(f"{pid}: accepted exemption but lawful_basis is {status('lawful_basis', pid)}")
    # a consent defence saying 'no civil liability' never stands next to liability it does not answer
    for d in rows:
        if d["external"] != "none" and (d["id"], "spc4.consent_defence") in accepted:
            live = {f["rule"] for f in out["infringement"]["by_participant"].get(d["id"], [])}
            if live - set(NOT_ANSWERED_BY_CONSENT):
                errs.append(f"{d['id']}: consent accepted but grounds it answers still stand: {live}")
            text = next(x for x in out["defenses"] if x["participant"] == d["id"]
                        and x["rule"] == "spc4.consent_defence")["explanation"]["zh"]
            if "同意不能免除" not in text:
                errs.append(f"{d['id']}: accepted consent text does not say what consent leaves open")

    # flags carry a kind; grounds are sorted by article number
    for f in out["flags"]:
        if f.get("kind") not in FLAG_KINDS:
            errs.append(f"flag {f['rule']} has kind {f.get('kind')}")
    keys = [(c["instrument"], int(str(c["article"]).split("-")[0]), c.get("paragraph") or 0, c.get("item") or 0)
            for c in out["infringement"]["grounds"]]
    if keys != sorted(keys):
        errs.append(f"grounds not sorted by article: {keys}")
    # a sole money-bearer is not called 按份 (several)
    bearers = [x for x in rows + out["liability"]["non_parties"] if x["internal_share"] > 0]
    for d in rows:
        if d["external"] == "several_share" and len(bearers) == 1 and not d["sole"]:
            errs.append(f"{d['id']} is the sole tortfeasor but not marked sole")

    # no English in the Chinese texts (participant ids and names excepted)
    strip = sorted({p.id for p in matter.participants} | {p.name for p in matter.participants}, key=len,
                   reverse=True)
    for zh in _texts_zh(out):
        for s in strip:
            zh = zh.replace(s, "")
        words = set(re.findall(r"[A-Za-z]{2,}", zh)) - ALLOWED_LATIN
        if words:
            errs.append(f"English in Chinese text: {sorted(words)} in {zh[:80]}")
    return errs


def _runs(path: Path) -> list[tuple[Path, str, float | None, str]]:
    exp = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [(SCENARIOS / exp["matter"], r.get("mode", exp.get("mode", "current")),
             r.get("total_damages", exp.get("total_damages")), r.get("third_person", exp.get("third_person", "shares")))
            for r in exp.get("runs", [{}])]


@pytest.mark.parametrize("path", EXPECTED, ids=[p.name.removesuffix(".expected.yaml") for p in EXPECTED])
def test_scenario_burden_liability_and_remedies_agree(path: Path):
    for matter_path, mode, total, reading in _runs(path):
        m = load_matter(json.loads(matter_path.read_text(encoding="utf-8")), today=TODAY)
        for r in sorted({reading, "shares", "supplementary"}):
            out = analyze(m, mode=mode, total_damages=total, third_person=r).to_json()  # type: ignore[arg-type]
            errs = contradictions(out, m)
            assert not errs, f"{path.name} [{mode}, {r}]:\n" + "\n".join(errs)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(matter_dict_st())
def test_random_matters_burden_liability_and_remedies_agree(d):
    m = load_matter(d, today=TODAY)
    for mode in ("current", "reform"):
        out = analyze(m, mode=mode, total_damages=1000.0).to_json()
        errs = contradictions(out, m)
        assert not errs, "\n".join(errs)


# --------------------------------------------------------------------------- compensation in the memos
ALL_MATTERS = sorted(SCENARIOS.glob("*.matter.json"))


def _section(doc, title: str) -> list[str]:
    """The texts of one h1 section of a document (table cells included)."""
    out, inside = [], False
    for b in doc.blocks:
        if b.kind == "h1":
            inside = b.text == title
        elif inside:
            out.append(" ".join([b.text, *(" ".join(r) for r in b.rows)]))
    return out


@pytest.mark.parametrize("path", ALL_MATTERS, ids=[p.name.removesuffix(".matter.json") for p in ALL_MATTERS])
def test_memos_state_compensation_as_the_page_does_and_follow_liability(path: Path):
    """Both memos print the page's lines (`litigation.damages.explain`): no amount where nobody is liable for
    damages, every head's range or the label saying why there is none, both parts of the hurdle, unproven
    heads marked and left out of the heads counted."""
    from litigation.damages.engine import liability_terms
    from litigation.damages.explain import band, explain
    from litigation.documents.bench import bench_memo
    from litigation.documents.claim import claim_memo
    from litigation.documents.research import research

    m = load_matter(json.loads(path.read_text(encoding="utf-8")), today=TODAY)
    a = analyze(m)
    r = research(m, analysis=a)
    ex = explain(r.estimate, a, r.backtest)
    assert ex.liable == liability_terms(a).money
    for lang, title in (("zh", "赔偿数额参考"), ("en", "Compensation reference")):
        for build in (claim_memo, bench_memo):
            sec = " ".join(_section(build(m, a, lang, r, TODAY), title))
            if not ex.liable:  # no tort amount; only the damages for breach of contract, if any, with their amount
                from litigation.documents.names import display_name

                rest = sec
                for c in ex.contract:
                    text = c(lang)
                    for p in m.participants:
                        text = text.replace(p.name, display_name(p.name, lang))
                    assert text in sec, (build.__name__, lang, text)
                    rest = rest.replace(text, "")
                assert "¥" not in rest and ex.note(lang) in sec, (build.__name__, lang, sec)
                continue
            for line in ex.lines:
                for part in (line.label, line.range, line.hurdle, line.proof, line.note):
                    if part is not None:
                        assert part(lang) in sec, (build.__name__, lang, part(lang))
                if line.head != "total":
                    listed = ex.counted(lang).split("；" if lang == "zh" else "; ")[line.status != "counted"]
                    assert line.label(lang) in listed, (line.head, ex.counted(lang))
                if line.basis == "comparables":
                    assert "nothing or a nominal sum" in line.hurdle.en and "未判赔或仅判象征性金额" in line.hurdle.zh
                    h = next(x for x in [*r.estimate.heads, r.estimate.total] if x.head == line.head)
                    if h.comparable_range is not None:  # the page's note states the same comparables' range
                        rb = band(h.comparable_range.low80, h.comparable_range.high80)
                        assert rb in line.hurdle(lang) and rb in h.message(lang)
            assert ex.coverage is not None and ex.coverage(lang) in sec
