"""Page: teaching (body in ui/views/teaching.py)."""

from ui.frame import guarded
from ui.views.teaching import render

guarded(render)
