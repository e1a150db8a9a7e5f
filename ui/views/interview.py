"""Interview page: one topic per step, progress, inline validation, review with Edit, save and load."""

from __future__ import annotations

import json
import re

import streamlit as st

from litigation.facts import answers as fa
from litigation.facts import questions as fq
from litigation.facts import review as rv
from litigation.facts import steps as fs
from litigation.facts.bounds import MAX_FILE_BYTES, Problem, bound, parse_json
from litigation.facts.validation import FieldError, MatterError, dump_matter, load_matter
from ui import state
from ui.frame import lang, link, t
from ui.text import esc
from ui.widgets import unanswered_lines

REVIEW = "review"
UPLOAD_N = "ft_upload_n"
UPLOAD_DONE = "ft_upload_done"
LOAD_RESULT = "ft_load_result"
CONFIRM_RESET = "ft_confirm_reset"


# --------------------------------------------------------------------------- navigation
def visible_steps(ans: dict) -> list[str]:
    return [s.id for s in fs.STEPS if s.shown(ans)] + [REVIEW]


def current_step(ans: dict) -> str:
    steps = visible_steps(ans)
    cur = st.session_state.get(state.STEP)
    if cur not in steps:
        cur = steps[0] if not isinstance(cur, int) else steps[min(cur, len(steps) - 1)]
        st.session_state[state.STEP] = cur
    return cur


def go(step_id: str, from_review: bool | None = None) -> None:
    st.session_state[state.STEP] = step_id
    if from_review is not None:
        st.session_state[state.FROM_REVIEW] = from_review
    if step_id == REVIEW:
        st.session_state[state.FROM_REVIEW] = False


def _jump(key: str) -> None:
    v = st.session_state.get(key)
    if v in visible_steps(state.answers()):
        go(v)


def _title(step_id: str) -> str:
    return t("iv.review_title") if step_id == REVIEW else fs.step(step_id).title(lang())


def navigator(ans: dict, cur: str) -> None:
    steps = visible_steps(ans)
    i = steps.index(cur)
    st.progress((i + 1) / len(steps), text=t("iv.progress", i=i + 1, n=len(steps), title=_title(cur)))
    key = state.widget_key(f"nav:{cur}")  # a fresh widget per step (and language): it shows the current step
    titles = {s: f"{n + 1}. {_title(s)}" for n, s in enumerate(steps)}
    st.selectbox(t("iv.jump"), steps, index=i, key=key, format_func=titles.__getitem__,
                 on_change=_jump, args=(key,))


def buttons(ans: dict, cur: str, where: str) -> None:
    steps = visible_steps(ans)
    i = steps.index(cur)
    cols = st.columns([1, 1, 1, 3])
    if i > 0:
        cols[0].button(t("iv.prev"), key=f"prev:{where}:{cur}", on_click=go, args=(steps[i - 1],),
                       width="stretch")
    if cur != REVIEW:
        nxt = steps[i + 1]
        label = t("iv.finish") if nxt == REVIEW else t("iv.next")
        cols[1].button(label, key=f"next:{where}:{cur}", on_click=go, args=(nxt,), type="primary",
                       width="stretch")
        if st.session_state.get(state.FROM_REVIEW):
            cols[2].button(t("iv.to_review"), key=f"back:{where}:{cur}", on_click=go, args=(REVIEW,),
                           width="stretch")


# --------------------------------------------------------------------------- validation display
def errors_by_step(errs: list[FieldError], ans: dict) -> dict[str | None, list[tuple[str, FieldError]]]:
    out: dict[str | None, list[tuple[str, FieldError]]] = {}
    for e in errs:
        sid, name = fa.locate(e.loc, ans, lang())
        out.setdefault(sid, []).append((name, e))
    return out


def show_errors(items: list[tuple[str, FieldError]]) -> None:
    lg = lang()
    lines = [f"- **{esc(name)}**: {esc(e.zh if lg == 'zh' else e.en)}" for name, e in items]
    st.error(t("iv.step_errors") + "\n\n" + "\n".join(lines), icon=":material/error:")


def show_gaps(gaps: list[rv.Gap], ans: dict) -> None:
    """The decisive answers still missing, each named with why it matters."""
    lines = [f"- {esc(g.message(ans, lang()))}" for g in gaps]
    st.warning(t("iv.gaps") + "\n\n" + "\n".join(lines), icon=":material/warning:")


def show_unanswered(items: list, ans: dict) -> None:
    st.info(t("iv.unanswered", n=len(items)) + "\n\n" + "\n".join(unanswered_lines(items, ans, lang())),
            icon=":material/help:")


def step_checks(ans: dict, errs: list[FieldError], cur: str) -> tuple[list, list, list]:
    """(errors, decisive gaps, unanswered yes/no facts) of one step."""
    mine = errors_by_step(errs, ans).get(cur, [])
    gaps = [g for g in rv.decisive_missing(ans) if g.step == cur]
    open_ = [u for u in rv.unanswered(ans) if u[0] == cur]
    return mine, gaps, open_


# --------------------------------------------------------------------------- save / load
def _file_name(ans: dict) -> str:
    title = re.sub(r"[^A-Za-z0-9_-]+", "-", ans.get("title") or "").strip("-")[:40]
    return f"facetort-{title or 'matter'}.matter.json"


def read_upload(name: str, raw: bytes) -> tuple[dict | None, list[FieldError], dict | None]:
    """(answers, errors, draft answers): answers if the file is a valid matter; otherwise its errors,
    plus answers for a structurally sound FaceTort draft."""
    if len(raw) > MAX_FILE_BYTES:
        kb = MAX_FILE_BYTES // 1024
        return None, [FieldError(loc="(file)", zh=f"文件太大（上限 {kb} KB）", en=f"the file is too large (limit {kb} KB)")], None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, [FieldError(loc="(file)", zh="文件不是 UTF-8 文本", en="the file is not UTF-8 text")], None
    try:
        m = load_matter(text)
    except MatterError as exc:
        return None, exc.errors, _draft(text)
    return fa.answers_from(m.model_dump(mode="json")), [], None


def _draft(text: str) -> dict | None:
    """Answers from a draft file that is within bounds but fails validation (None otherwise)."""
    try:
        data, problems = bound(parse_json(text))
    except Problem:
        return None
    return None if problems else fa.draft_answers(data)


def _load_draft() -> None:
    res = st.session_state.get(LOAD_RESULT) or {}
    if res.get("draft") is not None:
        state.replace_answers(res["draft"])
        st.session_state[LOAD_RESULT] = {"ok": True, "name": res.get("name", ""), "draft": None}


def _reset(confirm: bool) -> None:
    if confirm:
        state.replace_answers(fa.new_answers())
        st.session_state[LOAD_RESULT] = None
    st.session_state[CONFIRM_RESET] = False


def _ask_reset() -> None:
    st.session_state[CONFIRM_RESET] = True


def save_load(ans: dict, valid: bool, cur: str) -> None:
    lg = lang()
    with st.expander(t("sl.title"), expanded=(cur == REVIEW), icon=":material/save:"):
        c1, c2 = st.columns(2)
        with c1:
            m, _ = state.validate()
            data = dump_matter(m) if m is not None else json.dumps(  # a draft: within bounds, so it loads again
                bound(fa.effective(ans))[0], ensure_ascii=False, indent=2)
            st.download_button(t("sl.save"), data=data.encode("utf-8"), file_name=_file_name(ans),
                               mime="application/json", help=t("sl.save_help"), key="sl_save",
                               on_click="ignore", icon=":material/download:")
            if not valid:
                st.caption(t("sl.save_draft"))
            if st.session_state.get(CONFIRM_RESET):
                st.warning(t("sl.reset_confirm"))
                b1, b2 = st.columns(2)
                b1.button(t("sl.reset_yes"), key="sl_reset_yes", on_click=_reset, args=(True,))
                b2.button(t("sl.reset_no"), key="sl_reset_no", on_click=_reset, args=(False,))
            else:
                st.button(t("sl.reset"), key="sl_reset", on_click=_ask_reset, icon=":material/restart_alt:")
        with c2:
            n = st.session_state.get(UPLOAD_N, 0)
            # no `type=` filter: Streamlit would reject another file with its own English message; the app
            # reads any file and reports in both languages why it is not a matter (read_upload)
            up = st.file_uploader(t("sl.load"), key=f"sl_upload_{n}")
            if up is not None and up.file_id != st.session_state.get(UPLOAD_DONE):
                st.session_state[UPLOAD_DONE] = up.file_id
                new, errs, draft = read_upload(up.name, up.getvalue())
                if new is not None:
                    state.replace_answers(new)
                    st.session_state[UPLOAD_N] = n + 1
                    st.session_state[LOAD_RESULT] = {"ok": True, "name": up.name, "draft": None}
                else:
                    st.session_state[LOAD_RESULT] = {"ok": False, "name": up.name, "draft": draft,
                                                     "errors": [e.model_dump() for e in errs]}
            res = st.session_state.get(LOAD_RESULT)
            if res and res.get("ok"):
                # blue, not green: the loaded answers may still have open points on this step
                st.info(t("sl.loaded", name=esc(res["name"])), icon=":material/upload_file:")
            elif res:
                lines = [f"- {esc(e['loc'])}: {esc(e['zh'] if lg == 'zh' else e['en'])}" for e in res["errors"]]
                st.error(t("sl.bad", name=esc(res["name"])) + "\n\n" + "\n".join(lines[:30]))
                if res.get("draft") is not None:
                    st.info(t("sl.draft_offer"))
                    st.button(t("sl.load_draft"), key="sl_load_draft", on_click=_load_draft)


# --------------------------------------------------------------------------- review
def review(ans: dict, errs: list[FieldError]) -> None:
    st.subheader(t("iv.review_title"))
    st.caption(t("iv.review_intro"))
    lg = lang()
    by_step = errors_by_step(errs, ans)
    gaps = rv.decisive_missing(ans)
    open_ = rv.unanswered(ans)
    if errs:
        st.markdown(f"**{t('iv.review_errors')}**")
        for sid, items in by_step.items():
            cols = st.columns([5, 1], vertical_alignment="center")
            with cols[0]:
                show_errors(items)
            if sid is not None:
                cols[1].button(t("iv.edit"), key=f"edit-err:{sid}", on_click=go, args=(sid, True))
    if gaps:
        st.markdown(f"**{t('iv.review_gaps')}**")
        for sid in dict.fromkeys(g.step for g in gaps):
            cols = st.columns([5, 1], vertical_alignment="center")
            with cols[0]:
                show_gaps([g for g in gaps if g.step == sid], ans)
            cols[1].button(t("iv.edit"), key=f"edit-gap:{sid}", on_click=go, args=(sid, True))
    if open_:
        st.info(t("iv.review_unanswered", n=len(open_)), icon=":material/help:")
    if not errs:
        if gaps or open_:
            st.info(t("iv.review_valid_open"), icon=":material/info:")
        else:  # green only when nothing at all is open
            st.success(t("iv.review_ok"))
        c1, c2, _ = st.columns([1, 1, 2])
        with c1:
            link("analysis", "go.analysis")
        with c2:
            link("export", "go.export")
    prose = rv.review_prose(ans, lg)
    for s in fs.STEPS:
        if not s.shown(ans):
            continue
        with st.container(border=True):
            head = st.columns([5, 1], vertical_alignment="center")
            head[0].markdown(f"**{s.title(lg)}**")
            head[1].button(t("iv.edit"), key=f"edit:{s.id}", on_click=go, args=(s.id, True),
                           icon=":material/edit:")
            paras = [(i, text) for sid, i, text in prose if sid == s.id and text]
            if not paras:
                st.caption(t("iv.empty_list"))
            for i, text in paras:  # every answer in full, user text shown literally
                if i is not None:
                    st.markdown(f"*{esc(fa.participant_name(ans, i, lg))}*")
                st.markdown(esc(text))


# --------------------------------------------------------------------------- page
def render() -> None:
    ans = state.answers()
    st.title(t("iv.heading"))
    cur = current_step(ans)
    m, errs = state.validate()
    save_load(ans, m is not None, cur)
    ans = state.answers()  # a load may have replaced them
    cur = current_step(ans)
    m, errs = state.validate()
    navigator(ans, cur)
    if cur == REVIEW:
        review(ans, errs)
        buttons(ans, cur, "bottom")
        return
    s = fs.step(cur)
    st.subheader(s.title(lang()))
    st.write(s.intro(lang()))
    if s.terms:
        with st.expander(t("iv.terms"), icon=":material/menu_book:"):
            for term in s.terms:
                name, text = fq.GLOSSARY[term]
                st.markdown(f"**{name(lang())}** — {text(lang())}")
    iv_body(s, ans)
    by_step = errors_by_step(errs, ans)
    mine, gaps, open_ = step_checks(ans, errs, cur)
    if mine:
        show_errors(mine)
    if gaps:
        show_gaps(gaps, ans)
    if open_:
        show_unanswered(open_, ans)
    if not (mine or gaps or open_):  # green only beside no error, warning or open question
        st.success(t("iv.step_ok"), icon=":material/check_circle:")
    others = sum(len(v) for k, v in by_step.items() if k != cur)
    if others:
        st.caption(t("iv.other_errors", n=others))
    buttons(ans, cur, "bottom")


def iv_body(s: fq.Step, ans: dict) -> None:
    from ui.widgets import step_body

    step_body(s, ans)
