"""Page: analysis (body in ui/views/analysis.py)."""

from ui.frame import guarded
from ui.views.analysis import render

guarded(render)
