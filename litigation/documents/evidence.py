"""The evidence list (证据目录), built from the burden table: for each element the claimant must prove, the
evidence that proves it, what it proves, original or copy, where it comes from, its status, and — for what is
missing or contested — how to get it (notarisation, blockchain deposit, preservation, a document-production
order, the platform's disclosure of the uploader).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from litigation.documents.blocks import Doc
from litigation.facts.labels import label
from litigation.facts.matter import Matter, Participant
from litigation.i18n import Lang, T, Text
from litigation.law.analysis import Analysis
from litigation.law.burden import BurdenItem
from litigation.law.citations import Citation, cite

PRESERVE = cite("CPL-2023", 84, 1)
PRESERVE_BEFORE = cite("CPL-2023", 84, 2)
PRODUCE = cite("SPC-CPL-2022", 112)
PRODUCE_DESTROYED = cite("SPC-CPL-2022", 113)
EVIDENCE_45 = cite("SPC-EVIDENCE-2019", 45)
EVIDENCE_47 = cite("SPC-EVIDENCE-2019", 47)
EVIDENCE_48 = cite("SPC-EVIDENCE-2019", 48)
DISCLOSE = cite("SPC-ONLINE-2020", 3, 1)
ADD_DEFENDANT = cite("SPC-ONLINE-2020", 3, 3)


@dataclass
class Way:
    """One way to obtain or strengthen evidence."""

    text: Text
    citations: list[Citation] = field(default_factory=list)
    secondary: bool = False

    def render(self, lang: Lang) -> str:
        basis = ("、" if lang == "zh" else "; ").join(c.formal(lang) for c in self.citations)
        tag = ("【据二手资料，须核实】" if lang == "zh" else " [secondary source: verify]") if self.secondary else ""
        return self.text(lang) + (f"（{basis}）" if lang == "zh" and basis else f" ({basis})" if basis else "") + tag


@dataclass
class EvidenceRow:
    element: str
    participant: str | None
    purpose: Text          # the burden row's label: what the item proves
    name: Text
    original: Text
    source: Text
    status: str            # the burden row's status
    ways: list[Way] = field(default_factory=list)


ORIGINAL = T("原件", "Original")
COPY = T("复印件", "Copy")
PRINT = T("打印件（附公证书或存证证明）", "Print-out (with the notarial or deposit certificate)")
FROM_CLAIMANT = T("原告持有", "Held by the claimant")
FROM_DEFENDANT = T("被告控制", "Controlled by the defendant")
FROM_PLATFORM = T("网络平台", "The platform")


def _online(p: Participant) -> bool:
    return p.role == "network_service_provider" or (p.processing is not None and p.processing.venue == "online")


def _ways_processing(m: Matter, p: Participant) -> list[Way]:
    ways = []
    if _online(p):
        ways.append(Way(T("对侵权网页、视频、账号信息申请公证处进行保全证据公证（公证截屏、录屏）",
                          "Have a notary preserve the infringing pages, videos and account details (notarised "
                          "screenshots and screen recordings)")))
        ways.append(Way(T("通过互联网法院或其认可的电子证据平台进行区块链存证", "Deposit the evidence on a blockchain through "
                          "the internet court's electronic-evidence platform or one it accepts"), secondary=True))
    else:
        ways.append(Way(T("对现场告示、闸机、识别设备及被告的通知短信进行公证或拍照录像，保留原始载体",
                          "Notarise or photograph and film the notices, gates and recognition devices and the "
                          "defendant's messages; keep the original carriers")))
    ways.append(Way(T("证据可能灭失或以后难以取得的，在诉讼中（紧急时在起诉前）申请证据保全", "Where evidence may be lost "
                      "or later hard to obtain, apply for preservation in the suit (before it, if urgent)"),
                    [PRESERVE, PRESERVE_BEFORE]))
    if p.processing is not None and not _online(p):
        ways.append(Way(T(f"{p.name}控制的人脸信息数据库记录、采集日志、同意记录，书面申请法院责令其提交；无正当理由拒不提交的，"
                          "法院可以认定原告所主张的书证内容为真实",
                          f"The face database records, capture logs and consent records {p.name} controls: apply in "
                          "writing for an order to produce them; if it refuses without good reason the court may take "
                          "the content the claimant asserts as true"), [PRODUCE, EVIDENCE_45, EVIDENCE_47, EVIDENCE_48]))
    return ways


def _ways_platform(m: Matter) -> list[Way]:
    platforms = [p for p in m.participants if p.role == "network_service_provider"]
    unknown = [p for p in m.participants if not p.identified or p.kind == "unknown"]
    if not platforms:
        return []
    return [Way(T("起诉网络服务提供者的，可请求法院责令其提供涉嫌侵权的网络用户的姓名（名称）、联系方式、网络地址等信息，"
                  "并据此追加该用户为被告" + ("（本案有身份不明的行为人）" if unknown else ""),
                  "Suing the platform, ask the court to order it to disclose the name, contact details and network "
                  "address of the user who posted the content, then add that user as a defendant" +
                  (" (an actor here is unidentified)" if unknown else "")), [DISCLOSE, ADD_DEFENDANT])]


def _rows_for(b: BurdenItem, m: Matter) -> list[EvidenceRow]:
    h = m.harm
    purpose = T(re.sub(r"（[^（）]*第\d+条[^（）]*）", "", b.label.zh), re.sub(r" \((CC|PIPL|SPC)[^()]*\)", "", b.label.en))
    rows: list[EvidenceRow] = []

    def row(name: Text, original: Text, source: Text, ways: list[Way] | None = None) -> None:
        rows.append(EvidenceRow(b.element, b.participant, purpose, name, original, source, b.status,
                                ways if b.status in ("missing", "contested") and ways else []))

    if b.element == "processing" and b.participant:
        p = m.participant(b.participant)
        ways = _ways_processing(m, p) + _ways_platform(m)
        if p.contract.exists:
            row(T(f"{label('contract_kind', p.contract.kind, 'zh')}合同或购买凭证" +
                  (f"（约定：{p.contract.promised}）" if p.contract.promised else ""),
                  f"The {label('contract_kind', p.contract.kind, 'en').lower()} contract or proof of purchase" +
                  (f" (it promised: {p.contract.promised})" if p.contract.promised else "")), ORIGINAL, FROM_CLAIMANT)
        if _online(p):
            row(T(f"{p.name}发布或传播涉案内容的网页、视频及账号信息截图、录屏", f"Screenshots and recordings of the "
                  f"pages, videos and account through which {p.name} published or spread the content"), PRINT,
                FROM_PLATFORM, ways)
        else:
            row(T(f"{p.name}收集、使用人脸信息的现场照片、录像、告示及通知短信", f"Photographs, videos, notices and "
                  f"messages showing {p.name} collecting and using the face information"), ORIGINAL, FROM_CLAIMANT,
                ways)
        if p.processing_evidence == "admitted":
            row(T(f"{p.name}对处理行为的自认（回复函件、答辩意见等）", f"{p.name}'s admission of the processing "
                  "(letters, its defence)"), COPY, FROM_DEFENDANT)
    elif b.element == "fault" and b.participant:
        p = m.participant(b.participant)
        row(T(f"证明{p.name}有过错的证据：未告知处理规则、未取得同意、超出约定范围处理的事实材料",
              f"Evidence of {p.name}'s fault: that it gave no notice, obtained no consent or went beyond the "
              "agreement"), ORIGINAL, FROM_CLAIMANT, _ways_processing(m, p))
    elif b.element == "damage":
        if h.economic_loss:
            row(T(f"财产损失 {h.economic_loss:,.0f} 元的证明（{label('loss_proof', h.economic_loss_proof, 'zh')}）",
                  f"Proof of the property loss of RMB {h.economic_loss:,.0f} "
                  f"({label('loss_proof', h.economic_loss_proof, 'en')})"), ORIGINAL, FROM_CLAIMANT,
                [Way(T("补充付款凭证、银行流水、交易记录", "Add payment vouchers, bank statements and transaction "
                       "records"))])
        for e in h.expenses:
            row(T(f"{label('expense', e.kind, 'zh')}票据（{e.amount:,.0f} 元）" + ("" if e.receipt else "——尚无票据"),
                  f"{label('expense', e.kind, 'en')} receipt (RMB {e.amount:,.0f})" + ("" if e.receipt else
                                                                                       " — no receipt yet")),
                ORIGINAL, FROM_CLAIMANT, [Way(T("向收款方补开发票或收据", "Ask the payee for an invoice or receipt"))])
        for p in m.participants:
            if p.defendant and p.contract.exists and p.contract.loss:
                row(T(f"违约损失 {p.contract.loss:,.0f} 元的计算及依据（合同价款、履行情况）", f"The contract loss of RMB "
                      f"{p.contract.loss:,.0f}: its computation and basis (price, performance)"), ORIGINAL,
                    FROM_CLAIMANT)
        if h.mental_distress != "none":
            row(T("精神损害的证明（见“严重精神损害”一项）", "Proof of mental harm (see 'serious mental harm')"), COPY,
                FROM_CLAIMANT)
        if not rows:
            row(T("损害的证明（尚未提供）", "Proof of the damage (none yet)"), ORIGINAL, FROM_CLAIMANT,
                [Way(T("收集维权开支票据、损失凭证", "Gather receipts for expenses and proof of loss"))])
    elif b.element == "causation":
        procs = [p for p in m.participants if p.defendant and p.processing is not None]
        ways = [Way(T("申请法院责令处理者提交其控制的数据流转、访问日志及安全事件记录", "Apply for an order that the "
                      "processor produce the data-flow, access logs and incident records it controls"),
                    [PRODUCE, EVIDENCE_45, EVIDENCE_48])] if procs else []
        row(T("损害与处理行为之间因果关系的证据（时间线、泄露或冒用记录、报警回执等）", "Evidence linking the damage to the "
              "processing (timeline, records of the leak or misuse, police receipts)"), COPY, FROM_CLAIMANT, ways)
    elif b.element == "amounts":
        receipts = sum(e.amount for e in h.expenses if e.receipt)
        row(T(f"损失数额的计算清单（有票据开支合计 {receipts:,.0f} 元）", f"Schedule of the amounts (expenses with receipts: "
              f"RMB {receipts:,.0f})"), ORIGINAL, FROM_CLAIMANT,
            [Way(T("损失和获益均难以确定的，请求法院根据实际情况确定赔偿数额，并提交类案作为参考", "If neither the loss nor "
                   "the gains can be fixed, ask the court to fix the amount and submit comparable decisions"))])
    elif b.element == "serious_mental_harm":
        name = {"medical": T("医疗机构诊断证明、病历及治疗费票据", "Medical certificate, records and bills"),
                "witness": T("证人证言", "Witness statements"),
                "own_statement": T("原告陈述", "The claimant's statement"),
                "none": T("严重精神损害的证明（尚未提供）", "Proof of serious mental harm (none yet)")}[h.mental_evidence]
        row(name, ORIGINAL, FROM_CLAIMANT, [Way(T("就诊并取得医疗机构的诊断证明；收集侵害影响范围的证据", "See a doctor and "
                                                 "obtain a diagnosis; gather evidence of how far the harm spread"))])
    return rows


def evidence_rows(m: Matter, a: Analysis) -> list[EvidenceRow]:
    """One or more rows for every burden row the claimant bears (except what is not at issue)."""
    out: list[EvidenceRow] = []
    for b in a.burden:
        if b.bearer == "claimant" and b.status != "not_at_issue" and not b.reform:
            out += _rows_for(b, m)
    return out


def evidence_table(doc: Doc, m: Matter, a: Analysis, lang: Lang) -> list[EvidenceRow]:
    zh = lang == "zh"
    rows = evidence_rows(m, a)
    doc.table(["序号", "证据名称", "证明目的", "原件/复印件", "来源", "现状"] if zh else
              ["No.", "Evidence", "What it proves", "Original/copy", "Source", "Status"],
              [[str(i), r.name(lang), r.purpose(lang), r.original(lang), r.source(lang), label("status", r.status, lang)]
               for i, r in enumerate(rows, 1)])
    gaps = [(i, r) for i, r in enumerate(rows, 1) if r.ways]
    if gaps:
        doc.h2("缺失或有争议的证据：取证途径" if zh else "Missing or contested evidence: how to obtain it")
        for i, r in gaps:
            doc.bullet((f"第 {i} 项（{r.purpose(lang)}）：" if zh else f"Item {i} ({r.purpose(lang)}): ") +
                       ("；" if zh else "; ").join(w.render(lang) for w in r.ways))
    served = {u for p in m.participants if p.platform for u in p.platform.serves}
    hidden = [p for p in m.participants if p.id in served and (not p.defendant or not p.identified)]
    if hidden and any(p.defendant and p.role == "network_service_provider" for p in m.participants):
        doc.h2("侵权网络用户未列为被告：请求平台披露" if zh else "The user who infringed is not sued: ask the platform")
        for w in _ways_platform(m):
            doc.bullet(w.render(lang))
    defendant = [b for b in a.burden if b.bearer == "defendant"]
    if defendant:
        doc.h2("由被告举证的事项（原告无须提交）" if zh else "For the defendants to prove (nothing to file)")
        for b in defendant:
            doc.bullet(f"{b.label(lang)}（{label('status', b.status, lang)}）：{b.if_unproven(lang)}" if zh else
                       f"{b.label(lang)} ({label('status', b.status, lang)}): {b.if_unproven(lang)}")
    return rows


def evidence_list(m: Matter, a: Analysis, lang: Lang, r: object = None, today: dt.date | None = None) -> Doc:
    """The evidence list as a document of its own."""
    zh = lang == "zh"
    doc = Doc(lang)
    doc.title("证据目录" if zh else "List of evidence")
    who = m.claimant.name or ("【待补充：原告姓名】" if zh else "[claimant]")
    defs = ("、" if zh else ", ").join(p.name for p in m.participants if p.defendant)
    doc.p(f"提交人：原告{who}；案件：{who}诉{defs}" if zh else f"Filed by the claimant {who}; case: {who} v. {defs}")
    evidence_table(doc, m, a, lang)
    doc.p(("提交日期：" if zh else "Date: ") + (today or dt.date.today()).isoformat())
    from litigation.documents.names import localise_names

    localise_names(doc, m, lang)
    return doc
