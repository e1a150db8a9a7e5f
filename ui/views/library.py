"""Library page: the user's saved matters (search, open, duplicate, rename, delete with confirmation),
the open matter's history with restore, import and export of matter files, and erasing the library."""

from __future__ import annotations

import datetime as dt
import json

import streamlit as st

from litigation import library as lb
from litigation.facts import answers as fa
from litigation.facts.validation import dump_matter
from ui import library as ul
from ui import state
from ui.frame import lang, t
from ui.text import esc

CONFIRM = "ft_lib_confirm"
RENAME = "ft_lib_rename"
IMPORT_N = "ft_lib_import_n"


def _when(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S")


def _open(mid: str) -> None:
    lib = ul.library()
    if lib is not None:
        ul.open_matter(lib, mid)


def _duplicate(mid: str) -> None:
    lib = ul.library()
    if lib is not None:
        lib.duplicate(mid, " (副本)" if lang() == "zh" else " (copy)")


def _ask(what: str, mid: str) -> None:
    st.session_state[CONFIRM] = (what, mid)


def _cancel() -> None:
    st.session_state[CONFIRM] = None


def _delete(mid: str) -> None:
    lib = ul.library()
    st.session_state[CONFIRM] = None
    if lib is None:
        return
    lib.delete(mid)
    if st.session_state.get(ul.CURRENT) == mid:
        ul.new_matter()


def _rename(mid: str, key: str) -> None:
    lib = ul.library()
    new = str(st.session_state.get(key) or "").strip()
    st.session_state[RENAME] = None
    if lib is None or not new:
        return
    lib.rename(mid, new)
    if st.session_state.get(ul.CURRENT) == mid:
        ul.open_matter(lib, mid)


def _start_rename(mid: str) -> None:
    st.session_state[RENAME] = mid


def _restore(mid: str, key: str) -> None:
    lib = ul.library()
    n = st.session_state.get(key)
    if lib is None or not isinstance(n, int):
        return
    lib.restore(mid, n)
    ul.open_matter(lib, mid)
    st.session_state["ft_lib_restored"] = n


def _erase() -> None:
    lib = ul.library()
    st.session_state[CONFIRM] = None
    if lib is None:
        return
    home = lib.home
    ul.lock()
    lb.erase(home)
    st.session_state["ft_lib_erased"] = str(home)


def render() -> None:
    st.title(t("lib.heading"))
    lib = ul.library()
    erased = st.session_state.pop("ft_lib_erased", None)
    if erased:
        st.success(t("lib.erased", home=esc(erased)))
    if lib is None:
        st.info(t("lib.page_off"))
        st.markdown(t("lib.where", home=esc(str(lb.default_home()))))
        return
    st.caption(t("lib.where", home=esc(str(lib.home))))
    _matters(lib)
    _history(lib)
    _import_export(lib)
    _danger(lib)


def _matters(lib: lb.Library) -> None:
    st.subheader(t("lib.list"))
    q = st.text_input(t("lib.search"), key="lib_search", placeholder=t("lib.search_ph"))
    items = lib.matters(q or "")
    if not items:
        st.caption(t("lib.none") if not q else t("lib.no_match"))
    cur = st.session_state.get(ul.CURRENT)
    confirm = st.session_state.get(CONFIRM)
    for m in items:
        with st.container(border=True):
            c = st.columns([5, 1, 1, 1, 1], vertical_alignment="center")
            mark = " ✓" if m.id == cur else ""
            c[0].markdown(f"**{esc(m.title or t('lib.untitled'))}**{mark}  \n"
                          + esc(t("lib.row", claimant=m.claimant or "—", when=_when(m.updated), n=m.versions,
                                  parties="、".join(p for p in m.parties if p) or "—")))
            c[1].button(t("lib.open_one"), key=f"lib_open:{m.id}", on_click=_open, args=(m.id,),
                        disabled=m.id == cur)
            c[2].button(t("lib.duplicate"), key=f"lib_dup:{m.id}", on_click=_duplicate, args=(m.id,))
            c[3].button(t("lib.rename"), key=f"lib_ren:{m.id}", on_click=_start_rename, args=(m.id,))
            c[4].button(t("lib.delete"), key=f"lib_del:{m.id}", on_click=_ask, args=("delete", m.id))
            if st.session_state.get(RENAME) == m.id:
                key = f"lib_rename_to:{m.id}"
                r = st.columns([4, 1, 1], vertical_alignment="bottom")
                r[0].text_input(t("lib.new_title"), value=m.title, key=key)
                r[1].button(t("lib.save_title"), key=f"lib_ren_ok:{m.id}", on_click=_rename, args=(m.id, key))
                r[2].button(t("sl.reset_no"), key=f"lib_ren_no:{m.id}", on_click=_start_rename, args=(None,))
            if confirm == ("delete", m.id):
                st.warning(t("lib.delete_confirm", title=esc(m.title or m.id)))
                d = st.columns([1, 1, 4])
                d[0].button(t("lib.delete_yes"), key=f"lib_del_ok:{m.id}", on_click=_delete, args=(m.id,),
                            type="primary")
                d[1].button(t("sl.reset_no"), key=f"lib_del_no:{m.id}", on_click=_cancel)


def _history(lib: lb.Library) -> None:
    mid = st.session_state.get(ul.CURRENT)
    st.subheader(t("lib.history"))
    if not mid or not lib.has(mid):
        st.caption(t("lib.history_none"))
        return
    versions = lib.history(mid)
    restored = st.session_state.pop("ft_lib_restored", None)
    if restored:
        st.success(t("lib.restored", n=restored))
    notes = {"autosave": t("lib.note.autosave"), "rename": t("lib.note.rename"), "import": t("lib.note.import")}

    def label(n: int) -> str:
        v = next(v for v in versions if v.n == n)
        note = notes.get(v.note) or (t("lib.note.restore", n=v.note.split(":")[1]) if v.note.startswith("restore:")
                                     else t("lib.note.copy") if v.note.startswith("copy:") else v.note)
        return f"#{v.n} · {_when(v.at)} · {note} · {v.title or t('lib.untitled')}"

    key = f"lib_version:{mid}:{lang()}"
    ns = [v.n for v in versions]
    st.selectbox(t("lib.version"), ns, index=min(1, len(ns) - 1), key=key, format_func=label)
    st.button(t("lib.restore"), key=f"lib_restore:{mid}", on_click=_restore, args=(mid, key),
              icon=":material/undo:", disabled=len(ns) < 2)
    st.caption(t("lib.history_help"))


def _import_export(lib: lb.Library) -> None:
    from ui.views.interview import _file_name, read_upload

    st.subheader(t("lib.io"))
    c1, c2 = st.columns(2)
    with c1:
        ans = state.answers()
        m, _ = state.validate()
        data = dump_matter(m) if m is not None else json.dumps(fa.effective(ans), ensure_ascii=False, indent=2)
        st.download_button(t("sl.save"), data=data.encode("utf-8"), file_name=_file_name(ans),
                           mime="application/json", key="lib_export", on_click="ignore", icon=":material/download:")
    with c2:
        n = st.session_state.get(IMPORT_N, 0)
        up = st.file_uploader(t("lib.import"), key=f"lib_import_{n}")
        if up is not None:
            new, errs, draft = read_upload(up.name, up.getvalue())
            got = new if new is not None else draft
            if got is None:
                lines = [f"- `{esc(e.loc)}`: {esc(e.zh if lang() == 'zh' else e.en)}" for e in errs[:30]]
                st.error(t("sl.bad", name=esc(up.name)) + "\n\n" + "\n".join(lines))
            else:
                mid, _ = lib.save(None, got, note="import")
                st.session_state[IMPORT_N] = n + 1
                st.session_state["ft_lib_imported"] = up.name
                st.rerun()
        name = st.session_state.pop("ft_lib_imported", None)
        if name:
            st.success(t("lib.imported", name=esc(name)))


def _danger(lib: lb.Library) -> None:
    with st.expander(t("lib.erase_title"), icon=":material/delete_forever:"):
        st.markdown(t("lib.erase_help", home=esc(str(lib.home))))
        if st.session_state.get(CONFIRM) == ("erase", ""):
            st.warning(t("lib.erase_confirm"))
            d = st.columns([1, 1, 4])
            d[0].button(t("lib.erase_yes"), key="lib_erase_ok", on_click=_erase, type="primary")
            d[1].button(t("sl.reset_no"), key="lib_erase_no", on_click=_cancel)
        else:
            st.button(t("lib.erase"), key="lib_erase", on_click=_ask, args=("erase", ""))
