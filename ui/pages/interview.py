"""Page: interview (body in ui/views/interview.py)."""

from ui.frame import guarded
from ui.views.interview import render

guarded(render)
