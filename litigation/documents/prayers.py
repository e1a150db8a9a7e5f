"""The requests of a statement of claim (诉讼请求), derived from the analysis only: each a concrete order against
named defendants, amounts only for heads the analysis supports and never above what the evidence shows.

Rules:
- a request only for a remedy the analysis finds available, and only if the claimant asks for it (otherwise a
  note suggests it); a requested remedy that is not available becomes a note, never a request;
- money only against the defendants liable in damages; property loss and mental harm only where causation is
  met (or not at issue); expenses only with receipts; each amount capped at the amount the claimant states;
- where contract and tort concur (claim.election) the money follows the route elected (`requests.contract_route`):
  contract damages from `contract.loss`, or the tort heads — never both for the same loss.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from litigation.facts.labels import label
from litigation.facts.matter import Matter, Participant
from litigation.i18n import T, Text
from litigation.law.analysis import Analysis
from litigation.law.citations import Citation, cc

BIOMETRIC = ("face", "fingerprint", "other_biometric")
MONEY_HEADS = ("property_damages", "reasonable_expenses", "attorney_fees", "mental_distress_damages",
               "contract_damages")
VERBS = {"collection": ("收集", "collecting"), "storage": ("存储", "storing"), "use": ("使用", "using"),
         "processing": ("加工", "processing"), "transmission": ("传输", "transmitting"),
         "provision": ("向他人提供", "providing to others"), "disclosure": ("公开", "disclosing")}
SYSTEM = {"identity_verification": ("人脸识别验证系统", "face-verification system"),
          "identification": ("人脸识别系统", "face-recognition system"),
          "analysis_marketing": ("客户识别分析系统", "customer-recognition system"),
          "public_security": ("视频监控系统", "video-surveillance system")}
DATA_ZH = {"face": "人脸信息", "fingerprint": "指纹信息", "other_biometric": "其他生物识别信息"}
DATA_EN = {"face": "face information", "fingerprint": "fingerprint data", "other_biometric": "other biometric data"}


@dataclass
class Prayer:
    code: str                      # remedy code, or "costs"
    against: list[str]
    text: Text
    amount: float | None = None    # RMB; None for a non-money request or an amount still to be supplied
    basis: list[Citation] = field(default_factory=list)
    note: Text | None = None       # how the request and its amount were derived


@dataclass
class Prayers:
    items: list[Prayer]
    notes: list[Text]              # remedies left out and why; suggestions
    route: dict[str, str]          # participant id -> "contract" | "tort" where they concur

    @property
    def total(self) -> float:
        return sum(p.amount or 0 for p in self.items)

    def money(self) -> list[Prayer]:
        return [p for p in self.items if p.code in MONEY_HEADS]

    def pending(self) -> list[Prayer]:
        return [p for p in self.money() if p.amount is None]


def _names(m: Matter, ids: list[str], zh: bool = True) -> str:
    sep = "、" if zh else ", "
    return sep.join(f"被告{m.participant(i).name}" if zh else m.participant(i).name for i in ids)


def _yuan(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _system(p: Participant) -> tuple[str, str]:
    pr = p.processing
    if pr is None:
        return "信息系统", "information systems"
    if pr.venue == "online":
        return "服务器、应用程序及网络平台账号", "servers, apps and platform accounts"
    return SYSTEM.get(pr.purpose, ("信息系统", "information systems"))


def _verbs(p: Participant) -> tuple[str, str]:
    kinds = list(dict.fromkeys(a.kind for a in (p.processing.acts if p.processing else [])))
    kinds = kinds or ["use"]
    return "、".join(VERBS[k][0] for k in kinds), ", ".join(VERBS[k][1] for k in kinds)


def _cap(supported: float, claimed: float | None) -> tuple[float, Text | None]:
    if claimed is not None and claimed < supported:
        return claimed, T(f"按原告主张的 {_yuan(claimed)} 元列明（证据支持 {_yuan(supported)} 元）",
                          f"stated at the RMB {_yuan(claimed)} claimed (evidence supports RMB {_yuan(supported)})")
    if claimed is not None and claimed > supported:
        return supported, T(f"原告主张 {_yuan(claimed)} 元，但证据仅支持 {_yuan(supported)} 元，按后者列明",
                            f"the claimant states RMB {_yuan(claimed)} but the evidence supports RMB "
                            f"{_yuan(supported)}: the latter is stated")
    return supported, None


def _routes(a: Analysis, m: Matter) -> dict[str, str]:
    out = {}
    for f in a.flags:
        if f.rule == "claim.election" and f.participant:
            out[f.participant] = "contract" if m.requests.contract_route else "tort"
    return out


def _pay_text(m: Matter, a: Analysis, ids: list[str], zh_what: str, en_what: str) -> Text:
    ext = {d.id: d.external for d in a.liability.defendants}
    joint = [i for i in ids if ext.get(i) == "joint_and_several"]
    enlarged = [i for i in ids if ext.get(i) == "joint_for_enlarged_part"]
    main = [i for i in ids if i not in enlarged]
    zh = f"判令{_names(m, main)}" + ("连带" if len(joint) > 1 else "") + \
        ("按各自责任份额" if len(main) > 1 and len(joint) < len(main) else "") + f"赔偿原告{zh_what}"
    en = f"Order {_names(m, main, False)} to pay the claimant" + (" jointly and severally" if len(joint) > 1 else "") \
        + (" according to their shares" if len(main) > 1 and len(joint) < len(main) else "") + f" {en_what}"
    if enlarged:
        zh += f"，{_names(m, enlarged)}对其中损害扩大部分承担连带责任"
        en += f", {_names(m, enlarged, False)} jointly liable for the part of the damage that grew after notice"
    return T(zh, en)


def _mental_reference(estimate: Any) -> tuple[Text, float | None] | None:
    """The comparable awards for mental distress (the estimate's head), as a note, and its 80% upper bound."""
    h = next((x for x in getattr(estimate, "heads", []) if x.head == "mental_distress"), None)
    rg = h.range if h is not None else None
    if rg is None or rg.median is None or rg.low80 is None or rg.high80 is None:
        return None
    return T(f"可比判决的精神损害抚慰金中位数 {_yuan(rg.median)} 元，80% 区间 {_yuan(rg.low80)}～{_yuan(rg.high80)} 元"
             f"（{h.n} 个争议，以判有实质赔偿为条件；见“赔偿数额参考”）",
             f"comparable awards for mental distress: median RMB {_yuan(rg.median)}, 80% range RMB "
             f"{_yuan(rg.low80)}–{_yuan(rg.high80)} ({h.n} disputes, conditional on a substantive award; see the "
             "compensation reference)"), rg.high80


def prayers(m: Matter, a: Analysis, estimate: Any = None) -> Prayers:
    """The requests the analysis supports; `estimate` (the compensation estimate, optional) adds the comparable
    range to the note of the mental-distress request."""
    rem = {r.code: r for r in a.remedies}
    sued = {p.id for p in m.participants if p.defendant}
    liable = {d.id for d in a.liability.defendants if d.external != "none"}
    routes = _routes(a, m)
    items: list[Prayer] = []
    notes: list[Text] = []

    def avail(code: str) -> list[str] | None:
        """Defendants against whom the remedy is available and requested; None (with a note) otherwise."""
        r = rem.get(code)
        if r is None:
            return None
        who = [x for x in r.against if x in sued and x in liable]
        if not r.available or not who:
            if r.requested:
                notes.append(T(f"“{label('remedy', code, 'zh')}”依现有事实不能获得支持，未列入诉讼请求",
                               f"'{label('remedy', code, 'en')}' is not available on these facts and is not "
                               "requested"))
            return None
        if not r.requested:
            notes.append(T(f"可以增加“{label('remedy', code, 'zh')}”的请求（分析认为可获支持，原告尚未选择）",
                           f"A request for '{label('remedy', code, 'en')}' could be added (available, not chosen)"))
            return None
        return who

    # deletion (CC 1037; PIPL 47) — the biometric data each defendant holds
    for pid in avail("deletion") or []:
        p = m.participant(pid)
        kinds = [k for k in (p.processing.data_kinds if p.processing else ["face"]) if k in BIOMETRIC] or ["face"]
        others = [k for k in (p.processing.data_kinds if p.processing else []) if k not in BIOMETRIC]
        sz, se = _system(p)
        items.append(Prayer("deletion", [pid], T(
            f"判令被告{p.name}删除其{sz}中存储的原告{'、'.join(DATA_ZH[k] for k in kinds)}",
            f"Order {p.name} to delete the claimant's {', '.join(DATA_EN[k] for k in kinds)} held in its {se}"),
            basis=rem["deletion"].finding.citations))
        if others:
            notes.append(T(f"{p.name}还处理了原告的{'、'.join(label('data_kind', k, 'zh') for k in others)}：本分析只认定"
                           "人脸等生物识别信息的处理违法，如请求一并删除，须另行说明理由",
                           f"{p.name} also holds the claimant's {', '.join(label('data_kind', k, 'en') for k in others)}: "
                           "the analysis covers the face and other biometric data only; deleting the rest needs its "
                           "own reasons"))
    if (rem.get("contract_deletion") and rem["contract_deletion"].available and not
            any(i.code == "deletion" for i in items)):
        for pid in avail("contract_deletion") or []:
            items.append(Prayer("contract_deletion", [pid], T(
                f"判令被告{m.participant(pid).name}删除原告的人脸信息（违约责任）",
                f"Order {m.participant(pid).name} to delete the claimant's face information (contract liability)"),
                basis=rem["contract_deletion"].finding.citations))
    # cessation (CC 995, 1167)
    stop = avail("cessation") or []
    if stop:
        ongoing = rem["cessation"].finding.branch == "ongoing"
        for pid in stop:
            p = m.participant(pid)
            vz, ve = _verbs(p)
            forged = p.processing is not None and "forgery" in p.processing.face_uses
            obj_zh = "原告的人脸信息及利用原告肖像伪造的内容" if forged else "原告的人脸信息"
            obj_en = "the claimant's face information and content forged from her or his likeness" if forged else \
                "the claimant's face information"
            items.append(Prayer("cessation", [pid], T(
                f"判令被告{p.name}立即停止{vz}{obj_zh}的行为" if ongoing else
                f"判令被告{p.name}不得再以任何方式{vz}{obj_zh}",
                f"Order {p.name} to stop {ve} {obj_en} at once" if ongoing else
                f"Order {p.name} not to resume {ve} {obj_en} in any form"), basis=rem["cessation"].finding.citations))
    # another verification method (SPC 10; PIPL 16)
    for pid in avail("alternative_verification") or []:
        items.append(Prayer("alternative_verification", [pid], T(
            f"判令被告{m.participant(pid).name}为原告提供人脸识别以外的其他合理验证方式",
            f"Order {m.participant(pid).name} to offer the claimant a reasonable verification method other than "
            "face recognition"), basis=rem["alternative_verification"].finding.citations))
    for pid in avail("void_format_clause") or []:
        items.append(Prayer("void_format_clause", [pid], T(
            f"确认被告{m.participant(pid).name}格式条款中要求原告授予其无期限限制、不可撤销或可任意转授权的人脸信息处理权的内容无效",
            f"Declare void the terms of {m.participant(pid).name}'s format clause granting it face-processing rights "
            "unlimited in time, irrevocable or freely sub-licensable"), basis=rem["void_format_clause"].finding.citations))
    # apology and eliminating effects (CC 995, 1000): the form follows the reach of the act
    apol = avail("apology") or []
    if apol:
        scope = m.harm.scope_of_impact
        eff = rem.get("eliminate_effects")
        both = bool(eff and eff.available)
        what_zh = "赔礼道歉" + ("、消除影响" if both else "")
        what_en = "apologise" + (" and eliminate the effects" if both else "")
        form = {"wide": ("在实施侵权行为的网络平台或者与侵权影响范围相当的媒体上公开发布致歉声明",
                         "publish an apology on the platforms where the infringement took place, or in media of "
                         "matching reach"),
                "limited": ("在侵权行为影响所及的范围内", "within the circle the act reached"),
                "private": ("以书面形式", "in writing")}[scope]
        items.append(Prayer("apology", apol, T(
            f"判令{_names(m, apol)}{form[0]}，向原告{what_zh}（致歉内容须经法院审核）",
            f"Order {_names(m, apol, False)} to {form[1]} and {what_en} to the claimant (the text to be approved by "
            "the court)"), basis=[cc(995), cc(1000, 1)]))
    if rem.get("injunction") and rem["injunction"].available:
        notes.append(T("人格权侵害禁令不列为诉讼请求，可另行向法院申请（民法典第九百九十七条）",
                       "A personality-right injunction is applied for separately, not as a request (CC 997)"))

    # money
    h = m.harm
    causation = next((b for b in a.burden if b.element == "causation"), None)
    caused = causation is None or causation.status in ("met", "not_at_issue")
    mental_row = next((b for b in a.burden if b.element == "serious_mental_harm"), None)
    cl = m.requests.claimed

    def tort_payers(code: str) -> list[str]:
        who = avail(code) or []
        kept = [x for x in who if routes.get(x) != "contract"]
        if who and not kept:
            notes.append(T(f"原告已选择违约之诉（民法典第一百八十六条），“{label('remedy', code, 'zh')}”不再依侵权主张",
                           f"The claimant elected the contract route (CC 186): '{label('remedy', code, 'en')}' is not "
                           "claimed in tort"))
        return kept

    pay = tort_payers("property_damages")
    if pay:
        supported = h.economic_loss if h.economic_loss_proof != "none" else 0.0
        if not supported and h.infringer_gains:
            supported = h.infringer_gains
        if not caused:
            notes.append(T("因果关系尚未证明（见举证责任），财产损失不列入诉讼请求", "Causation is not proved (see the "
                           "burden of proof): property loss is not requested"))
        elif supported <= 0:
            notes.append(T("财产损失没有证据支持，未列明金额；如需主张，请补充证据或请求法院酌定",
                           "No evidence supports a property loss: no amount is stated"))
        else:
            amt, why = _cap(supported, cl.economic_loss)
            items.append(Prayer("property_damages", pay, _pay_text(m, a, pay, f"财产损失 {_yuan(amt)} 元",
                                                                   f"RMB {_yuan(amt)} for property loss"), amt,
                                rem["property_damages"].finding.citations, why))
    pay = tort_payers("reasonable_expenses")
    if pay:
        with_receipt = sum(e.amount for e in h.expenses if e.kind != "attorney_fees" and e.receipt)
        without = sum(e.amount for e in h.expenses if e.kind != "attorney_fees" and not e.receipt)
        if without:
            notes.append(T(f"另有 {_yuan(without)} 元开支尚无票据，未计入；取得票据后可增加", f"RMB {_yuan(without)} of "
                           "expenses have no receipt and are left out; add them once receipted"))
        if with_receipt > 0:
            amt, why = _cap(with_receipt, cl.reasonable_expenses)
            items.append(Prayer("reasonable_expenses", pay, _pay_text(
                m, a, pay, f"为制止侵权行为所支付的合理开支 {_yuan(amt)} 元", f"RMB {_yuan(amt)} for the reasonable "
                "expenses of stopping the infringement"), amt, rem["reasonable_expenses"].finding.citations, why))
    pay = tort_payers("attorney_fees")
    if pay:
        fees = sum(e.amount for e in h.expenses if e.kind == "attorney_fees" and e.receipt)
        if fees > 0:
            amt, why = _cap(fees, cl.attorney_fees)
            items.append(Prayer("attorney_fees", pay, _pay_text(m, a, pay, f"律师费 {_yuan(amt)} 元",
                                                                f"RMB {_yuan(amt)} for attorney fees"), amt,
                                rem["attorney_fees"].finding.citations, why))
    pay = tort_payers("mental_distress_damages")
    if pay:
        if not caused or mental_row is None or mental_row.status == "missing":
            notes.append(T("严重精神损害或因果关系尚无证据，精神损害抚慰金不列入诉讼请求", "Serious mental harm or causation "
                           "is not evidenced: no mental-distress damages are requested"))
        else:
            amt = cl.mental_distress
            ref = _mental_reference(estimate)
            if amt is None:
                why = T("数额由原告确定（精神损害赔偿解释第五条所列因素）" + (f"；{ref[0].zh}" if ref else
                                                         "；可参考“赔偿数额参考”中的类案区间"),
                        "The claimant fixes the amount (factors of SPC Mental-Harm Interpretation Art 5)" +
                        (f"; {ref[0].en}" if ref else "; see the comparable-case ranges"))
            elif ref and amt > ref[1]:
                why = T(f"请求额 {_yuan(amt)} 元高于类案 80% 区间的上限：{ref[0].zh}；法院通常在区间内酌定",
                        f"The amount claimed (RMB {_yuan(amt)}) is above the comparables' 80% range: {ref[0].en}; "
                        "courts usually fix it within the range")
            else:
                why = T(f"请求额为原告主张的数额；{ref[0].zh}", f"The amount is the one claimed; {ref[0].en}") \
                    if ref else None
            items.append(Prayer("mental_distress_damages", pay, _pay_text(
                m, a, pay, f"精神损害抚慰金 {_yuan(amt) if amt is not None else '【待补充：金额】'} 元",
                f"RMB {_yuan(amt) if amt is not None else '[to be supplied]'} for mental distress"), amt,
                rem["mental_distress_damages"].finding.citations, why))
    r = rem.get("contract_damages")
    if r is not None and r.available:
        owed = [x for x in r.against if x in sued and routes.get(x, "contract") == "contract"]
        if not r.requested:
            owed = []
        left = [x for x in r.against if x not in owed and x in sued]
        if left and routes:
            notes.append(T("原告选择侵权之诉，违约损害赔偿不再主张（民法典第一百八十六条）；如改选违约之诉，可请求赔偿合同损失",
                           "The claimant elected tort: contract damages are not claimed (CC 186); electing contract "
                           "instead, the contract loss can be claimed"))
        claimed_total = sum(x for x in (cl.economic_loss, cl.reasonable_expenses) if x is not None) or None
        for pid in owed:
            k = m.participant(pid).contract
            if k.loss_proof == "none":
                notes.append(T(f"{m.participant(pid).name}的违约损失尚无证据，未列明金额", f"{m.participant(pid).name}'s "
                               "contract loss is not evidenced: no amount stated"))
                continue
            amt, why = _cap(k.loss, claimed_total)
            items.append(Prayer("contract_damages", [pid], T(
                f"判令被告{m.participant(pid).name}赔偿原告因违约造成的损失 {_yuan(amt)} 元",
                f"Order {m.participant(pid).name} to pay the claimant RMB {_yuan(amt)} for the loss caused by its "
                "breach"), amt, r.finding.citations, why))
    payers = [d.id for d in a.liability.defendants if d.external != "none" and d.id in sued]
    if items and payers:
        items.append(Prayer("costs", payers, T(f"判令{_names(m, payers)}承担本案诉讼费用",
                                               f"Order {_names(m, payers, False)} to bear the costs of the suit")))
    return Prayers(items, notes, routes)
