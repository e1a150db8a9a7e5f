"""Bilingual names as the scenarios write them ('郭兵 Guo Bing', '双人年卡 / two-person pass', a matter title
'郭兵诉… / Guo Bing v. …'), shown in the document's language.
"""

from __future__ import annotations

import re

from litigation.documents.blocks import Doc
from litigation.facts.matter import Matter
from litigation.i18n import Lang

_TAIL = re.compile(r"^(.*[\u3400-\u9fff）】」》])\s+[A-Za-z(][\x20-\x7e]*$")
_SLASH = re.compile(r"^(.*[\u3400-\u9fff].*?)\s+/\s+([\x20-\x7e]+)$")


def display_name(name: str, lang: Lang) -> str:
    """Bilingual text as the scenarios write it ('郭兵 Guo Bing', '双人年卡 / two-person pass'): in a Chinese
    document the Chinese part, in an English one the English part after a ' / '."""
    s = name.strip()
    hit = _SLASH.match(s)
    if hit:
        return hit.group(1) if lang == "zh" else hit.group(2)
    if lang == "zh":
        hit = _TAIL.match(s)
        if hit:
            return hit.group(1)
    return s


def localise_names(doc: Doc, m: Matter, lang: Lang) -> None:
    """Write the matter's title, every party's name and the contract terms in the document's language (see
    `display_name`)."""
    raw = [m.title, m.claimant.name] + [p.name for p in m.participants] + [p.contract.promised for p in m.participants]
    pairs = sorted({(x, display_name(x, lang)) for x in raw if x and display_name(x, lang) != x},
                   key=lambda t: -len(t[0]))
    if not pairs:
        return

    def fix(s: str) -> str:
        for a, b in pairs:
            s = s.replace(a, b)
        return s

    for b in doc.blocks:
        b.text = fix(b.text)
        b.header = [fix(h) for h in b.header]
        b.rows = [[fix(c) for c in r] for r in b.rows]
