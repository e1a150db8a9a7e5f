"""Labels for stored codes, in Chinese and English. Codes are stable; only labels are translated."""

from __future__ import annotations

from litigation.i18n import Lang

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "setting": {"zoo_park": ("动物园/游乐园入园", "Zoo / park entry"),
                "residential_access": ("小区/楼宇门禁", "Residential or building access"),
                "mall_retail": ("商场/零售门店", "Mall / retail store"), "gym": ("健身房", "Gym"),
                "sales_office": ("售楼处", "Property sales office"), "face_swap_app": ("AI 换脸应用", "AI face-swap app"),
                "ai_image": ("AI 图像/形象", "AI image / likeness"), "ai_companion": ("AI 陪伴/虚拟形象", "AI companion persona"),
                "deepfake_abuse": ("深度伪造滥用", "Deepfake abuse"), "bank_fraud": ("银行刷脸冒用", "Bank face-verification fraud"),
                "verification_bypass": ("绕过人脸验证", "Face-verification bypass"), "insurance": ("保险", "Insurance"),
                "telecom_sim": ("电信补卡", "Telecom SIM re-issue"), "employment": ("用工", "Employment"),
                "platform_app": ("网络平台/应用", "Online platform / app"), "data_leak": ("数据泄露", "Data leak"),
                "data_trade": ("数据买卖", "Data trading"), "disclosure": ("公开/披露个人信息", "Disclosure of personal info"),
                "marketing_sms": ("营销短信", "Marketing SMS"), "voice": ("声音（AI 语音）", "Voice (AI speech)")},
    "court_level": {"basic": ("基层法院", "Basic court"), "intermediate": ("中级法院", "Intermediate court"),
                    "high": ("高级法院", "High court"), "internet": ("互联网法院（基层）", "Internet court (basic level)")},
    "age_group": {"adult": ("成年人", "Adult"), "minor_14_17": ("14-17 周岁未成年人", "Minor aged 14-17"),
                  "minor_under_14": ("不满 14 周岁", "Child under 14")},
    "relative": {"spouse": ("配偶", "Spouse"), "child": ("子女", "Child"), "parent": ("父母", "Parent"),
                 "other_close_relative": ("其他近亲属", "Other close relative")},
    "kind": {"business": ("企业/经营者", "Business"), "platform": ("网络平台/应用运营者", "Online platform / app"),
             "property_manager": ("物业服务企业", "Property manager"), "bank": ("银行/金融机构", "Bank / financial"),
             "employer": ("用人单位", "Employer"), "school": ("学校", "School"), "state_organ": ("国家机关", "State organ"),
             "tech_vendor": ("技术服务商", "Technology vendor"), "individual": ("自然人", "Individual"),
             "unknown": ("身份不明者", "Unknown actor")},
    "role": {"processor": ("处理者", "Processor"), "joint_processor": ("共同处理者", "Joint processor"),
             "entrusted_processor": ("受托处理者", "Entrusted processor"),
             "recipient": ("接收方（被提供信息者）", "Recipient of provided data"),
             "network_service_provider": ("网络服务提供者", "Network service provider"),
             "third_party_wrongdoer": ("第三人（黑客、诈骗者、买受人等）", "Third-party wrongdoer (hacker, fraudster, buyer…)")},
    "wrongdoer_kind": {"hacker": ("黑客（窃取者）", "Hacker"), "fraudster": ("诈骗者（冒用者）", "Fraudster (impostor)"),
                       "buyer": ("买受人", "Buyer"), "other": ("其他第三人", "Other third person")},
    "act": {"collection": ("收集", "Collection"), "storage": ("存储", "Storage"), "use": ("使用", "Use"),
            "processing": ("加工", "Processing"), "transmission": ("传输", "Transmission"),
            "provision": ("提供", "Provision"), "disclosure": ("公开", "Disclosure")},
    "venue": {"business_premises": ("经营场所", "Business premises"), "public_place": ("公共场所", "Public place"),
              "residential_community": ("住宅小区", "Residential community"), "workplace": ("工作场所", "Workplace"),
              "school": ("学校", "School"), "online": ("线上/应用内", "Online / in an app")},
    "purpose": {"identity_verification": ("身份验证", "Identity verification"), "identification": ("身份辨识", "Identification"),
                "analysis_marketing": ("分析/营销", "Analysis / marketing"), "public_security": ("维护公共安全", "Public security"),
                "public_health_emergency": ("应对突发公共卫生事件", "Public-health emergency"),
                "emergency_protection": ("紧急情况下保护生命健康财产", "Emergency protection of life or property"),
                "news_reporting": ("新闻报道、舆论监督", "News reporting"), "entertainment": ("娱乐（如换脸）", "Entertainment (e.g. face swap)"),
                "other": ("其他", "Other")},
    "basis": {"none": ("无", "None"), "contract": ("订立、履行合同所必需", "Necessary for a contract"),
              "statutory_duty": ("履行法定职责或义务所必需", "Necessary for a statutory duty"),
              "public_information": ("已合法公开的信息", "Lawfully public information")},
    "loss_proof": {"none": ("未证明", "not proved"), "partial": ("部分证明", "partly proved"),
                   "documented": ("有书证", "documented")},
    "proof_status": {"none": ("未举证", "not raised"), "asserted": ("仅主张", "asserted only"), "proved": ("已证明", "proved"),
                     "invalid_in_law": ("依法无效", "void in law")},
    "consent": {"none": ("未取得同意", "No consent"), "general": ("概括同意", "General consent"),
                "separate": ("单独同意", "Separate consent"), "written": ("书面同意", "Written consent")},
    "proof": {"none": ("未举证", "Not raised"), "asserted": ("仅主张", "Asserted only"), "proved": ("已证明", "Proved")},
    "evidence": {"none": ("无证据", "No evidence"), "weak": ("证据较弱", "Weak"), "strong": ("证据充分", "Strong"),
                 "admitted": ("对方自认", "Admitted")},
    "incident": {"leak": ("泄露", "Leak"), "tampering": ("篡改", "Tampering"), "loss": ("丢失", "Loss")},
    "defence": {"consent": ("同意", "Consent"), "public_health_emergency": ("突发公共卫生事件", "Public-health emergency"),
                "emergency_protection": ("紧急避险", "Emergency protection"), "public_security": ("维护公共安全", "Public security"),
                "news_reporting": ("新闻报道", "News reporting"), "public_information": ("已公开信息", "Public information"),
                "other_law": ("法律法规规定的其他情形", "Other statutory ground"), "no_fault": ("无过错", "No fault"),
                "owners_committee_approval": ("业委会/业主大会同意", "Owners' committee approval")},
    "fault": {"intentional": ("故意", "Intentional"), "gross_negligence": ("重大过失", "Gross negligence"),
              "negligence": ("一般过失", "Negligence"), "none": ("无过错", "No fault"), "unknown": ("不明", "Unknown")},
    "expense": {"investigation": ("调查取证费", "Investigation"), "notarisation": ("公证费", "Notarisation"),
                "transport": ("交通费", "Transport"), "attorney_fees": ("律师费", "Attorney fees"),
                "court_fees": ("诉讼费", "Court fees"), "other": ("其他", "Other")},
    "mental": {"none": ("无", "None"), "ordinary": ("一般", "Ordinary"), "serious": ("严重", "Serious")},
    "mental_evidence": {"none": ("无", "None"), "own_statement": ("本人陈述", "Own statement"),
                        "witness": ("证人证言", "Witnesses"), "medical": ("医疗诊断", "Medical records")},
    "scope": {"private": ("私人范围", "Private"), "limited": ("有限范围（如群聊）", "Limited (e.g. a group chat)"),
              "wide": ("广泛传播", "Wide")},
    "bearer": {"claimant": ("原告", "Claimant"), "defendant": ("被告（处理者）", "Defendant (processor)")},
    "status": {"met": ("已证明", "Met"), "contested": ("有争议", "Contested"), "missing": ("缺失", "Missing"),
               "not_at_issue": ("不涉及", "Not at issue")},
    "external": {"joint_and_several": ("连带责任（对全部）", "Joint and several (whole)"),
                 "several_share": ("按份责任（自己的份额）", "Several (own share)"),
                 "joint_for_enlarged_part": ("对扩大部分承担连带责任", "Joint for the enlarged part"),
                 "supplementary": ("相应的补充责任", "Supplementary (secondary) liability"),
                 "sole": ("单独承担全部责任", "Sole tortfeasor (the whole)"),
                 "stop_only": ("仅停止侵害、删除", "Only stop and delete"), "none": ("不承担责任", "Not liable")},
    "remedy": {"deletion": ("删除人脸信息", "Deletion"), "cessation": ("停止侵害", "Cessation"),
               "apology": ("赔礼道歉", "Apology"), "eliminate_effects": ("消除影响", "Eliminate effects"),
               "injunction": ("人格权侵害禁令", "Injunction"), "alternative_verification": ("其他验证方式", "Alternative verification"),
               "void_format_clause": ("格式条款无效", "Void format clause"), "contract_deletion": ("违约责任并删除", "Contract route and deletion"),
               "property_damages": ("财产损失赔偿", "Property damages"), "reasonable_expenses": ("合理维权开支", "Reasonable expenses"),
               "attorney_fees": ("律师费", "Attorney fees"), "mental_distress_damages": ("精神损害赔偿", "Mental-distress damages"),
               "contract_damages": ("违约损害赔偿", "Damages for breach of contract")},
    "face_use": {"identification": ("识别、验证身份", "Identification or verification"),
                 "display": ("展示、公开图像", "Displayed or published"),
                 "forgery": ("伪造、篡改（换脸、深度伪造、AI 形象）", "Forged or altered (face swap, deepfake, AI avatar)"),
                 "commercial": ("商业使用", "Commercial use")},
    "data_kind": {"face": ("人脸信息", "Face information"), "id_number": ("身份证号", "ID number"),
                  "phone": ("手机号", "Phone number"), "fingerprint": ("指纹", "Fingerprint"),
                  "other_biometric": ("其他生物识别信息", "Other biometric data"),
                  "private_information": ("私密信息", "Private information")},
    "contract_kind": {"service": ("服务合同", "Service contract"), "pass_or_membership": ("年卡、会员卡", "Pass or membership"),
                      "deposit_account": ("储蓄存款、借记卡", "Deposit account / debit card"),
                      "property_service": ("物业服务合同", "Property-service contract"),
                      "employment": ("劳动合同", "Employment contract"),
                      "platform_terms": ("平台用户协议", "Platform terms of use"), "other": ("其他合同", "Other contract")},
    "claim": {"personal_information": ("个人信息权益", "Personal information"), "portrait": ("肖像权", "Portrait right"),
              "reputation": ("名誉权", "Reputation"), "privacy": ("隐私权", "Privacy"),
              "contract": ("违约责任", "Breach of contract"), "consumer": ("消费者个人信息权益", "Consumer's personal information")},
    "regime": {"civil_code": ("民法典", "Civil Code"), "old_law": ("行为时的法律（2021年前）", "The law then in force (before 2021)")},
}


def label(group: str, code: str | None, lang: Lang) -> str:
    """The label of a code; an unknown code is shown as itself (never hidden)."""
    if code is None:
        return "—"
    pair = LABELS.get(group, {}).get(code)
    if pair is None:
        return code
    return pair[0] if lang == "zh" else pair[1]


def zh(group: str, code: str | None) -> str:
    return label(group, code, "zh")


def en(group: str, code: str | None) -> str:
    return label(group, code, "en")
