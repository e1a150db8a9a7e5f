"""FaceTort: the Streamlit app (a thin shell over the `litigation` package).

Run with `make run` (or `streamlit run app.py`). Pages live in ui/pages/; their bodies in ui/.
"""

from __future__ import annotations

import streamlit as st

from ui import frame
from ui import library as lib

st.set_page_config(page_title="FaceTort", page_icon="⚖️", layout="wide")
frame.init_lang()
frame.guarded(lib.attach)  # the matter library, if this tab has one open (also after a reload)
nav = st.navigation(frame.pages())
frame.guarded(frame.language_switch)
frame.guarded(lib.sidebar)
frame.disclaimer()
nav.run()
frame.guarded(lib.autosave)  # after the page: every change of this run is kept
