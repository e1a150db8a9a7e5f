"""Page: compensation (body in ui/views/compensation.py)."""

from ui.frame import guarded
from ui.views.compensation import render

guarded(render)
