"""The matter library in the app: the sidebar switch (off by default), unlocking, autosave, restoring the
open matter after a reload, and the warning before leaving when nothing is kept.

Storage is litigation/library.py. An unlocked library's key lives only in this server process's memory,
under a random token that the page's address carries (`?lib=…&m=…`), so a reload of the same tab finds
the library and reopens the matter; locking, turning the switch off or stopping the server forgets it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
import threading
import time
from pathlib import Path

import streamlit as st

from litigation import library as lb
from litigation.facts import answers as fa
from ui import state
from ui.frame import lang, t
from ui.text import esc

log = logging.getLogger("facetort.ui")
TOKEN = "ft_lib_token"
CURRENT = "ft_lib_matter"
SAVED = "ft_lib_saved"
SAVED_AT = "ft_lib_saved_at"
WANT = "ft_lib_want"
PROBLEM = "ft_lib_problem"
TTL = 12 * 3600

_REGISTRY: dict[str, tuple[lb.Library, float]] = {}
_LOCK = threading.Lock()


# --------------------------------------------------------------------------- the unlocked library
def library() -> lb.Library | None:
    tok = st.session_state.get(TOKEN)
    with _LOCK:
        hit = _REGISTRY.get(tok) if tok else None
        if hit is None or time.time() - hit[1] > TTL:
            if tok:
                _REGISTRY.pop(tok, None)
            return None
        _REGISTRY[tok] = (hit[0], time.time())
        return hit[0]


def _register(lib: lb.Library) -> str:
    tok = secrets.token_urlsafe(24)
    with _LOCK:
        _REGISTRY[tok] = (lib, time.time())
    return tok


def _text(answers: dict) -> str:
    return json.dumps(answers, ensure_ascii=False, sort_keys=True, default=str)


def _blank(answers: dict) -> bool:
    return _text(answers) == _text(fa.new_answers())


def attach() -> None:
    """At the start of every run: find this tab's library (also after a reload) and reopen its matter."""
    qp = st.query_params
    if TOKEN not in st.session_state and qp.get("lib"):
        st.session_state[TOKEN] = qp.get("lib")
        lib = library()
        if lib is None:
            st.session_state.pop(TOKEN, None)
            st.session_state[PROBLEM] = ("locked", qp.get("m"))
        else:
            mid = qp.get("m")
            if mid and lib.has(mid):
                open_matter(lib, mid)
    lib = library()
    if lib is None:
        st.session_state.pop(TOKEN, None)
        for k in ("lib", "m"):
            if k in qp:
                del qp[k]
        return
    if qp.get("lib") != st.session_state[TOKEN]:
        qp["lib"] = st.session_state[TOKEN]
    mid = st.session_state.get(CURRENT)
    if mid and qp.get("m") != mid:
        qp["m"] = mid


def open_matter(lib: lb.Library, mid: str, n: int | None = None) -> None:
    answers = fa.answers_from(lib.load(mid, n))
    state.replace_answers(answers)
    st.session_state[CURRENT] = mid
    st.session_state[SAVED] = _text(answers) if n is None else None
    st.session_state[SAVED_AT] = lib.updated(mid)
    st.query_params["m"] = mid


def autosave() -> None:
    """At the end of every run: keep the answers if they changed since the last save."""
    lib = library()
    if lib is None:
        return
    ans = state.answers()
    text = _text(ans)
    if text == st.session_state.get(SAVED):
        return
    mid = st.session_state.get(CURRENT)
    if mid is None and _blank(ans):
        return
    try:
        mid, _n = lib.save(mid, json.loads(text))
    except (lb.LibraryError, OSError, ValueError) as exc:
        log.exception("autosave failed")
        st.session_state[PROBLEM] = ("save", str(getattr(exc, "en", exc)))
        return
    st.session_state[CURRENT] = mid
    st.session_state[SAVED] = text
    st.session_state[SAVED_AT] = time.time()
    st.session_state.pop(PROBLEM, None)
    if st.query_params.get("m") != mid:
        st.query_params["m"] = mid


# --------------------------------------------------------------------------- actions (callbacks)
def _unlock(home_key: str, pass_key: str, again_key: str) -> None:
    home = Path(str(st.session_state.get(home_key) or lb.default_home())).expanduser()
    pw = st.session_state.get(pass_key) or ""
    again = st.session_state.get(again_key)
    st.session_state[pass_key] = ""
    st.session_state[again_key] = ""
    try:
        if lb.exists(home):
            lib = lb.Library.unlock(home, pw)
        else:
            if pw != again:
                raise lb.LibraryError("两次输入的口令不一致。", "The two passphrases differ.")
            lib = lb.Library.create(home, pw)
    except lb.LibraryError as exc:
        st.session_state[PROBLEM] = ("unlock", exc.zh, exc.en)
        return
    st.session_state[TOKEN] = _register(lib)
    st.session_state[WANT] = False
    st.session_state.pop(PROBLEM, None)
    st.query_params["lib"] = st.session_state[TOKEN]
    pending = st.query_params.get("m")
    if pending and lib.has(pending) and _blank(state.answers()):
        open_matter(lib, pending)  # after a server restart: the matter this tab had open
    else:
        st.session_state[CURRENT] = None
        st.session_state[SAVED] = None  # the answers on screen go into the library at the end of this run


def lock() -> None:
    tok = st.session_state.pop(TOKEN, None)
    with _LOCK:
        _REGISTRY.pop(tok, None)
    for k in (CURRENT, SAVED, SAVED_AT, PROBLEM):
        st.session_state.pop(k, None)
    st.session_state[WANT] = False
    for k in ("lib", "m"):
        if k in st.query_params:
            del st.query_params[k]


def _on_switch() -> None:
    on = bool(st.session_state.get("ft_lib_switch"))
    if on:
        st.session_state[WANT] = True
    else:
        lock()


def new_matter() -> None:
    state.replace_answers(fa.new_answers())
    st.session_state[CURRENT] = None
    st.session_state[SAVED] = None
    if "m" in st.query_params:
        del st.query_params["m"]


# --------------------------------------------------------------------------- sidebar
def _guard_leaving(on: bool) -> None:
    """A browser prompt before a reload or close loses answers that are kept nowhere."""
    flag = "true" if on else "false"
    st.html("<script>window.__ftGuard=" + flag + ";if(!window.__ftGuardSet){window.__ftGuardSet=true;"
            "window.addEventListener('beforeunload',function(e){if(window.__ftGuard){e.preventDefault();"
            "e.returnValue='';}});}</script>", unsafe_allow_javascript=True, width="content")


def sidebar() -> None:
    lib = library()
    want = bool(st.session_state.get(WANT)) or lib is not None
    if st.session_state.get("ft_lib_switch") != want:
        st.session_state["ft_lib_switch"] = want
    sb = st.sidebar
    sb.toggle(t("lib.switch"), key="ft_lib_switch", on_change=_on_switch, help=t("lib.switch_help"))
    problem = st.session_state.get(PROBLEM)
    if lib is None:
        if problem and problem[0] == "locked":
            sb.warning(t("lib.relock"))
        if want:
            _unlock_form()
        else:
            sb.caption(t("lib.off"))
        _guard_leaving(not _blank(state.answers()))
        return
    _guard_leaving(False)
    autosave()  # what the callbacks of this run changed, so the status below is current
    title = state.answers().get("title") or t("lib.untitled")
    at = st.session_state.get(SAVED_AT)
    when = dt.datetime.fromtimestamp(at).strftime("%H:%M:%S") if at else None
    sb.caption(t("lib.on", home=esc(str(lib.home))))
    sb.markdown(t("lib.current", title=esc(title)) + ("  \n" + t("lib.saved_at", when=when) if when else ""))
    if problem and problem[0] == "save":
        sb.error(t("lib.save_failed"))
    c1, c2 = sb.columns(2)
    c1.button(t("lib.new"), key="lib_new", on_click=new_matter, icon=":material/add:")
    c2.button(t("lib.lock"), key="lib_lock", on_click=lock, icon=":material/lock:")
    sb.page_link(str(Path(__file__).resolve().parent / "pages" / "library.py"), label=t("lib.manage"),
                 icon=":material/folder_open:")


def _unlock_form() -> None:
    sb = st.sidebar
    home_key, pass_key, again_key = "lib_home", "lib_pass", "lib_pass2"
    if not st.session_state.get(home_key):
        st.session_state[home_key] = str(lb.default_home())
    sb.text_input(t("lib.folder"), key=home_key, help=t("lib.folder_help"))
    home = Path(str(st.session_state.get(home_key))).expanduser()
    is_new = not lb.exists(home)
    sb.caption(t("lib.new_here") if is_new else t("lib.found_here"))
    sb.text_input(t("lib.pass"), key=pass_key, type="password", help=t("lib.pass_help"))
    if is_new:
        sb.text_input(t("lib.pass2"), key=again_key, type="password")
    problem = st.session_state.get(PROBLEM)
    if problem and problem[0] == "unlock":
        sb.error(problem[1] if lang() == "zh" else problem[2])
    sb.button(t("lib.create") if is_new else t("lib.open"), key="lib_unlock", type="primary",
              on_click=_unlock, args=(home_key, pass_key, again_key))
