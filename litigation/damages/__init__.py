"""Damages: compensation heads and the estimator (`compensation`), comparable decisions and retrieval
(`comparables`), and local per-capita income (`income`).

A new head of damage goes into `compensation`. May import `law`, `facts`, `cases` and
`litigation.i18n`; never documents or streamlit.
"""
