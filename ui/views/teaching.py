"""Teaching page: load a preset scenario, step through the analysis, compare current law with the
reform mode, and change one fact to see which conclusions flip."""

from __future__ import annotations

import copy
from typing import Any

import pandas as pd
import streamlit as st

from litigation.facts import answers as fa
from litigation.facts import questions as fq
from litigation.facts import steps as fs
from litigation.facts.matter import Matter
from litigation.facts.validation import MatterError, read_matter_file
from litigation.law.analysis import Analysis
from litigation.law.citations import INSTRUMENTS
from ui import data, state
from ui.components import finding
from ui.diff import diff
from ui.frame import lang, link, t
from ui.text import esc
from ui.views import analysis as av

TEACH = "ft_teach"
STAGES = ("facts", "law", "infringement", "defences", "burden", "liability", "remedies")


def _teach() -> dict:
    if TEACH not in st.session_state:
        st.session_state[TEACH] = {"file": None, "answers": None, "stage": 0, "errors": None}
    return st.session_state[TEACH]


def _pick() -> None:
    tch = _teach()
    tch["file"] = st.session_state.get("te_pick")
    tch["answers"] = None
    tch["stage"] = 0


def _load(path: str) -> None:
    tch = _teach()
    try:
        m = read_matter_file(path)
    except MatterError as exc:
        tch["answers"], tch["errors"] = None, [e.model_dump() for e in exc.errors]
        return
    tch["answers"], tch["errors"] = fa.answers_from(m.model_dump(mode="json")), None


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


def diff_table(rows: list[dict[str, str]], before: str, after: str) -> None:
    df = pd.DataFrame(rows)[["area", "item", "before", "after"]]
    df = df.rename(columns={"area": t("te.d.area"), "item": t("te.d.item"), "before": before, "after": after})
    st.dataframe(df, hide_index=True, width="stretch")


def compare(m: Matter, names: dict[str, str]) -> None:
    st.caption(t("te.compare_intro"))
    cur = state.analysis_of(m, "current")
    ref = state.analysis_of(m, "reform")
    rows = diff(cur, ref, names, lang())
    if not rows:
        st.success(t("te.same"))
        return
    diff_table(rows, t("te.d.current"), t("te.d.reform") + " ⚑")


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


def what_if(m: Matter, a: Analysis, ans: dict, names: dict[str, str]) -> None:
    """Change one key fact and list the conclusions that flip."""
    st.caption(t("te.whatif_intro"))
    changed = choose_change(ans, "te")
    if changed is None:
        return
    m2 = changed_matter(changed)
    if m2 is None:
        return
    a2 = state.analysis_of(m2, a.mode, a.liability.total_damages)
    rows = diff(a, a2, names, lang())
    if not rows:
        st.info(t("te.no_change"))
    else:
        diff_table(rows, t("te.d.before"), t("te.d.after"))


# --------------------------------------------------------------------------- page
def render() -> None:
    lg = lang()
    st.title(t("te.heading"))
    st.caption(t("te.intro"))
    files = data.scenario_files()
    if not files:
        st.info(t("te.none"))
        return
    names_ = [f.name for f in files]
    titles = {f.name: data.scenario_title(str(f), f.stat().st_mtime) for f in files}
    tch = _teach()
    if tch["file"] not in names_:
        tch["file"], tch["answers"], tch["stage"] = names_[0], None, 0
    st.selectbox(t("te.pick"), names_, index=names_.index(tch["file"]), format_func=titles.__getitem__,
                 key="te_pick", on_change=_pick)
    if tch["answers"] is None and tch.get("errors") is None:
        _load(str(data.SCENARIOS / tch["file"]))
    if tch.get("errors"):
        lines = [f"- {esc(e['loc'])}: {esc(e['zh'] if lg == 'zh' else e['en'])}" for e in tch["errors"]]
        st.error(t("te.bad", name=esc(tch["file"])) + "\n\n" + "\n".join(lines))
        tch["errors"] = None  # try again on the next pick
        return
    ans = tch["answers"]
    m, errs = state.validate(ans)
    if m is None:
        st.error(t("te.bad", name=esc(tch["file"])) + "\n\n" + "\n".join(
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
    tabs = st.tabs([t("te.walk"), t("te.compare"), t("te.whatif")])
    with tabs[0]:
        walk(m, a, ans, names)
    with tabs[1]:
        compare(m, names)
    with tabs[2]:
        what_if(m, a, ans, names)
