"""The bench memo: the judge's working draft.
"""

from __future__ import annotations

import datetime as dt

from litigation.documents.blocks import Doc
from litigation.documents.issues import draft_judgment, focus_section
from litigation.documents.names import localise_names
from litigation.documents.research import Research
from litigation.documents.sections import (
    burden,
    citation_index,
    comparables,
    compensation,
    defences,
    finding_line,
    flags,
    governing_law,
    grounds,
    header,
    liability,
    parties,
    remedies,
)
from litigation.facts.matter import Matter
from litigation.i18n import Lang, T
from litigation.law.analysis import Analysis


def bench_memo(m: Matter, a: Analysis, lang: Lang, r: Research | None = None, today: dt.date | None = None) -> Doc:
    zh = lang == "zh"
    names = {p.id: p.name for p in m.participants}
    doc = Doc(lang)
    header(doc, "bench", m, a, lang, today or dt.date.today())
    parties(doc, m, lang)
    focus_section(doc, m, a, lang, names)
    governing_law(doc, a, lang, names)
    doc.h1("举证责任分配" if zh else "Allocation of the burden of proof")
    burden(doc, a, lang, names)
    grounds(doc, m, a, lang, names, include_open=True)
    defences(doc, a, lang, names, T("抗辩审查", "Defences"))
    liability(doc, a, lang, names)
    remedies(doc, a, lang, names, advise=False)
    compensation(doc, m, a, lang, r)
    draft_judgment(doc, m, a, lang)
    comparables(doc, lang, r, top=5, title=T("参考的类案", "Similar cases consulted"))
    opens = [f for v in a.grounds.values() for f in v if f.holds is None] + \
        [f for v in a.defenses.values() for f in v if f.holds is None]
    doc.h1("待查明的事实" if zh else "Facts still to be found")
    if not opens:
        doc.p("无。" if zh else "None.")
    for f in opens:
        doc.bullet(finding_line(f, lang, names, with_status=False))
    flags(doc, a, lang, names)
    citation_index(doc, a, lang)
    localise_names(doc, m, lang)
    return doc
