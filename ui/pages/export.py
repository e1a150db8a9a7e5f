"""Page: export (body in ui/views/export.py)."""

from ui.frame import guarded
from ui.views.export import render

guarded(render)
