"""Flags: points the tool shows but does not decide.

- 2025 CAC/MPS Measures: regulatory-compliance flags, never automatic civil findings
  (whether a departmental-rule breach alone meets SPC 2(1) is unsettled).
- Criminal Law 253-1 (selling, providing, obtaining) and 266 (fraud): exposure, never a conclusion.
- Public-interest litigation and joinder (PIPL 70; SPC 13, 14).
- Unsettled questions, with both readings.
"""

from __future__ import annotations

from litigation.facts.matter import Participant
from litigation.i18n import T, Text
from litigation.law.citations import cite, pipl, spc
from litigation.law.context import Ctx
from litigation.law.rules import Finding, rule

MEASURES_CAVEAT = T("（合规提示：部门规章，不当然构成民事侵权；违反规章本身能否满足人脸识别规定第2条第(1)项尚无定论）",
                    " (Compliance flag: a departmental rule, not by itself a civil finding; whether breaching it alone "
                    "meets SPC 2(1) is unsettled.)")


def _m(article: int, verification: str = "V-quote"):
    return cite("FRT-MEASURES-2025", article, verification=verification)  # type: ignore[arg-type]


@rule("flag.measures", T("人脸识别技术应用安全管理办法（2025）", "FRT Measures 2025"), _m(1))
def measures(p: Participant, as_of_applies: bool, claimant_age: str = "adult"):
    pr = p.processing
    assert pr is not None
    hits: list[tuple[object, Text]] = []
    if claimant_age == "minor_under_14" and pr.other_legal_basis == "none" and pr.consent.guardian_consent is not True:
        hits.append((_m(7), T("处理不满十四周岁未成年人人脸信息，须取得父母或其他监护人同意",
                              "A child under 14: a parent's or guardian's consent is required")))
    if pr.necessity.sole_verification_method and pr.necessity.alternative_offered is not True:
        hits.append((_m(10), T("存在非人脸识别方式可达同一目的时，不得将人脸识别作为唯一验证方式",
                               "Face recognition may not be the only verification method where another would do")))
    if pr.private_space_device:
        hits.append((_m(13), T("禁止在公共场所内的私密空间安装人脸识别设备", "No face devices inside private spaces "
                                                                "within public places")))
    if pr.venue == "public_place" and pr.notice.public_place_signage is False:
        hits.append((_m(13), T("公共场所安装人脸识别设备须设置显著提示标识", "Public-place face devices need prominent "
                                                                 "signs")))
    if pr.records_stored is not None and pr.records_stored >= 100_000:
        hits.append((_m(15), T(f"存储人脸信息达 {pr.records_stored} 人（≥10万）：须在30个工作日内向省级网信部门备案",
                               f"{pr.records_stored} people's face info stored (≥100,000): filing with the "
                               "provincial CAC within 30 working days")))
    if pr.consent.type in ("none", "general") and pr.other_legal_basis == "none":
        hits.append((_m(6, "V-2nd"), T("依同意处理的须取得单独同意（条文序号仅有二手来源）",
                                       "Consent-based processing needs separate consent (article number from a "
                                       "secondary source only)")))
    if any(a.kind == "transmission" for a in pr.acts) and pr.consent.type != "separate":
        hits.append((_m(8, "V-2nd"), T("除另有规定或单独同意外，人脸信息应存储于设备内、不得通过互联网对外传输（条文序号仅有二手来源）",
                                       "Unless otherwise provided or separately consented, face info stays in the "
                                       "device and is not sent out over the Internet (article number from a "
                                       "secondary source only)")))
    facts = {"in_force_for_acts": as_of_applies, "hits": len(hits)}
    if not as_of_applies:
        return None, "not_in_force", facts, T("行为早于办法施行日（2025-06-01）：仅供参考", "Conduct predates the "
                                                                            "Measures (2025-06-01): reference only")
    if not hits:
        return False, "none", facts, T("未发现办法项下的合规问题", "No compliance issue under the Measures")
    text = T("；".join(h[1].zh for h in hits), "; ".join(h[1].en for h in hits)) + MEASURES_CAVEAT
    return True, "compliance", facts, text, [h[0] for h in hits]


CRIME_253_1 = cite("CRIM-LAW", "253-1")
FRAUD_266 = cite("CRIM-LAW", 266)


@rule("flag.criminal", T("刑事风险提示", "Criminal exposure"), CRIME_253_1, FRAUD_266,
      cite("SPC-SPP-PI-CRIM-2017", 5), cite("SPC-SPP-PI-CRIM-2017", 4), narrow=True)
def criminal(p: Participant, bought: bool = False):
    """The offence that fits the conduct: selling or providing (253-1(1)-(2)), buying or stealing (253-1(3);
    2017 Interpretation Art 4), fraud with the face data (266). `bought`: p received face info that another
    participant sold."""
    pr = p.processing
    pv = pr.provision if pr else None
    sold = bool(pv and (pv.sold or pv.to_unidentified or pv.to))
    kind = p.wrongdoer_kind
    wrongdoer = p.role == "third_party_wrongdoer"
    facts = {"sold_or_provided": sold, "third_party_wrongdoer": wrongdoer, "wrongdoer_kind": kind, "bought": bought,
             "items": pv.items if pv else None, "illegal_gains": pv.illegal_gains if pv else None}
    seller = sold and (pv.sold or not pv.separate_consent)  # type: ignore[union-attr]
    if kind == "fraudster":
        return True, "fraud", facts, T(
            "利用他人人脸信息冒名借款、骗取财物的，可能构成诈骗罪（刑法第二百六十六条：数额较大的即可入罪；数额标准不在本工具所收文本中，"
            "须另行查证）；同时非法获取他人人脸信息的，另涉侵犯公民个人信息罪（第二百五十三条之一第三款）。此为提示，非结论。",
            "Using another's face information to borrow or obtain property in that person's name may be fraud "
            "(Criminal Law Art 266: a relatively large amount suffices; the amount thresholds are not in the texts "
            "FaceTort holds — check them separately); unlawfully obtaining the face information may also be the "
            "offence of Art 253-1(3). A flag, not a conclusion."), [FRAUD_266, cite("CRIM-LAW", "253-1", 3)]
    if not seller and not wrongdoer and not bought:
        return False, "none", facts, T("未见出售、非法提供或非法获取", "No sale, unlawful provision or unlawful "
                                                           "obtaining")
    items = pv.items if pv else None
    gains = pv.illegal_gains if pv else None
    if seller:
        cites = [cite("CRIM-LAW", "253-1", 1), cite("SPC-SPP-PI-CRIM-2017", 5)]
        zh = "违反国家有关规定向他人出售或者提供公民个人信息，情节严重的，可构成侵犯公民个人信息罪（刑法第二百五十三条之一第一款）。"
        en = "Selling or providing citizens' PI in breach of state rules is the offence of Criminal Law Art 253-1(1) when serious. "
        branch = "sale"
    else:
        cites = [cite("CRIM-LAW", "253-1", 3), cite("SPC-SPP-PI-CRIM-2017", 4), cite("SPC-SPP-PI-CRIM-2017", 5)]
        how = "购买、收受" if (bought or kind == "buyer") else "窃取或者以其他方法"
        how_en = "buying or receiving" if (bought or kind == "buyer") else "stealing or otherwise unlawfully obtaining"
        zh = f"{how}非法获取公民个人信息，情节严重的，依刑法第二百五十三条之一第三款处罚（购买、收受属“以其他方法非法获取”，2017年解释第四条）。"
        en = (f"{how_en[0].upper() + how_en[1:]} citizens' PI is punished under Criminal Law Art 253-1(3) when serious "
              "(buying or receiving is 'otherwise unlawfully obtaining': 2017 Interpretation Art 4). ")
        branch = "obtaining"
    zh += ("参考门槛：行踪轨迹等50条、健康生理等可能影响人身财产安全的信息500条、其他信息5,000条，或违法所得5,000元；履职或提供服务中获得的减半。"
           "人脸信息属于哪一档，解释未明文规定，不能预设。")
    en += ("Reference thresholds: 50 items (whereabouts etc.), 500 (health/physiological or other safety-relevant "
           "info), 5,000 (other PI), or RMB 5,000 in illegal gains; half where obtained in duties or services. The "
           "interpretation does not say which tier face info falls in — do not assume one.")
    if items is not None:
        zh += f" 本案数量：{items} 条（≥500：{'是' if items >= 500 else '否'}；≥5,000：{'是' if items >= 5000 else '否'}）。"
        en += f" Here: {items} items (≥500: {'yes' if items >= 500 else 'no'}; ≥5,000: " \
              f"{'yes' if items >= 5000 else 'no'})."
    if gains is not None:
        zh += f" 违法所得 {gains:g} 元（≥5,000：{'是' if gains >= 5000 else '否'}）。"
        en += f" Illegal gains RMB {gains:g} (≥5,000: {'yes' if gains >= 5000 else 'no'})."
    zh += "此为提示，非结论。"
    en += " A flag, not a conclusion."
    return True, branch, facts, T(zh, en), cites


@rule("flag.pipl57", T("安全事件的补救与通知", "Remedial measures and notice after an incident"), pipl(57, 1),
      cite("CC-2020", 1038, 2))
def notification(p: Participant):
    i = p.processing.incident  # type: ignore[union-attr]
    facts = {"incident": i.kind, "remedial_measures_and_notification": i.remedial_measures_and_notification}
    if not i.occurred or i.remedial_measures_and_notification is not False:
        return False, "none", facts, T("未见补救或通知义务的违反", "No breach of the duty to remedy and notify shown")
    return True, "not_notified", facts, T(
        "发生泄露、篡改或丢失后，处理者未立即采取补救措施并通知履行个人信息保护职责的部门和个人（合规提示；损害扩大部分的因果关系须另行证明）",
        "After the leak, alteration or loss the processor did not at once take remedial measures and notify the "
        "authority and the individuals (compliance flag; causation of any enlarged damage must be proved "
        "separately)")


@rule("flag.public_interest", T("公益诉讼与合并审理", "Public-interest litigation and joinder"),
      pipl(70), spc(14), spc(13))
def public_interest(many: int | None):
    facts = {"people_affected": many}
    if many is None or many < 2:
        return False, "individual", facts, T("个人案件", "An individual case")
    return True, "many", facts, T(f"涉及约 {many} 人：检察院、法定消费者组织可提起公益诉讼；同一处理者的多个受害人在同一法院起诉的，经当事人同意可合并审理",
                                  f"About {many} people affected: the procuratorate or statutory consumer bodies may "
                                  "bring a public-interest suit; separate suits against the same processor in one "
                                  "court may be joined with the parties' consent")


@rule("flag.entrusted_unsettled", T("受托人泄露：按份还是连带", "Leak at an entrusted vendor: shares or joint"),
      pipl(21), spc(7, paragraph=1), cite("CC-2020", 1172), cite("CC-2020", 1168))
def entrusted_unsettled(principal: str, agent: str):
    facts = {"principal": principal, "agent": agent}
    return True, "both_readings", facts, T(
        f"委托人 {principal} 与受托人 {agent} 均有过错时：读法一（本工具默认）按过错和原因力按份承担（人脸识别规定第7条第1款、民法典第1172条）；"
        "读法二认为受托人系委托人的处理延伸或双方构成共同侵权，应承担连带责任（民法典第1168条）。尚无定论，原告可依第7条选择主张",
        f"Where both {principal} (principal) and {agent} (entrusted party) are at fault: reading 1 (FaceTort's "
        "default) apportions by fault and contribution (SPC 7(1), CC 1172); reading 2 treats the vendor as an "
        "extension of the principal's processing or both as joint tortfeasors, jointly and severally liable "
        "(CC 1168). Unsettled; the claimant may choose under SPC 7.")


# Every flag rule's kind (Analysis.to_json adds it to each flag): compliance, criminal, unsettled, procedure.
FLAG_KINDS = {"flag.measures": "compliance", "flag.pipl57": "compliance", "flag.criminal": "criminal",
              "flag.public_interest": "procedure", "flag.entrusted_unsettled": "unsettled",
              "liab.third_person": "unsettled"}


def flag_kind(f: Finding) -> str:
    """The kind of a flag. Temporal flags: conduct across a start date is unsettled; conduct wholly before it is
    a question of which law the court applies (procedure). Any other rule shown as a flag: unsettled."""
    if f.rule == "temporal.instrument":
        return "unsettled" if f.branch == "continuing_across" else "procedure"
    return FLAG_KINDS.get(f.rule, "unsettled")


def flags_for(ctx: Ctx) -> list[Finding]:
    out: list[Finding] = []
    bought = {r for q in ctx.processors() if q.processing.provision.sold  # type: ignore[union-attr]
              for r in q.processing.provision.to}  # type: ignore[union-attr]
    for p in ctx.matter.participants:
        if p.processing is not None:
            # The Measures bind the processor: an entrusted vendor within its mandate acts for its principal,
            # whose own facts are flagged (PIPL 21).
            if ctx.mandate_of(p.id) is None or p.processing.beyond_declared_scope:
                f = measures(p, ctx.applies("FRT-MEASURES-2025", p.id), ctx.matter.claimant.age_group,
                             participant=p.id)
                if f.holds is not False:
                    out.append(f)
            if ctx.applies("PIPL-2021", p.id):
                n = notification(p, participant=p.id)
                if n.holds:
                    out.append(n)
        c = criminal(p, p.id in bought, participant=p.id)
        if c.holds:
            out.append(c)
    many = max([(p.processing.records_stored or 0) for p in ctx.processors()] +
               [(p.processing.incident.records_affected or 0) for p in ctx.processors()] +
               [(p.processing.provision.items or 0) for p in ctx.processors()] + [0])
    pf = public_interest(many or None)
    if pf.holds:
        out.append(pf)
    return out
