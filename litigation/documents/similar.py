"""The similar-case search report (类案检索报告), in the form the SPC's 2020 guidance on similar-case search asks
for: who searched, when, on which platforms and how; the results, with only decisions in force counted as 类案
and ordered by the guidance's search tiers and recency; for each 类案 its number, court, date, basic facts,
holding (裁判要旨, quoted only where a source gives the Chinese text), and what is the same and what differs from
the pending case; and a conclusion on whether the 类案 agree and what follows.

The sorting is in `similar_select`. What the report says about the guidance rests on the texts listed in
`GUIDANCE_SOURCES` (the official text was not available to the project; re-check before formal use).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from litigation.documents.blocks import Doc
from litigation.documents.names import localise_names
from litigation.documents.research import Research
from litigation.documents.sections import (
    case_label,
    citation_index,
    cite_list,
    header,
    money,
    outcome,
    parties,
    yes_no,
)
from litigation.documents.similar_select import TIERS, Entry, agreement, sort_entries, three_years_before
from litigation.facts.labels import label
from litigation.facts.matter import Matter
from litigation.i18n import Lang, T, Text
from litigation.law.analysis import Analysis

GUIDANCE = T("《最高人民法院关于统一法律适用加强类案检索的指导意见（试行）》（2020年7月27日发布，2020年7月31日起试行）",
             "SPC Guiding Opinions on Unifying the Application of Law by Strengthening Similar-Case Search (Trial), "
             "issued 2020-07-27, in trial effect from 2020-07-31")
# Where each statement about the guidance was read (third-party reprints and summaries; no official copy was found).
GUIDANCE_SOURCES: tuple[tuple[Text, str], ...] = (
    (T("第一条、第二条、第四条第（一）至（三）项条文转载", "Arts 1, 2 and 4(1)-(3), reprinted text"),
     "https://www.yule263.com/wenku/rebbg/VnAxy7Xg6N"),
    (T("第四条所列四类检索范围（上海市宝山区人民法院类案检索报告样表说明）",
       "the four search categories of Art 4 (note to the Shanghai Baoshan court's report template)"),
     "https://jjdlawyer.com/archives/lei-an-jian-suo-bao-gao-yang-biao.html"),
    (T("第九条（指导性案例应当参照）、第十四条（试行日期）（律师事务所评述）",
       "Art 9 (guiding cases must be referred to) and Art 14 (trial date), law-firm summary"),
     "https://hankunlaw.com/portal/article/index/cid/8/id/6304"),
    (T("第七条（对类案检索情况予以说明或制作类案检索报告）（论文引述）",
       "Art 7 (explain the search or make a search report), as quoted in a journal article"),
     "https://m.fx361.cc/news/2021/0213/17115364.html"),
)
ART1 = "与待决案件在基本事实、争议焦点、法律适用问题等方面具有相似性，且已经人民法院裁判生效的案件"


SIMILAR_K = 20  # the report searches wider than the memos' top ten: 类案 must not be missed for want of a slot


def _join(xs: list[str], lang: Lang) -> str:
    return ("、" if lang == "zh" else ", ").join(xs) or "—"


def _platform(r: Research | None, lang: Lang) -> str:
    zh = lang == "zh"
    n, own = (r.n_cases, r.n_own) if r else (0, 0)
    bundled = n - own
    s = (f"FaceTort 案例数据集（{bundled} 件裁判、调解及相关处理，均出自项目两份案例卷宗）" if zh else
         f"FaceTort case dataset ({bundled} decisions, mediations and related matters, all from the project's two "
         "case dossiers)")
    if own:
        name = Path(r.source).name if r and r.source else ""
        s += (f"；用户自有案例集 {own} 件（{name}）" if zh else f"; the user's own collection, {own} rows ({name})")
    else:
        s += "；未载入用户自有案例集" if zh else "; no own collection loaded"
    return s + ("。正式使用前须在中国裁判文书网、人民法院案例库核实。" if zh else
                ". Verify on China Judgments Online and the SPC case library before formal use.")


def _method(m: Matter, a: Analysis | None, lang: Lang, k: int) -> str:
    zh = lang == "zh"
    kinds = sorted({p.kind for p in m.participants if p.defendant})
    words = (["人脸识别", "人脸信息"] if zh else ["face recognition", "face information"]) + \
        ([label("setting", m.setting, lang)] if m.setting else []) + [label("kind", k, lang) for k in kinds]
    arts = cite_list(a.ground_citations(), lang) if a is not None and a.infringing else "—"
    return (f"关键词：{_join(words, lang)}；法条：{arts}；相似度按法律上相关的因素加权计算：场景（权重 3）、泄露、商业获利（1.5）、"
            "是否人脸案件、公众人物、未成年人、唯一验证方式、同意类型、被告类型（1）、法院层级、省份、年份（0.5），未知因素计半数差异，"
            f"取相似度最高的 {k} 件。本工具按数据集编码比对，未作全文检索；关键词和法条供在官方平台复核时使用。" if zh else
            f"Keywords: {_join(words, lang)}; provisions: {arts}. Similarity is weighted over legally relevant "
            "factors: setting (3); leak, commercial profit (1.5); face case, public figure, minor, sole verification "
            "method, consent type, defendant kinds (1); court level, province, year (0.5); an unknown factor counts "
            f"as half a difference; the {k} most similar are kept. The tool compares the dataset's coding, not full "
            "texts; the keywords and "
            "provisions are for re-checking on the official platforms.")


def _date(e: Entry) -> str:
    return str(e.d.get("decision_date_text") or e.year or "—")


def _result_table(doc: Doc, entries: list[Entry], lang: Lang) -> None:
    zh = lang == "zh"
    if not entries:
        doc.p("无。" if zh else "None.")
        return
    rows = [[str(i), e.c.case_id, TIERS[e.tier](lang), e.d.get("case_no") or "—", e.c.court(lang), _date(e),
             yes_no(e.recent, lang), outcome(e.c.outcome, lang), f"{e.c.similarity:.0%}"]
            for i, e in enumerate(entries, 1)]
    doc.table(["序号", "编号", "检索顺位", "案号", "法院", "裁判日期", "近三年", "结果", "相似度"] if zh else
              ["No.", "ID", "Search tier", "Case no.", "Court", "Decided", "Last 3 years", "Outcome", "Similarity"],
              rows)


def _facts(e: Entry, lang: Lang) -> str:
    zh, d = lang == "zh", e.d
    tri = {True: yes_no(True, lang), False: yes_no(False, lang)}
    parts = [
        ("场景" if zh else "setting", case_label("scenario", d.get("scenario"), lang)),
        ("被告" if zh else "defendants", case_label("defendant_kinds", d.get("defendant_kinds"), lang)),
        ("同意" if zh else "consent", case_label("consent_type", d.get("consent_type"), lang)),
        ("唯一验证方式" if zh else "sole verification method", tri.get(d.get("sole_verification_method"), "—")),
        ("泄露" if zh else "leak", tri.get(d.get("leak"), "—")),
        ("案由" if zh else "cause of action", str(d.get("cause_of_action_zh") or "—") if zh else
         case_label("cause_of_action", d.get("cause_of_action"), lang)),
        ("侵权认定" if zh else "infringement found", tri.get(d.get("infringement_found"), "—")),
        ("结果" if zh else "outcome", outcome(e.c.outcome, lang)),
        ("判赔" if zh else "award", f"{money(e.c.awarded_total)}（请求 {money(e.c.claimed_total)}）" if zh else
         f"{money(e.c.awarded_total)} (claimed {money(e.c.claimed_total)})"),
    ]
    sep = "；" if zh else "; "
    return sep.join(f"{k}：{v}" if zh else f"{k}: {v}" for k, v in parts)


def _differs(e: Entry, lang: Lang) -> list[str]:
    out = [x(lang) for x in e.c.differs]
    kind = e.d.get("claimant_kind")
    if kind and kind != "individual":
        out.append(f"起诉主体为{case_label('claimant_kind', kind, lang)}" if lang == "zh" else
                   f"brought by a {case_label('claimant_kind', kind, lang)}")
    if e.c.procedure in ("civil_pil", "criminal_incidental_pil"):
        out.append("公益诉讼（赔偿归于公益）" if lang == "zh" else "public-interest suit (damages go to the public interest)")
    return out


def _holding(doc: Doc, e: Entry, lang: Lang) -> None:
    zh, d = lang == "zh", e.d
    held, src = d.get("holding_zh"), d.get("holding_source")
    if held:
        doc.bullet(f"裁判要旨（来源载明的中文原文）：“{held}”（出处：{src}）" if zh else
                   f"Holding (the Chinese text as the source quotes it): “{held}” (source: {src})")
        return
    doc.bullet("裁判要旨：未见公开来源载有裁判要旨原文；以下为本工具据公开报道整理的案情要点，不是法院原文。" if zh else
               "Holding: no published text of the holding was found; what follows are the tool's notes from public "
               "reports, not the court's words.")
    if d.get("notes"):
        doc.bullet(("案情要点（数据集注释，英文）：" if zh else "Notes (dataset, English): ") + str(d["notes"]))


def _case(doc: Doc, i: int, e: Entry, lang: Lang) -> None:
    zh, c, d = lang == "zh", e.c, e.d
    doc.h2(f"{i}. {c.case_id} {c.case_name(lang)}")
    city = d.get("city")
    where = "".join(x for x in (c.province, city if city != c.province else None) if x) or "—"
    doc.bullet(f"案号：{d.get('case_no') or '未见公开来源'}；法院：{c.court.zh or '—'}（{case_label('court_level', c.court_level, lang)}，"
               f"{where}）；裁判日期：{_date(e)}；审级：{case_label('instance', d.get('instance'), lang)}" if zh else
               f"Case no.: {d.get('case_no') or 'not found in any source'}; court: {c.court.en or '—'} "
               f"({case_label('court_level', c.court_level, lang)}, {where}); decided: {_date(e)}; instance: "
               f"{case_label('instance', d.get('instance'), lang)}")
    tier = TIERS[e.tier](lang) + (f"（{e.tier_note(lang)}）" if zh and e.tier_note else
                                  f" ({e.tier_note(lang)})" if e.tier_note else "")
    doc.bullet(("检索顺位：" if zh else "Search tier: ") + tier)
    doc.bullet(("生效情况：" if zh else "Finality: ") + (("已生效" if zh else "final") if e.reason is None else
                                                        e.reason(lang)))
    doc.bullet(("基本案情（本工具据数据集编码整理）：" if zh else "Basic facts (from the dataset's coding): ") + _facts(e, lang))
    _holding(doc, e, lang)
    if d.get("legal_bases_cited"):
        doc.bullet(("援引法条：" if zh else "Provisions cited: ") + str(d["legal_bases_cited"]))
    doc.bullet(("相同点：" if zh else "Same as the pending case: ") + _join([x(lang) for x in c.matches], lang))
    doc.bullet(("不同点：" if zh else "Different: ") + _join(_differs(e, lang), lang))
    doc.bullet(f"未知（无法比较）：{_join([x(lang) for x in c.unknown], lang)}；相似度 {c.similarity:.0%}" if zh else
                f"Unknown (cannot compare): {_join([x(lang) for x in c.unknown], lang)}; similarity {c.similarity:.0%}")
    if c.source:
        doc.bullet(("来源：" if zh else "Source: ") + c.source)
    if c.source_urls:
        doc.bullet(("链接：" if zh else "Links: ") + c.source_urls.replace(";", " "))


def _conclusion(doc: Doc, entries: list[Entry], a: Analysis | None, r: Research | None, lang: Lang) -> None:
    zh = lang == "zh"
    ag = agreement(entries)
    n_verify = sum(e.group == "verify" for e in entries)
    if ag.n == 0:
        doc.p("未检索到生效类案，不能据此判断裁判尺度是否统一。应在中国裁判文书网、人民法院案例库等平台扩大检索；"
              "仍无类案的，属于缺乏明确裁判规则的情形（指导意见第二条第（二）项所列应当进行类案检索的情形之一），宜提交专业（主审）法官会议讨论。"
              if zh else
              "No 类案 in force was found, so nothing can be said about whether the courts agree. Widen the search "
              "(China Judgments Online, the SPC case library); if there is still none, the case lacks a settled rule "
              "(one of the situations in which Art 2(2) of the guidance requires a search) and may go to the "
              "professional judges' meeting.")
    else:
        doc.p(f"检索到生效类案 {ag.n} 件：{ag.found} 件认定侵权或处理违法，{ag.not_found} 件未予认定，{ag.unstated} 件未载明。" if zh
              else f"{ag.n} 类案 in force: {ag.found} held the processing unlawful, {ag.not_found} did not, "
                   f"{ag.unstated} do not say.")
        if ag.divergent:
            doc.p("类案裁判结论存在分歧。建议在合议庭评议和审理报告中说明分歧及各案区别，并提交专业（主审）法官会议讨论，统一法律适用。" if zh
                  else "The 类案 disagree. Explain the divergence and how the cases differ in the panel's "
                       "deliberation and the trial report, and put the question to the professional (presiding) "
                       "judges' meeting to unify the application of law.")
        elif ag.majority is not None:
            doc.p("类案裁判结论一致，可作为裁判参考；除指导性案例应当参照外（第九条），其他类案仅供参考，拟作不同裁判的须说明理由。" if zh else
                   "The 类案 agree and may be relied on as reference; only guiding cases must be referred to "
                   "(Art 9), the others are persuasive, and a different decision must give its reasons.")
        if ag.guiding:
            doc.p("检索到指导性案例，审理类似案件应当参照（第九条）。" if zh else
                  "A guiding case was found: similar cases must refer to it (Art 9).")
        if a is not None and ag.majority is not None:
            own = ("构成侵权" if a.infringement_found else "未认定侵权") if zh else \
                ("infringement found" if a.infringement_found else "no infringement found")
            same = a.infringement_found == ag.majority
            doc.p((f"本工具对待决案件的初步分析为“{own}”，" + ("与类案多数结论一致。" if same else
                                                          "与类案多数结论不一致，须结合上列不同点说明区别。")) if zh else
                  f"The tool's preliminary analysis of the pending case is '{own}', which "
                  + ("agrees with most 类案." if same else
                     "differs from most 类案: the differences listed above must explain why."))
        awards = sorted(e.c.awarded_total for e in entries if e.group == "similar" and e.c.awarded_total is not None)
        if awards:
            doc.p(f"生效类案中 {len(awards)} 件有判赔金额，范围 {money(awards[0])}～{money(awards[-1])}。" if zh else
                  f"{len(awards)} 类案 in force state an award, from {money(awards[0])} to {money(awards[-1])}.")
    if n_verify:
        doc.p(f"另有 {n_verify} 件裁判生效情况待核实，未计入上述结论。" if zh else
              f"{n_verify} further decisions whose finality is unverified are not counted above.")
    est = r.estimate if r else None
    if est is not None and est.total.range.median is not None:
        t = est.total
        doc.p(f"依类案估算的判赔总额中位数 {money(t.range.median)}，80% 区间 {money(t.range.low80)}～"
              f"{money(t.range.high80)}（n={t.n}）。" if zh else
              f"Estimated total award: median {money(t.range.median)}, 80% range {money(t.range.low80)}–"
              f"{money(t.range.high80)} (n={t.n}).")


def similar_report(m: Matter, a: Analysis | None, lang: Lang, r: Research | None = None,
                   today: dt.date | None = None) -> Doc:
    """类案检索报告: the search, the pending case, the results by tier and recency, each 类案, the conclusion."""
    zh = lang == "zh"
    today = today or dt.date.today()
    as_of = a.as_of if a is not None else today
    entries = sort_entries(r, m, as_of)
    doc = Doc(lang)
    header(doc, "similar", m, a, lang, today)
    doc.h1("一、检索说明" if zh else "1. The search")
    cutoff = three_years_before(as_of).isoformat()
    doc.table(["项目", "内容"] if zh else ["Item", "Details"], [
        ["检索主体" if zh else "Searched by", "（填写检索人、所在法院或律所）" if zh else "(name, court or firm)"],
        ["检索时间" if zh else "Date", today.isoformat()],
        ["检索平台" if zh else "Platforms", _platform(r, lang)],
        ["检索方法" if zh else "Method", _method(m, a, lang, len(entries))],
        ["检索依据" if zh else "Basis", GUIDANCE(lang)],
        ["类案标准" if zh else "What counts",
         f"第一条：类案是指“{ART1}”。据此仅生效裁判计为类案；被撤销或改判、已被二审取代或已上诉未决的一审裁判，调解、撤诉、未决案件，"
         "检察机关和行政机关的处理，均另列。" if zh else
         "Art 1: a 类案 is a case similar to the pending one in its basic facts, points of dispute and questions "
         "of law, and decided by a people's court in a decision in force. Only final decisions count; reversed, "
         "superseded or appealed first instances, mediations, withdrawals, pending matters and procuratorial or "
         "administrative matters are listed apart."],
        ["检索范围与顺序" if zh else "Scope and order",
         "第四条：（一）最高人民法院指导性案例；（二）最高人民法院典型案例及裁判生效的案件；（三）本省高级人民法院参考性案例及裁判生效的案件；"
         f"（四）上一级人民法院及本院裁判生效的案件。同一顺位内，分析日期前三年（{cutoff} 以后）的裁判优先列示。" if zh else
         "Art 4: (1) SPC guiding cases; (2) SPC typical cases and SPC decisions in force; (3) the provincial high "
         "court's reference cases and decisions in force; (4) decisions in force of the court one level up and of "
         f"the court itself. Within a tier, decisions of the three years before the analysis date (after {cutoff}) "
         "come first."],
    ])
    doc.h1("二、待决案件基本情况" if zh else "2. The pending case")
    parties(doc, m, lang)
    if a is not None:
        doc.p(("初步分析：" if zh else "Preliminary analysis: ") +
              (("构成侵权" if a.infringement_found else "未认定侵权") if zh else
               ("infringement found" if a.infringement_found else "no infringement found")) +
              (("；依据：" if zh else "; grounds: ") + cite_list(a.ground_citations(), lang) if a.infringing else ""))
    doc.h1("三、检索结果" if zh else "3. Results")
    if not entries:
        doc.p(("未检索到相关裁判。" if zh else "No related decision found.") + (r.error(lang) if r and r.error else ""))
    groups = {g: [e for e in entries if e.group == g] for g in ("similar", "verify", "apart")}
    if entries:
        doc.p(f"检索到相关裁判或处理 {len(entries)} 件：类案（生效裁判）{len(groups['similar'])} 件，生效情况待核实 "
              f"{len(groups['verify'])} 件，另列 {len(groups['apart'])} 件。" if zh else
              f"{len(entries)} related decisions or matters: {len(groups['similar'])} 类案 in force, "
              f"{len(groups['verify'])} whose finality is to be verified, {len(groups['apart'])} listed apart.")
        doc.h2("（一）类案（生效裁判，按检索顺位、近三年优先排序）" if zh else
               "(1) 类案: decisions in force, by search tier, the last three years first")
        _result_table(doc, groups["similar"], lang)
        doc.h2("（二）生效情况待核实的裁判（不计为类案）" if zh else "(2) Decisions whose finality is to be verified (not counted)")
        _result_table(doc, groups["verify"], lang)
        doc.h2("（三）另列（不计为类案）" if zh else "(3) Listed apart (not 类案)")
        rows = [[e.c.case_id, e.c.case_name(lang), e.c.court(lang) or "—", case_label("procedure", e.c.procedure, lang),
                 e.reason(lang) if e.reason else "—", f"{e.c.similarity:.0%}"] for e in groups["apart"]]
        if rows:
            doc.table(["编号", "案件", "法院或机关", "类别", "另列理由", "相似度"] if zh else
                      ["ID", "Case", "Court or body", "Kind", "Why apart", "Similarity"], rows)
        else:
            doc.p("无。" if zh else "None.")
    doc.h1("四、类案裁判要点" if zh else "4. What the decisions held")
    shown = groups["similar"] + groups["verify"]
    if not shown:
        doc.p("无。" if zh else "None.")
    for i, e in enumerate(shown, 1):
        _case(doc, i, e, lang)
    doc.h1("五、检索结论" if zh else "5. Conclusion")
    _conclusion(doc, entries, a, r, lang)
    doc.note("类案仅供参考（指导性案例除外），不具有约束力；相似度依据录入事实和数据集编码计算，须由检索人逐案核实裁判文书原文。" if zh else
             "Apart from guiding cases, 类案 are persuasive only. Similarity rests on the facts entered and the dataset's "
             "coding; the searcher must check each decision's full text.")
    doc.note(("指导意见条文的出处（第三方转载与评述，正式使用前须以最高人民法院公布的文本核对）：" if zh else
              "Where the guidance's text was read (third-party reprints and summaries; check against the SPC's "
              "published text before formal use): ") +
             ("；" if zh else "; ").join(f"{what(lang)} {url}" for what, url in GUIDANCE_SOURCES))
    if a is not None:
        citation_index(doc, a, lang)
    localise_names(doc, m, lang)
    return doc
