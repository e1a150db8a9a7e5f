"""The bench memo: the judge's working draft.
"""

from __future__ import annotations

import datetime as dt

from litigation.documents.blocks import Doc
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
    doc = Doc()
    header(doc, "bench", m, a, lang, today or dt.date.today())
    parties(doc, m, lang)
    doc.h1("争议焦点" if zh else "Issues")
    issues = [
        T("被告是否实施了人脸信息处理行为，是否违反人脸识别规定第2条等规定", "Whether the defendants processed the face "
           "information and breached SPC Face Provisions Art 2 and related rules"),
        T("被告的同意抗辩或免责事由能否成立", "Whether the defendants' consent defence or exemptions hold"),
        T("损害及因果关系是否成立；过错推定是否被推翻", "Whether damage and causation are shown; whether presumed "
           "fault is rebutted"),
        T("多名参与者之间责任如何承担", "How liability is shared among the participants"),
        T("原告各项诉讼请求能否支持及赔偿数额", "Which requests succeed, and the amount"),
    ]
    for i, s in enumerate(issues, 1):
        doc.bullet(f"{i}. {s(lang)}")
    governing_law(doc, a, lang, names)
    doc.h1("举证责任分配" if zh else "Allocation of the burden of proof")
    burden(doc, a, lang, names)
    grounds(doc, m, a, lang, names, include_open=True)
    defences(doc, a, lang, names, T("抗辩审查", "Defences"))
    liability(doc, a, lang, names)
    remedies(doc, a, lang, names, advise=False)
    compensation(doc, m, lang, r)
    comparables(doc, lang, r, top=5)
    opens = [f for v in a.grounds.values() for f in v if f.holds is None] + \
        [f for v in a.defenses.values() for f in v if f.holds is None]
    doc.h1("待查明的事实" if zh else "Facts still to be found")
    if not opens:
        doc.p("无。" if zh else "None.")
    for f in opens:
        doc.bullet(finding_line(f, lang, names, with_status=False))
    flags(doc, a, lang, names)
    citation_index(doc, a, lang)
    return doc
