"""The interview's building blocks: conditions, questions and steps, the glossary and option labels.

Nothing here draws a screen. Select options are read from the matter model's `Literal` types, so new
codes appear automatically; their labels come from `litigation.facts.labels` (or `EXTRA_LABELS`).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from litigation.facts import labels as engine_labels
from litigation.facts import matter as mm
from litigation.i18n import Lang, T, Text

PROCESSOR_ROLES = ("processor", "joint_processor", "entrusted_processor", "recipient")

Widget = Literal[
    "text", "textarea", "select", "codes", "bool", "tristate", "date", "money", "opt_money", "opt_int", "fraction",
    "weight", "refs", "acts", "expenses", "defenses", "groups", "entrustments", "assistance",
]
LIST_WIDGETS = ("acts", "expenses", "defenses", "groups", "entrustments", "assistance")


# --------------------------------------------------------------------------- conditions
@dataclass(frozen=True)
class Cond:
    """Visibility condition: `path` (relative to the step's scope, or `$.` for the matter) `op` `value`."""

    path: str
    op: Literal["eq", "ne", "in", "not_in", "true", "false", "min_len", "any_of"] = "true"
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
            "any_of": lambda: bool(set(v or []) & set(self.value)),
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
    "processor": (T("个人信息处理者", "Personal-information processor"),
                  T("自主决定为什么、怎样处理人脸信息的单位或个人，例如装人脸闸机的动物园、小区物业、App 运营者。",
                     "Whoever decides why and how the face information is processed — e.g. the zoo that installed "
                     "face gates, the property manager, the app operator.")),
    "entrusted": (T("受托处理者", "Entrusted processor"),
                  T("受处理者委托、按其要求处理信息的一方，例如为物业提供门禁系统并代为存储人脸的技术公司。",
                     "A party that processes on another's instructions, e.g. the vendor that runs the gate system "
                     "and stores the faces for the property manager.")),
    "joint": (T("共同处理者", "Joint processors"),
              T("两个以上处理者共同决定处理目的和方式；侵害造成损害的，承担连带责任（个人信息保护法第20条）。",
                 "Two or more processors who decide purpose and means together; they are jointly and severally "
                 "liable for the harm (PIPL Art 20).")),
    "platform": (T("网络服务提供者", "Network service provider"),
                 T("提供平台、让用户发布或处理信息的一方（如短视频平台）。它对用户的侵权通常在接到通知后才负责（民法典第1195-1197条）。",
                    "A platform on which users post or process information (e.g. a short-video site). It usually "
                    "answers for a user's tort only after notice (Civil Code Arts 1195-1197).")),
    "sensitive": (T("敏感个人信息", "Sensitive personal information"),
                  T("人脸信息属于生物识别信息，是敏感个人信息：一旦泄露难以更改，处理需要特定目的、充分必要性和单独同意。",
                     "Face information is biometric and therefore sensitive: it cannot be changed once leaked, so "
                     "processing needs a specific purpose, real necessity and separate consent.")),
    "separate_consent": (T("单独同意", "Separate consent"),
                         T("专门针对人脸信息、单独作出的同意（例如单独弹窗、单独勾选）。在长篇用户协议里“一并同意”不算。",
                            "Consent given specifically for the face information (its own pop-up or tick box). "
                            "Agreeing to a long user agreement as a whole does not count.")),
    "general_consent": (T("概括同意", "General consent"),
                        T("对整个服务条款或隐私政策的一揽子同意；对人脸信息而言不够。",
                           "A blanket agreement to terms or a privacy policy as a whole; not enough for face "
                           "information.")),
    "notice": (T("告知与处理规则", "Notice and processing rules"),
               T("处理者应公开人脸信息处理规则，并明示处理的目的、方式和范围（人脸识别规定第2条第(2)项）。",
                  "The processor must publish its rules for face information and state the purpose, method and "
                  "scope (SPC Face Provisions Art 2 item 2).")),
    "necessity": (T("必要性原则", "Necessity principle"),
                  T("只有在确有必要、别的办法达不到目的时，才可以处理人脸信息；能刷卡、验证件就能实现的，一般不必刷脸。",
                     "Face information may be processed only where really needed and other means would not do; if "
                     "a card or ID check would work, face recognition is usually not necessary.")),
    "burden": (T("举证责任", "Burden of proof"),
               T("谁必须拿出证据证明某个事实；证明不了的一方承担不利后果。人脸案件中，是否取得同意、是否有免责事由由处理者证明。",
                  "Who must produce evidence of a fact; the party who cannot prove it loses on that point. In "
                  "face cases the processor must prove consent and any exemption.")),
    "presumed_fault": (T("过错推定", "Presumed fault"),
                       T("法律先推定处理者有过错，除非处理者自己证明没有过错（个人信息保护法第69条第1款）。",
                          "The law presumes the processor was at fault unless it proves otherwise (PIPL Art 69(1)).")),
    "joint_several": (T("连带责任", "Joint and several liability"),
                      T("原告可以要求任何一个连带责任人赔偿全部损失；多付的一方再向其他人追偿。",
                         "The claimant may collect the whole award from any one of them; whoever pays more than "
                         "its share recovers the excess from the others.")),
    "several": (T("按份责任", "Several (proportionate) liability"),
                T("每个责任人只赔自己那一份，份额按过错和原因力确定，难以确定的平均承担。",
                   "Each liable party pays only its own share, fixed by fault and causal contribution, or equal "
                   "shares if that cannot be fixed.")),
    "causation": (T("因果关系", "Causation"),
                  T("损害确实是由被告的处理行为造成的。现行法下通常由原告证明。",
                     "The harm was in fact caused by the defendant's processing. Under current law the claimant "
                     "usually proves it.")),
    "mental": (T("精神损害赔偿", "Mental-distress damages"),
               T("只有造成严重精神损害时才赔偿（民法典第1183条）；医疗诊断等证据最有说服力。",
                  "Only serious mental harm is compensated (Civil Code Art 1183); medical records are the "
                  "strongest evidence.")),
    "reasonable_expenses": (T("合理开支", "Reasonable expenses"),
                            T("为制止侵权支付的调查、取证、公证、交通、律师费等，可以作为财产损失请求赔偿（人脸识别规定第8条）。",
                               "What it cost to stop the infringement — investigation, evidence, notarisation, "
                               "transport, lawyers — can be claimed as loss (SPC Face Provisions Art 8).")),
    "injunction": (T("人格权侵害禁令", "Personality-right injunction"),
                   T("侵害正在或即将发生、不及时制止会造成难以弥补的损害时，可以在起诉前或诉讼中申请法院禁令。",
                      "A court order to stop an ongoing or imminent infringement that would cause irreparable harm; "
                      "it can be sought before or during the suit.")),
    "format_clause": (T("格式条款", "Format (standard-form) clause"),
                      T("一方预先拟定、未与对方协商的合同条款，例如 App 的用户协议。",
                         "A contract term drafted in advance and not negotiated, e.g. an app's user agreement.")),
}


# --------------------------------------------------------------------------- option labels
EXTRA_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "sex": {"male": ("男", "Male"), "female": ("女", "Female")},
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
# label groups used by the interview that live under other names in litigation.facts.labels
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
