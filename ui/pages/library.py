"""Page: library (body in ui/views/library.py)."""

from ui.frame import guarded
from ui.views.library import render

guarded(render)
