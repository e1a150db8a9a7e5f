"""Page: start (body in ui/views/start.py)."""

from ui.frame import guarded
from ui.views.start import render

guarded(render)
