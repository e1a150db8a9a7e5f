"""The matter: a typed, validated description of one face-information dispute.

A matter is written once (by the interview, a JSON file or a scenario) and read by every
rule. Stored values are stable codes; labels live in `litigation.facts.labels`. The JSON file
format is versioned (`format`, `version`) and round-trips losslessly.

Tri-state facts use `None` for "unknown / not established" — never guessed.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

FORMAT = "facetort-matter"
VERSION = 1


def _err(zh: str, en: str, loc: str = "") -> PydanticCustomError:
    """A validation error with both languages (read back by `litigation.facts.validation`). `loc` names the
    offending entry when the check runs on a whole object (e.g. 'relations.assistance.0.helper')."""
    return PydanticCustomError("facetort", "{en}", {"zh": zh, "en": en, "loc": loc})


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False, use_enum_values=True,
                              allow_inf_nan=False)  # an amount is finite, or the saved file cannot be read


Money = float  # RMB (yuan); validated >= 0 where used


# Settings, shared with the case dataset's `scenario` codes (data/README.md), so that a matter
# can be compared with decided cases.
Setting = Literal[
    "zoo_park", "residential_access", "mall_retail", "gym", "sales_office", "face_swap_app", "ai_image",
    "ai_companion", "deepfake_abuse", "bank_fraud", "verification_bypass", "insurance", "telecom_sim",
    "employment", "platform_app", "data_leak", "data_trade", "disclosure", "marketing_sms", "voice",
]

# --------------------------------------------------------------------------- claimant
AgeGroup = Literal["adult", "minor_14_17", "minor_under_14"]
RelativeKind = Literal["spouse", "child", "parent", "other_close_relative"]


class Claimant(_Model):
    name: str = Field("", max_length=200, description="Name or pseudonym (optional)")
    age_group: AgeGroup = Field("adult", description="Age when the face information was processed")
    deceased: bool = False
    death_date: dt.date | None = None
    relative_suing: RelativeKind | None = Field(
        None, description="If the person is deceased: the close relative who sues (CC 994)")
    public_figure: bool = False
    occupation: str = Field("", max_length=200)
    forum_province: str = Field("", max_length=50, description="Province of the court hearing the case")
    forum_city: str = Field("", max_length=50)
    forum_court_level: Literal["basic", "intermediate", "high", "internet"] | None = Field(
        None, description="Level of the court hearing the case (internet courts are basic-level)")
    # Particulars for the statement of claim (民事起诉状); all optional, empty = to be supplied.
    sex: Literal["male", "female"] | None = Field(None, description="Sex (for the statement of claim)")
    birth_date: dt.date | None = Field(None, description="Date of birth")
    ethnicity: str = Field("", max_length=50, description="Ethnicity, e.g. 汉族")
    address: str = Field("", max_length=300, description="Domicile or habitual residence (住所)")
    id_number: str = Field("", max_length=40, description="Resident ID number")
    phone: str = Field("", max_length=40, description="Contact telephone")
    court_name: str = Field("", max_length=200, description="The court the claim is filed with, e.g. 杭州市富阳区人民法院")

    @model_validator(mode="after")
    def _deceased_consistency(self) -> Claimant:
        if self.deceased and self.relative_suing is None:
            raise _err("当事人已死亡：请说明起诉的近亲属（配偶、子女、父母或其他近亲属）",
                       "the person is deceased: say which close relative sues (spouse, child, parent or other)")
        if not self.deceased and (self.relative_suing is not None or self.death_date is not None):
            raise _err("当事人未死亡，却填写了死亡日期或起诉的近亲属；请更正其一",
                       "death date or suing relative given for a living person: correct one of them")
        return self


# --------------------------------------------------------------------------- participants
ParticipantKind = Literal[
    "business", "platform", "property_manager", "bank", "employer", "school", "state_organ",
    "tech_vendor", "individual", "unknown",
]
Role = Literal[
    "processor", "joint_processor", "entrusted_processor", "recipient",
    "network_service_provider", "third_party_wrongdoer",
]
ActKind = Literal["collection", "storage", "use", "processing", "transmission", "provision", "disclosure"]
Venue = Literal["business_premises", "public_place", "residential_community", "workplace", "school", "online"]
Purpose = Literal[
    "identity_verification", "identification", "analysis_marketing", "public_security",
    "public_health_emergency", "emergency_protection", "news_reporting", "entertainment", "other",
]
ConsentType = Literal["none", "general", "separate", "written"]
Proof = Literal["none", "asserted", "proved"]
EvidenceLevel = Literal["none", "weak", "strong", "admitted"]
IncidentKind = Literal["leak", "tampering", "loss"]
DefenseCode = Literal[
    "consent", "public_health_emergency", "emergency_protection", "public_security", "news_reporting",
    "public_information", "other_law", "no_fault", "owners_committee_approval",
]
FaultDegree = Literal["intentional", "gross_negligence", "negligence", "none", "unknown"]
FaceUse = Literal["identification", "display", "forgery", "commercial"]
DataKind = Literal["face", "id_number", "phone", "fingerprint", "other_biometric", "private_information"]
ContractKind = Literal[
    "service", "pass_or_membership", "deposit_account", "property_service", "employment", "platform_terms", "other",
]
WrongdoerKind = Literal["hacker", "fraudster", "buyer", "other"]


class Act(_Model):
    kind: ActKind
    start: dt.date = Field(description="When the act began (ISO date)")
    end: dt.date | None = Field(None, description="When it ended; empty if ongoing or a one-off")
    ongoing: bool = False

    @model_validator(mode="after")
    def _order(self) -> Act:
        if self.end is not None and self.end < self.start:
            raise _err("结束日期早于开始日期", "end date is before the start date")
        if self.ongoing and self.end is not None:
            raise _err("行为标为“仍在持续”，却填写了结束日期；请删去其一",
                       "the act is marked ongoing but has an end date: remove one of them")
        return self


class Notice(_Model):
    rules_published: bool | None = Field(None, description="Face-processing rules published (SPC 2(2), PIPL 17)")
    purpose_method_scope_stated: bool | None = Field(None, description="Purpose, method and scope stated")
    necessity_and_impact_explained: bool | None = Field(None, description="PIPL 30: necessity and impact told")
    public_place_signage: bool | None = Field(None, description="Prominent signs in a public place (PIPL 26)")


class Consent(_Model):
    type: ConsentType = "none"
    written_required_by_law: bool = False
    bundled: bool = Field(False, description="Bundled with other authorisations (SPC 4(2))")
    condition_of_service: bool = Field(False, description="Made a condition of the product or service (SPC 4(1))")
    service_requires_face: bool | None = Field(
        None, description="Face processing is necessary to provide that product or service (SPC 4(1) proviso)")
    coerced: bool = Field(False, description="Forced or disguised forced consent (SPC 4(3))")
    guardian_consent: bool | None = Field(None, description="Parent/guardian consented (under 14: PIPL 31)")
    withdrawn: bool = False
    withdrawn_on: dt.date | None = None
    processing_after_withdrawal: bool = False
    proof: Proof = Field("none", description="What the processor can show about consent (SPC 6(2))")

    @model_validator(mode="after")
    def _consistency(self) -> Consent:
        if self.type == "none" and (self.bundled or self.condition_of_service or self.coerced):
            raise _err("未取得同意，却又说同意是捆绑、强制或以服务为条件取得的；请选择同意类型",
                       "consent type is 'none' but consent is described as bundled, coerced or a condition "
                       "of service: choose the consent type")
        if self.type == "none" and self.withdrawn:
            raise _err("未取得同意，无从撤回；请更正同意类型或撤回情况",
                       "consent cannot be withdrawn when none was given: correct the consent type or withdrawal")
        if not self.withdrawn and (self.withdrawn_on is not None or self.processing_after_withdrawal):
            raise _err("未撤回同意，却填写了撤回日期或撤回后的处理",
                       "a withdrawal date or processing after withdrawal is given but consent was not withdrawn")
        return self


class Necessity(_Model):
    face_needed_for_purpose: bool | None = Field(
        None, description="Face processing is sufficiently necessary for the purpose (PIPL 28; SPC 2(8))")
    sole_verification_method: bool = Field(False, description="Face recognition is the only way to verify/enter")
    alternative_requested: bool = False
    alternative_offered: bool | None = Field(None, description="Another reasonable method offered on request")


class Incident(_Model):
    occurred: bool = False
    kind: IncidentKind | None = None
    date: dt.date | None = None
    due_measures_taken: bool | None = Field(
        None, description="Due technical and other measures were taken (CC 1038, PIPL 51)")
    remedial_measures_and_notification: bool | None = Field(None, description="PIPL 57 remedial steps and notice")
    records_affected: int | None = Field(None, ge=0, description="How many people's records (if known)")

    @model_validator(mode="after")
    def _consistency(self) -> Incident:
        if not self.occurred and (self.kind is not None or self.date is not None):
            raise _err("未发生安全事件，却填写了事件类型或日期",
                       "no security incident, but an incident kind or date is given")
        if self.occurred and self.kind is None:
            raise _err("发生了安全事件：请选择泄露、篡改或丢失", "an incident occurred: choose leak, tampering or loss")
        return self


class Provision(_Model):
    to: list[str] = Field(default_factory=list, description="Participant ids of recipients")
    to_unidentified: bool = Field(False, description="Provided or sold to persons not identified")
    separate_consent: bool = False
    recipient_disclosed: bool = Field(False, description="Recipient's identity, purpose etc. told (PIPL 23)")
    sold: bool = False
    items: int | None = Field(None, ge=0, description="Number of records provided or sold (criminal flags)")
    illegal_gains: Money | None = Field(None, ge=0)


class FormatClause(_Model):
    used: bool = False
    unlimited_term: bool = False
    irrevocable: bool = False
    freely_sublicensable: bool = False


class DefenseClaim(_Model):
    code: DefenseCode
    proof: Proof = Field("asserted", description="asserted = claimed without proof; proved = evidence produced")
    note: str = Field("", max_length=2000)


class Processing(_Model):
    """What one processor (or recipient, or entrusted party) did with the face information."""

    acts: list[Act] = Field(default_factory=list)
    uses_face_recognition: bool = Field(True, description="Uses face recognition or FRT-generated face info (SPC 1)")
    venue: Venue = "business_premises"
    purpose: Purpose = "identity_verification"
    public_security_per_state_rules: bool | None = Field(
        None, description="Use for public security follows relevant state rules (SPC 5(2), PIPL 26)")
    notice: Notice = Field(default_factory=Notice)
    consent: Consent = Field(default_factory=Consent)
    other_legal_basis: Literal["none", "contract", "statutory_duty", "public_information"] = "none"
    other_legal_basis_proof: Proof = Field(
        "asserted", description="What the processor can show for that basis (SPC 6(2)); only 'proved' displaces "
                                "the consent requirement")
    necessity: Necessity = Field(default_factory=Necessity)
    incident: Incident = Field(default_factory=Incident)
    provision: Provision = Field(default_factory=Provision)
    beyond_declared_scope: bool = Field(False, description="Beyond the declared or agreed purpose/method/scope")
    breach_of_agreement: bool = Field(False, description="Breaches the parties' agreement (SPC 12)")
    against_public_order: bool = Field(False, description="Against public order and good morals (SPC 2(7))")
    private_space_device: bool = Field(False, description="Device inside a private space (toilet, changing room)")
    records_stored: int | None = Field(None, ge=0, description="People whose face info is stored (Measures 15)")
    format_clause: FormatClause = Field(default_factory=FormatClause)
    defenses: list[DefenseClaim] = Field(default_factory=list)
    proved_no_fault: Proof = Field("none", description="Evidence that it was not at fault (PIPL 69)")
    gains: Money | None = Field(None, ge=0, description="Benefit it obtained from the processing, if proven")
    face_uses: list[FaceUse] = Field(
        default_factory=lambda: ["identification"],
        description="How the face was used: to identify or verify the person; displayed or published as an image; "
                    "forged or altered (face swap, deepfake, AI avatar — CC 1019); for commercial gain")
    data_kinds: list[DataKind] = Field(default_factory=lambda: ["face"], description="The kinds of data it held")
    household_purpose: bool = Field(False, description="For personal or household affairs only (PIPL 72(1))")
    portrait_consent: bool | None = Field(
        None, description="The person agreed to the making, use or publication of the portrait (CC 1019(1))")
    lowers_reputation: bool = Field(
        False, description="The use insults or defames the person, lowering their social standing (CC 1024)")
    captures_private_life: bool = Field(
        False, description="It films or records a private space or private activities (CC 1032, 1033), e.g. a "
                           "doorbell or home camera aimed at a neighbour's door")

    @model_validator(mode="after")
    def _consistency(self) -> Processing:
        codes = [d.code for d in self.defenses]
        if len(codes) != len(set(codes)):
            raise _err("同一抗辩重复填写", "the same defence is listed twice")
        return self


class Contract(_Model):
    """A contract between the claimant and this participant, and what it promised (CC 577; Contract Law 107)."""

    exists: bool = Field(False, description="The claimant has a contract with this participant")
    kind: ContractKind = "service"
    concluded: dt.date | None = Field(None, description="When the contract was concluded")
    consumer: bool = Field(False, description="The claimant bought its goods or services as a consumer (CPRL 2)")
    promised: str = Field("", max_length=2000, description="What the contract promised, e.g. fingerprint entry")
    changed_unilaterally: bool = Field(
        False, description="It changed the agreed performance without the claimant's agreement (e.g. switched entry "
                           "from fingerprint to face)")
    not_performed: bool = Field(
        False, description="It did not perform as agreed (e.g. a bank paid out the deposit on a spoofed face)")
    loss: Money = Field(0, ge=0, description="Loss caused by the breach, incl. the lost benefit of the contract "
                                             "(CC 584; Contract Law 113)")
    loss_proof: Literal["none", "partial", "documented"] = "none"


class PlatformConduct(_Model):
    """A network service provider's position towards a user who infringed through it (CC 1195-1197)."""

    serves: list[str] = Field(default_factory=list, description="Ids of the users who infringed via the platform")
    notified: bool = False
    notice_date: dt.date | None = None
    notice_had_prima_facie_evidence: bool | None = None
    acted_promptly: bool | None = None
    knew_or_should_have_known: bool = False
    enlarged_damage_share: float | None = Field(
        None, ge=0, le=1, description="Share of the total damage that arose after notice (0-1)")

    @model_validator(mode="after")
    def _consistency(self) -> PlatformConduct:
        if not self.notified and (self.notice_date is not None or self.acted_promptly is not None):
            raise _err("平台未被通知，却填写了通知日期或处理情况", "the platform was not notified, "
                       "but a notice date or its response is given")
        return self


class Participant(_Model):
    id: str = Field(pattern=r"^[A-Za-z0-9_\-]{1,40}$", description="Short id used in relations, e.g. 'park'")
    name: str = Field(min_length=1, max_length=200)
    kind: ParticipantKind
    role: Role
    defendant: bool = Field(True, description="Sued in this matter (an unknown actor cannot be)")
    identified: bool = Field(True, description="Identity known (CC 1170: actual tortfeasor unidentifiable)")
    processing: Processing | None = None
    platform: PlatformConduct | None = None
    processing_evidence: EvidenceLevel = Field(
        "none", description="Claimant's evidence that this participant processed the face info")
    fault: FaultDegree = "unknown"
    responsibility_weight: float | None = Field(
        None, gt=0, description="Relative share of responsibility if the parties/court can fix it (CC 178, 1172)")
    contract: Contract = Field(default_factory=Contract, description="A contract between the claimant and it")
    # -- the data chain (issue 8): who the third person is, and whose employee a participant is
    wrongdoer_kind: WrongdoerKind | None = Field(
        None, description="For a third person (role third_party_wrongdoer): hacker, fraudster, buyer or other "
                          "(CC 1175; criminal flags)")
    employee_of: str | None = Field(
        None, description="Id of the participant that employs this person; acts in the course of work tasks are "
                          "the employer's (CC 1191(1))")
    # Particulars for the statement of claim; all optional, empty = to be supplied.
    address: str = Field("", max_length=300, description="Domicile (住所地; for a person, the address)")
    legal_representative: str = Field("", max_length=100, description="Legal representative (法定代表人) or person "
                                                                      "in charge of an organisation")
    credit_code: str = Field("", max_length=40, description="Unified social credit code (统一社会信用代码)")
    phone: str = Field("", max_length=40, description="Contact telephone")
    sex: Literal["male", "female"] | None = Field(None, description="Sex (an individual)")
    birth_date: dt.date | None = Field(None, description="Date of birth (an individual)")
    ethnicity: str = Field("", max_length=50, description="Ethnicity (an individual)")
    id_number: str = Field("", max_length=40, description="Resident ID number (an individual)")

    @model_validator(mode="after")
    def _consistency(self) -> Participant:
        if self.role == "network_service_provider" and self.platform is None:
            raise _err("网络服务提供者须填写平台通知与知情情况", "a network service provider needs its platform conduct "
                       "(notice, knowledge)")
        if self.role != "network_service_provider" and self.platform is not None:
            raise _err("只有网络服务提供者才填写平台通知情况", "platform conduct is only for a network service provider")
        if self.kind == "unknown" and self.identified:
            raise _err("身份不明的行为人不能标为“已查明身份”", "an unknown actor cannot be marked as identified")
        if not self.identified and self.defendant:
            raise _err("身份不明的行为人无法被列为被告", "an unidentified actor cannot be a defendant")
        if self.role in ("processor", "joint_processor", "entrusted_processor", "recipient") \
                and self.processing is None:
            raise _err("处理者须填写其处理行为（处理情况）", "a processor needs its processing facts")
        if self.wrongdoer_kind is not None and self.role != "third_party_wrongdoer":
            raise _err("只有第三人（侵权的第三方）才填写其类型（黑客、诈骗者、买受人等）",
                       "a wrongdoer kind (hacker, fraudster, buyer…) is only for a third-party wrongdoer")
        if self.employee_of is not None and self.employee_of == self.id:
            raise _err("参与者不能是自己的工作人员", "a participant cannot be its own employee")
        return self


# --------------------------------------------------------------------------- relations
class Entrustment(_Model):
    principal: str
    agent: str
    within_mandate: bool = True
    sub_entrusted_without_consent: bool = False
    principal_supervised: bool | None = None


class Assistance(_Model):
    helper: str
    actor: str
    kind: Literal["instigation", "assistance"] = "assistance"


class Relations(_Model):
    joint_decision: list[list[str]] = Field(default_factory=list, description="Groups deciding together (PIPL 20)")
    entrustments: list[Entrustment] = Field(default_factory=list)
    concerted_action: list[list[str]] = Field(default_factory=list, description="CC 1168 groups")
    assistance: list[Assistance] = Field(default_factory=list, description="CC 1169(1)")
    each_sufficient: list[list[str]] = Field(default_factory=list, description="CC 1171 groups")
    unknown_actor_among: list[list[str]] = Field(default_factory=list, description="CC 1170 groups")


# --------------------------------------------------------------------------- harm and requests
ExpenseKind = Literal["investigation", "notarisation", "transport", "attorney_fees", "court_fees", "other"]
MentalLevel = Literal["none", "ordinary", "serious"]
MentalEvidence = Literal["none", "own_statement", "witness", "medical"]


class Expense(_Model):
    kind: ExpenseKind
    amount: Money = Field(ge=0)
    receipt: bool = False
    description: str = Field("", max_length=500)


class Harm(_Model):
    economic_loss: Money = Field(0, ge=0, description="Property loss (RMB)")
    economic_loss_proof: Literal["none", "partial", "documented"] = "none"
    infringer_gains: Money | None = Field(None, ge=0, description="Infringer's gains, if proven (CC 1182)")
    expenses: list[Expense] = Field(default_factory=list)
    mental_distress: MentalLevel = "none"
    mental_evidence: MentalEvidence = "none"
    scope_of_impact: Literal["private", "limited", "wide"] = Field(
        "private", description="How far the harm spread (CC 998, CC 1000 apology scope)")
    causation_evidence: EvidenceLevel = Field("none", description="Evidence linking the defendants' acts to the harm")
    claimant_fault: Literal["none", "some", "significant"] = "none"
    claimant_fault_reduction: float | None = Field(
        None, ge=0, lt=1, description="Reduction the court may apply for the claimant's fault (CC 1173), 0-1")
    further_infringement_imminent: bool = Field(False, description="Infringement ongoing or about to happen")
    irreparable_if_not_stopped: bool = Field(False, description="Irreparable harm if not stopped (CC 997)")

    @model_validator(mode="after")
    def _consistency(self) -> Harm:
        if self.economic_loss > 0 and self.economic_loss_proof == "none":
            pass  # allowed: the claim is stated but unproven; the burden table will say so
        if self.mental_distress == "none" and self.mental_evidence != "none":
            raise _err("未主张精神损害，却填写了精神损害证据", "mental-distress evidence is given, but no distress")
        if self.claimant_fault == "none" and self.claimant_fault_reduction:
            raise _err("原告无过错，不应减轻赔偿；请更正其一",
                       "a reduction for the claimant's fault is given, but the claimant has no fault")
        return self


class Claimed(_Model):
    economic_loss: Money | None = Field(None, ge=0)
    reasonable_expenses: Money | None = Field(None, ge=0)
    attorney_fees: Money | None = Field(None, ge=0)
    mental_distress: Money | None = Field(None, ge=0)


class Requests(_Model):
    deletion: bool = True
    cessation: bool = True
    apology: bool = False
    damages: bool = True
    injunction: bool = False
    alternative_verification: bool = False
    void_format_clause: bool = False
    contract_route: bool = False
    claimed: Claimed = Field(default_factory=Claimed)


# --------------------------------------------------------------------------- matter
class Matter(_Model):
    format: Literal["facetort-matter"] = FORMAT
    version: Literal[1] = VERSION
    title: str = Field("", max_length=300)
    setting: Setting | None = Field(None, description="The kind of setting, as coded in the case dataset")
    as_of: dt.date | None = Field(None, description="Date of analysis; defaults to today")
    claimant: Claimant = Field(default_factory=Claimant)
    participants: list[Participant] = Field(default_factory=list)
    relations: Relations = Field(default_factory=Relations)
    harm: Harm = Field(default_factory=Harm)
    requests: Requests = Field(default_factory=Requests)
    notes: str = Field("", max_length=20000)
    unanswered: list[Annotated[str, Field(max_length=200)]] = Field(
        default_factory=list, max_length=5000,
        description="Interview questions left unanswered (paths such as participants.0.processing.uses_face_"
                    "recognition): the analysis reads their defaults; the interview shows them as open again")

    @model_validator(mode="after")
    def _references(self) -> Matter:
        ids = [p.id for p in self.participants]
        for i, pid in enumerate(ids):
            if pid in ids[:i]:
                raise _err(f"参与者编号重复：{pid}", f"duplicate participant id: {pid}", f"participants.{i}.id")
        known = set(ids)

        def check(ref: str, where_zh: str, where_en: str, loc: str) -> None:
            if ref not in known:
                raise _err(f"{where_zh}引用了不存在的参与者“{ref}”",
                           f"{where_en} refers to unknown participant '{ref}'", loc)

        for i, p in enumerate(self.participants):
            if p.processing:
                for j, r in enumerate(p.processing.provision.to):
                    loc = f"participants.{i}.processing.provision.to.{j}"
                    check(r, f"参与者 {p.id} 的提供对象", f"participant {p.id}'s provision", loc)
                    if r == p.id:
                        raise _err(f"参与者 {p.id} 不能向自己提供信息", f"participant {p.id} cannot provide to itself",
                                   loc)
            if p.platform:
                for j, r in enumerate(p.platform.serves):
                    check(r, f"平台 {p.id} 的用户", f"platform {p.id}'s user", f"participants.{i}.platform.serves.{j}")
        rel = self.relations
        for key, name_zh, name_en, groups in (
            ("joint_decision", "共同决定（个保法第20条）", "joint decision (PIPL 20)", rel.joint_decision),
            ("concerted_action", "共同实施（民法典第1168条）", "concerted action (CC 1168)", rel.concerted_action),
            ("each_sufficient", "各自足以造成全部损害（第1171条）", "each sufficient (CC 1171)", rel.each_sufficient),
            ("unknown_actor_among", "不能确定具体侵权人（第1170条）", "unknown actor among several (CC 1170)",
             rel.unknown_actor_among),
        ):
            for gi, g in enumerate(groups):
                if len(set(g)) < 2:
                    raise _err(f"{name_zh}至少需要两个不同的参与者", f"{name_en} needs at least two different participants",
                               f"relations.{key}.{gi}")
                for j, r in enumerate(g):
                    check(r, name_zh, name_en, f"relations.{key}.{gi}.{j}")
        for i, e in enumerate(rel.entrustments):
            check(e.principal, "委托处理的委托人", "entrustment principal", f"relations.entrustments.{i}.principal")
            check(e.agent, "委托处理的受托人", "entrustment agent", f"relations.entrustments.{i}.agent")
            if e.principal == e.agent:
                raise _err("委托人与受托人不能相同", "principal and agent must differ", f"relations.entrustments.{i}")
        for i, a in enumerate(rel.assistance):
            check(a.helper, "教唆/帮助者", "instigator/helper", f"relations.assistance.{i}.helper")
            check(a.actor, "被教唆/帮助的行为人", "assisted actor", f"relations.assistance.{i}.actor")
            if a.helper == a.actor:
                raise _err("教唆/帮助者与行为人不能相同", "helper and actor must differ", f"relations.assistance.{i}")
        for gi, g in enumerate(rel.joint_decision):
            for j, r in enumerate(g):
                p = next(x for x in self.participants if x.id == r)
                if p.processing is None:
                    raise _err(f"共同处理者 {r} 须填写处理情况", f"joint processor {r} needs its processing facts",
                               f"relations.joint_decision.{gi}.{j}")
        for i, p in enumerate(self.participants):
            if p.employee_of is not None:
                check(p.employee_of, f"参与者 {p.id} 的用人单位", f"participant {p.id}'s employer",
                      f"participants.{i}.employee_of")
        return self

    # -- convenience -------------------------------------------------------
    def participant(self, pid: str) -> Participant:
        for p in self.participants:
            if p.id == pid:
                return p
        raise KeyError(pid)

    def all_dates(self) -> list[tuple[str, dt.date]]:
        """Every date in the matter with a dotted location, for the future-date check."""
        out: list[tuple[str, dt.date]] = []
        if self.claimant.death_date:
            out.append(("claimant.death_date", self.claimant.death_date))
        if self.claimant.birth_date:
            out.append(("claimant.birth_date", self.claimant.birth_date))
        for i, p in enumerate(self.participants):
            if p.processing:
                for j, a in enumerate(p.processing.acts):
                    out.append((f"participants.{i}.processing.acts.{j}.start", a.start))
                    if a.end:
                        out.append((f"participants.{i}.processing.acts.{j}.end", a.end))
                if p.processing.incident.date:
                    out.append((f"participants.{i}.processing.incident.date", p.processing.incident.date))
                if p.processing.consent.withdrawn_on:
                    out.append((f"participants.{i}.processing.consent.withdrawn_on",
                                p.processing.consent.withdrawn_on))
            if p.birth_date:
                out.append((f"participants.{i}.birth_date", p.birth_date))
            if p.contract.concluded:
                out.append((f"participants.{i}.contract.concluded", p.contract.concluded))
            if p.platform and p.platform.notice_date:
                out.append((f"participants.{i}.platform.notice_date", p.platform.notice_date))
        return out
