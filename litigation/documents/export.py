"""Exports: statement of claim (民事起诉状) and evidence list (证据目录), claim memo (for the claimant's lawyer),
bench memo (for the judge) and similar-case search report (类案检索报告), as Markdown, DOCX or PDF, in Chinese or English, with citations.

A document is first built as a list of `Block`s from the matter, its analysis and (optionally)
the comparable-case research; the renderers then write the same blocks. No streamlit.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from litigation.documents.bench import bench_memo
from litigation.documents.blocks import Doc, Kind
from litigation.documents.claim import claim_memo
from litigation.documents.complaint import complaint
from litigation.documents.evidence import evidence_list
from litigation.documents.render_docx import to_docx
from litigation.documents.render_md import to_markdown
from litigation.documents.render_pdf import to_pdf
from litigation.documents.research import Research
from litigation.documents.similar import similar_report
from litigation.facts.matter import Matter
from litigation.i18n import Lang
from litigation.law.analysis import Analysis

Format = Literal["md", "docx", "pdf"]
KINDS: tuple[Kind, ...] = ("complaint", "evidence", "claim", "bench", "similar")
FORMATS: tuple[Format, ...] = ("docx", "pdf", "md")
MIME = {"md": "text/markdown", "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
BUILDERS = {"complaint": complaint, "evidence": evidence_list, "claim": claim_memo, "bench": bench_memo,
            "similar": similar_report}


def build(kind: Kind, m: Matter, a: Analysis, lang: Lang, r: Research | None = None,
          today: dt.date | None = None) -> Doc:
    return BUILDERS[kind](m, a, lang, r, today)

def render(doc: Doc, fmt: Format) -> bytes:
    if fmt == "md":
        return to_markdown(doc).encode("utf-8")
    if fmt == "docx":
        return to_docx(doc)
    if fmt == "pdf":
        return to_pdf(doc)
    raise ValueError(fmt)


def export(kind: Kind, fmt: Format, m: Matter, a: Analysis, lang: Lang, r: Research | None = None,
           today: dt.date | None = None) -> bytes:
    """One call: build the document and write it in the format asked for."""
    return render(build(kind, m, a, lang, r, today), fmt)


def file_name(kind: Kind, fmt: Format, lang: Lang) -> str:
    stem = {"complaint": "statement-of-claim", "evidence": "evidence-list", "claim": "claim-memo", "bench": "bench-memo",
            "similar": "similar-case-report"}[kind]
    return f"facetort-{stem}-{lang}.{fmt}"
