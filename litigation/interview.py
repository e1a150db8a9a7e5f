"""The guided interview as data: steps, questions, help texts and a glossary, in Chinese and English.

Nothing here draws a screen. The Streamlit layer (`ui/`) walks `STEPS` and writes each answer
into one answers dict (the shape of a matter file, plus answers kept for questions that are
currently hidden). `effective()` turns the answers into the matter that is validated and
analysed: hidden questions fall back to their defaults, so a user who toggles an answer back
gets the earlier answers again (going back never loses answers).

Paths are dotted. In a step with `scope="participant"` a question's path is relative to one
participant (`participants.<i>.`); a condition path starting with `$.` is read from the matter.
Select options are read from the matter model's `Literal` types, so new codes appear here
automatically; their labels come from `litigation.labels` (or `EXTRA_LABELS` below).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from litigation import labels as engine_labels
from litigation import matter as mm
from litigation.i18n import Lang, Text
from litigation.matter import FORMAT, VERSION

T = Text
PROCESSOR_ROLES = ("processor", "joint_processor", "entrusted_processor", "recipient")

Widget = Literal[
    "text", "textarea", "select", "bool", "tristate", "date", "money", "opt_money", "opt_int", "fraction",
    "weight", "refs", "acts", "expenses", "defenses", "groups", "entrustments", "assistance",
]
LIST_WIDGETS = ("acts", "expenses", "defenses", "groups", "entrustments", "assistance")


def _t(zh: str, en: str) -> Text:
    return Text(zh=zh, en=en)


# --------------------------------------------------------------------------- conditions
@dataclass(frozen=True)
class Cond:
    """Visibility condition: `path` (relative to the step's scope, or `$.` for the matter) `op` `value`."""

    path: str
    op: Literal["eq", "ne", "in", "not_in", "true", "false", "min_len"] = "true"
    value: Any = None

    def holds(self, answers: dict, base: str) -> bool:
        p = self.path[2:] if self.path.startswith("$.") else (f"{base}.{self.path}" if base else self.path)
        v = get_in(answers, p)
        return {
            "eq": lambda: v == self.value,
            "ne": lambda: v != self.value,
            "in": lambda: v in self.value,
            "not_in": lambda: v not in self.value,
            "true": lambda: bool(v),
            "false": lambda: not v,
            "min_len": lambda: len(v or []) >= self.value,
        }[self.op]()


def is_processor(path: str = "role") -> Cond:
    return Cond(path, "in", PROCESSOR_ROLES)


def is_platform() -> Cond:
    return Cond("role", "eq", "network_service_provider")


# --------------------------------------------------------------------------- questions and steps
@dataclass(frozen=True)
class Question:
    id: str
    path: str
    widget: Widget
    label: Text
    help: Text | None = None
    group: str | None = None          # label group for select options
    options: tuple[str, ...] | None = None  # codes; None = read from the model
    visible: tuple[Cond, ...] = ()
    key_fact: bool = False            # offered in "what if" panels (teaching, compensation)
    terms: tuple[str, ...] = ()       # glossary terms explained next to the question

    def shown(self, answers: dict, base: str = "") -> bool:
        return all(c.holds(answers, base) for c in self.visible)


@dataclass(frozen=True)
class Step:
    id: str
    title: Text
    intro: Text
    questions: tuple[Question, ...]
    scope: Literal["matter", "participant"] = "matter"
    applies_to: tuple[Cond, ...] = ()   # participant scope: which participants the step asks about
    visible: tuple[Cond, ...] = ()      # matter-level condition for the whole step
    errors: tuple[str, ...] = ()        # regexes of validation-error locations shown at this step
    terms: tuple[str, ...] = ()

    def shown(self, answers: dict) -> bool:
        return all(c.holds(answers, "") for c in self.visible)

    def participants(self, answers: dict) -> list[int]:
        """Indexes of the participants this step asks about (participant scope)."""
        out = []
        for i, _ in enumerate(answers.get("participants", [])):
            if all(c.holds(answers, f"participants.{i}") for c in self.applies_to):
                out.append(i)
        return out


Q = Question
TRI = "tristate"

# --------------------------------------------------------------------------- glossary
GLOSSARY: dict[str, tuple[Text, Text]] = {
    "processor": (_t("个人信息处理者", "Personal-information processor"),
                  _t("自主决定为什么、怎样处理人脸信息的单位或个人，例如装人脸闸机的动物园、小区物业、App 运营者。",
                     "Whoever decides why and how the face information is processed — e.g. the zoo that installed "
                     "face gates, the property manager, the app operator.")),
    "entrusted": (_t("受托处理者", "Entrusted processor"),
                  _t("受处理者委托、按其要求处理信息的一方，例如为物业提供门禁系统并代为存储人脸的技术公司。",
                     "A party that processes on another's instructions, e.g. the vendor that runs the gate system "
                     "and stores the faces for the property manager.")),
    "joint": (_t("共同处理者", "Joint processors"),
              _t("两个以上处理者共同决定处理目的和方式；侵害造成损害的，承担连带责任（个人信息保护法第20条）。",
                 "Two or more processors who decide purpose and means together; they are jointly and severally "
                 "liable for the harm (PIPL Art 20).")),
    "platform": (_t("网络服务提供者", "Network service provider"),
                 _t("提供平台、让用户发布或处理信息的一方（如短视频平台）。它对用户的侵权通常在接到通知后才负责（民法典第1195-1197条）。",
                    "A platform on which users post or process information (e.g. a short-video site). It usually "
                    "answers for a user's tort only after notice (Civil Code Arts 1195-1197).")),
    "sensitive": (_t("敏感个人信息", "Sensitive personal information"),
                  _t("人脸信息属于生物识别信息，是敏感个人信息：一旦泄露难以更改，处理需要特定目的、充分必要性和单独同意。",
                     "Face information is biometric and therefore sensitive: it cannot be changed once leaked, so "
                     "processing needs a specific purpose, real necessity and separate consent.")),
    "separate_consent": (_t("单独同意", "Separate consent"),
                         _t("专门针对人脸信息、单独作出的同意（例如单独弹窗、单独勾选）。在长篇用户协议里“一并同意”不算。",
                            "Consent given specifically for the face information (its own pop-up or tick box). "
                            "Agreeing to a long user agreement as a whole does not count.")),
    "general_consent": (_t("概括同意", "General consent"),
                        _t("对整个服务条款或隐私政策的一揽子同意；对人脸信息而言不够。",
                           "A blanket agreement to terms or a privacy policy as a whole; not enough for face "
                           "information.")),
    "notice": (_t("告知与处理规则", "Notice and processing rules"),
               _t("处理者应公开人脸信息处理规则，并明示处理的目的、方式和范围（人脸识别规定第2条第(2)项）。",
                  "The processor must publish its rules for face information and state the purpose, method and "
                  "scope (SPC Face Provisions Art 2 item 2).")),
    "necessity": (_t("必要性原则", "Necessity principle"),
                  _t("只有在确有必要、别的办法达不到目的时，才可以处理人脸信息；能刷卡、验证件就能实现的，一般不必刷脸。",
                     "Face information may be processed only where really needed and other means would not do; if "
                     "a card or ID check would work, face recognition is usually not necessary.")),
    "burden": (_t("举证责任", "Burden of proof"),
               _t("谁必须拿出证据证明某个事实；证明不了的一方承担不利后果。人脸案件中，是否取得同意、是否有免责事由由处理者证明。",
                  "Who must produce evidence of a fact; the party who cannot prove it loses on that point. In "
                  "face cases the processor must prove consent and any exemption.")),
    "presumed_fault": (_t("过错推定", "Presumed fault"),
                       _t("法律先推定处理者有过错，除非处理者自己证明没有过错（个人信息保护法第69条第1款）。",
                          "The law presumes the processor was at fault unless it proves otherwise (PIPL Art 69(1)).")),
    "joint_several": (_t("连带责任", "Joint and several liability"),
                      _t("原告可以要求任何一个连带责任人赔偿全部损失；多付的一方再向其他人追偿。",
                         "The claimant may collect the whole award from any one of them; whoever pays more than "
                         "its share recovers the excess from the others.")),
    "several": (_t("按份责任", "Several (proportionate) liability"),
                _t("每个责任人只赔自己那一份，份额按过错和原因力确定，难以确定的平均承担。",
                   "Each liable party pays only its own share, fixed by fault and causal contribution, or equal "
                   "shares if that cannot be fixed.")),
    "causation": (_t("因果关系", "Causation"),
                  _t("损害确实是由被告的处理行为造成的。现行法下通常由原告证明。",
                     "The harm was in fact caused by the defendant's processing. Under current law the claimant "
                     "usually proves it.")),
    "mental": (_t("精神损害赔偿", "Mental-distress damages"),
               _t("只有造成严重精神损害时才赔偿（民法典第1183条）；医疗诊断等证据最有说服力。",
                  "Only serious mental harm is compensated (Civil Code Art 1183); medical records are the "
                  "strongest evidence.")),
    "reasonable_expenses": (_t("合理开支", "Reasonable expenses"),
                            _t("为制止侵权支付的调查、取证、公证、交通、律师费等，可以作为财产损失请求赔偿（人脸识别规定第8条）。",
                               "What it cost to stop the infringement — investigation, evidence, notarisation, "
                               "transport, lawyers — can be claimed as loss (SPC Face Provisions Art 8).")),
    "injunction": (_t("人格权侵害禁令", "Personality-right injunction"),
                   _t("侵害正在或即将发生、不及时制止会造成难以弥补的损害时，可以在起诉前或诉讼中申请法院禁令。",
                      "A court order to stop an ongoing or imminent infringement that would cause irreparable harm; "
                      "it can be sought before or during the suit.")),
    "format_clause": (_t("格式条款", "Format (standard-form) clause"),
                      _t("一方预先拟定、未与对方协商的合同条款，例如 App 的用户协议。",
                         "A contract term drafted in advance and not negotiated, e.g. an app's user agreement.")),
}


# --------------------------------------------------------------------------- option labels
EXTRA_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "tristate": {"unknown": ("不清楚 / 未查明", "Unknown / not established"), "yes": ("是", "Yes"), "no": ("否", "No")},
    "bool": {"yes": ("是", "Yes"), "no": ("否", "No")},
    "legal_basis": {"none": ("无（依靠同意）", "None (relies on consent)"), "contract": ("订立、履行合同所必需", "Needed for a contract"),
                    "statutory_duty": ("履行法定职责或义务", "Statutory duty"),
                    "public_information": ("处理已公开的信息", "Information already made public")},
    "loss_proof": {"none": ("没有证据", "No evidence"), "partial": ("部分有证据", "Partly documented"),
                   "documented": ("有完整证据", "Fully documented")},
    "claimant_fault": {"none": ("没有", "None"), "some": ("有一些", "Some"), "significant": ("较大", "Significant")},
    "assist_kind": {"assistance": ("帮助", "Assistance"), "instigation": ("教唆", "Instigation")},
    "group_kind": {"joint_decision": ("共同决定处理目的和方式（个人信息保护法第20条）", "Jointly decided purpose and means (PIPL 20)"),
                   "concerted_action": ("共同实施侵权（民法典第1168条）", "Acted together (Civil Code 1168)"),
                   "each_sufficient": ("分别实施、每一方都足以造成全部损害（第1171条）", "Separately, each enough for all the harm (CC 1171)"),
                   "unknown_actor_among": ("几方都有危险行为、不能确定是谁造成（第1170条）",
                                           "Several risky acts, the actual wrongdoer unknown (CC 1170)")},
    "proof": {"none": ("未举证", "Not raised"), "asserted": ("仅主张、无证据", "Asserted without proof"),
              "proved": ("已提交证据证明", "Proved with evidence")},
}
# label groups used by the interview that live under other names in litigation.labels
GROUP_ALIAS = {"relative_suing": "relative", "act_kind": "act", "consent_type": "consent", "fault_degree": "fault",
               "expense_kind": "expense", "incident_kind": "incident", "mental_evidence": "mental_evidence",
               "defence_code": "defence", "evidence_level": "evidence", "court_level": "court_level"}


def option_label(group: str, code: Any, lang: Lang) -> str:
    if isinstance(code, bool):
        code = "yes" if code else "no"
    if code is None and group == "tristate":
        code = "unknown"
    if group in EXTRA_LABELS and code in EXTRA_LABELS[group]:
        zh, en = EXTRA_LABELS[group][code]
        return zh if lang == "zh" else en
    return engine_labels.label(GROUP_ALIAS.get(group, group), code, lang)


# --------------------------------------------------------------------------- the model's codes
def _model_for(path: str) -> tuple[type[BaseModel], str]:
    """The pydantic model and field name a (participant-relative or matter) path ends in."""
    parts = [p for p in path.split(".") if not p.isdigit()]
    model: type[BaseModel] = mm.Matter
    if parts and parts[0] not in mm.Matter.model_fields:
        model = mm.Participant
    for name in parts[:-1]:
        ann = model.model_fields[name].annotation
        model = _inner_model(ann)
    return model, parts[-1]


def _inner_model(ann: Any) -> type[BaseModel]:
    for a in (ann, *typing.get_args(ann)):
        if isinstance(a, type) and issubclass(a, BaseModel):
            return a
        for b in typing.get_args(a):
            if isinstance(b, type) and issubclass(b, BaseModel):
                return b
    raise TypeError(f"no model in {ann!r}")


def literal_codes(ann: Any) -> tuple[str, ...]:
    """The codes of a Literal annotation (through Optional / Union)."""
    if typing.get_origin(ann) is Literal:
        return tuple(a for a in typing.get_args(ann))
    out: list[str] = []
    for a in typing.get_args(ann):
        out += [c for c in literal_codes(a) if c not in out]
    return tuple(out)


def codes_for(q: Question) -> tuple[str, ...]:
    if q.options is not None:
        return q.options
    model, name = _model_for(q.path)
    return literal_codes(model.model_fields[name].annotation)


def nullable(q: Question) -> bool:
    model, name = _model_for(q.path)
    ann = model.model_fields[name].annotation
    return type(None) in typing.get_args(ann)


# --------------------------------------------------------------------------- the steps
def H(zh: str, en: str) -> Text:  # noqa: N802 - short help constructor
    return _t(zh, en)


PROC = (is_processor(),)
CONSENT_GIVEN = Cond("processing.consent.type", "ne", "none")

STEPS: tuple[Step, ...] = (
    Step(
        id="claimant", title=_t("原告与案件", "Claimant and case"),
        intro=_t("先说说受到影响的人和审理法院。姓名可以用化名；除非您保存文件，本工具不在服务器上留存任何信息。",
                 "Start with the person affected and the court. A pseudonym is fine; nothing is kept on the server "
                 "unless you save a file yourself."),
        questions=(
            Q("title", "title", "text", _t("案件名称（可选）", "Case title (optional)"),
              H("仅用于报告标题，例如“郭某诉某动物园”。", "Only used as the report title, e.g. 'Guo v. a zoo'.")),
            Q("setting", "setting", "select", _t("场景类型", "Kind of setting"),
              H("最接近的场景，用于检索类似案例和估算赔偿范围。", "The closest setting; used to find comparable cases "
                "and estimate the range."), group="setting"),
            Q("name", "claimant.name", "text", _t("原告姓名或化名（可选）", "Claimant's name or pseudonym (optional)")),
            Q("age", "claimant.age_group", "select", _t("人脸信息被处理时，原告的年龄", "The claimant's age when the face "
              "information was processed"),
              H("不满 14 周岁的儿童，处理其人脸信息须取得父母或监护人同意。", "For a child under 14, a parent's or "
                "guardian's consent is needed."), group="age_group", key_fact=True),
            Q("deceased", "claimant.deceased", "bool", _t("当事人已经去世", "The person has died"),
              H("死者的人脸信息受到侵害时，由近亲属起诉（民法典第994条）。", "If the person has died, a close relative "
                "sues (Civil Code Art 994).")),
            Q("death_date", "claimant.death_date", "date", _t("死亡日期", "Date of death"),
              visible=(Cond("claimant.deceased"),)),
            Q("relative", "claimant.relative_suing", "select", _t("起诉的近亲属", "Which close relative sues"),
              group="relative_suing", visible=(Cond("claimant.deceased"),)),
            Q("public_figure", "claimant.public_figure", "bool", _t("原告是公众人物", "The claimant is a public figure")),
            Q("occupation", "claimant.occupation", "text", _t("职业（可选）", "Occupation (optional)")),
            Q("province", "claimant.forum_province", "text", _t("受诉法院所在省份", "Province of the court"),
              H("例如“浙江”。精神损害赔偿会参考当地生活水平。", "E.g. 'Zhejiang'. Mental-harm awards consider local living "
                "standards.")),
            Q("city", "claimant.forum_city", "text", _t("受诉法院所在城市", "City of the court")),
            Q("court_level", "claimant.forum_court_level", "select", _t("受诉法院层级", "Level of the court"),
              group="court_level"),
            Q("as_of", "as_of", "date", _t("分析日期（可选，默认今天）", "Date of the analysis (optional, default today)"),
              H("判断哪些法律已经施行。通常留空。", "Decides which laws were in force. Usually leave empty.")),
        ),
        errors=(r"^claimant", r"^title", r"^as_of", r"^setting"),
    ),
    Step(
        id="participants", title=_t("参与者", "Participants"),
        intro=_t("列出处理过人脸信息或与之有关的每一方：收集人脸的单位、替它运营系统的技术公司、接收或购买信息的人、平台等。"
                 "每一方单独添加。",
                 "List every party that handled the face information or is involved: whoever collected it, the "
                 "vendor running the system, anyone who received or bought it, a platform. Add each party "
                 "separately."),
        scope="participant",
        questions=(
            Q("p_name", "name", "text", _t("名称", "Name"), H("例如“某动物园有限公司”。", "E.g. 'X Zoo Co., Ltd.'")),
            Q("p_id", "id", "text", _t("简称代码", "Short code"),
              H("报告中使用的简短代码，只能用字母、数字、下划线或连字符，例如 zoo。",
                "A short code used in reports: letters, digits, '_' or '-', e.g. zoo.")),
            Q("p_kind", "kind", "select", _t("这一方是什么类型", "What kind of party"), group="kind"),
            Q("p_role", "role", "select", _t("它在本案中的角色", "Its role in this matter"),
              H("自己决定怎样处理人脸的是“处理者”；替别人处理的是“受托处理者”；被提供信息的是“接收方”；提供平台的是“网络服务提供者”；"
                "黑客、买卖者等是“第三方侵权人”。",
                "Decides how faces are processed: processor. Processes for someone else: entrusted processor. "
                "Was given the data: recipient. Runs a platform: network service provider. Hackers or buyers: "
                "third-party wrongdoer."), group="role", terms=("processor", "entrusted", "joint", "platform")),
            Q("p_defendant", "defendant", "bool", _t("列为被告", "Sued as a defendant")),
            Q("p_identified", "identified", "bool", _t("身份已经查明", "Its identity is known"),
              H("身份不明的一方不能被起诉，但会影响其他人的责任。", "An unidentified party cannot be sued, but it "
                "affects the others' liability.")),
            Q("p_evidence", "processing_evidence", "select", _t("原告有什么证据证明这一方处理了人脸信息", "The "
              "claimant's evidence that this party processed the face information"),
              H("例如照片、录像、合同、短信、对方承认。没有证据，对这一方的请求难以成立。", "E.g. photos, videos, the "
                "contract, messages, an admission. Without evidence the claim against this party fails."),
              group="evidence_level", key_fact=True, terms=("burden",)),
            Q("p_fault", "fault", "select", _t("这一方的过错程度（如已知）", "Its degree of fault (if known)"),
              H("个人信息保护法施行后，处理者的过错是推定的；此项主要影响份额。", "After the PIPL, a processor's fault is "
                "presumed; this mostly affects shares."), group="fault_degree", terms=("presumed_fault",)),
            Q("p_weight", "responsibility_weight", "weight", _t("责任大小权重（可选）", "Relative weight of responsibility "
              "(optional)"),
              H("如能确定各方责任大小，填相对数，例如 2 和 1 表示 2:1；留空则平均分担。", "If shares can be fixed, give "
                "relative numbers, e.g. 2 and 1 for 2:1; empty means equal shares."), terms=("several",)),
        ),
        errors=(r"^participants$", r"^participants\.\d+$", r"^participants\.\d+\.(id|name|kind|role|defendant|"
                r"identified|processing_evidence|fault|responsibility_weight)"),
        terms=("processor", "entrusted", "platform"),
    ),
    Step(
        id="acts", title=_t("各方做了什么", "What each party did"),
        intro=_t("对每一方，写下它对人脸信息做了什么、从什么时候开始。日期决定适用哪部法律（民法典 2021-01-01、人脸识别规定 2021-08-01、"
                 "个人信息保护法 2021-11-01 施行）。",
                 "For each party, say what it did with the face information and since when. The dates decide "
                 "which law applies (Civil Code 2021-01-01, SPC Face Provisions 2021-08-01, PIPL 2021-11-01)."),
        scope="participant", applies_to=(Cond("role", "in", PROCESSOR_ROLES + ("network_service_provider",)),),
        questions=(
            Q("acts", "processing.acts", "acts", _t("处理行为及日期", "Processing acts and their dates"),
              H("收集（拍照、录入）、存储、使用（比对验证）、加工、传输、提供给他人、公开。仍在继续的请勾选“仍在持续”。",
                "Collection (taking or enrolling the face), storage, use (matching), processing, transmission, "
                "provision to others, disclosure. Tick 'ongoing' if it continues."), visible=PROC),
            Q("frt", "processing.uses_face_recognition", "bool", _t("使用了人脸识别技术", "Face recognition technology was "
              "used"),
              H("只是拍照、没有用算法识别比对的，不适用人脸识别规定，但仍受个人信息一般规则保护。",
                "A plain photo with no recognition algorithm falls outside the SPC Face Provisions, but general "
                "personal-information rules still apply."), visible=PROC),
            Q("purpose", "processing.purpose", "select", _t("处理目的", "Purpose of the processing"), group="purpose",
              visible=PROC, key_fact=True),
            Q("records", "processing.records_stored", "opt_int", _t("它存储了多少人的人脸信息（如知道）", "How many "
              "people's face information it stores (if known)"),
              H("人数多时可能涉及公益诉讼和备案义务。", "Large numbers may bring public-interest suits and filing "
                "duties."), visible=PROC),
            Q("beyond", "processing.beyond_declared_scope", "bool", _t("超出了它声明或约定的目的、方式、范围",
              "It went beyond the purpose, method or scope it declared or agreed"), visible=PROC, key_fact=True),
            Q("breach", "processing.breach_of_agreement", "bool", _t("违反了双方的约定（如合同只约定指纹入园）",
              "It breached the parties' agreement (e.g. the contract only provided for fingerprints)"), visible=PROC),
            Q("morals", "processing.against_public_order", "bool", _t("违背公序良俗（如偷拍、羞辱性使用）",
              "Against public order and good morals (e.g. covert filming, humiliating use)"), visible=PROC),
            Q("provided_to", "processing.provision.to", "refs", _t("它把人脸信息提供给了哪些参与者", "Which "
              "participants it gave the face information to"), visible=PROC),
            Q("provided_unknown", "processing.provision.to_unidentified", "bool", _t("提供或出售给了身份不明的人",
              "Provided or sold to persons not identified"), visible=PROC),
            Q("provided_consent", "processing.provision.separate_consent", "bool", _t("提供前取得了原告的单独同意",
              "It had the claimant's separate consent before providing it"), visible=PROC + (
                Cond("processing.provision.to", "min_len", 1),), terms=("separate_consent",)),
            Q("provided_disclosed", "processing.provision.recipient_disclosed", "bool", _t("告知了接收方的名称、用途等",
              "It told the claimant who the recipient was and for what"), visible=PROC + (
                Cond("processing.provision.to", "min_len", 1),)),
            Q("sold", "processing.provision.sold", "bool", _t("人脸信息被出售", "The face information was sold"),
              visible=PROC),
            Q("items", "processing.provision.items", "opt_int", _t("提供或出售的条数（如知道）", "How many records were "
              "provided or sold (if known)"), visible=PROC),
            Q("illegal_gains", "processing.provision.illegal_gains", "opt_money", _t("出售所得（元，如知道）",
              "Money made from selling them (RMB, if known)"), visible=PROC),
            Q("format_used", "processing.format_clause.used", "bool", _t("用户协议等格式条款要求授予人脸信息处理权",
              "A standard-form clause (e.g. user agreement) claims rights over the face information"),
              visible=PROC, terms=("format_clause",)),
            Q("format_unlimited", "processing.format_clause.unlimited_term", "bool", _t("——无期限限制", "— without a "
              "time limit"), visible=PROC + (Cond("processing.format_clause.used"),)),
            Q("format_irrevocable", "processing.format_clause.irrevocable", "bool", _t("——不可撤销", "— irrevocable"),
              visible=PROC + (Cond("processing.format_clause.used"),)),
            Q("format_sublicense", "processing.format_clause.freely_sublicensable", "bool", _t("——可任意转授权",
              "— freely sub-licensable"), visible=PROC + (Cond("processing.format_clause.used"),)),
            Q("gains", "processing.gains", "opt_money", _t("它因处理获得的利益（元，如能证明）", "The benefit it "
              "obtained from the processing (RMB, if provable)"), visible=PROC),
            Q("serves", "platform.serves", "refs", _t("通过该平台实施侵权的用户", "Users who infringed through the "
              "platform"), visible=(is_platform(),), terms=("platform",)),
            Q("notified", "platform.notified", "bool", _t("平台收到了删除、屏蔽的通知", "The platform received a notice "
              "to remove or block"), visible=(is_platform(),)),
            Q("notice_date", "platform.notice_date", "date", _t("通知日期", "Date of the notice"),
              visible=(is_platform(), Cond("platform.notified"))),
            Q("notice_evidence", "platform.notice_had_prima_facie_evidence", TRI, _t("通知附有初步证据",
              "The notice came with prima facie evidence"), visible=(is_platform(), Cond("platform.notified"))),
            Q("acted", "platform.acted_promptly", TRI, _t("平台及时采取了删除、屏蔽等措施", "The platform promptly "
              "removed or blocked"), visible=(is_platform(), Cond("platform.notified")), key_fact=True),
            Q("knew", "platform.knew_or_should_have_known", "bool", _t("平台知道或应当知道侵权（即使没有通知）",
              "The platform knew or should have known of the infringement (even without notice)"),
              visible=(is_platform(),), key_fact=True),
            Q("enlarged", "platform.enlarged_damage_share", "fraction", _t("通知后扩大的损害占全部损害的比例（0-1）",
              "Share of the harm that arose after the notice (0-1)"),
              visible=(is_platform(), Cond("platform.notified"))),
        ),
        errors=(r"^participants\.\d+\.processing\.(acts|uses_face|purpose|records|beyond|breach|against|provision|"
                r"format_clause|gains)", r"^participants\.\d+\.platform", r"^participants\.\d+\.processing$"),
    ),
    Step(
        id="consent", title=_t("同意与告知", "Consent and notice"),
        intro=_t("人脸信息是敏感个人信息：处理者要公开规则、讲清目的，并取得单独同意（或有其他法定依据）。"
                 "是否取得同意、有无免责事由，由处理者举证。",
                 "Face information is sensitive: the processor must publish its rules, state the purpose, and get "
                 "separate consent (or have another legal basis). The processor must prove consent and any "
                 "exemption."),
        scope="participant", applies_to=PROC,
        questions=(
            Q("rules", "processing.notice.rules_published", TRI, _t("公开了人脸信息处理规则", "It published its rules for "
              "processing face information"), terms=("notice",), key_fact=True),
            Q("stated", "processing.notice.purpose_method_scope_stated", TRI, _t("明确告知了处理的目的、方式和范围",
              "It clearly stated the purpose, method and scope"), key_fact=True),
            Q("impact", "processing.notice.necessity_and_impact_explained", TRI, _t("告知了为什么必须刷脸以及对个人的影响",
              "It explained why face processing was necessary and how it affects the person")),
            Q("basis", "processing.other_legal_basis", "select", _t("除同意外，它有没有其他法定依据", "Apart from consent, "
              "does it have another legal basis"),
              H("多数案件选“无（依靠同意）”。履行合同所必需等依据须由处理者证明。", "Most cases: 'None (relies on "
                "consent)'. Another basis must be proved by the processor."), group="legal_basis"),
            Q("basis_proof", "processing.other_legal_basis_proof", "select", _t("处理者能否证明这一法定依据",
              "Can the processor prove that legal basis"), group="proof",
              visible=(Cond("processing.other_legal_basis", "ne", "none"),), key_fact=True, terms=("burden",)),
            Q("consent_type", "processing.consent.type", "select", _t("原告给了什么样的同意", "What consent the claimant "
              "gave"), H("只在用户协议、入园须知里概括同意的，选“概括同意”。", "If it was only agreeing to terms or a "
                         "notice as a whole, choose 'General consent'."),
              group="consent_type", key_fact=True, terms=("separate_consent", "general_consent")),
            Q("consent_proof", "processing.consent.proof", "select", _t("处理者能拿出什么证明同意", "What the processor can "
              "show about consent"), group="proof", visible=(CONSENT_GIVEN,), key_fact=True, terms=("burden",)),
            Q("written", "processing.consent.written_required_by_law", "bool", _t("法律要求书面同意",
              "The law requires written consent"), visible=(CONSENT_GIVEN,)),
            Q("bundled", "processing.consent.bundled", "bool", _t("同意与其他授权捆绑在一起", "Consent was bundled with "
              "other permissions"), visible=(CONSENT_GIVEN,)),
            Q("condition", "processing.consent.condition_of_service", "bool", _t("不同意刷脸就不提供服务",
              "The service was refused unless the claimant agreed to face recognition"),
              visible=(CONSENT_GIVEN,), key_fact=True),
            Q("requires_face", "processing.consent.service_requires_face", TRI, _t("该服务本身确实离不开人脸识别",
              "The service genuinely cannot work without face recognition")),
            Q("coerced", "processing.consent.coerced", "bool", _t("同意是被强迫或变相强迫的", "Consent was forced or "
              "disguised as voluntary"), visible=(CONSENT_GIVEN,)),
            Q("guardian", "processing.consent.guardian_consent", TRI, _t("父母或监护人同意了", "A parent or guardian "
              "consented"), visible=(Cond("$.claimant.age_group", "ne", "adult"),)),
            Q("withdrawn", "processing.consent.withdrawn", "bool", _t("原告后来撤回了同意", "The claimant later withdrew "
              "consent"), visible=(CONSENT_GIVEN,)),
            Q("withdrawn_on", "processing.consent.withdrawn_on", "date", _t("撤回日期", "Date of withdrawal"),
              visible=(CONSENT_GIVEN, Cond("processing.consent.withdrawn"))),
            Q("after_withdrawal", "processing.consent.processing_after_withdrawal", "bool", _t("撤回后仍继续处理",
              "Processing continued after the withdrawal"),
              visible=(CONSENT_GIVEN, Cond("processing.consent.withdrawn"))),
            Q("defenses", "processing.defenses", "defenses", _t("处理者提出的抗辩", "Defences the processor raises"),
              H("例如维护公共安全、应对突发公共卫生事件、业主委员会同意。说明它是否已举证。", "E.g. public security, a "
                "public-health emergency, owners' committee approval. Say whether it produced evidence.")),
            Q("no_fault", "processing.proved_no_fault", "select", _t("处理者对“自己没有过错”的举证", "The processor's "
              "evidence that it was not at fault"), group="proof", key_fact=True, terms=("presumed_fault",)),
        ),
        errors=(r"^participants\.\d+\.processing\.(notice|consent|other_legal_basis|defenses|proved_no_fault)",),
        terms=("sensitive", "separate_consent", "burden"),
    ),
    Step(
        id="venue", title=_t("场所与必要性", "Venue and necessity"),
        intro=_t("在哪里刷脸、是否真的必要、有没有别的验证方式。",
                 "Where face recognition was used, whether it was really needed, and whether there was another way."),
        scope="participant", applies_to=PROC,
        questions=(
            Q("venue_q", "processing.venue", "select", _t("在什么场所", "Where"), group="venue", key_fact=True),
            Q("signage", "processing.notice.public_place_signage", TRI, _t("公共场所设置了显著提示标识",
              "Prominent signs were put up in the public place"),
              visible=(Cond("processing.venue", "eq", "public_place"),)),
            Q("per_rules", "processing.public_security_per_state_rules", TRI, _t("用于公共安全，且遵守了国家有关规定",
              "Used for public security following the state rules"),
              visible=(Cond("processing.purpose", "eq", "public_security"),)),
            Q("needed", "processing.necessity.face_needed_for_purpose", TRI, _t("为实现该目的，确有必要刷脸",
              "Face recognition was really necessary for that purpose"),
              H("能用刷卡、验证件、密码等方式达到同样目的的，一般选“否”。", "If a card, ID check or password would do "
                "the same, usually answer 'No'."), key_fact=True, terms=("necessity",)),
            Q("sole", "processing.necessity.sole_verification_method", "bool", _t("刷脸是唯一的验证或进入方式",
              "Face recognition was the only way to verify or get in"), key_fact=True),
            Q("alt_requested", "processing.necessity.alternative_requested", "bool", _t("原告要求过其他验证方式",
              "The claimant asked for another method")),
            Q("alt_offered", "processing.necessity.alternative_offered", TRI, _t("对方提供了其他合理的验证方式",
              "Another reasonable method was offered")),
            Q("private_space", "processing.private_space_device", "bool", _t("设备装在私密空间（如卫生间、更衣室）",
              "The device was inside a private space (toilet, changing room)")),
        ),
        errors=(r"^participants\.\d+\.processing\.(venue|necessity|public_security|private_space|notice\.public)",),
        terms=("necessity",),
    ),
    Step(
        id="incidents", title=_t("安全事件", "Security incidents"),
        intro=_t("人脸信息有没有被泄露、篡改或丢失。发生事件而处理者不能证明已采取必要安全措施的，推定其有过错。",
                 "Was the face information leaked, altered or lost? If so and the processor cannot show due "
                 "security measures, it is presumed at fault."),
        scope="participant", applies_to=PROC,
        questions=(
            Q("occurred", "processing.incident.occurred", "bool", _t("发生了泄露、篡改或丢失", "A leak, alteration or "
              "loss happened"), key_fact=True),
            Q("incident_kind", "processing.incident.kind", "select", _t("事件类型", "Kind of incident"),
              group="incident_kind", visible=(Cond("processing.incident.occurred"),)),
            Q("incident_date", "processing.incident.date", "date", _t("事件日期（如知道）", "Date (if known)"),
              visible=(Cond("processing.incident.occurred"),)),
            Q("measures", "processing.incident.due_measures_taken", TRI, _t("处理者此前采取了应有的技术和管理措施",
              "The processor had taken due technical and other measures"),
              visible=(Cond("processing.incident.occurred"),), key_fact=True, terms=("presumed_fault",)),
            Q("remedial", "processing.incident.remedial_measures_and_notification", TRI, _t("事后采取了补救措施并通知了本人",
              "It took remedial steps and notified the people affected"),
              visible=(Cond("processing.incident.occurred"),)),
            Q("affected", "processing.incident.records_affected", "opt_int", _t("涉及多少人的信息（如知道）",
              "How many people's records were affected (if known)"),
              visible=(Cond("processing.incident.occurred"),)),
        ),
        errors=(r"^participants\.\d+\.processing\.incident",),
    ),
    Step(
        id="relations", title=_t("参与者之间的关系", "Relations between participants"),
        intro=_t("几方之间的关系决定他们是各赔各的（按份责任），还是任何一方都要对全部损害负责（连带责任）。不确定的可以不填。",
                 "How the parties relate decides whether each pays its own share (several liability) or any of "
                 "them can be made to pay everything (joint and several). Leave empty if unsure."),
        visible=(Cond("participants", "min_len", 2),),
        questions=(
            Q("entrustments", "relations.entrustments", "entrustments", _t("委托处理（谁委托谁处理人脸信息）",
              "Entrusted processing (who processed for whom)"), terms=("entrusted",)),
            Q("groups", "relations", "groups", _t("共同决定、共同实施等", "Joint decisions and joint acts"),
              H("选择关系类型和参与的各方，再点“添加”。", "Choose the kind of relation and the parties, then 'Add'."),
              terms=("joint", "joint_several")),
            Q("assistance", "relations.assistance", "assistance", _t("教唆或帮助他人侵权", "Instigating or assisting "
              "another's tort")),
        ),
        errors=(r"^relations",),
        terms=("joint_several", "several"),
    ),
    Step(
        id="harm", title=_t("损害、开支与证据", "Harm, expenses and evidence"),
        intro=_t("原告受到了什么损害，花了多少钱维权，手里有什么证据。损害和因果关系通常由原告证明。",
                 "What harm the claimant suffered, what it cost to pursue the matter, and what evidence there is. "
                 "The claimant usually proves harm and causation."),
        questions=(
            Q("loss", "harm.economic_loss", "money", _t("财产损失（元）", "Property loss (RMB)"),
              H("例如被冒用刷脸造成的资金损失、被迫放弃的年卡费用。不含维权开支（下面单列）。", "E.g. money lost through a "
                "misused face check, or the unused part of an annual pass. Expenses come below.")),
            Q("loss_proof", "harm.economic_loss_proof", "select", _t("损失有没有证据", "Evidence of the loss"),
              group="loss_proof", visible=(Cond("harm.economic_loss"),), key_fact=True),
            Q("infringer_gains", "harm.infringer_gains", "opt_money", _t("侵权人因此获得的利益（元，如能证明）",
              "The infringer's gains (RMB, if provable)")),
            Q("expenses", "harm.expenses", "expenses", _t("维权开支（每一项单独添加）", "Expenses of pursuing the matter "
              "(add each one)"), terms=("reasonable_expenses",)),
            Q("mental", "harm.mental_distress", "select", _t("精神损害", "Mental distress"), group="mental",
              key_fact=True, terms=("mental",)),
            Q("mental_evidence", "harm.mental_evidence", "select", _t("精神损害的证据", "Evidence of the mental distress"),
              group="mental_evidence", visible=(Cond("harm.mental_distress", "ne", "none"),)),
            Q("scope", "harm.scope_of_impact", "select", _t("影响范围", "How far the harm spread"), group="scope"),
            Q("causation", "harm.causation_evidence", "select", _t("证明损害是由被告行为造成的证据",
              "Evidence that the defendants' acts caused the harm"), group="evidence_level", key_fact=True,
              terms=("causation",)),
            Q("claimant_fault", "harm.claimant_fault", "select", _t("原告自己对损害有没有过错", "Was the claimant partly at "
              "fault for the harm"), group="claimant_fault"),
            Q("reduction", "harm.claimant_fault_reduction", "fraction", _t("因原告过错减轻的比例（0-1，可不填）",
              "Reduction for the claimant's fault (0-1, optional)"),
              visible=(Cond("harm.claimant_fault", "ne", "none"),)),
            Q("imminent", "harm.further_infringement_imminent", "bool", _t("侵害仍在继续或即将发生", "The infringement "
              "continues or is about to happen"), terms=("injunction",)),
            Q("irreparable", "harm.irreparable_if_not_stopped", "bool", _t("不及时制止将造成难以弥补的损害",
              "Irreparable harm if not stopped quickly")),
        ),
        errors=(r"^harm",),
        terms=("burden", "causation", "reasonable_expenses"),
    ),
    Step(
        id="requests", title=_t("诉讼请求", "Requests"),
        intro=_t("原告希望法院判决什么。可以多选。", "What the claimant asks the court for. Choose any."),
        questions=(
            Q("r_deletion", "requests.deletion", "bool", _t("删除人脸信息", "Delete the face information")),
            Q("r_cessation", "requests.cessation", "bool", _t("停止侵害", "Stop the infringement")),
            Q("r_apology", "requests.apology", "bool", _t("赔礼道歉", "Apologise")),
            Q("r_damages", "requests.damages", "bool", _t("赔偿损失", "Pay damages")),
            Q("r_injunction", "requests.injunction", "bool", _t("申请人格权侵害禁令", "Apply for an injunction"),
              terms=("injunction",)),
            Q("r_alternative", "requests.alternative_verification", "bool", _t("提供刷脸以外的验证方式",
              "Provide a way to verify other than the face")),
            Q("r_format", "requests.void_format_clause", "bool", _t("确认格式条款无效", "Declare the standard-form "
              "clause void"), terms=("format_clause",)),
            Q("r_contract", "requests.contract_route", "bool", _t("按违约起诉（合同之诉）", "Sue in contract")),
            Q("c_loss", "requests.claimed.economic_loss", "opt_money", _t("请求赔偿：财产损失（元）", "Claimed: property "
              "loss (RMB)"), visible=(Cond("requests.damages"),)),
            Q("c_expenses", "requests.claimed.reasonable_expenses", "opt_money", _t("请求赔偿：合理开支（元）",
              "Claimed: reasonable expenses (RMB)"), visible=(Cond("requests.damages"),)),
            Q("c_attorney", "requests.claimed.attorney_fees", "opt_money", _t("请求赔偿：律师费（元）", "Claimed: "
              "attorney fees (RMB)"), visible=(Cond("requests.damages"),)),
            Q("c_mental", "requests.claimed.mental_distress", "opt_money", _t("请求赔偿：精神损害抚慰金（元）",
              "Claimed: mental-distress damages (RMB)"), visible=(Cond("requests.damages"),)),
            Q("notes", "notes", "textarea", _t("其他说明（可选）", "Other notes (optional)")),
        ),
        errors=(r"^requests", r"^notes"),
    ),
)

STEP_IDS = tuple(s.id for s in STEPS)
REVIEW = _t("检查全部答案", "Review all answers")
# Fields of the matter model the interview deliberately does not ask (tests check coverage).
NOT_ASKED = {"format", "version"}


def step(step_id: str) -> Step:
    return next(s for s in STEPS if s.id == step_id)


# --------------------------------------------------------------------------- dict helpers
def get_in(d: Any, path: str, default: Any = None) -> Any:
    cur = d
    for part in path.split(".") if path else []:
        if isinstance(cur, list):
            try:
                cur = cur[int(part)]
            except (ValueError, IndexError):
                return default
        elif isinstance(cur, dict):
            if part not in cur:
                return default
            cur = cur[part]
        else:
            return default
    return cur


def set_in(d: dict, path: str, value: Any) -> None:
    parts = path.split(".")
    cur: Any = d
    for part in parts[:-1]:
        if isinstance(cur, list):
            cur = cur[int(part)]
        else:
            if cur.get(part) is None:
                cur[part] = {}
            cur = cur[part]
    last = parts[-1]
    if isinstance(cur, list):
        cur[int(last)] = value
    else:
        cur[last] = value


def abs_path(step_: Step, q: Question, index: int | None) -> str:
    return q.path if step_.scope == "matter" else f"participants.{index}.{q.path}"


# --------------------------------------------------------------------------- blank answers
def _blank_processing() -> dict:
    return mm.Processing().model_dump(mode="json")


def _blank_platform() -> dict:
    return mm.PlatformConduct().model_dump(mode="json")


def new_answers() -> dict:
    """An empty interview: the default matter."""
    return mm.Matter().model_dump(mode="json")


def blank_participant(answers: dict) -> dict:
    ids = {p.get("id") for p in answers.get("participants", [])}
    n = 1
    while f"p{n}" in ids:
        n += 1
    return {"id": f"p{n}", "name": "", "kind": "business", "role": "processor", "defendant": True,
            "identified": True, "processing": _blank_processing(), "platform": _blank_platform(),
            "processing_evidence": "none", "fault": "unknown", "responsibility_weight": None}


BLANK_ITEMS: dict[str, dict] = {
    "acts": {"kind": "collection", "start": None, "end": None, "ongoing": False},
    "expenses": {"kind": "attorney_fees", "amount": 0.0, "receipt": False, "description": ""},
    "defenses": {"code": "public_security", "proof": "asserted", "note": ""},
    "entrustments": {"principal": "", "agent": "", "within_mandate": True, "sub_entrusted_without_consent": False,
                     "principal_supervised": None},
    "assistance": {"helper": "", "actor": "", "kind": "assistance"},
}
GROUP_KINDS = ("joint_decision", "concerted_action", "each_sufficient", "unknown_actor_among")


def _merge(default: Any, given: Any) -> Any:
    """`given` laid over `default` (dicts recursively); lists and scalars from `given`."""
    if isinstance(default, dict) and isinstance(given, dict):
        out = dict(default)
        for k, v in given.items():
            out[k] = _merge(default.get(k), v) if k in default else v
        return out
    return copy.deepcopy(given)


def answers_from(data: dict) -> dict:
    """Answers for a matter dict (a validated matter dump or a structurally sound draft)."""
    out = _merge(new_answers(), data)
    parts = []
    for p in data.get("participants", []) or []:
        base = blank_participant({"participants": []})
        q = _merge(base, p)
        if q.get("processing") is None:
            q["processing"] = _blank_processing()
        else:
            q["processing"] = _merge(_blank_processing(), q["processing"])
        q["platform"] = _merge(_blank_platform(), q.get("platform") or {})
        parts.append(q)
    out["participants"] = parts
    return out


# --------------------------------------------------------------------------- effective matter
def _participant_defaults() -> dict:
    return blank_participant({"participants": []})


def effective(answers: dict) -> dict:
    """The matter the answers describe: hidden questions fall back to their defaults."""
    m = copy.deepcopy(answers)
    blank_m = new_answers()
    blank_p = _participant_defaults()
    for s in STEPS:
        if s.scope == "matter":
            for q in s.questions:
                if q.widget == "groups":
                    continue
                if not s.shown(answers) or not q.shown(answers):
                    set_in(m, q.path, copy.deepcopy(get_in(blank_m, q.path)))
            continue
        asked = set(s.participants(answers))
        for i, _ in enumerate(answers.get("participants", [])):
            for q in s.questions:
                if i not in asked or not q.shown(answers, f"participants.{i}"):
                    if s.id == "participants":
                        continue  # identity fields always apply
                    set_in(m, f"participants.{i}.{q.path}", copy.deepcopy(get_in(blank_p, q.path)))
    if not s_shown("relations", answers):
        m["relations"] = copy.deepcopy(blank_m["relations"])
    for p in m.get("participants", []):
        if p.get("role") not in PROCESSOR_ROLES:
            p["processing"] = None
        if p.get("role") != "network_service_provider":
            p["platform"] = None
        if p.get("kind") == "unknown":
            p["identified"] = False
        if not p.get("identified", True):
            p["defendant"] = False
    return m


def s_shown(step_id: str, answers: dict) -> bool:
    return step(step_id).shown(answers)


# --------------------------------------------------------------------------- structural edits
def rename_participant(answers: dict, old: str, new: str) -> None:
    """Change a participant's id and every reference to it."""
    if old == new:
        return
    for p in answers.get("participants", []):
        if p.get("id") == old:
            p["id"] = new
        for path in ("processing.provision.to", "platform.serves"):
            refs = get_in(p, path)
            if isinstance(refs, list):
                set_in(p, path, [new if r == old else r for r in refs])
    rel = answers.get("relations", {})
    for k in GROUP_KINDS:
        rel[k] = [[new if r == old else r for r in g] for g in rel.get(k, [])]
    for e in rel.get("entrustments", []):
        for f in ("principal", "agent"):
            if e.get(f) == old:
                e[f] = new
    for a in rel.get("assistance", []):
        for f in ("helper", "actor"):
            if a.get(f) == old:
                a[f] = new


def remove_participant(answers: dict, index: int) -> None:
    """Remove a participant and every reference to it (groups left with one member go too)."""
    parts = answers.get("participants", [])
    if not 0 <= index < len(parts):
        return
    gone = parts.pop(index).get("id")
    for p in parts:
        for path in ("processing.provision.to", "platform.serves"):
            refs = get_in(p, path)
            if isinstance(refs, list):
                set_in(p, path, [r for r in refs if r != gone])
    rel = answers.get("relations", {})
    for k in GROUP_KINDS:
        rel[k] = [g2 for g2 in ([r for r in g if r != gone] for g in rel.get(k, [])) if len(g2) >= 2]
    rel["entrustments"] = [e for e in rel.get("entrustments", []) if gone not in (e.get("principal"), e.get("agent"))]
    rel["assistance"] = [a for a in rel.get("assistance", []) if gone not in (a.get("helper"), a.get("actor"))]


# --------------------------------------------------------------------------- drafts
_DRAFT_OK = {"facetort", "string_too_short", "string_pattern_mismatch", "missing"}


def draft_answers(data: Any) -> dict | None:
    """Answers from a FaceTort file that fails validation but whose structure is sound (a saved draft).

    Returns None for anything else (not JSON object, another format, wrong types): such a file
    must not replace the current answers.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
        return None
    try:
        mm.Matter.model_validate(data)
    except ValidationError as exc:
        for e in exc.errors():
            if e["type"] not in _DRAFT_OK:
                return None
            if e["type"] == "missing" and not _missing_ok(e["loc"]):
                return None
    except Exception:  # noqa: BLE001 - anything unexpected: not a usable draft
        return None
    try:
        return answers_from(data)
    except (TypeError, AttributeError, ValueError, KeyError):
        return None


def _missing_ok(loc: tuple) -> bool:
    """A draft may leave an act's start date or a participant's name out; nothing structural."""
    last = loc[-1] if loc else None
    return last in ("start", "name")


# --------------------------------------------------------------------------- locations -> labels
def _question_index() -> list[tuple[re.Pattern[str], Step, Question]]:
    out = []
    for s in STEPS:
        for q in s.questions:
            rel = re.escape(q.path)
            pat = rel if s.scope == "matter" else r"participants\.(\d+)\." + rel
            out.append((re.compile("^" + pat + r"(\..*)?$"), s, q))
    return out


_QINDEX = _question_index()


def locate(loc: str, answers: dict, lang: Lang) -> tuple[str | None, str]:
    """The step an error location belongs to and a readable name for it."""
    best: tuple[int, Step, Question, re.Match[str]] | None = None
    for pat, s, q in _QINDEX:
        mt = pat.match(loc)
        if mt and (best is None or len(q.path) > best[0]):
            best = (len(q.path), s, q, mt)
    if best is not None:
        _, s, q, mt = best
        name = q.label(lang)
        if s.scope == "participant":
            i = int(mt.group(1))
            name = f"{participant_name(answers, i, lang)} › {name}"
        return s.id, name
    for s in STEPS:
        if any(re.search(p, loc) for p in s.errors):
            m = re.match(r"^participants\.(\d+)", loc)
            name = s.title(lang)
            if m:
                name = f"{participant_name(answers, int(m.group(1)), lang)} › {name}"
            return s.id, name
    return None, loc


def participant_name(answers: dict, i: int, lang: Lang) -> str:
    p = get_in(answers, f"participants.{i}") or {}
    return p.get("name") or p.get("id") or (f"参与者 {i + 1}" if lang == "zh" else f"Participant {i + 1}")


def step_of_error(loc: str) -> str | None:
    for s in STEPS:
        if any(re.search(p, loc) for p in s.errors):
            return s.id
    return None


# --------------------------------------------------------------------------- review formatting
def format_answer(q: Question, value: Any, answers: dict, lang: Lang) -> str:
    """A short, readable rendering of one answer (for the review screen)."""
    zh = lang == "zh"
    none = "—"
    names = {p.get("id"): (p.get("name") or p.get("id")) for p in answers.get("participants", [])}
    w = q.widget
    if w == "bool":
        return option_label("bool", bool(value), lang)
    if w == "tristate":
        return option_label("tristate", value, lang)
    if w == "select":
        return none if value is None else option_label(q.group or "", value, lang)
    if w in ("money", "opt_money"):
        return none if value is None else f"¥{float(value):,.2f}"
    if w in ("opt_int", "weight"):
        return none if value is None else f"{value:g}" if isinstance(value, float) else str(value)
    if w == "fraction":
        return none if value is None else f"{float(value):.0%}"
    if w == "date":
        return value or none
    if w == "refs":
        return "、".join(names.get(r, r) for r in value or []) or none
    if w == "acts":
        out = []
        for a in value or []:
            end = ("持续中" if zh else "ongoing") if a.get("ongoing") else (a.get("end") or "")
            span = f"{a.get('start') or '?'}" + (f"～{end}" if end else "")
            out.append(f"{option_label('act_kind', a.get('kind'), lang)} {span}")
        return "；".join(out) or none
    if w == "expenses":
        out = [f"{option_label('expense_kind', e.get('kind'), lang)} ¥{float(e.get('amount') or 0):,.0f}"
               + ((" (有票据)" if zh else " (receipt)") if e.get("receipt") else "") for e in value or []]
        return "；".join(out) or none
    if w == "defenses":
        return "；".join(f"{option_label('defence_code', d.get('code'), lang)}（{option_label('proof', d.get('proof'), lang)}）"
                        for d in value or []) or none
    if w == "entrustments":
        return "；".join(f"{names.get(e.get('principal'), e.get('principal'))} → {names.get(e.get('agent'), e.get('agent'))}"
                        for e in value or []) or none
    if w == "assistance":
        return "；".join(f"{names.get(a.get('helper'), a.get('helper'))} → {names.get(a.get('actor'), a.get('actor'))}"
                        f"（{option_label('assist_kind', a.get('kind'), lang)}）" for a in value or []) or none
    if w == "groups":
        out = []
        for k in GROUP_KINDS:
            for g in (value or {}).get(k, []):
                out.append(f"{option_label('group_kind', k, lang)}: " + "、".join(names.get(r, r) for r in g))
        return "；".join(out) or none
    if value in (None, ""):
        return none
    return str(value)


def review_rows(answers: dict, lang: Lang) -> list[dict]:
    """Every visible answer, in interview order: step, participant (if any), question, widget, answer."""
    rows = []
    for s in STEPS:
        if not s.shown(answers):
            continue
        if s.scope == "matter":
            for q in s.questions:
                if q.shown(answers):
                    rows.append({"step": s.id, "participant": None, "question": q.label(lang), "widget": q.widget,
                                 "answer": format_answer(q, get_in(answers, q.path), answers, lang)})
        else:
            for i in s.participants(answers):
                base = f"participants.{i}"
                for q in s.questions:
                    if q.shown(answers, base):
                        rows.append({"step": s.id, "participant": participant_name(answers, i, lang),
                                     "question": q.label(lang), "widget": q.widget,
                                     "answer": format_answer(q, get_in(answers, f"{base}.{q.path}"), answers, lang)})
    return rows


KEY_FACT_FIRST = ("consent_type", "rules", "sole", "needed", "occurred", "measures", "no_fault", "causation")


def key_facts() -> list[tuple[Step, Question]]:
    """Questions flagged as key facts (offered in 'change one answer' panels), the most telling first."""
    facts = [(s, q) for s in STEPS for q in s.questions if q.key_fact]
    rank = {qid: i for i, qid in enumerate(KEY_FACT_FIRST)}
    return sorted(facts, key=lambda sq: rank.get(sq[1].id, len(rank)))


def parse_date(v: Any) -> dt.date | None:
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str) and v:
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            return None
    return None


__all__ = [
    "STEPS", "GLOSSARY", "Step", "Question", "Cond", "effective", "new_answers", "answers_from", "draft_answers",
    "blank_participant", "remove_participant", "rename_participant", "review_rows", "format_answer", "locate",
    "option_label", "codes_for", "nullable", "get_in", "set_in", "key_facts", "BLANK_ITEMS", "GROUP_KINDS",
]
