"""Damages: compensation heads and the estimator (`compensation`), comparable decisions and retrieval
(`comparables`), local per-capita income (`income`), and what the page and the memos say about an
estimate (`explain`).

A new head of damage goes into `compensation`. May import `law`, `facts`, `cases` and
`litigation.i18n`; never documents or streamlit.
"""
