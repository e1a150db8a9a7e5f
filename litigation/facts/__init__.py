"""Facts: the matter model (`matter`), its validation and file reading (`validation`), the labels of its
stable codes (`labels`), and the guided interview as data (`questions`, `steps`, `answers`).

This is the bottom layer: it may import only `litigation.i18n`, never the law, damages, cases or
documents, and never streamlit.
"""
