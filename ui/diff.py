"""Which conclusions differ between two analyses of (nearly) the same matter. No streamlit."""

from __future__ import annotations

from typing import Any

from litigation.facts.labels import label
from litigation.i18n import Lang
from litigation.law.analysis import Analysis
from litigation.law.infringement import is_ground
from ui.text import tr


def _conclusions(a: Analysis, names: dict[str, str], lang: Lang) -> dict[tuple, tuple[str, str, str]]:
    """key -> (area, item, value) for every conclusion of an analysis."""
    zh = lang == "zh"
    yes, no, unk = tr("yes", lang), tr("no", lang), tr("unknown", lang)

    def yn(v: Any) -> str:
        return yes if v is True else no if v is False else unk

    def who(pid: str | None) -> str:
        return f"{names.get(pid, pid)}：" if pid and zh else (f"{names.get(pid, pid)}: " if pid else "")

    out: dict[tuple, tuple[str, str, str]] = {}
    for c in a.claims:
        for f in c.findings:
            out[("claim", c.code, f.participant)] = (tr("te.area.claim", lang),
                                                     who(f.participant) + f"{label('claim', c.code, lang)}",
                                                     yn(f.holds))
    out[("infringement",)] = (tr("te.area.infringement", lang), tr("an.m.infringement", lang),
                              yn(a.infringement_found))
    for pid, fs in a.grounds.items():
        for f in fs:
            if f.rule == "spc1.scope":
                continue
            out[("ground", pid, f.rule)] = (tr("te.area.ground", lang), who(pid) + f.title(lang),
                                            yn(is_ground(f)) if f.holds is not None else unk)
    for pid, fs in a.defenses.items():
        for f in fs:
            code = f.facts.get("defence", f.rule)
            out[("defence", pid, f.rule, code)] = (tr("te.area.defence", lang), who(pid) + f.title(lang), yn(f.holds))
    for b in a.burden:
        out[("burden", b.element, b.participant)] = (
            tr("te.area.burden", lang), who(b.participant) + b.label(lang),
            f"{label('bearer', b.bearer, lang)} · {label('status', b.status, lang)}")
    for d in a.liability.defendants:
        out[("liability", d.id)] = (tr("te.area.liability", lang), d.name,
                                    f"{label('external', d.external, lang)} · {d.internal_share:.0%}")
    for r in a.remedies:
        out[("remedy", r.code, tuple(r.against))] = (tr("te.area.remedy", lang), label("remedy", r.code, lang),
                                                     yn(r.available))
    for f in a.flags:
        out[("flag", f.rule, f.participant, f.branch)] = (tr("te.area.flag", lang), who(f.participant) + f.title(lang),
                                                          yes)
    return out


def diff(before: Analysis, after: Analysis, names: dict[str, str], lang: Lang) -> list[dict[str, str]]:
    """Rows {area, item, before, after} for every conclusion that is new, gone or changed."""
    a, b = _conclusions(before, names, lang), _conclusions(after, names, lang)
    none = "—"
    rows = []
    for key in list(a) + [k for k in b if k not in a]:
        va, vb = a.get(key), b.get(key)
        if va is not None and vb is not None and va[2] == vb[2]:
            continue
        area, item = (va or vb)[0], (va or vb)[1]  # type: ignore[index]
        rows.append({"area": area, "item": item, "before": va[2] if va else none, "after": vb[2] if vb else none,
                     "kind": key[0]})
    return rows
