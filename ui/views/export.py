"""Export page: statement of claim, evidence list, claim memo, bench memo and similar-case search report as DOCX,
PDF and Markdown."""

from __future__ import annotations

import streamlit as st

from litigation.documents.export import FORMATS, KINDS, MIME, build, file_name
from litigation.documents.export import render as render_doc
from litigation.documents.render_md import to_markdown
from litigation.documents.render_pdf import NO_FONT, cjk_font
from litigation.documents.similar import SIMILAR_K
from ui import data, state
from ui.frame import lang, t
from ui.text import unlinked

KIND_KEYS = {"complaint": "ex.complaint", "evidence": "ex.evidence", "claim": "ex.claim", "bench": "ex.bench",
             "similar": "ex.similar"}


def _pref(key: str, pref: str) -> None:
    state.prefs()[pref] = st.session_state.get(key)


def render() -> None:
    from ui.views.analysis import invalid

    st.title(t("ex.heading"))
    st.caption(t("ex.intro"))
    m, errs = state.ready()
    if m is None:
        invalid(errs)
        return
    p = state.prefs()
    kinds = list(KINDS)
    labels = {k: t(v) for k, v in KIND_KEYS.items()}
    c1, c2 = st.columns([3, 2])
    with c1:
        kind = st.radio(t("ex.kind"), kinds, index=kinds.index(p.get("ex_kind", "claim")), key="ex_kind_w",
                        format_func=labels.__getitem__, on_change=_pref, args=("ex_kind_w", "ex_kind"))
    langs = ["zh", "en"]
    with c2:
        doc_lang = st.radio(t("ex.lang"), langs, index=langs.index(p.get("ex_lang", lang())), key="ex_lang_w",
                            format_func=lambda c: "中文" if c == "zh" else "English", horizontal=True,
                            on_change=_pref, args=("ex_lang_w", "ex_lang"))
    mode = p.get("mode", "current")
    if mode == "reform":
        st.warning(t("ex.reform_note"))
    total = p.get("total") if p.get("total_set") else state.claimed_total(m)
    a = state.analysis_of(m, mode, total)
    with st.spinner():
        r = data.research(m, mode, total, k=SIMILAR_K if kind == "similar" else 10)
    doc = build(kind, m, a, doc_lang, r)
    cols = st.columns(3)
    font_ok = cjk_font() is not None
    for col, fmt, key in zip(cols, FORMATS, ("ex.docx", "ex.pdf", "ex.md"), strict=True):
        with col:
            st.download_button(
                t(key), data=(lambda f=fmt: render_doc(doc, f)), file_name=file_name(kind, fmt, doc_lang),
                mime=MIME[fmt], key=f"ex_{fmt}", on_click="ignore", type="primary" if fmt == "docx" else "secondary",
                disabled=(fmt == "pdf" and not font_ok), icon=":material/download:", width="stretch")
    if not font_ok:
        st.warning(NO_FONT(lang()))
    st.markdown(f"**{t('ex.preview')}**")
    with st.container(height=560, border=True):
        st.markdown(unlinked(to_markdown(doc)))  # the browser would link a URL in user text
