"""Page body: teaching (in progress)."""

from __future__ import annotations

import streamlit as st


def render() -> None:
    st.title("teaching")
