"""Labels for the facts a finding records that are not interview answers (what the engine derived on the way:
whether a ground was found, who infringed, which instrument is in force …), so the facts behind a conclusion
read as words in both languages. Interview answers are labelled by their questions (`facts.steps`)."""

from __future__ import annotations

from litigation.i18n import Lang

FACT_LABELS: dict[str, tuple[str, str]] = {
    "acts_after_death": ("死者去世后仍有处理行为", "Processing after the person's death"),
    "agent": ("受托人", "Entrusted party"),
    "agent_infringes": ("受托人构成侵害", "The entrusted party infringes"),
    "any_art2_ground": ("存在人脸识别规定第二条的侵害情形", "A ground under SPC Art 2 is found"),
    "bought": ("从他人处购得人脸信息", "Bought the face information from another"),
    "business": ("经营者", "Business"),
    "causation_proved": ("因果关系已证明", "Causation proved"),
    "claimant_minor": ("原告为未成年人", "The claimant is a minor"),
    "conduct_end": ("行为结束日", "Conduct ended"),
    "conduct_start": ("行为开始日", "Conduct began"),
    "consent": ("同意情况", "Consent"),
    "consent_withdrawn_by": ("撤回同意的一方", "Consent withdrawn by"),
    "damage_shown": ("损害已证明", "Damage shown"),
    "damages_liable": ("承担赔偿责任的被告", "Defendants liable in damages"),
    "defence": ("抗辩事由", "Defence"),
    "effective": ("施行日", "In force from"),
    "exempt": ("有免责事由", "Exempted"),
    "exemption_basis": ("免责依据", "Basis of the exemption"),
    "fault_on_claimant": ("过错由原告证明", "Fault is for the claimant to prove"),
    "fault_shown": ("过错已证明", "Fault shown"),
    "grounds": ("侵害事由", "Grounds"),
    "hits": ("成立的事由", "Grounds found"),
    "in_force_for_acts": ("对行为已施行", "In force for the acts"),
    "incident": ("安全事件", "Security incident"),
    "infringes": ("构成侵害", "Infringes"),
    "infringing_defendants": ("构成侵害的被告", "Infringing defendants"),
    "instrument": ("法律文件", "Instrument"),
    "internal_share": ("内部份额", "Internal share"),
    "instruments": ("法律文件", "Instruments"),
    "members": ("共同处理者", "Joint processors"),
    "necessary": ("为实现目的所必需", "Necessary for the purpose"),
    "no_fault_proved": ("已证明无过错", "No fault proved"),
    "ongoing": ("行为仍在持续", "Conduct continuing"),
    "ongoing_or_imminent": ("侵害正在发生或即将发生", "Infringement ongoing or imminent"),
    "own_grounds": ("自身的侵害事由", "Its own grounds"),
    "own_share": ("自身份额", "Its own share"),
    "participant": ("参与者", "Participant"),
    "pattern": ("侵权形态", "Pattern"),
    "people_affected": ("受影响人数", "People affected"),
    "pi_claim_found": ("个人信息权益请求成立", "Personal-information claim made out"),
    "pipl_in_force": ("个人信息保护法已施行", "PIPL in force"),
    "platform": ("平台的责任", "The platform's liability"),
    "principal": ("委托人", "Principal"),
    "private_information": ("涉及私密信息", "Private information involved"),
    "provided_to": ("提供对象", "Provided to"),
    "reading": ("采用的解读", "Reading taken"),
    "reduction": ("因原告过错减轻的比例", "Reduction for the claimant's fault"),
    "regime": ("适用的法律", "Law applied"),
    "sold_or_provided": ("出售或提供给他人", "Sold or provided to others"),
    "statutory_breaches": ("违反法律规定的情形", "Statutory breaches"),
    "sub_entrusted_without_consent": ("未经同意转委托", "Sub-entrusted without consent"),
    "third_party_wrongdoer": ("第三人侵权", "A third person's wrong"),
    "third_persons": ("第三人", "Third persons"),
    "tort_claims": ("侵权请求", "Tort claims"),
    "users": ("平台用户", "Platform users"),
    "users_liable": ("构成侵权的平台用户", "Platform users liable"),
    "valid_consent": ("同意有效", "Valid consent"),
    "weights": ("各方责任大小", "Each party's weight of responsibility"),
    "within_mandate": ("在委托范围内", "Within the mandate"),
}


def fact_label(key: str, lang: Lang) -> str | None:
    """The label of an engine-derived fact, or None for an unknown key (shown as it is)."""
    pair = FACT_LABELS.get(key)
    return None if pair is None else pair[0 if lang == "zh" else 1]
