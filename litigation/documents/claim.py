"""The claim memo: the claimant's lawyer's working draft.
"""

from __future__ import annotations

import datetime as dt

from litigation.documents.blocks import Doc
from litigation.documents.names import localise_names
from litigation.documents.research import Research
from litigation.documents.sections import (
    burden,
    citation_index,
    comparables,
    compensation,
    defences,
    flags,
    governing_law,
    grounds,
    header,
    liability,
    parties,
    remedies,
)
from litigation.facts.labels import label
from litigation.facts.matter import Matter
from litigation.i18n import Lang, T
from litigation.law.analysis import Analysis


def claim_memo(m: Matter, a: Analysis, lang: Lang, r: Research | None = None, today: dt.date | None = None) -> Doc:
    zh = lang == "zh"
    names = {p.id: p.name for p in m.participants}
    doc = Doc(lang)
    header(doc, "claim", m, a, lang, today or dt.date.today())
    doc.h1("结论摘要" if zh else "Summary")
    liable = [d for d in a.liability.defendants if d.external != "none"]
    doc.bullet(f"侵权认定：{'构成侵权' if a.infringement_found else '未认定侵权'}" if zh else
                f"Infringement: {'found' if a.infringement_found else 'not found'}")
    doc.bullet(f"应承担责任的被告：{'、'.join(d.name for d in liable) or '无'}" if zh else
                f"Defendants liable: {', '.join(d.name for d in liable) or 'none'}")
    doc.bullet(f"可获支持的救济：{'、'.join(label('remedy', c, lang) for c in a.remedy_codes()) or '无'}" if zh else
                f"Remedies available: {', '.join(label('remedy', c, lang) for c in a.remedy_codes()) or 'none'}")
    parties(doc, m, lang)
    governing_law(doc, a, lang, names)
    grounds(doc, m, a, lang, names, include_open=False)
    defences(doc, a, lang, names, T("对方可能的抗辩及评估", "Expected defences and how they fare"))
    doc.h1("举证责任与证据准备" if zh else "Burden of proof and evidence to gather")
    doc.p("原告须证明的事项（请对照证据清单补强“缺失”“有争议”的项目）：" if zh else
          "What the claimant must prove (strengthen the items marked missing or contested):")
    burden(doc, a, lang, names, only="claimant")
    doc.p("被告须证明的事项（被告证明不了的，由其承担不利后果）：" if zh else
          "What the defendants must prove (they bear the consequence if they cannot):")
    burden(doc, a, lang, names, only="defendant")
    liability(doc, a, lang, names)
    remedies(doc, a, lang, names, advise=True)
    compensation(doc, m, a, lang, r)
    comparables(doc, lang, r, top=5)
    flags(doc, a, lang, names)
    citation_index(doc, a, lang)
    localise_names(doc, m, lang)
    return doc
