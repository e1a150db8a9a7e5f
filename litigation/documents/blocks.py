"""A document as a list of blocks (title, headings, paragraphs, bullets, tables, notes): what every
document builder writes and every renderer reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from litigation.i18n import Text

Kind = Literal["complaint", "evidence", "claim", "bench", "similar"]


class ExportError(RuntimeError):
    """An export that cannot be made (e.g. no CJK font for PDF); carries both languages."""

    def __init__(self, text: Text):
        self.text = text
        super().__init__(text.en)


# --------------------------------------------------------------------------- blocks
@dataclass
class Block:
    kind: Literal["title", "h1", "h2", "p", "bullet", "table", "note"]
    text: str = ""
    header: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


class Doc:
    def __init__(self, lang: str = "zh") -> None:
        self.blocks: list[Block] = []
        self.lang = lang  # the language of the document's own words (the PDF's page footer)

    def title(self, s: str) -> None:
        self.blocks.append(Block("title", s))

    def h1(self, s: str) -> None:
        self.blocks.append(Block("h1", s))

    def h2(self, s: str) -> None:
        self.blocks.append(Block("h2", s))

    def p(self, s: str) -> None:
        self.blocks.append(Block("p", s))

    def bullet(self, s: str) -> None:
        self.blocks.append(Block("bullet", s))

    def note(self, s: str) -> None:
        self.blocks.append(Block("note", s))

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        self.blocks.append(Block("table", header=header, rows=[[str(c) for c in r] for r in rows]))
