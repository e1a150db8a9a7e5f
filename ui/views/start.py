"""Start page: what FaceTort does, and where to begin."""

from __future__ import annotations

import streamlit as st

from ui import state
from ui.frame import link, t


def render() -> None:
    st.title(t("start.heading"))
    st.write(t("start.what"))
    st.markdown(t("start.steps"))
    st.markdown(t("start.who"))
    ans = state.answers()
    if ans.get("participants"):
        m, errs = state.validate()
        if m is not None:
            st.success(t("status.matter_ok"))
        else:
            st.warning(t("status.matter_bad", n=len(errs)))
    c1, c2, c3 = st.columns(3)
    with c1:
        link("interview", "go.interview")
    with c2:
        link("analysis", "go.analysis")
    with c3:
        link("teaching", "go.teaching")
    st.caption(t("start.resume"))
    st.info(t("app.disclaimer"))
