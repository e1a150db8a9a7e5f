"""Markdown renderer of a `Doc`.
"""

from __future__ import annotations

from litigation.documents.blocks import Doc


# --------------------------------------------------------------------------- writers
def _md_cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def to_markdown(doc: Doc) -> str:
    out: list[str] = []
    for b in doc.blocks:
        if b.kind != "bullet" and out and out[-1].startswith("- "):
            out.append("")  # end the list
        if b.kind == "title":
            out += [f"# {b.text}", ""]
        elif b.kind == "h1":
            out += [f"## {b.text}", ""]
        elif b.kind == "h2":
            out += [f"### {b.text}", ""]
        elif b.kind == "p":
            out += [b.text, ""]
        elif b.kind == "bullet":
            out.append(f"- {b.text}")
        elif b.kind == "note":
            out += [f"> {b.text}", ""]
        elif b.kind == "table":
            out.append("| " + " | ".join(_md_cell(h) for h in b.header) + " |")
            out.append("|" + "---|" * len(b.header))
            out += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in b.rows]
            out.append("")
    return "\n".join(out).rstrip() + "\n"
