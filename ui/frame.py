"""The shared frame: language, navigation, the page guard and small display helpers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from litigation.i18n import Lang
from ui.text import tr

log = logging.getLogger("facetort.ui")
LANG = "ft_lang"
ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "ui" / "pages"

# url path, page file, title key, icon
PAGE_SPECS: list[tuple[str, str, str, str]] = [
    ("start", "start.py", "nav.start", ":material/home:"),
    ("interview", "interview.py", "nav.interview", ":material/edit_note:"),
    ("analysis", "analysis.py", "nav.analysis", ":material/balance:"),
    ("compensation", "compensation.py", "nav.compensation", ":material/payments:"),
    ("export", "export.py", "nav.export", ":material/download:"),
    ("cases", "cases.py", "nav.cases", ":material/search:"),
    ("teaching", "teaching.py", "nav.teaching", ":material/school:"),
    ("library", "library.py", "nav.library", ":material/folder_open:"),
]


def lang() -> Lang:
    v = st.session_state.get(LANG)
    return v if v in ("zh", "en") else "zh"


def t(key: str, **kw: object) -> str:
    return tr(key, lang(), **kw)


def init_lang() -> Lang:
    """Language: kept in the session; the first run reads `?lang=en|zh` (default Chinese)."""
    if st.session_state.get(LANG) not in ("zh", "en"):
        q = st.query_params.get("lang")
        st.session_state[LANG] = q if q in ("zh", "en") else "zh"
    return lang()


def _on_lang() -> None:
    v = st.session_state.get("ft_lang_widget")
    if v in ("zh", "en"):
        st.session_state[LANG] = v
        st.query_params["lang"] = v


def language_switch() -> None:
    cur = lang()
    if st.session_state.get("ft_lang_widget") != cur:
        st.session_state["ft_lang_widget"] = cur
    st.sidebar.radio(tr("lang.label", cur), ["zh", "en"], key="ft_lang_widget", horizontal=True,
                     format_func=lambda c: "中文" if c == "zh" else "English", on_change=_on_lang)


def pages() -> dict[str, list[Any]]:
    made = {url: st.Page(str(PAGES / f), title=t(key), icon=icon, url_path=url, default=(url == "start"))
            for url, f, key, icon in PAGE_SPECS}
    return {t("nav.section.case"): [made[u] for u in ("start", "interview", "analysis", "compensation", "export",
                                                                       "library")],
            t("nav.section.research"): [made[u] for u in ("cases", "teaching")]}


def page_path(url: str) -> str:
    f = next(f for u, f, _, _ in PAGE_SPECS if u == url)
    return str(PAGES / f)


def link(url: str, key: str) -> None:
    icon = next(i for u, _, _, i in PAGE_SPECS if u == url)
    st.page_link(page_path(url), label=t(key), icon=icon)


def guarded(render: Callable[[], None]) -> None:
    """Run a page body; any error becomes a friendly bilingual message (never a traceback)."""
    try:
        render()
    except Exception:  # noqa: BLE001 - the user must never see a traceback; the log keeps it
        log.exception("page failed")
        st.error(t("error.page"))


def disclaimer() -> None:
    st.sidebar.caption(t("app.disclaimer"))
