"""Court and procedure for a statement of claim: the competent court, limitation, the court fee and the
small-claims threshold — pure functions, each conclusion with the articles it rests on.

Sources: the official texts in ../shared/legal/texts/ (CPL 2023, SPC CPL Interpretation 2022, 诉讼费用交纳办法,
Civil Code Book 1). What rests only on secondary knowledge (the internet courts' remit; the law before 2021) is
labelled so (`secondary=True`, and V-2nd citations).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from litigation.facts.matter import Matter
from litigation.i18n import Lang, T, Text
from litigation.law.analysis import Analysis
from litigation.law.citations import Citation, cc, cite, gpcl

CPL24 = cite("CPL-2023", 24)
CPL29 = cite("CPL-2023", 29)
CPL165 = cite("CPL-2023", 165, 1)
CPL165_2 = cite("CPL-2023", 165, 2)
INTERP24 = cite("SPC-CPL-2022", 24)
INTERP25 = cite("SPC-CPL-2022", 25)
FEE_PROPERTY = cite("LITIGATION-FEES-2006", 13, item=1)
FEE_PERSONALITY = cite("LITIGATION-FEES-2006", 13, item=2)
FEE_SIMPLIFIED = cite("LITIGATION-FEES-2006", 16)
FEE_LOSER = cite("LITIGATION-FEES-2006", 29)
INTERNET_COURT_CITIES = ("北京", "杭州", "广州")
TORT_CLAIMS = ("personal_information", "portrait", "reputation", "privacy", "consumer")


@dataclass
class Point:
    """One procedural conclusion, with its basis."""

    title: Text
    text: Text
    citations: list[Citation] = field(default_factory=list)
    secondary: bool = False  # rests on secondary knowledge, not on a text the project holds

    def basis(self, lang: Lang) -> str:
        return ("、" if lang == "zh" else "; ").join(c.formal(lang) for c in self.citations)


# --------------------------------------------------------------------------- court fee
# 诉讼费用交纳办法 Art 13(1): property cases, cumulative brackets on the amount claimed (upper bound, rate).
PROPERTY_BRACKETS: tuple[tuple[float, float], ...] = (
    (100_000, 0.025), (200_000, 0.02), (500_000, 0.015), (1_000_000, 0.01), (2_000_000, 0.009),
    (5_000_000, 0.008), (10_000_000, 0.007), (20_000_000, 0.006), (float("inf"), 0.005),
)


def property_fee(amount: float) -> float:
    """Case fee of a property case (Art 13(1)): 50 yuan up to 10,000; then each part at its rate."""
    if amount < 0:
        raise ValueError(amount)
    fee, lower = 50.0, 10_000.0
    for upper, rate in PROPERTY_BRACKETS:
        if amount <= lower:
            break
        fee += (min(amount, upper) - lower) * rate
        lower = upper
    return round(fee, 2)


def personality_fee(damages: float) -> tuple[float, float]:
    """Case fee of a personality-right case (Art 13(2) point 2): 100-500 yuan a case (the province fixes the figure),
    plus 1% of the damages over 50,000 up to 100,000 and 0.5% of the part over 100,000. Returns (lowest, highest)."""
    if damages < 0:
        raise ValueError(damages)
    extra = max(0.0, min(damages, 100_000) - 50_000) * 0.01 + max(0.0, damages - 100_000) * 0.005
    return round(100 + extra, 2), round(500 + extra, 2)


def yuan(x: float) -> str:
    return f"{x:,.2f}".rstrip("0").rstrip(".") + " 元"


def fee_point(amount: float, claims: list[str]) -> Point:
    """The case fee for a statement of claim asking for `amount` yuan on the claims `claims` (codes)."""
    halved = "简易程序审理的，减半交纳（第十六条）"
    halved_en = "halved under the simplified procedure (Art 16)"
    if "contract" in claims and not any(c in TORT_CLAIMS for c in claims):
        f = property_fee(amount)
        return Point(T("案件受理费", "Court fee"), T(
            f"合同纠纷按财产案件计收：诉讼请求金额 {yuan(amount)}，分段累计应交 {yuan(f)}；{halved}为 {yuan(f / 2)}。"
            "诉讼费用由败诉方负担（第二十九条）",
            f"A contract dispute is charged as a property case: on RMB {amount:,.2f} claimed the cumulative brackets give "
            f"RMB {f:,.2f}; {halved_en}: RMB {f / 2:,.2f}. The losing party bears the costs (Art 29)"),
            [FEE_PROPERTY, FEE_SIMPLIFIED, FEE_LOSER])
    lo, hi = personality_fee(amount)
    alt = property_fee(amount)
    return Point(T("案件受理费", "Court fee"), T(
        f"侵害人格权案件每件交纳 100 元至 500 元（具体标准由省级规定）；赔偿金额 {yuan(amount)}，"
        + ("不超过 5 万元，不另行交纳" if amount <= 50_000 else "超过 5 万元的部分另按比例交纳") +
        f"，合计 {yuan(lo)} 至 {yuan(hi)}；{halved}为 {yuan(lo / 2)} 至 {yuan(hi / 2)}。"
        "个人信息权益规定于民法典人格权编，按“其他人格权”案件计收是推断；如受诉法院按财产案件计收，"
        f"分段累计为 {yuan(alt)}（第十三条第一项）。诉讼费用由败诉方负担（第二十九条）",
        f"A personality-right case costs RMB 100 to 500 (the province fixes the figure); on damages of RMB "
        f"{amount:,.2f} " + ("(not over 50,000: nothing extra)" if amount <= 50_000 else
                             "(the part over 50,000 is charged by rate)") +
        f", in all RMB {lo:,.2f} to {hi:,.2f}; {halved_en}: RMB {lo / 2:,.2f} to {hi / 2:,.2f}. Charging a "
        "personal-information claim as an 'other personality right' is an inference (the Civil Code places it in the "
        f"personality-rights book); a court charging it as a property case would ask RMB {alt:,.2f} (Art 13(1)). The "
        "losing party bears the costs (Art 29)"),
        [FEE_PERSONALITY, FEE_PROPERTY, FEE_SIMPLIFIED, FEE_LOSER])


# --------------------------------------------------------------------------- small claims
def small_claims_point(m: Matter, amount: float, non_money: bool) -> Point:
    """CPL 165: a simple money-payment case at a basic court, amount at most 50% of the province's average annual
    wage of employed persons in the previous year (final at first instance). The wage figure is not in the
    sources the project holds, so no threshold in yuan is given."""
    prov = m.claimant.forum_province or "受诉法院所在省"
    prov_en = m.claimant.forum_province or "the province"
    if non_money:
        return Point(T("小额诉讼程序", "Small-claims procedure"), T(
            "本案请求删除、停止侵害或赔礼道歉等非金钱给付事项，不属于“简单金钱给付民事案件”，不适用小额诉讼程序",
            "The claim asks for deletion, stopping or an apology as well as money: it is not a 'simple money-payment "
            "case', so the small-claims procedure does not apply"), [CPL165])
    return Point(T("小额诉讼程序", "Small-claims procedure"), T(
        f"标的额 {yuan(amount)}。事实清楚、争议不大的简单金钱给付案件，标的额在{prov}上年度就业人员年平均工资百分之五十以下的，"
        "适用小额诉讼程序，一审终审；超过百分之五十但在二倍以下的，双方可以约定适用。本工具未收录各省就业人员年平均工资数据，"
        "请查询当地统计部门或法院公布的标准后判断",
        f"Amount RMB {amount:,.2f}. A simple money-payment case whose amount is at most 50% of {prov_en}'s average "
        "annual wage of employed persons in the previous year goes to the small-claims procedure, final at first "
        "instance; above 50% and up to twice, the parties may agree to it. FaceTort holds no provincial wage figures: "
        "check the figure published locally"), [CPL165, CPL165_2])


# --------------------------------------------------------------------------- competent court
def online(m: Matter) -> bool:
    return any(p.role == "network_service_provider" or (p.processing is not None and p.processing.venue == "online")
               for p in m.participants)


def court_points(m: Matter, claims: list[str]) -> list[Point]:
    """Which courts have jurisdiction: tort (CPL 29; SPC CPL Interp 24, 25 online), contract (CPL 24), and the
    internet courts (secondary knowledge)."""
    defs = [p for p in m.participants if p.defendant]
    dom = "；".join(f"{p.name}：{p.address or '【待补充：住所地】'}" for p in defs) or "【待补充】"
    dom_en = "; ".join(f"{p.name}: {p.address or '[to be supplied: domicile]'}" for p in defs) or "[to be supplied]"
    out: list[Point] = []
    if any(c in TORT_CLAIMS for c in claims):
        out.append(Point(T("侵权纠纷的管辖", "Jurisdiction over the tort"), T(
            f"由侵权行为地（包括侵权行为实施地、侵权结果发生地）或者被告住所地人民法院管辖。被告住所地：{dom}",
            f"The court of the place of the tort (where the act was done and where its result occurred) or of the "
            f"defendant's domicile. Defendants' domicile: {dom_en}"), [CPL29, INTERP24]))
        if online(m):
            home = m.claimant.address or "【待补充：原告住所地】"
            home_en = m.claimant.address or "[to be supplied: claimant's domicile]"
            out.append(Point(T("信息网络侵权", "Online tort"), T(
                f"信息网络侵权行为实施地包括实施被诉侵权行为的计算机等信息设备所在地，侵权结果发生地包括被侵权人住所地，"
                f"原告可以向其住所地（{home}）人民法院起诉",
                f"For an online tort the place of the act includes where the device used was, and the place of the "
                f"result includes the victim's domicile: the claimant may sue at home ({home_en})"), [INTERP25]))
            city = m.claimant.forum_city
            if any(c in (city or "") for c in INTERNET_COURT_CITIES) or m.claimant.forum_court_level == "internet":
                out.append(Point(T("互联网法院", "Internet court"), T(
                    "北京、杭州、广州互联网法院集中管辖所在市辖区内应由基层人民法院受理的特定类型互联网第一审案件，"
                    "据公开资料包括在互联网上侵害他人人身权、财产权等民事权益的纠纷，并提供在线诉讼、电子证据平台等服务。"
                    "【据二手资料：《最高人民法院关于互联网法院审理案件若干问题的规定》（2018年）未收录于本项目的法律文本，"
                    "其条文和受案范围须核实】",
                    "The Beijing, Hangzhou and Guangzhou internet courts hear, for their city, certain first-instance "
                    "online cases that basic courts would hear — by public sources including infringement of personal "
                    "and property rights on the internet — online, with electronic-evidence platforms. [Secondary: the "
                    "SPC Provisions on internet courts (2018) are not among the texts FaceTort holds; check the article "
                    "and the remit]"), [], secondary=True))
    if "contract" in claims:
        out.append(Point(T("合同纠纷的管辖", "Jurisdiction over the contract"), T(
            f"因合同纠纷提起的诉讼，由被告住所地或者合同履行地人民法院管辖。被告住所地：{dom}",
            f"A contract dispute goes to the court of the defendant's domicile or of the place of performance. "
            f"Defendants' domicile: {dom_en}"), [CPL24]))
    return out


def court_name(m: Matter, lang: Lang) -> str:
    """The court the statement is addressed to: the one entered, else a marked gap naming the place."""
    if m.claimant.court_name:
        return m.claimant.court_name
    where = " ".join(x for x in (m.claimant.forum_province, m.claimant.forum_city) if x)
    if lang == "zh":
        return f"【待补充：受诉人民法院名称{('（' + where + '）') if where else ''}】"
    return f"[to be supplied: the court{(' (' + where + ')') if where else ''}]"


# --------------------------------------------------------------------------- limitation
def _add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def limitation_points(m: Matter, a: Analysis) -> list[Point]:
    """Damages: three years from knowledge of the harm and of the obligor (CC 188; GP 188 for conduct wholly before
    2021). Stopping, eliminating effects and apology: no limitation (CC 995); deletion by inference."""
    old = bool(a.governing) and all(f.facts.get("regime") == "old_law" for f in a.governing)
    starts = sorted(x.start for p in m.participants if p.processing for x in p.processing.acts)
    ongoing = any(x.ongoing for p in m.participants if p.processing for x in p.processing.acts)
    out: list[Point] = []
    if old:
        cites = [gpcl(188)]
        zh = ("行为均发生在2021年以前，损害赔偿请求的诉讼时效依当时的《民法总则》第一百八十八条：三年，自权利人知道或者应当知道"
              "权利受到损害以及义务人之日起计算（该法已废止，本项目未收录原文，条文据二手资料）")
        en = ("The conduct is wholly before 2021: the damages claims' limitation follows the General Provisions Art 188 "
              "then in force — three years from when the right-holder knew or should have known of the harm and of "
              "the obligor (repealed; not among the texts held, secondary source)")
    else:
        cites = [cc(188, 1), cc(188, 2)]
        zh = ("损害赔偿（含违约损害赔偿）请求的诉讼时效期间为三年，自权利人知道或者应当知道权利受到损害以及义务人之日起计算；"
              "自权利受到损害之日起超过二十年的，人民法院不予保护")
        en = ("Damages claims (contract damages included) are barred three years after the right-holder knew or should "
              "have known of the harm and of the obligor, and in any event twenty years after the harm")
    if starts:
        first = starts[0]
        end = _add_years(first, 3)
        zh += (f"。本工具未记录原告知道的日期：如自最早的行为日 {first.isoformat()} 起算，至 {end.isoformat()} 届满"
               + ("（分析日已超过该日，须核实知道之日及中断、中止事由）" if a.as_of > end else "")
               + ("；行为仍在持续的，起算点须结合行为持续情况判断" if ongoing else ""))
        en += (f". FaceTort does not record when the claimant knew: counted from the earliest act ({first.isoformat()}) "
               f"the period ends on {end.isoformat()}" + (" (the analysis date is past it: check when the claimant "
                                                          "knew, and any interruption or suspension)" if a.as_of > end
                                                          else "") +
               ("; for an ongoing act the start must be judged on how it continued" if ongoing else ""))
    out.append(Point(T("诉讼时效（损害赔偿）", "Limitation (damages)"), T(zh, en), cites, secondary=old))
    out.append(Point(T("不适用诉讼时效的请求", "Claims not subject to limitation"), T(
        "停止侵害、排除妨碍、消除危险、消除影响、恢复名誉、赔礼道歉请求权，不适用诉讼时效的规定。民法典第九百九十五条未列举“删除”，"
        "本文书将删除人脸信息的请求视为停止侵害的方式，据此推断其不受诉讼时效限制"
        + ("；行为发生在2021年以前的，能否适用该条，本工具不作认定" if old else ""),
        "Claims to stop the infringement, remove an obstruction, eliminate a danger, eliminate effects, restore "
        "reputation or apologise are not subject to limitation. CC 995 does not list deletion: this document treats "
        "deletion of the face information as a way of stopping the infringement and infers that it is not "
        "time-barred either" + ("; whether the article reaches conduct before 2021 is not decided here" if old else "")),
        [cc(995), cc(196, item=1)]))
    return out
