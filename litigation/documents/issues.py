"""The bench memo's points in dispute (争议焦点), derived from this matter only — burden rows contested or missing,
defences raised, unsettled points, the election between contract and tort, open grounds, several liable
defendants — and a draft operative part (判决主文) consistent with the analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from litigation.documents.blocks import Doc
from litigation.documents.prayers import prayers
from litigation.facts.labels import label
from litigation.facts.matter import Matter
from litigation.i18n import Lang, T, Text
from litigation.law.analysis import Analysis
from litigation.law.citations import Citation


@dataclass
class Focus:
    title: Text
    rule: list[Citation]
    bearer: Text
    evidence: Text
    analysis: Text
    source: str  # what made it a point in dispute: burden, defence, flag, election, ground, liability
    cites: list[Citation] = field(default_factory=list)


NONE = T("—", "—")


def focus_points(m: Matter, a: Analysis) -> list[Focus]:
    out: list[Focus] = []
    for b in a.burden:
        if b.status in ("contested", "missing"):
            out.append(Focus(T(f"{b.label.zh}是否已得到证明", f"Whether it is proved: {b.label.en}"), b.citations,
                             T(label("bearer", b.bearer, "zh"), label("bearer", b.bearer, "en")),
                             T(f"{b.shows.zh}（{label('status', b.status, 'zh')}）",
                               f"{b.shows.en} ({label('status', b.status, 'en')})"),
                             T(f"证明不了的后果：{b.if_unproven.zh}", f"If unproven: {b.if_unproven.en}"), "burden"))
    for fs in a.defenses.values():
        for f in fs:
            if f.rule == "pipl69.no_fault" and f.facts.get("proved_no_fault") == "none":
                continue  # fault is presumed and the processor offers nothing: not a point in dispute
            out.append(Focus(T(f"{f.title.zh}能否成立", f"Whether it holds: {f.title.en}"), f.citations,
                             T("被告", "The defendant"), T(f"抗辩结论：{'成立' if f.holds else '不成立' if f.holds is False else '待查明'}",
                                                         f"Defence: {'holds' if f.holds else 'fails' if f.holds is False else 'open'}"),
                             f.explanation, "defence"))
    for f in [*a.flags, *a.notes]:
        if f.rule == "claim.election":
            out.append(Focus(T("违约责任与侵权责任竞合：原告的选择及其后果", "Contract and tort concur: the claimant's election "
                               "and what follows"), f.citations, T("原告（选择）", "The claimant (elects)"),
                             T("原告已选择违约之诉" if m.requests.contract_route else "原告已选择侵权之诉",
                               "Contract elected" if m.requests.contract_route else "Tort elected"), f.explanation,
                             "election"))
        elif f.holds is None and f.branch in ("unsettled", "continuing_across"):
            out.append(Focus(T(f"{f.title.zh}（法律适用尚无定论）", f"{f.title.en} (unsettled)"), f.citations, NONE,
                             NONE, f.explanation, "flag"))
    for fs in a.grounds.values():
        for f in fs:
            if f.holds is None and f.applicable:
                out.append(Focus(T(f"{f.title.zh}（事实待查明）", f"{f.title.en} (facts open)"), f.citations, NONE,
                                 NONE, f.explanation, "ground"))
    money = [d for d in a.liability.defendants if d.external in ("joint_and_several", "several_share",
                                                                 "joint_for_enlarged_part")]
    if len(money) > 1:
        kinds = "、".join(f"{d.name}：{label('external', d.external, 'zh')}" for d in money)
        kinds_en = "; ".join(f"{d.name}: {label('external', d.external, 'en')}" for d in money)
        out.append(Focus(T("各被告之间的责任形态与份额", "How the defendants share liability"),
                         [c for d in money for f in d.basis for c in f.citations][:6], NONE, NONE,
                         T(kinds, kinds_en), "liability"))
    return out


def focus_section(doc: Doc, m: Matter, a: Analysis, lang: Lang, names: dict[str, str]) -> None:
    zh = lang == "zh"
    doc.h1("争议焦点" if zh else "Points in dispute")
    pts = focus_points(m, a)
    if not pts:
        doc.p("依现有事实和证据，各待证事项均已证明或不属争议，未发现实质争议焦点；仍须听取双方意见。" if zh else
              "On these facts and this evidence every element is proved or not at issue: no real point in dispute; "
              "hear both sides all the same.")
    for i, f in enumerate(pts, 1):
        doc.h2(f"{i}. {f.title(lang)}")
        basis = ("、" if zh else "; ").join(c.formal(lang) for c in f.rule) or "—"
        doc.bullet(("规则：" if zh else "Rule: ") + basis)
        doc.bullet(("举证责任：" if zh else "Burden: ") + f.bearer(lang))
        doc.bullet(("证据及现状：" if zh else "Evidence and status: ") + f.evidence(lang))
        doc.bullet(("分析：" if zh else "Analysis: ") + f.analysis(lang))


def draft_judgment(doc: Doc, m: Matter, a: Analysis, lang: Lang) -> None:
    """判决主文 drafted from the requests the analysis supports (the same as the statement of claim)."""
    zh = lang == "zh"
    pr = prayers(m, a)
    doc.h1("判决主文（草拟）" if zh else "Draft operative part")
    doc.note("据分析草拟，供合议庭参考；数额以查明的事实为准。" if zh else "Drafted from the analysis for the panel; the "
             "amounts follow the facts as found.")
    n = 0
    nums = "一二三四五六七八九十"
    for p in pr.items:
        if p.code == "costs":
            continue
        text = p.text(lang)
        if zh:
            text = text.replace("判令被告", "被告", 1).replace("确认被告", "被告", 1)
            if p.code in ("property_damages", "reasonable_expenses", "attorney_fees", "mental_distress_damages",
                          "contract_damages", "deletion", "alternative_verification", "apology"):
                text = text.replace("被告" + m.participant(p.against[0]).name,
                                    "被告" + m.participant(p.against[0]).name + "于本判决生效之日起十日内", 1)
            text = text.replace("【待补充：金额】", "【由合议庭酌定】")
        label_ = nums[n] if zh and n < 10 else str(n + 1)
        doc.p(f"{label_}、{text}；" if zh else f"{label_}. {text.replace('Order ', '', 1)};")
        n += 1
    asked = [r for r in a.remedies if r.requested and not r.available]
    capped = any(p.note for p in pr.items)
    if asked or capped or not pr.items:
        doc.p((f"{nums[n] if n < 10 else n + 1}、驳回原告{'的全部' if not pr.items else '的其他'}诉讼请求。") if zh else
              f"{n + 1}. The claimant's {'claims are' if not pr.items else 'other claims are'} dismissed.")
    payers = next((p.against for p in pr.items if p.code == "costs"), [])
    who = "、".join(f"被告{m.participant(x).name}" for x in payers) or "原告"
    doc.p(f"案件受理费【按《诉讼费用交纳办法》计算】，由{who}负担。" if zh else
          f"Court fee [per the Litigation Costs Measures] borne by {', '.join(m.participant(x).name for x in payers) or 'the claimant'}.")
