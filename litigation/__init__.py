"""FaceTort: decision support for PRC face-information tort litigation.

The domain logic lives here and never imports streamlit; `app.py` and the command line
(`python -m litigation ...`) are thin shells over it.
"""

__version__ = "0.1.0"
