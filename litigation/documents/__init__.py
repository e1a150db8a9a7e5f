"""Documents: what a person reads — the Markdown analysis (`report`), each document (`claim`, `bench`,
`similar`, built from shared `sections` into `blocks`, with the comparable-case `research`), the
renderers (`render_md`, `render_docx`, `render_pdf`) and `export`, which ties them together.

A new document is a new module here that builds a `blocks.Doc`; the renderers need no change. May
import damages, law, facts, cases and `litigation.i18n`; never streamlit.
"""
