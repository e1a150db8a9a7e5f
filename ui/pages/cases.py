"""Page: cases (body in ui/views/cases.py)."""

from ui.frame import guarded
from ui.views.cases import render

guarded(render)
