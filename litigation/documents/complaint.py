"""The statement of claim (民事起诉状, CPL 124): the parties' particulars (gaps marked 【待补充：…】), the numbered
requests (`prayers`), the facts and reasons built from the matter and the engine's reasoning, the court, the
signature block and attachments, the evidence list; then, for the lawyer only, the procedure (court, fee,
small claims, limitation) and how each request was derived.
"""

from __future__ import annotations

import datetime as dt
import re

from litigation.documents import procedure as proc
from litigation.documents.blocks import Doc
from litigation.documents.evidence import evidence_table
from litigation.documents.names import display_name, localise_names
from litigation.documents.prayers import Prayers, _yuan, prayers
from litigation.facts.labels import label
from litigation.facts.matter import Matter, Participant
from litigation.i18n import Lang, Text
from litigation.law.analysis import Analysis
from litigation.law.citations import Citation, cc, cite

SEXES = {"male": ("男", "male"), "female": ("女", "female")}
_SEE = re.compile(r"（[^（）]*见[^（）]*）")
_ARABIC = re.compile(r"（[^（）]*第\d+条[^（）]*）")


def gap(what_zh: str, what_en: str, lang: Lang) -> str:
    return f"【待补充：{what_zh}】" if lang == "zh" else f"[to be supplied: {what_en}]"


def _val(v: str | None, zh: str, en: str, lang: Lang) -> str:
    return v if v else gap(zh, en, lang)


def claimant_line(m: Matter, lang: Lang) -> list[str]:
    c = m.claimant
    zh = lang == "zh"
    sex = SEXES[c.sex][0 if zh else 1] if c.sex else gap("性别", "sex", lang)
    born = c.birth_date.isoformat() if c.birth_date else gap("出生日期", "date of birth", lang)
    name = display_name(c.name, lang) if c.name else gap("姓名", "name", lang)
    lines = []
    if c.deceased:
        rel = label("relative", c.relative_suing, lang)
        lines.append(f"原告：{gap(f'起诉的近亲属（{rel}）的姓名及身份信息', '', lang)}" if zh else
                      f"Claimant: {gap('', f'the suing close relative ({rel}): name and particulars', lang)}")
        lines.append(f"死者：{name}，{c.death_date.isoformat() if c.death_date else gap('死亡日期', '', lang)}死亡" if zh else
                      f"The deceased: {name}, died {c.death_date.isoformat() if c.death_date else '[date]'}")
        return lines
    if zh:
        lines.append(f"原告：{name}，{sex}，{born}出生，{_val(c.ethnicity, '民族', '', lang)}，"
                     + (f"{c.occupation}，" if c.occupation else "")
                     + f"住{_val(c.address, '住址', '', lang)}，公民身份号码：{_val(c.id_number, '身份证号', '', lang)}，"
                       f"联系电话：{_val(c.phone, '联系电话', '', lang)}。")
    else:
        lines.append(f"Claimant: {name}, {sex}, born {born}, ethnicity {_val(c.ethnicity, '', 'ethnicity', lang)}, "
                     + (f"{c.occupation}, " if c.occupation else "")
                     + f"of {_val(c.address, '', 'address', lang)}; ID no. {_val(c.id_number, '', 'ID number', lang)}; "
                       f"tel. {_val(c.phone, '', 'telephone', lang)}.")
    if c.age_group != "adult":
        lines.append("法定代理人：" + gap("监护人姓名及与原告的关系", "", lang) if zh else
                     "Legal representative: " + gap("", "the guardian and relation to the claimant", lang))
    return lines


def defendant_line(p: Participant, lang: Lang) -> str:
    zh = lang == "zh"
    name = display_name(p.name, lang)
    if p.kind == "individual":
        sex = SEXES[p.sex][0 if zh else 1] if p.sex else gap("性别", "sex", lang)
        born = p.birth_date.isoformat() if p.birth_date else gap("出生日期", "date of birth", lang)
        if zh:
            return (f"被告：{name}，{sex}，{born}出生，{_val(p.ethnicity, '民族', '', lang)}，住{_val(p.address, '住址', '', lang)}，"
                    f"公民身份号码：{_val(p.id_number, '身份证号', '', lang)}，联系电话：{_val(p.phone, '联系电话', '', lang)}。")
        return (f"Defendant: {name}, {sex}, born {born}, ethnicity {_val(p.ethnicity, '', 'ethnicity', lang)}, of "
                f"{_val(p.address, '', 'address', lang)}; ID no. {_val(p.id_number, '', 'ID number', lang)}; tel. "
                f"{_val(p.phone, '', 'telephone', lang)}.")
    if zh:
        return (f"被告：{name}，住所地：{_val(p.address, '住所地', '', lang)}，法定代表人："
                f"{_val(p.legal_representative, '法定代表人', '', lang)}，统一社会信用代码："
                f"{_val(p.credit_code, '统一社会信用代码', '', lang)}，联系电话：{_val(p.phone, '联系电话', '', lang)}。")
    return (f"Defendant: {name}, domicile {_val(p.address, '', 'domicile', lang)}; legal representative "
            f"{_val(p.legal_representative, '', 'legal representative', lang)}; unified social credit code "
            f"{_val(p.credit_code, '', 'credit code', lang)}; tel. {_val(p.phone, '', 'telephone', lang)}.")


def _formal(cites: list[Citation], lang: Lang) -> str:
    uniq = sorted({c.key(): c for c in cites}.values(), key=lambda c: c.key())
    return ("、" if lang == "zh" else "; ").join(c.formal(lang) for c in uniq)


def _clean(s: str) -> str:
    return _SEE.sub("", s).rstrip("；;。. ")


def dockets(a: Analysis, pr: Prayers, lang: Lang) -> list[str]:
    """The docket (案由) of the suit: the claims made out, the contract or the tort ones where the claimant elected."""
    out: list[str] = []
    for c in a.claims_found():
        elected_away = [x for x in c.against if pr.route.get(x) == ("tort" if c.code == "contract" else "contract")]
        if len(elected_away) == len(c.against) and c.code != "consumer":
            continue
        if c.code == "consumer" and all(pr.route.get(x) == "contract" for x in c.against) and pr.route:
            continue
        if c.code == "consumer" and any(set(c.against) <= set(x.against) for x in a.claims_found()
                                        if x.code == "personal_information"):
            continue  # the same personal-information dispute; the consumer law is among its reasons
        s = c.docket(lang)
        if s not in out:
            out.append(s)
    return out


def _facts(m: Matter, a: Analysis, lang: Lang) -> list[str]:
    zh = lang == "zh"
    out = []
    who = display_name(m.claimant.name, lang) if m.claimant.name else ("原告" if zh else "the claimant")
    for p in m.participants:
        if not p.defendant:
            continue
        name = display_name(p.name, lang)
        bits: list[str] = []
        k = p.contract
        if k.exists:
            when = k.concluded.isoformat() if k.concluded else gap("订约日期", "date", lang)
            bits.append(f"{when}，原告与被告{name}订立{label('contract_kind', k.kind, 'zh')}合同" +
                        (f"，约定{k.promised}" if k.promised else "") if zh else
                        f"on {when} the claimant and {name} made a {label('contract_kind', k.kind, 'en').lower()} "
                        "contract" + (f" which promised: {k.promised}" if k.promised else ""))
            if k.changed_unilaterally:
                bits.append("此后被告单方变更约定的履行方式" if zh else "it then changed the agreed performance unilaterally")
            if k.not_performed:
                bits.append("被告未按约定履行" if zh else "it did not perform as agreed")
        pr = p.processing
        if pr is not None:
            for x in pr.acts:
                span = (f"自{x.start.isoformat()}起持续至今" if x.ongoing else f"于{x.start.isoformat()}" +
                        (f"至{x.end.isoformat()}" if x.end else "")) if zh else \
                    (f"from {x.start.isoformat()}, ongoing" if x.ongoing else f"on {x.start.isoformat()}" +
                     (f" to {x.end.isoformat()}" if x.end else ""))
                bits.append(f"被告{name}{span}{label('act', x.kind, 'zh')}原告的人脸信息" if zh else
                            f"{name} engaged in {label('act', x.kind, 'en').lower()} of {who}'s face information {span}")
            if "forgery" in pr.face_uses:
                bits.append("被告利用信息技术手段伪造原告的肖像" if zh else "it forged the claimant's likeness by "
                                                                       "information technology")
            if "display" in pr.face_uses:
                bits.append("并予以公开传播" if zh else "and published it")
            if pr.lowers_reputation:
                bits.append("以丑化、侮辱的方式使用原告形象，降低原告的社会评价" if zh else "in a degrading way that lowers "
                                                                                 "the claimant's standing")
            consent = {"none": ("被告未取得原告同意", "without the claimant's consent"),
                       "general": ("被告仅取得概括性同意，未取得单独同意", "with general consent only, not separate "
                                                                 "consent")}.get(pr.consent.type)
            if consent:
                bits.append(consent[0] if zh else consent[1])
            if pr.necessity.sole_verification_method:
                bits.append("并以人脸识别为唯一验证方式" if zh else "and made face recognition the only way to verify")
            if pr.incident.occurred:
                bits.append(f"其后发生{label('incident', pr.incident.kind, 'zh')}事件" if zh else
                            f"then a {label('incident', pr.incident.kind, 'en').lower()} occurred")
        if bits:
            out.append(("，".join(bits) + "。") if zh else ("; ".join(bits) + ".").capitalize())
    h = m.harm
    harm = []
    spent = sum(e.amount for e in h.expenses)
    if spent:
        harm.append(f"原告为制止侵权支出{'、'.join(label('expense', e.kind, 'zh') for e in h.expenses)}共计 {spent:,.0f} 元"
                    if zh else f"the claimant spent RMB {spent:,.0f} to stop the infringement")
    if h.economic_loss:
        harm.append(f"遭受财产损失 {h.economic_loss:,.0f} 元" if zh else f"suffered a property loss of RMB "
                                                                     f"{h.economic_loss:,.0f}")
    if h.mental_distress == "serious":
        harm.append("并因此遭受严重精神损害" if zh else "and suffered serious mental harm")
    if h.scope_of_impact == "wide":
        harm.append("侵权内容传播范围广泛" if zh else "the content spread widely")
    if harm:
        out.append(("，".join(harm) + "。") if zh else ("; ".join(harm) + ".").capitalize())
    return out


def _law(a: Analysis, m: Matter, lang: Lang) -> str | None:
    zh = lang == "zh"
    regimes = {f.facts.get("regime") for f in a.governing}
    t1, t3 = cite("CC-TEMPORAL-2020", 1, 2), cite("CC-TEMPORAL-2020", 1, 3)
    if regimes == {"old_law"}:
        return ("关于法律适用：被告的行为均发生在《中华人民共和国民法典》施行之前，依照" + t1.formal(lang) +
                "，本案适用当时的法律、司法解释。") if zh else \
            f"Applicable law: the conduct is wholly before the Civil Code; under {t1.formal(lang)} the law then in force applies."
    if any(f.branch == "continuing" for f in a.governing):
        return ("关于法律适用：被告的行为自《中华人民共和国民法典》施行前持续至施行后，依照" + t3.formal(lang) +
                "，本案适用民法典的规定。") if zh else \
            f"Applicable law: the conduct continued past the Civil Code's start; under {t3.formal(lang)} the Civil Code applies."
    return None


def _reasons(m: Matter, a: Analysis, pr: Prayers, lang: Lang) -> list[str]:
    zh = lang == "zh"
    out = []
    law = _law(a, m, lang)
    if law:
        out.append(law)
    for c in a.claims_found():
        names = ("、" if zh else ", ").join(display_name(m.participant(x).name, lang) for x in c.against)
        why: list[str] = []
        if c.code == "personal_information":
            for pid in c.against:
                for f in a.live.get(pid, []):
                    if not f.rule.startswith("claim."):
                        why.append(f"{_clean(f.explanation(lang))}，违反了{_formal(f.citations, lang)}的规定" if zh else
                                   f"{_clean(f.explanation(lang))}, contrary to {_formal(f.citations, lang)}")
        else:
            for f in c.findings:
                if f.holds:
                    why.append(_clean(f.explanation(lang)))
        reason = ("；".join(dict.fromkeys(why))) if zh else "; ".join(dict.fromkeys(why))
        if zh:
            out.append(f"被告{names}的行为构成{label('claim', c.code, 'zh')}之侵害（{c.docket.zh}）：{reason}。依照"
                       f"{_formal(c.citations, lang)}，被告应当承担相应的民事责任。" if c.code != "contract" else
                       f"被告{names}构成违约：{reason}。依照{_formal(c.citations, lang)}，被告应当承担违约责任。")
        else:
            out.append(f"{names}: {label('claim', c.code, 'en')} ({c.docket.en}) — {reason}. Under "
                       f"{_formal(c.citations, lang)} it is liable.")
    for pid, route in pr.route.items():
        name = display_name(m.participant(pid).name, lang)
        basis = cc(186).formal(lang) if a.governing and not all(
            f.facts.get("regime") == "old_law" for f in a.governing if f.participant == pid) else \
            "《中华人民共和国合同法》第一百二十二条［未经核实］"
        if zh:
            out.append(f"被告{name}的违约行为同时侵害原告的人格权益，原告依照{basis}选择请求其承担"
                       f"{'违约责任' if route == 'contract' else '侵权责任'}。")
        else:
            out.append(f"{name}'s breach also infringes the claimant's personality rights; under {basis} the claimant "
                       f"elects {'contract' if route == 'contract' else 'tort'} liability.")
    rows = [b for b in a.burden if b.bearer == "defendant"]
    if rows:
        labels = ("；" if zh else "; ").join(_ARABIC.sub("", b.label(lang)) for b in rows)
        cites = _formal([c for b in rows for c in b.citations], lang)
        out.append(f"关于举证责任：依照{cites}，下列事项应由被告承担举证责任，被告不能证明的，应承担不利后果：{labels}。" if zh else
                   f"Burden of proof: under {cites} the defendants must prove the following, and bear the "
                   f"consequence if they cannot: {labels}.")
    for d in a.liability.defendants:
        if d.external == "stop_only":
            out.append(f"被告{display_name(d.name, lang)}应当承担停止侵害、删除人脸信息等责任。" if zh else
                       f"{display_name(d.name, lang)} must stop the infringement and delete the face information.")
    return out


def complaint(m: Matter, a: Analysis, lang: Lang, r: object = None, today: dt.date | None = None) -> Doc:
    zh = lang == "zh"
    today = today or dt.date.today()
    pr = prayers(m, a, getattr(r, "estimate", None))
    doc = Doc(lang)
    doc.title("民事起诉状" if zh else "Statement of claim")
    if a.mode == "reform":
        doc.note("【改革模式】本起诉状依改革模式的分析生成（处理者须证明无因果关系——学术建议，非现行法），不得提交法院。" if zh else
                 "[REFORM MODE] Built from a reform-mode analysis (a proposal, not current law): do not file it.")
    for line in claimant_line(m, lang):
        doc.p(line)
    defs = [p for p in m.participants if p.defendant]
    for p in defs:
        doc.p(defendant_line(p, lang))
    if not defs:
        doc.p("被告：" + gap("被告", "", lang) if zh else "Defendant: " + gap("", "defendant", lang))
    dk = dockets(a, pr, lang)
    doc.p(("案由：" if zh else "Docket: ") + (("、" if zh else "; ").join(dk) or gap("案由", "docket", lang)))
    doc.h1("诉讼请求" if zh else "Requests")
    if not pr.items:
        doc.p("依现有事实和分析，尚无可获支持的诉讼请求。" if zh else "On these facts no request is supported yet.")
    for i, p in enumerate(pr.items, 1):
        doc.p(f"{i}. {p.text(lang)}；" if zh else f"{i}. {p.text(lang)};")
    money = [p for p in pr.money() if p.amount is not None]
    if len(money) > 1 or pr.pending():
        doc.p((f"以上金额合计 {_yuan(pr.total)} 元" + ("（另有待补充的金额）" if pr.pending() else "") + "。")
              if zh else f"Amounts stated: RMB {pr.total:,.2f} in all" + (" (plus amounts to be supplied)."
                                                                         if pr.pending() else "."))
    doc.h1("事实与理由" if zh else "Facts and reasons")
    for s in _facts(m, a, lang) + _reasons(m, a, pr, lang):
        doc.p(s)
    basis = _formal([c for cl in a.claims_found() if cl.docket(lang) in dk for c in cl.citations] +
                    [c for p in pr.items for c in p.basis], lang)
    doc.p((f"综上所述，被告的行为侵害了原告的合法权益。为维护原告的合法权益，依照{basis}及"
           f"{cite('CPL-2023', 122).formal(lang)}的规定，特向贵院提起诉讼，请求判如所请。") if zh else
          f"The defendants infringed the claimant's rights. Under {basis} and {cite('CPL-2023', 122).formal(lang)} the "
          "claimant brings this suit and asks the court to grant the requests.")
    doc.p("此致" if zh else "To")
    doc.p(proc.court_name(m, lang))
    signer = display_name(m.claimant.name, lang) if m.claimant.name and not m.claimant.deceased else \
        gap("原告姓名", "claimant", lang)
    doc.p(f"具状人：{signer}（签名）" if zh else f"Claimant: {signer} (signature)")
    doc.p(today.isoformat())
    doc.p("附：" if zh else "Attached:")
    doc.p(f"1. 本诉状副本 {max(len(defs), 1)} 份；" if zh else f"1. {max(len(defs), 1)} copy(ies) of this statement;")
    doc.p("2. 证据目录及证据材料各 1 份。" if zh else "2. The list of evidence and the evidence.")
    doc.h1("证据目录" if zh else "List of evidence")
    evidence_table(doc, m, a, lang)
    annex(doc, m, a, pr, lang)
    localise_names(doc, m, lang)
    return doc


def annex(doc: Doc, m: Matter, a: Analysis, pr: Prayers, lang: Lang) -> None:
    """For the lawyer, not for filing: procedure and how each request was derived."""
    zh = lang == "zh"
    doc.h1("起诉须知（供原告及代理人参考，提交法院前删除）" if zh else "Filing notes (for the claimant's lawyer; remove before "
                                                             "filing)")
    doc.note("本文书由 FaceTort 依据录入的事实和编码的规则生成，不构成法律意见；提交前须逐项核实并补全【待补充】事项。" if zh else
             "Generated by FaceTort from the facts entered and its encoded rules; not legal advice. Verify every point "
             "and fill every gap before filing.")
    dk = dockets(a, pr, lang)
    codes = [c.code for c in a.claims_found() if c.docket(lang) in dk]
    nonmoney = any(p.code not in ("costs",) and p.amount is None and p.code not in
                   ("mental_distress_damages",) for p in pr.items)
    points = proc.court_points(m, codes) + [proc.fee_point(pr.total, codes)] + \
        [proc.small_claims_point(m, pr.total, nonmoney)] + proc.limitation_points(m, a)
    for pt in points:
        basis = pt.basis(lang)
        doc.bullet(f"{pt.title(lang)}：{pt.text(lang)}" + (f"（{basis}）" if zh and basis else f" ({basis})" if basis
                                                          else "") if zh else
                   f"{pt.title(lang)}: {pt.text(lang)}" + (f" ({basis})" if basis else ""))
    doc.h2("各项诉讼请求的依据" if zh else "The basis of each request")
    for i, p in enumerate(pr.items, 1):
        basis = _formal(p.basis, lang) if p.basis else cite("LITIGATION-FEES-2006", 29).formal(lang)
        doc.bullet((f"第 {i} 项：依据{basis}" if zh else f"Request {i}: {basis}") +
                   (f"；{p.note(lang)}" if zh and p.note else f"; {p.note(lang)}" if p.note else ""))
    for n in pr.notes:
        doc.bullet(n(lang))
    for p in m.participants:
        if p.defendant and not any(p.id in x.against for x in pr.items):
            doc.bullet(f"对被告{p.name}，分析认为其不承担责任，起诉状未对其提出请求；可考虑不将其列为被告" +
                       ("，或仅请求其提供侵权用户信息（见证据目录的取证途径）" if p.role == "network_service_provider" else "")
                       if zh else f"The analysis finds {p.name} not liable and no request is made against it: consider "
                       "not suing it" + (", or only asking it to disclose the uploader (see the evidence list)" if
                                         p.role == "network_service_provider" else ""))


def requests_text(pr: Prayers, lang: Lang) -> list[Text]:
    return [p.text for p in pr.items]
