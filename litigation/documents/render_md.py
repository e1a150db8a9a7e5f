"""Markdown renderer of a `Doc`, and `md_text`, which makes any text render literally in Markdown.

Every block's text passes through `md_text`: user text (names, notes, titles) can then never become
HTML, a link, an image, an autolink or a heading, in this file or in any viewer that opens it.
"""

from __future__ import annotations

import re

from litigation.documents.blocks import Doc
from litigation.facts.bounds import clean_text

_SPECIAL = frozenset("\\`*_{}[]<>#|~$&!^")
_BULLET = re.compile(r"^([-+=])")          # a list item or a setext heading's underline
_ORDERED = re.compile(r"^(\d+)([.)])")     # an ordered list item
_LINKISH = re.compile(r"(:)(//)|(www)(\.)|(@)", re.IGNORECASE)  # what GFM turns into links on its own


def _unlink(m: re.Match[str]) -> str:
    if m.group(5):
        return "\\@"
    if m.group(1):
        return ":\\/\\/"
    return m.group(3) + "\\."


def md_text(s: object, one_line: bool = False) -> str:
    """`s` as Markdown that shows exactly its characters: every markup character is backslash-escaped,
    URLs and e-mail addresses are kept from becoming links, each line is trimmed and blank lines dropped;
    lines are joined by hard line breaks (or by spaces with `one_line`, for headings and table cells)."""
    lines = []
    for line in clean_text(str(s)).split("\n"):
        line = line.strip()
        if not line:
            continue
        line = "".join("\\" + c if c in _SPECIAL else c for c in line)
        line = _LINKISH.sub(_unlink, line)
        line = _ORDERED.sub(r"\1\\\2", _BULLET.sub(r"\\\1", line))
        lines.append(line)
    return (" " if one_line else "  \n").join(lines)


def _cell(s: str) -> str:
    return md_text(s, one_line=True) or " "


def to_markdown(doc: Doc) -> str:
    out: list[str] = []
    for b in doc.blocks:
        if b.kind != "bullet" and out and out[-1].startswith("- "):
            out.append("")  # end the list
        if b.kind == "title":
            out += [f"# {md_text(b.text, one_line=True)}", ""]
        elif b.kind == "h1":
            out += [f"## {md_text(b.text, one_line=True)}", ""]
        elif b.kind == "h2":
            out += [f"### {md_text(b.text, one_line=True)}", ""]
        elif b.kind == "p":
            out += [md_text(b.text), ""]
        elif b.kind == "bullet":
            out.append(f"- {md_text(b.text)}")
        elif b.kind == "note":
            out += [f"> {md_text(b.text)}", ""]
        elif b.kind == "table":
            out.append("| " + " | ".join(_cell(h) for h in b.header) + " |")
            out.append("|" + "---|" * len(b.header))
            out += ["| " + " | ".join(_cell(c) for c in r) + " |" for r in b.rows]
            out.append("")
    return "\n".join(out).rstrip() + "\n"
