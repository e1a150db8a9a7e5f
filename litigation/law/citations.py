"""Instruments and article citations.

Every rule carries one or more `Citation`s. Instrument codes are stable identifiers used in
the JSON output (documented in the README); labels are for people. Effective dates and
verification labels come from ../shared/legal/reference.md.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from litigation.i18n import Lang, Text

Verification = Literal["V-full", "V-quote", "V-2nd", "UNVERIFIED"]


class Instrument(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    name: Text
    short: Text
    effective: dt.date | None
    kind: Literal["statute", "judicial_interpretation", "administrative_regulation", "departmental_rule", "foreign"]
    verification: Verification = "V-full"
    ceased: dt.date | None = None  # last day in force (repealed instruments)


INSTRUMENTS: dict[str, Instrument] = {
    i.code: i
    for i in [
        Instrument(
            code="CC-2020",
            name=Text(zh="中华人民共和国民法典", en="Civil Code of the PRC"),
            short=Text(zh="民法典", en="Civil Code"),
            effective=dt.date(2021, 1, 1),
            kind="statute",
        ),
        Instrument(
            code="PIPL-2021",
            name=Text(zh="中华人民共和国个人信息保护法", en="Personal Information Protection Law"),
            short=Text(zh="个人信息保护法", en="PIPL"),
            effective=dt.date(2021, 11, 1),
            kind="statute",
        ),
        Instrument(
            code="SPC-FRT-2021",
            name=Text(
                zh="最高人民法院关于审理使用人脸识别技术处理个人信息相关民事案件适用法律若干问题的规定（法释〔2021〕15号）",
                en="SPC Provisions on civil cases involving face recognition (Fa Shi [2021] No. 15)",
            ),
            short=Text(zh="人脸识别规定", en="SPC Face Provisions"),
            effective=dt.date(2021, 8, 1),
            kind="judicial_interpretation",
        ),
        Instrument(
            code="SPC-MENTAL-2020",
            name=Text(
                zh="最高人民法院关于确定民事侵权精神损害赔偿责任若干问题的解释（2020年修正）",
                en="SPC Interpretation on mental-harm damages in civil torts (2020 amendment)",
            ),
            short=Text(zh="精神损害赔偿解释", en="SPC Mental-Harm Interpretation"),
            effective=dt.date(2021, 1, 1),
            kind="judicial_interpretation",
        ),
        Instrument(
            code="CPL-2023",
            name=Text(zh="中华人民共和国民事诉讼法", en="Civil Procedure Law"),
            short=Text(zh="民事诉讼法", en="Civil Procedure Law"),
            effective=None,  # amendment dates are unverified in the reference; the cited text is unchanged
            kind="statute",
        ),
        Instrument(
            code="SPC-CPL-2022",
            name=Text(
                zh="最高人民法院关于适用《中华人民共和国民事诉讼法》的解释",
                en="SPC Interpretation on the application of the Civil Procedure Law",
            ),
            short=Text(zh="民诉法解释", en="SPC CPL Interpretation"),
            effective=dt.date(2022, 4, 10),
            kind="judicial_interpretation",
        ),
        Instrument(
            code="SPC-EVIDENCE-2019",
            name=Text(zh="最高人民法院关于民事诉讼证据的若干规定（2019年修正）",
                      en="SPC Provisions on evidence in civil proceedings (2019 amendment)"),
            short=Text(zh="民事诉讼证据规定", en="SPC Evidence Provisions"),
            effective=dt.date(2020, 5, 1),
            kind="judicial_interpretation",
        ),
        Instrument(
            code="SPC-ONLINE-2020",
            name=Text(zh="最高人民法院关于审理利用信息网络侵害人身权益民事纠纷案件适用法律若干问题的规定（2020年修正）",
                      en="SPC Provisions on civil disputes over infringement of personal rights through information "
                         "networks (2020 amendment)"),
            short=Text(zh="信息网络侵害人身权益规定", en="SPC Online-Infringement Provisions"),
            effective=None,  # 2014, amended 2020: the dates are not in the text the project holds
            kind="judicial_interpretation",
        ),
        Instrument(
            code="LITIGATION-FEES-2006",
            name=Text(zh="诉讼费用交纳办法（国务院令第481号）", en="Measures on the payment of litigation costs (State "
                                                         "Council Order No. 481)"),
            short=Text(zh="诉讼费用交纳办法", en="Litigation Costs Measures"),
            effective=dt.date(2007, 4, 1),
            kind="administrative_regulation",
        ),
        Instrument(
            code="CC-TEMPORAL-2020",
            name=Text(zh="最高人民法院关于适用《中华人民共和国民法典》时间效力的若干规定",
                      en="SPC Provisions on the temporal effect of the Civil Code"),
            short=Text(zh="民法典时间效力规定", en="SPC Temporal-Effect Provisions"),
            effective=dt.date(2021, 1, 1),
            kind="judicial_interpretation",
        ),
        Instrument(
            code="CSL-2016",
            name=Text(zh="中华人民共和国网络安全法", en="Cybersecurity Law of the PRC (2016 text)"),
            short=Text(zh="网络安全法", en="Cybersecurity Law"),
            effective=dt.date(2017, 6, 1),
            kind="statute",
            # Amended and renumbered from 2026-01-01 (the new numbers are unverified): the 2016 numbering is
            # cited for acts up to 2025-12-31 only.
            ceased=dt.date(2025, 12, 31),
        ),
        Instrument(
            code="CPRL-2013",
            name=Text(zh="中华人民共和国消费者权益保护法", en="Consumer Rights Protection Law (2013 amendment)"),
            short=Text(zh="消费者权益保护法", en="Consumer Protection Law"),
            effective=dt.date(2014, 3, 15),
            kind="statute",
        ),
        Instrument(
            code="GPCL-2017",
            name=Text(zh="中华人民共和国民法总则", en="General Provisions of the Civil Law (2017-10-01 to 2020-12-31)"),
            short=Text(zh="民法总则", en="General Provisions"),
            effective=dt.date(2017, 10, 1),
            kind="statute",
            verification="V-2nd",
            ceased=dt.date(2020, 12, 31),
        ),
        Instrument(
            code="TORT-LAW-2009",
            name=Text(zh="中华人民共和国侵权责任法", en="Tort Liability Law (2010-07-01 to 2020-12-31)"),
            short=Text(zh="侵权责任法", en="Tort Liability Law"),
            effective=dt.date(2010, 7, 1),
            kind="statute",
            verification="V-2nd",
            ceased=dt.date(2020, 12, 31),
        ),
        Instrument(
            code="CONTRACT-LAW-1999",
            name=Text(zh="中华人民共和国合同法", en="Contract Law (1999-10-01 to 2020-12-31)"),
            short=Text(zh="合同法", en="Contract Law"),
            effective=dt.date(1999, 10, 1),
            kind="statute",
            verification="V-2nd",
            ceased=dt.date(2020, 12, 31),
        ),
        Instrument(
            code="FRT-MEASURES-2025",
            name=Text(
                zh="人脸识别技术应用安全管理办法（国家网信办、公安部令第19号）",
                en="CAC/MPS Measures for the security management of face recognition applications (Order No. 19)",
            ),
            short=Text(zh="人脸识别办法", en="FRT Measures 2025"),
            effective=dt.date(2025, 6, 1),
            kind="departmental_rule",
            verification="V-quote",
        ),
        Instrument(
            code="CRIM-LAW",
            name=Text(zh="中华人民共和国刑法（刑法修正案（九））", en="Criminal Law (as amended by Amendment IX)"),
            short=Text(zh="刑法", en="Criminal Law"),
            effective=dt.date(2015, 11, 1),
            kind="statute",
        ),
        Instrument(
            code="SPC-SPP-PI-CRIM-2017",
            name=Text(
                zh="最高人民法院、最高人民检察院关于办理侵犯公民个人信息刑事案件适用法律若干问题的解释",
                en="SPC/SPP Interpretation on criminal cases of infringing citizens' personal information",
            ),
            short=Text(zh="个人信息刑事解释", en="SPC/SPP PI Criminal Interpretation"),
            effective=dt.date(2017, 6, 1),
            kind="judicial_interpretation",
        ),
    ]
}


class Citation(BaseModel):
    """One article (optionally paragraph and item) of one instrument."""

    model_config = ConfigDict(frozen=True)

    instrument: str
    article: int | str
    paragraph: int | None = None
    item: int | None = None
    verification: Verification = "V-full"

    def label(self, lang: Lang) -> str:
        inst = INSTRUMENTS[self.instrument]
        if lang == "zh":
            s = f"《{inst.short.zh}》{zh_article(self.article)}"
            if self.paragraph:
                s += f"第{self.paragraph}款"
            if self.item:
                s += f"第({self.item})项"
        else:
            s = f"{inst.short.en} Art {self.article}"
            if self.paragraph:
                s += f"({self.paragraph})"
            if self.item:
                s += f" item {self.item}"
        if self.verification in ("V-2nd", "UNVERIFIED"):
            s += " [未经核实]" if lang == "zh" else " [unverified]"
        return s

    def formal(self, lang: Lang) -> str:
        """The citation as a court writes it: 《中华人民共和国刑法》第二百五十三条之一第一款第一项 (full title,
        Chinese numerals); in English the instrument's full name with Art/para/item."""
        inst = INSTRUMENTS[self.instrument]
        if lang == "zh":
            title = inst.name.zh.split("（")[0].replace("《", "〈").replace("》", "〉")
            main, _, sub = str(self.article).partition("-")
            art = f"{zh_number(int(main))}条" + (f"之{zh_number(int(sub))}" if sub.isdigit() else "")
            s = f"《{title}》第{art}"
            if self.paragraph:
                s += f"第{zh_number(self.paragraph)}款"
            if self.item:
                s += f"第{zh_number(self.item)}项"
        else:
            s = f"{inst.name.en}, Art {self.article}"
            if self.paragraph:
                s += f"({self.paragraph})"
            if self.item:
                s += f" item {self.item}"
        if self.verification in ("V-2nd", "UNVERIFIED"):
            s += "［未经核实］" if lang == "zh" else " [unverified]"
        return s

    def key(self) -> tuple:
        """Identity and order: articles sort by number (2 < 13 < 1035; 253 < 253-1 < 254)."""
        main, _, sub = str(self.article).partition("-")
        return (self.instrument, int(main) if main.isdigit() else 0, int(sub) if sub.isdigit() else 0,
                str(self.article), self.paragraph or 0, self.item or 0)


_DIGITS = "零一二三四五六七八九"


def zh_number(n: int) -> str:
    """Chinese numerals as statutes write them: 12 十二, 110 一百一十, 1019 一千零一十九, 253 二百五十三."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            out += ("零" if zero and out else "") + _DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out


def zh_article(article: int | str) -> str:
    """'第1165条'; an inserted article such as '253-1' as the statute writes it: 第二百五十三条之一."""
    main, _, sub = str(article).partition("-")
    if sub.isdigit() and main.isdigit():
        return f"第{zh_number(int(main))}条之{zh_number(int(sub))}"
    return f"第{article}条"

def cite(instrument: str, article: int | str, paragraph: int | None = None, item: int | None = None,
         verification: Verification = "V-full") -> Citation:
    if instrument not in INSTRUMENTS:
        raise KeyError(f"unknown instrument code {instrument!r}")
    return Citation(instrument=instrument, article=article, paragraph=paragraph, item=item,
                    verification=verification)


# Short aliases used by the rule modules.
def spc(article: int, item: int | None = None, paragraph: int | None = None) -> Citation:
    return cite("SPC-FRT-2021", article, paragraph, item)


def pipl(article: int, paragraph: int | None = None, item: int | None = None) -> Citation:
    return cite("PIPL-2021", article, paragraph, item)


def cc(article: int, paragraph: int | None = None, item: int | None = None) -> Citation:
    return cite("CC-2020", article, paragraph, item)


# The law before 2021. The General Provisions, the Tort Liability Law and the Contract Law were repealed by the
# Civil Code and are not in the official texts the project holds: their citations carry V-2nd.
def csl(article: int, paragraph: int | None = None) -> Citation:
    return cite("CSL-2016", article, paragraph)


def cprl(article: int, paragraph: int | None = None) -> Citation:
    return cite("CPRL-2013", article, paragraph)


def gpcl(article: int, paragraph: int | None = None) -> Citation:
    return cite("GPCL-2017", article, paragraph, verification="V-2nd")


def tll(article: int, paragraph: int | None = None) -> Citation:
    return cite("TORT-LAW-2009", article, paragraph, verification="V-2nd")


def contract_law(article: int, paragraph: int | None = None) -> Citation:
    return cite("CONTRACT-LAW-1999", article, paragraph, verification="V-2nd")
