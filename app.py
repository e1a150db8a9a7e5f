"""FaceTort: the Streamlit app (a thin shell over the `litigation` package).

Run with `make run` (or `streamlit run app.py`). Pages live in ui/pages/; their bodies in ui/.
"""

from __future__ import annotations

import streamlit as st

from ui import frame

st.set_page_config(page_title="FaceTort", page_icon="⚖️", layout="wide")
frame.init_lang()
nav = st.navigation(frame.pages())
frame.guarded(frame.language_switch)
frame.disclaimer()
nav.run()
