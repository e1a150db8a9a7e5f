"""The similar-case search report (类案检索报告).
"""

from __future__ import annotations

import datetime as dt

from litigation.documents.blocks import Doc
from litigation.documents.research import Research
from litigation.documents.sections import (
    citation_index,
    cite_list,
    comparables,
    header,
    money,
    outcome,
    parties,
)
from litigation.facts.labels import label
from litigation.facts.matter import Matter
from litigation.i18n import Lang, T
from litigation.law.analysis import Analysis


def similar_report(m: Matter, a: Analysis | None, lang: Lang, r: Research | None = None,
                   today: dt.date | None = None) -> Doc:
    """类案检索报告, following the items of the SPC Guiding Opinions on similar-case retrieval
    (2020): who searched, when, where, how, the results, the holdings, and the conclusion."""
    zh = lang == "zh"
    today = today or dt.date.today()
    doc = Doc()
    header(doc, "similar", m, a, lang, today)
    doc.h1("一、检索说明" if zh else "1. The search")
    n = r.n_cases if r else 0
    rows = [
        ["检索主体" if zh else "Searched by", "（填写检索人、所在法院或律所）" if zh else "(name, court or firm)"],
        ["检索时间" if zh else "Date", today.isoformat()],
        ["检索平台" if zh else "Platform", (f"FaceTort 案例数据集（{n} 件裁判、调解及相关处理，来源：两份案例卷宗）" if zh else
                                           f"FaceTort case dataset ({n} decisions, mediations and related matters, "
                                           "from two case dossiers)")],
        ["检索方法" if zh else "Method", ("按法律上相关的因素加权计算相似度：场景（权重 3）、泄露、商业获利（1.5）、是否人脸案件、公众人物、未成年人、"
                                          "唯一验证方式、同意类型、被告类型（1）、法院层级、省份、年份（0.5）；未知因素计半数差异。" if zh else
                                          "Similarity weighted over legally relevant factors: setting (weight 3); leak, "
                                          "commercial profit (1.5); face case, public figure, minor, sole verification "
                                          "method, consent type, defendant kinds (1); court level, province, year (0.5). "
                                          "An unknown factor counts as half a difference.")],
        ["检索范围与顺序" if zh else "Scope and order", ("依《最高人民法院关于统一法律适用加强类案检索的指导意见（试行）》，应优先检索指导性案例、"
                                                         "最高人民法院典型案例和裁判、本省高院及上一级法院的案例；本数据集仅为辅助，须在中国裁判文书网等官方平台核实。"
                                                         if zh else
                                                         "Under the SPC Guiding Opinions on similar-case retrieval "
                                                         "(2020), guiding cases, SPC typical cases and decisions, and "
                                                         "decisions of the provincial high court and the court above "
                                                         "come first; this dataset is an aid only — verify on official "
                                                         "platforms such as China Judgments Online.")],
    ]
    doc.table(["项目", "内容"] if zh else ["Item", "Details"], rows)
    doc.h1("二、待决案件基本情况" if zh else "2. The pending case")
    parties(doc, m, lang)
    if a is not None:
        doc.p(("初步分析：" if zh else "Preliminary analysis: ") +
              (("构成侵权" if a.infringement_found else "未认定侵权") if zh else
               ("infringement found" if a.infringement_found else "no infringement found")) +
              (("；依据：" if zh else "; grounds: ") + cite_list(a.ground_citations(), lang) if a.infringing else ""))
    doc.h1("三、检索结果" if zh else "3. Results")
    if r is None or not r.comparables:
        doc.p(("未检索到类案。" if zh else "No comparable decisions found.") + (r.error(lang) if r and r.error else ""))
    else:
        comparables(doc, lang, r, top=len(r.comparables), title=T("类案列表（按相似度排序）",
                                                                   "Comparable decisions (most similar first)"))
        doc.h1("四、类案裁判要点" if zh else "4. What the decisions held")
        for c in r.comparables:
            d = r.details.get(c.case_id, {})
            doc.h2(f"{c.case_id} {c.case_name(lang)}")
            same = ("、" if zh else ", ").join(x(lang) for x in c.matches) or "—"
            diff = ("、" if zh else ", ").join(x(lang) for x in c.differs) or "—"
            unk = ("、" if zh else ", ").join(x(lang) for x in c.unknown) or "—"
            doc.bullet(f"法院：{c.court.zh}（{label('court_level', c.court_level, lang)}，{c.province or '—'}，"
                        f"{c.year or '—'}）；案号：{d.get('case_no') or '—'}" if zh else
                        f"Court: {c.court.en} ({label('court_level', c.court_level, lang)}, {c.province or '—'}, "
                        f"{c.year or '—'}); case no.: {d.get('case_no') or '—'}")
            doc.bullet(f"结果：{outcome(c.outcome, lang)}；判赔 {money(c.awarded_total)}（请求 {money(c.claimed_total)}）"
                        if zh else f"Outcome: {outcome(c.outcome, lang)}; award {money(c.awarded_total)} "
                                   f"(claimed {money(c.claimed_total)})")
            doc.bullet(f"相似度 {c.similarity:.0%}；相同因素：{same}；不同因素：{diff}；未知：{unk}" if zh else
                        f"Similarity {c.similarity:.0%}; same: {same}; differs: {diff}; unknown: {unk}")
            if d.get("legal_bases_cited"):
                doc.bullet(("援引法条：" if zh else "Provisions cited: ") + str(d["legal_bases_cited"]))
            if d.get("notes"):
                doc.bullet(("要点（数据集注释，英文）：" if zh else "Holding notes: ") + str(d["notes"]))
            if c.source:
                doc.bullet(("来源：" if zh else "Source: ") + c.source)
            if c.source_urls:
                doc.bullet(("链接：" if zh else "Links: ") + c.source_urls.replace(";", " "))
    doc.h1("五、检索结论" if zh else "5. Conclusion")
    if r is not None and r.comparables:
        awards = sorted(c.awarded_total for c in r.comparables if c.awarded_total is not None)
        if awards:
            mid = awards[len(awards) // 2]
            doc.p(f"检索到 {len(r.comparables)} 件类案，其中 {len(awards)} 件有判赔金额，范围 {money(awards[0])}～{money(awards[-1])}，"
                   f"中位数约 {money(mid)}。" if zh else
                   f"{len(r.comparables)} comparable decisions; {len(awards)} with an award, from "
                   f"{money(awards[0])} to {money(awards[-1])}, median about {money(mid)}.")
        est = r.estimate
        if est is not None and est.total.range.median is not None:
            t = est.total
            doc.p(f"依类案估算的判赔总额中位数 {money(t.range.median)}，80% 区间 {money(t.range.low80)}～"
                   f"{money(t.range.high80)}（n={t.n}）。" if zh else
                   f"Estimated total award: median {money(t.range.median)}, 80% range {money(t.range.low80)}–"
                   f"{money(t.range.high80)} (n={t.n}).")
    doc.note("类案仅供参考，不具有约束力；相似度依据录入事实和数据集编码计算，须由检索人逐案核实裁判文书原文。" if zh else
             "Comparable decisions are persuasive only, never binding. Similarity rests on the facts entered and the "
             "dataset's coding; the searcher must check each decision's full text.")
    if a is not None:
        citation_index(doc, a, lang)
    return doc
