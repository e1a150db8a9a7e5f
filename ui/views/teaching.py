"""Teaching page: pick a preset scenario (grouped, with its teaching note), step through the analysis,
see who bears the loss under current law and under the reform mode, and change several facts at once to
see every conclusion that flips. The domain work is in litigation/law/teaching.py; the page keeps only
codes in the session (file names, group codes, change paths and values), so a language switch keeps the
selection."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from litigation.facts import answers as fa
from litigation.facts import questions as fq
from litigation.facts import steps as fs
from litigation.facts.matter import Matter
from litigation.facts.validation import MatterError, read_matter_file
from litigation.i18n import Lang
from litigation.law import teaching as tg
from litigation.law.analysis import Analysis
from litigation.law.citations import INSTRUMENTS
from ui import data, state
from ui.components import finding
from ui.frame import lang, link, t
from ui.text import esc, tr
from ui.views import analysis as av

TEACH = "ft_teach"
STAGES = ("facts", "law", "infringement", "defences", "burden", "liability", "remedies")


def _teach() -> dict:
    if TEACH not in st.session_state:
        st.session_state[TEACH] = {"file": None, "answers": None, "stage": 0, "errors": None, "changes": []}
    tch = st.session_state[TEACH]
    tch.setdefault("changes", [])
    return tch


def _fresh(file: str | None) -> None:
    tch = _teach()
    tch.update(file=file, answers=None, stage=0, errors=None, changes=[])


def _pick_group(key: str, groups: dict[str, list[str]]) -> None:
    g = st.session_state.get(key)
    if g in groups and _teach()["file"] not in groups[g]:
        _fresh(groups[g][0])


def _pick(key: str, files: list[str]) -> None:
    f = st.session_state.get(key)
    if f in files and f != _teach()["file"]:
        _fresh(f)


def _load(path: str) -> None:
    tch = _teach()
    try:
        m = read_matter_file(path)
    except MatterError as exc:
        tch["answers"], tch["errors"] = None, [e.model_dump() for e in exc.errors]
        return
    tch["answers"], tch["errors"] = fa.answers_from(m.model_dump(mode="json")), None
    tch["total"] = tg.scenario_total(Path(path)) or tg.loss_of(m)  # the loss that "who bears it" allocates


def _copy_to_interview() -> None:
    ans = _teach().get("answers")
    if ans is not None:
        state.replace_answers(copy.deepcopy(ans))
        st.session_state["ft_teach_copied"] = True


def _stage(delta: int) -> None:
    tch = _teach()
    tch["stage"] = max(0, min(len(STAGES) - 1, tch["stage"] + delta))


# --------------------------------------------------------------------------- walk-through
def walk(m: Matter, a: Analysis, ans: dict, names: dict[str, str]) -> None:
    lg = lang()
    i = _teach()["stage"]
    stage = STAGES[i]
    st.progress((i + 1) / len(STAGES), text=t("te.stage", i=i + 1, n=len(STAGES), title=t(f"te.s.{stage}")))
    st.info(t(f"te.x.{stage}"), icon=":material/lightbulb:")
    if stage == "facts":
        if m.notes:
            st.markdown(f"**{t('te.notes')}**")
            st.markdown(esc(m.notes))
        rows = [r for r in fa.review_rows(ans, lg)  # what was actually said: no blanks, no unticked boxes
                if r["answer"] != "—" and not (r["widget"] == "bool" and r["answer"] == t("no"))]
        df = pd.DataFrame(rows).drop(columns=["widget"])
        df["step"] = [fs.step(s).title(lg) for s in df["step"]]
        df = df.rename(columns={"step": t("iv.col_step"), "participant": t("iv.participant"),
                                "question": t("iv.col_question"), "answer": t("iv.col_answer")})
        st.dataframe(df.fillna(""), hide_index=True, width="stretch", height=min(36 * (len(df) + 1) + 4, 900))
    elif stage == "law":
        for code in a.applicable_law:
            st.markdown(f"- {INSTRUMENTS[code].name(lg)}")
        for f in a.temporal:
            finding(f, names)
    elif stage == "infringement":
        av.infringement_tab(m, a, names, reform=False)
    elif stage == "defences":
        av.defences_tab(a, names, reform=False)
    elif stage == "burden":
        av.burden_tab(a, names, reform=False)
    elif stage == "liability":
        av.liability_tab(m, a, names, "current", reform=False)
    elif stage == "remedies":
        av.remedies_tab(a, names, reform=False)
    c = st.columns([1, 1, 4])
    c[0].button(t("iv.prev"), key="te_prev", on_click=_stage, args=(-1,), disabled=i == 0, width="stretch")
    c[1].button(t("iv.next"), key="te_next", on_click=_stage, args=(1,), disabled=i == len(STAGES) - 1,
                type="primary", width="stretch")


# --------------------------------------------------------------------------- what if
def _value_options(q: fq.Question) -> list[Any]:
    if q.widget == "bool":
        return [True, False]
    if q.widget == "tristate":
        return [None, True, False]
    codes = list(fq.codes_for(q))
    return ([None] if fq.nullable(q) else []) + codes


def _fmt(q: fq.Question, v: Any) -> str:
    lg = lang()
    if q.widget == "bool":  # an unanswered yes/no fact (None) is shown as unknown, not as "no"
        return fq.option_label("tristate" if v is None else "bool", v if v is None else bool(v), lg)
    if q.widget == "tristate":
        return fq.option_label("tristate", v, lg)
    return t("none_selected") if v is None else fq.option_label(q.group or "", v, lg)


def choose_change(ans: dict, key_prefix: str = "te") -> dict | None:
    """Widgets to pick one key fact (and participant) and a new answer; the changed answers."""
    lg = lang()
    facts = [(s, q) for s, q in fa.key_facts() if q.widget in ("bool", "tristate", "select")
             and (s.scope == "matter" or s.participants(ans))]
    if not facts:
        return None
    ids = [f"{s.id}.{q.id}" for s, q in facts]
    labels = {f"{s.id}.{q.id}": f"{q.label(lg)} （{s.title(lg)}）" if lg == "zh" else f"{q.label(lg)} ({s.title(lg)})"
              for s, q in facts}
    c1, c2, c3 = st.columns(3)
    with c1:
        fid = st.selectbox(t("te.fact"), ids, format_func=labels.__getitem__, key=f"{key_prefix}_fact")
    s, q = facts[ids.index(fid)]
    base = ""
    if s.scope == "participant":
        idx = s.participants(ans)
        pnames = {i: fa.participant_name(ans, i, lg) for i in idx}
        with c2:
            pi = st.selectbox(t("te.who"), idx, format_func=pnames.__getitem__, key=f"{key_prefix}_who")
        base = f"participants.{pi}."
    path = base + q.path
    cur = fq.get_in(ans, path)
    opts = _value_options(q)
    fmt = {i: _fmt(q, v) for i, v in enumerate(opts)}
    default = next((i for i, v in enumerate(opts) if v != cur), 0)
    with c3:
        vi = st.selectbox(t("te.new_value"), list(fmt), index=default, format_func=fmt.__getitem__,
                          key=f"{key_prefix}_val:{fid}:{path}")
    st.caption(t("te.current_value", v=_fmt(q, cur)))
    changed = copy.deepcopy(ans)
    fq.set_in(changed, path, opts[vi])
    return changed


def changed_matter(changed: dict) -> Matter | None:
    """The changed matter, or None after showing why the change makes the facts invalid."""
    lg = lang()
    m2, errs = state.validate(changed)
    if m2 is None:
        st.warning(t("te.invalid_change") + "\n\n" + "\n".join(
            f"- {esc(fa.locate(e.loc, changed, lg)[1])}: {esc(e.zh if lg == 'zh' else e.en)}" for e in errs))
    return m2



# --------------------------------------------------------------------------- who bears it
def _pct(v: float) -> str:
    return f"{v:.0%}" if abs(v * 100 - round(v * 100)) < 1e-6 else f"{v:.1%}"


def _money(v: float | None) -> str:
    return "—" if v is None else f"¥{v:,.2f}".removesuffix(".00")


def bears_table(m: Matter, a: Analysis) -> pd.DataFrame:
    """Who bears the loss in the end under one analysis (claimant, each defendant, each non-party)."""
    from litigation.facts.labels import label

    lg = lang()
    rows = []
    for b in tg.who_bears(a):
        who = (t("te.b.claimant", name=m.claimant.name) if b.kind == "claimant" else
               t("te.b.non_party", name=b.name) if b.kind == "non_party" else b.name)
        rows.append({t("te.b.who"): who,
                     t("te.b.liability"): "—" if b.external is None else label("external", b.external, lg),
                     t("te.b.share"): _pct(b.share), t("te.b.amount"): _money(b.amount),
                     t("te.b.exposure"): "—" if b.kind == "claimant" else _money(b.exposure)})
    return pd.DataFrame(rows)


def who_bears_it(m: Matter, names: dict[str, str], total: float | None) -> None:
    lg = lang()
    st.caption(t("te.bears_intro"))
    st.caption(t("te.bears_total", total=f"¥{total:,.0f}") if total else t("te.bears_shares"))
    cur = state.analysis_of(m, "current", total)
    ref = state.analysis_of(m, "reform", total)
    c = st.columns(2)
    for col, a, head in ((c[0], cur, t("te.d.current")), (c[1], ref, t("te.d.reform") + " ⚑")):
        with col:
            st.markdown(f"**{head}**")
            st.table(bears_table(m, a).set_index(t("te.b.who")))
    st.markdown(f"#### {t('te.why')}")
    for line in tg.why_differs(cur, ref):
        st.markdown("- " + esc(line(lg)))
    fl = tg.flips(cur, ref, names=names)
    with st.expander(t("te.all_diff"), icon=":material/compare_arrows:"):
        if fl:
            st.dataframe(flips_table(fl, t("te.d.current"), t("te.d.reform") + " ⚑"), hide_index=True, width="stretch")
        else:
            st.success(t("te.same"))


# --------------------------------------------------------------------------- several changes
def _facts(ans: dict) -> dict[str, tuple[fq.Question | None, int | None]]:
    """path -> (question, participant index) of every key fact asked in these answers, then the date shift."""
    from litigation.damages.sensitivity import candidates

    out: dict[str, tuple[fq.Question | None, int | None]] = {p: (q, i) for _, q, i, p in candidates(ans)}
    out[tg.SHIFT] = (None, None)
    return out


def _fact_label(ans: dict, path: str, facts: dict, lg: Lang) -> str:
    """The label of a fact (`lg` is passed in: a format_func may be called outside the script run)."""
    q, i = facts.get(path, (None, None))
    if path == tg.SHIFT:
        return tr("te.shift", lg)
    if q is None:
        return path
    name = q.label(lg)
    return name if i is None else f"{fa.participant_name(ans, i, lg)} › {name}"


def _options(path: str, q: fq.Question | None) -> list[Any]:
    if path == tg.SHIFT:
        return [n for n in range(-5, 6) if n != 0]
    return _value_options(q) if q is not None else []


def _value_text(path: str, q: fq.Question | None, v: Any, lg: Lang) -> str:
    from litigation.damages.sensitivity import value_label

    if path == tg.SHIFT:
        return tr("te.years", lg, n=int(v or 0))
    return value_label(q, v, lg) if q is not None else str(v)


def _add(fact_key: str, ans_key: str) -> None:
    tch = _teach()
    path = st.session_state.get(fact_key)
    ans = tg.apply_changes(tch["answers"] or {}, tch["changes"])
    facts = _facts(ans)
    if path not in facts:
        return
    opts = _options(path, facts[path][0])
    vi = st.session_state.get(f"{ans_key}:{path}")
    if not isinstance(vi, int) or not 0 <= vi < len(opts):
        return
    tch["changes"] = tg.add_change(tch["changes"], path, opts[vi])


def _remove(j: int) -> None:
    ch = _teach()["changes"]
    if 0 <= j < len(ch):
        ch.pop(j)


def _clear() -> None:
    _teach()["changes"] = []


def change_editor(ans: dict) -> list[dict]:
    """Widgets to add changes (a fact and a new answer) and remove them; the list of changes (codes)."""
    lg = lang()
    tch = _teach()
    changes = tch["changes"]
    now = tg.apply_changes(ans, changes)
    facts = _facts(now)
    paths = list(facts)
    fact_key, val_key = f"te_cf:{lg}", f"te_cv:{lg}"
    c = st.columns([5, 3, 2], vertical_alignment="bottom")
    with c[0]:
        path = st.selectbox(t("te.fact"), paths, format_func=lambda p: _fact_label(now, p, facts, lg), key=fact_key)
    q = facts[path][0]
    opts = _options(path, q)
    cur = 0 if path == tg.SHIFT else fq.get_in(now, path)
    default = next((i for i, v in enumerate(opts) if v != cur), 0)
    with c[1]:
        st.selectbox(t("te.new_value"), list(range(len(opts))), index=default, key=f"{val_key}:{path}",
                     format_func=lambda i: _value_text(path, q, opts[i], lg))
    with c[2]:
        st.button(t("te.add"), key=f"te_add:{lg}", on_click=_add, args=(fact_key, val_key), icon=":material/add:",
                  type="primary", width="stretch")
    if path != tg.SHIFT:
        st.caption(t("te.current_value", v=_value_text(path, q, cur, lg)))
    st.markdown(f"**{t('te.your_changes')}**")
    if not changes:
        st.caption(t("te.no_changes"))
    base_facts = _facts(ans)
    for j, ch in enumerate(changes):
        p = ch["path"]
        q0 = (base_facts.get(p) or facts.get(p) or (None, None))[0]
        old = None if p == tg.SHIFT else fq.get_in(ans, p)
        row = st.columns([8, 2], vertical_alignment="center")
        text = t("te.change_row", fact=_fact_label(ans, p, {**facts, **base_facts}, lg),
                 old="—" if p == tg.SHIFT else _value_text(p, q0, old, lg), new=_value_text(p, q0, ch["value"], lg))
        row[0].markdown(f"{j + 1}. " + esc(text))
        row[1].button(t("te.remove"), key=f"te_rm:{j}:{p}", on_click=_remove, args=(j,), icon=":material/delete:")
    if changes:
        st.button(t("te.clear"), key="te_clear", on_click=_clear, icon=":material/restart_alt:")
    return changes


def _range(m: Matter, a: Analysis) -> Any:
    """The compensation estimate's total range for a matter (None if the case data is unavailable)."""
    from litigation.damages.sensitivity import total_range

    models = data.award_models()
    if models is None:
        return None
    return state._remember(("te_range", m.model_dump_json(), a.mode), lambda: total_range(m, a, models))


def flips_table(flips: list[tg.Flip], before: str | None = None, after: str | None = None) -> pd.DataFrame:
    """The conclusions that flip, with the basis of each (columns headed `before` and `after`)."""
    lg = lang()
    return pd.DataFrame([{t("te.d.area"): tg.AREAS[f.area](lg), t("te.d.item"): f.item(lg),
                          before or t("te.d.before"): f.before(lg), after or t("te.d.after"): f.after(lg),
                          t("te.d.basis"): f.basis_label(lg)} for f in flips])


def several_changes(m: Matter, ans: dict, names: dict[str, str], total: float | None) -> None:
    st.caption(t("te.changes_intro"))
    changes = change_editor(ans)
    if not changes:
        return
    m2 = changed_matter(tg.apply_changes(ans, changes))
    if m2 is None:
        return
    a0 = state.analysis_of(m, "current", total)
    a2 = state.analysis_of(m2, "current", total)  # the same loss: the changes are to the facts of liability
    fl = tg.flips(a0, a2, _range(m, a0), _range(m2, a2), names)
    st.markdown(f"#### {t('te.flips', n=len(fl))}")
    if not fl:
        st.info(t("te.no_change"))
        return
    st.table(flips_table(fl).set_index(t("te.d.area")))


# --------------------------------------------------------------------------- page
def picker(files: list[str], notes: dict) -> str:
    """Group and scenario select boxes (their keys carry the language: the stored value is a code)."""
    lg = lang()
    tch = _teach()
    groups = dict(tg.preset_groups(files, notes))
    if tch["file"] not in files:
        _fresh(next(iter(groups.values()))[0])
    group = next(g for g, fs_ in groups.items() if tch["file"] in fs_)
    titles = {f: data.scenario_title(str(data.SCENARIOS / f), (data.SCENARIOS / f).stat().st_mtime) for f in files}
    c = st.columns([2, 5])
    gkey, fkey = f"te_group:{lg}", f"te_pick:{lg}"
    if st.session_state.get(gkey) != group:
        st.session_state[gkey] = group
    if st.session_state.get(fkey) != tch["file"]:
        st.session_state[fkey] = tch["file"]
    with c[0]:
        st.selectbox(t("te.group"), list(groups), key=gkey, on_change=_pick_group, args=(gkey, groups),
                     format_func=lambda g: f"{tg.group_label(g, notes)(lg)} ({len(groups[g])})")
    with c[1]:
        st.selectbox(t("te.pick"), groups[group], key=fkey, on_change=_pick, args=(fkey, files),
                     format_func=titles.__getitem__)
    return tch["file"]


def render() -> None:
    lg = lang()
    st.title(t("te.heading"))
    st.caption(t("te.intro"))
    files = [f.name for f in data.scenario_files()]
    if not files:
        st.info(t("te.none"))
        return
    notes = data.teaching_notes()
    tch = _teach()
    file = picker(files, notes)
    note = tg.note_of(file, notes)
    if note is not None:
        st.info(f"**{t('te.note')}**：{esc(note[0](lg))}" if lg == "zh" else
                f"**{t('te.note')}**: {esc(note[0](lg))}", icon=":material/school:")
        st.success(f"**{t('te.point')}**：{esc(note[1](lg))}" if lg == "zh" else
                   f"**{t('te.point')}**: {esc(note[1](lg))}", icon=":material/key:")
    if tch["answers"] is None and tch.get("errors") is None:
        _load(str(data.SCENARIOS / file))
    if tch.get("errors"):
        lines = [f"- {esc(e['loc'])}: {esc(e['zh'] if lg == 'zh' else e['en'])}" for e in tch["errors"]]
        st.error(t("te.bad", name=esc(file)) + "\n\n" + "\n".join(lines))
        tch["errors"] = None  # try again on the next pick
        return
    ans = tch["answers"]
    m, errs = state.validate(ans)
    if m is None:
        st.error(t("te.bad", name=esc(file)) + "\n\n" + "\n".join(
            f"- {esc(e.loc)}: {esc(e.zh if lg == 'zh' else e.en)}" for e in errs))
        return
    c1, c2 = st.columns([2, 3])
    c1.button(t("te.use"), key="te_use", on_click=_copy_to_interview, icon=":material/content_copy:")
    if st.session_state.pop("ft_teach_copied", False):
        with c2:
            st.success(t("te.used"))
            link("analysis", "go.analysis")
    names = {p.id: p.name for p in m.participants}
    a = state.analysis_of(m, "current")
    tabs = st.tabs([t("te.walk"), t("te.bears"), t("te.changes")])
    with tabs[0]:
        walk(m, a, ans, names)
    with tabs[1]:
        who_bears_it(m, names, tch.get("total"))
    with tabs[2]:
        several_changes(m, ans, names, tch.get("total"))
