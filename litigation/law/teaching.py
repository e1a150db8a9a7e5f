"""Teaching mode: the scenario presets' notes, several changes of fact at once and every conclusion they
flip, and who bears the loss under current law and under the reform mode. No streamlit.

A change is a plain dict `{"path": "participants.0.processing.consent.type", "value": "separate"}` (codes,
never display labels) or the date shift `{"path": SHIFT, "value": 3}` (every date in the facts moves by that
many years, so the same facts can be seen under another law). `flips(before, after)` compares two analyses
conclusion by conclusion (headline, governing law, claims, infringement, per-defendant liability, burden,
remedies and, when given, the compensation range) and cites the legal basis of each conclusion that flips.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from litigation.facts import questions as fq
from litigation.facts.labels import label
from litigation.facts.matter import Matter
from litigation.i18n import T, Text
from litigation.law.analysis import Analysis
from litigation.law.citations import INSTRUMENTS, Citation
from litigation.law.infringement import is_ground

NOTES_FILE = Path(__file__).resolve().parents[2] / "data" / "scenarios" / "teaching.yaml"
SHIFT = "@shift_years"
OTHER = "other"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YES, NO, UNKNOWN, NONE = T("是", "Yes"), T("否", "No"), T("不明", "Unknown"), T("—", "—")
AREAS = {"headline": T("结论摘要", "Headline"), "law": T("适用法律", "Applicable law"),
         "governing": T("适用哪部法律", "Governing law"), "claim": T("请求权", "Cause of action"),
         "infringement": T("侵权认定", "Infringement"), "ground": T("侵权事由", "Ground"),
         "defence": T("抗辩", "Defence"), "liability": T("责任", "Liability"),
         "burden": T("举证责任", "Burden of proof"), "remedy": T("救济", "Remedy"),
         "compensation": T("赔偿区间", "Compensation range")}
AREA_ORDER = tuple(AREAS)


# --------------------------------------------------------------------------- notes and presets
def load_notes(path: Path = NOTES_FILE) -> dict[str, Any]:
    """The teaching notes: {"groups": {code: {zh, en}}, "scenarios": {name: {group, note, point}}}."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {"groups": data.get("groups") or {}, "scenarios": data.get("scenarios") or {}}


def scenario_name(file_name: str) -> str:
    return file_name.removesuffix(".matter.json")


def preset_groups(file_names: list[str], notes: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """(group code, file names) in the notes' group order; a scenario without a note goes to `other`."""
    order = list(notes["groups"]) + [OTHER]
    by: dict[str, list[str]] = {g: [] for g in order}
    for f in sorted(file_names):
        g = (notes["scenarios"].get(scenario_name(f)) or {}).get("group")
        by[g if g in by else OTHER].append(f)
    return [(g, fs) for g, fs in by.items() if fs]


def group_label(code: str, notes: dict[str, Any]) -> Text:
    g = notes["groups"].get(code)
    return T(g["zh"], g["en"]) if g else T("其他", "Other")


def note_of(file_name: str, notes: dict[str, Any]) -> tuple[Text, Text] | None:
    """(what the scenario teaches, its decisive point), or None without a note."""
    n = notes["scenarios"].get(scenario_name(file_name))
    if not n:
        return None
    return T(n["note"]["zh"], n["note"]["en"]), T(n["point"]["zh"], n["point"]["en"])


# --------------------------------------------------------------------------- several changes
def _shift(v: Any, years: int) -> Any:
    if isinstance(v, dict):
        return {k: _shift(x, years) for k, x in v.items()}
    if isinstance(v, list):
        return [_shift(x, years) for x in v]
    if isinstance(v, str) and _DATE.match(v):
        try:
            d = dt.date.fromisoformat(v)
        except ValueError:
            return v
        day = 28 if (d.month, d.day) == (2, 29) else d.day
        return d.replace(year=d.year + years, day=day).isoformat()
    return v


def apply_changes(answers: dict, changes: list[dict]) -> dict:
    """The answers with every change applied in order (a later change of the same path wins)."""
    out = copy.deepcopy(answers)
    for c in changes:
        if c["path"] == SHIFT:
            out = _shift(out, int(c["value"]))
        else:
            fq.set_in(out, c["path"], copy.deepcopy(c["value"]))
    return out


def add_change(changes: list[dict], path: str, value: Any) -> list[dict]:
    """The list with this change added; a change of the same path replaces the earlier one."""
    return [c for c in changes if c["path"] != path] + [{"path": path, "value": value}]


# --------------------------------------------------------------------------- conclusions and flips
@dataclass
class Conclusion:
    area: str
    item: Text
    value: Text
    basis: list[Citation] = field(default_factory=list)


@dataclass
class Flip:
    area: str
    item: Text
    before: Text
    after: Text
    basis: list[Citation]

    def basis_label(self, lang: str) -> str:
        return ("、" if lang == "zh" else "; ").join(c.label(lang) for c in self.basis)  # type: ignore[arg-type]


def _yn(v: bool | None) -> Text:
    return YES if v is True else NO if v is False else UNKNOWN


def _lab(group: str, code: str | None) -> Text:
    return T(label(group, code, "zh"), label(group, code, "en"))


def _money(v: float | None) -> str:
    return "—" if v is None else f"¥{v:,.0f}"


def _who(name: str, text: Text) -> Text:
    return T(f"{name}：{text.zh}", f"{name}: {text.en}")


def _uniq(cites: list[Citation]) -> list[Citation]:
    return sorted({c.key(): c for c in cites}.values(), key=lambda c: c.key())


def conclusions(a: Analysis, compensation: Any = None, names: dict[str, str] | None = None) -> dict[tuple, Conclusion]:
    """Every conclusion of an analysis, keyed so that two analyses of (nearly) the same matter line up.
    `compensation`: an optional estimate range (an object with `median`, `low80`, `high80` and optionally
    `citations`); `names`: the
    participants' names by id (defendants and non-parties are known to the analysis)."""
    names = {**{d.id: d.name for d in a.liability.defendants + a.liability.non_parties}, **(names or {})}
    out: dict[tuple, Conclusion] = {}
    h = a.headline()
    out[("headline",)] = Conclusion("headline", AREAS["headline"], T(h["zh"], h["en"]))
    out[("law",)] = Conclusion("law", AREAS["law"], T("、".join(INSTRUMENTS[c].short.zh for c in a.applicable_law),
                                                    "; ".join(INSTRUMENTS[c].short.en for c in a.applicable_law)))
    for f in a.governing:
        regime = f.facts.get("regime")
        v = T("行为时的法律（2021年前）", "the law then in force (before 2021)") if regime == "old_law" else \
            T("民法典（行为持续跨越2021年）", "the Civil Code (conduct continuing across 2021)") if regime == "continuing" \
            else T("民法典及相关规定", "the Civil Code and the related rules")
        pid = f.participant or ""
        out[("governing", pid)] = Conclusion("governing", _who(names.get(pid, pid), AREAS["governing"]), v,
                                             list(f.citations))
    for c in a.claims:
        for f in c.findings:
            pid = f.participant or ""
            out[("claim", c.code, pid)] = Conclusion("claim", _who(names.get(pid, pid), _lab("claim", c.code)),
                                                     _yn(f.holds), list(f.citations) or list(c.citations))
    out[("infringement",)] = Conclusion("infringement", AREAS["infringement"], _yn(a.infringement_found),
                                        a.ground_citations())
    for pid, fs in a.grounds.items():
        for f in fs:
            if f.rule != "spc1.scope":
                out[("ground", pid, f.rule)] = Conclusion("ground", _who(names.get(pid, pid), f.title), _yn(
                    is_ground(f) if f.holds is not None else None), list(f.citations))
    for pid, fs in a.defenses.items():
        for f in fs:
            code = f.facts.get("defence", f.rule)
            out[("defence", pid, f.rule, code)] = Conclusion("defence", _who(names.get(pid, pid), f.title),
                                                             _yn(f.holds), list(f.citations))
    for d in a.liability.defendants:
        ext = _lab("external", d.external)
        amount = ""
        if d.internal_amount is not None:
            amount = f" · {_money(d.internal_amount)}"
        v = T(f"{ext.zh} · 内部份额 {d.internal_share:.0%}{amount}", f"{ext.en} · internal share {d.internal_share:.0%}"
              f"{amount}")
        out[("liability", d.id)] = Conclusion("liability", T(d.name, d.name), v,
                                              _uniq([c for f in d.basis if f.holds for c in f.citations]))
    for b in a.burden:
        item = b.label if not b.participant else _who(names.get(b.participant, b.participant), b.label)
        v = T(f"{label('bearer', b.bearer, 'zh')} · {label('status', b.status, 'zh')}",
              f"{label('bearer', b.bearer, 'en')} · {label('status', b.status, 'en')}")
        out[("burden", b.element, b.participant or "")] = Conclusion("burden", item, v,
                                                                                            list(b.citations))
    seen: dict[str, int] = {}
    for r in a.remedies:  # the n-th remedy of a code lines up with the n-th of the other analysis
        seen[r.code] = seen.get(r.code, 0) + 1
        key = ("remedy", r.code, seen[r.code])
        out[key] = Conclusion("remedy", _lab("remedy", r.code), _yn(r.available), list(r.finding.citations))
    if compensation is not None:
        rng = T("无赔偿", "no award") if compensation.median is None else T(
            f"中位数 {_money(compensation.median)}（80%：{_money(compensation.low80)}–{_money(compensation.high80)}）",
            f"median {_money(compensation.median)} (80%: {_money(compensation.low80)}–{_money(compensation.high80)})")
        out[("compensation",)] = Conclusion("compensation", AREAS["compensation"], rng,
                                            list(getattr(compensation, "citations", None) or []))
    return out


def flips(before: Analysis, after: Analysis, comp_before: Any = None, comp_after: Any = None,
          names: dict[str, str] | None = None) -> list[Flip]:
    """Every conclusion that is new, gone or different in `after`, ordered by area; the basis is that of the
    conclusion after the change (or before it, for a conclusion that is gone)."""
    a, b = conclusions(before, comp_before, names), conclusions(after, comp_after, names)
    out = []
    for key in list(a) + [k for k in b if k not in a]:
        ca, cb = a.get(key), b.get(key)
        if ca is not None and cb is not None and ca.value == cb.value:
            continue
        c = cb or ca
        out.append(Flip(c.area, c.item, ca.value if ca else NONE, cb.value if cb else NONE,  # type: ignore[union-attr]
                        (cb.basis if cb and cb.basis else ca.basis if ca else [])))
    return sorted(out, key=lambda f: AREA_ORDER.index(f.area))


# --------------------------------------------------------------------------- who bears it
@dataclass
class Bearer:
    who: str            # "claimant", a defendant's id or a non-party's id
    name: str
    kind: str           # claimant | defendant | non_party
    external: str | None
    share: float        # of the loss, in the end
    amount: float | None
    exposure: float | None = None


def loss_of(m: Matter) -> float | None:
    """The loss to allocate: the amounts claimed, else the economic loss and expenses in the facts."""
    c = m.requests.claimed
    vals = [v for v in (c.economic_loss, c.reasonable_expenses, c.attorney_fees, c.mental_distress) if v]
    if vals:
        return float(sum(vals))
    total = float(m.harm.economic_loss or 0) + sum(float(e.amount or 0) for e in m.harm.expenses)
    return total or None


def scenario_total(matter_file: Path) -> float | None:
    """The total the scenario's expectation file allocates (`total_damages`), if it sets one."""
    exp = matter_file.with_name(matter_file.name.removesuffix(".matter.json") + ".expected.yaml")
    try:
        v = (yaml.safe_load(exp.read_text(encoding="utf-8")) or {}).get("total_damages")
    except (OSError, yaml.YAMLError):
        return None
    return float(v) if isinstance(v, (int, float)) and v > 0 else None


def who_bears(a: Analysis) -> list[Bearer]:
    """Who bears the loss in the end: each defendant's and each non-party's internal share (CC 1172, 178),
    and the claimant the rest (a reduction for its own fault, CC 1173, or all of it when no one answers in
    damages). Amounts when the analysis was given a total."""
    lb = a.liability
    total = lb.total_damages
    part = 1.0 - lb.reduction  # internal shares are of the recoverable part
    rows = [Bearer(d.id, d.name, kind, d.external, d.internal_share * part, d.internal_amount, d.exposure_amount)
            for kind, ds in (("defendant", lb.defendants), ("non_party", lb.non_parties)) for d in ds]
    keep = 1.0 - sum(r.share for r in rows)
    keep = 0.0 if abs(keep) < 1e-6 else keep
    amount = None if total is None else max(0.0, total - sum(r.amount or 0.0 for r in rows))
    rows.insert(0, Bearer("claimant", "", "claimant", None, keep, amount))
    return rows


def why_differs(current: Analysis, reform: Analysis) -> list[Text]:
    """A plain explanation, from the two analyses, of why the reform mode does or does not change who bears
    the loss (the reform moves the burden of proving causation to the processor: a proposal, not current law)."""
    cur = {(b.element, b.participant): b for b in current.burden}
    out: list[Text] = []
    for b in reform.burden:
        c = cur.get((b.element, b.participant))
        if c is None or (c.bearer, c.status) == (b.bearer, b.status):
            continue
        open_ = c.status in ("missing", "contested")  # what failing the proof means, only where it fails
        out.append(T(f"“{c.label.zh}”：现行法下由{label('bearer', c.bearer, 'zh')}证明（{label('status', c.status, 'zh')}）"
                     + (f"——{c.if_unproven.zh}" if open_ else "") + f"；改革模式下由{label('bearer', b.bearer, 'zh')}"
                     f"证明——{b.if_unproven.zh}。",
                     f"'{c.label.en}': under current law the {label('bearer', c.bearer, 'en').lower()} must prove it "
                     f"({label('status', c.status, 'en').lower()})" + (f" — {c.if_unproven.en}" if open_ else "")
                     + f"; in reform mode the {label('bearer', b.bearer, 'en').lower()} must disprove it — "
                     f"{b.if_unproven.en}."))
    before = {d.id: d for d in current.liability.defendants}
    changed = [d for d in reform.liability.defendants if d.id in before
               and (before[d.id].external, before[d.id].internal_share) != (d.external, d.internal_share)]
    for d in changed:
        e0, e1 = _lab("external", before[d.id].external), _lab("external", d.external)
        out.append(T(f"因此{d.name}的责任从“{e0.zh}”变为“{e1.zh}”。", f"So {d.name}'s liability changes from "
                     f"'{e0.en}' to '{e1.en}'."))
    if changed:
        return out
    if not current.infringement_found:
        out.append(T("两种模式结果相同：没有被告构成侵权，因果关系问题根本不会出现。",
                     "Both modes give the same result: no defendant infringes, so causation is never reached."))
    elif not any(d.external != "stop_only" and d.external != "none" for d in reform.liability.defendants):
        out.append(T("两种模式结果相同：即使推定因果关系，也没有被告需要赔偿（例如没有可赔偿的损害，或处理者已证明没有过错）。",
                     "Both modes give the same result: even with causation presumed no defendant answers in damages "
                     "(for instance there is no compensable loss, or the processor proved it was not at fault)."))
    else:
        c = cur.get(("causation", None))
        status = label("status", c.status, "zh") if c else "—"
        status_en = label("status", c.status, "en").lower() if c else "—"
        out.append(T(f"两种模式结果相同：现行法下原告对因果关系的证明已经{status}，把证明责任转给处理者不改变谁承担损失。",
                     f"Both modes give the same result: under current law the claimant's proof of causation is already "
                     f"{status_en}, so moving the burden to the processor does not change who bears the loss."))
    return out
