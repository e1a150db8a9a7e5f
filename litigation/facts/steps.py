"""The guided interview as data: its steps and questions, with help texts, in Chinese and English.

Paths are dotted. In a step with `scope="participant"` a question's path is relative to one
participant (`participants.<i>.`); a condition path starting with `$.` is read from the matter.
"""

from __future__ import annotations

from litigation.facts.questions import PROCESSOR_ROLES, TRI, Cond, Q, Step, is_platform, is_processor
from litigation.i18n import T, Text


# --------------------------------------------------------------------------- the steps
def H(zh: str, en: str) -> Text:  # noqa: N802 - short help constructor
    return T(zh, en)


PROC = (is_processor(),)
# Conditions name the codes that show a question ("in"), so an unanswered select (None) shows nothing extra.
CONSENT_GIVEN = Cond("processing.consent.type", "in", ("general", "separate", "written"))

STEPS: tuple[Step, ...] = (
    Step(
        id="claimant", title=T("原告与案件", "Claimant and case"),
        intro=T("先说说受到影响的人和审理法院。姓名可以用化名；除非您保存文件，本工具不在服务器上留存任何信息。",
                 "Start with the person affected and the court. A pseudonym is fine; nothing is kept on the server "
                 "unless you save a file yourself."),
        questions=(
            Q("title", "title", "text", T("案件名称（可选）", "Case title (optional)"),
              H("仅用于报告标题，例如“郭某诉某动物园”。", "Only used as the report title, e.g. 'Guo v. a zoo'.")),
            Q("setting", "setting", "select", T("场景类型", "Kind of setting"),
              H("最接近的场景，用于检索类似案例和估算赔偿范围。", "The closest setting; used to find comparable cases "
                "and estimate the range."), group="setting"),
            Q("name", "claimant.name", "text", T("原告姓名或化名（可选）", "Claimant's name or pseudonym (optional)")),
            Q("age", "claimant.age_group", "select", T("人脸信息被处理时，原告的年龄", "The claimant's age when the face "
              "information was processed"),
              H("不满 14 周岁的儿童，处理其人脸信息须取得父母或监护人同意。", "For a child under 14, a parent's or "
                "guardian's consent is needed."), group="age_group", key_fact=True),
            Q("deceased", "claimant.deceased", "bool", T("当事人已经去世", "The person has died"),
              H("死者的人脸信息受到侵害时，由近亲属起诉（民法典第994条）。", "If the person has died, a close relative "
                "sues (Civil Code Art 994).")),
            Q("death_date", "claimant.death_date", "date", T("死亡日期", "Date of death"),
              visible=(Cond("claimant.deceased"),)),
            Q("relative", "claimant.relative_suing", "select", T("起诉的近亲属", "Which close relative sues"),
              group="relative_suing", visible=(Cond("claimant.deceased"),)),
            Q("public_figure", "claimant.public_figure", "bool", T("原告是公众人物", "The claimant is a public figure")),
            Q("occupation", "claimant.occupation", "text", T("职业（可选）", "Occupation (optional)")),
            Q("province", "claimant.forum_province", "text", T("受诉法院所在省份", "Province of the court"),
              H("例如“浙江”。精神损害赔偿会参考当地生活水平。", "E.g. 'Zhejiang'. Mental-harm awards consider local living "
                "standards.")),
            Q("city", "claimant.forum_city", "text", T("受诉法院所在城市", "City of the court")),
            Q("court_level", "claimant.forum_court_level", "select", T("受诉法院层级", "Level of the court"),
              group="court_level"),
            Q("as_of", "as_of", "date", T("分析日期（可选，默认今天）", "Date of the analysis (optional, default today)"),
              H("判断哪些法律已经施行。通常留空。", "Decides which laws were in force. Usually leave empty.")),
            Q("court_name", "claimant.court_name", "text", T("起诉的法院名称（可选）", "Name of the court you file with "
              "(optional)"),
              H("例如“杭州市富阳区人民法院”。起诉状“此致”后写这一名称；留空时起诉状列出有管辖权的法院供选择。",
                "E.g. 'Fuyang District People's Court, Hangzhou'. The statement of claim is addressed to it; if empty "
                "the statement lists the courts with jurisdiction.")),
            Q("sex", "claimant.sex", "select", T("原告性别（起诉状用，可选）", "Claimant's sex (for the statement of "
              "claim, optional)"), group="sex"),
            Q("birth_date", "claimant.birth_date", "date", T("原告出生日期（可选）", "Claimant's date of birth "
              "(optional)")),
            Q("ethnicity", "claimant.ethnicity", "text", T("原告民族（可选）", "Claimant's ethnicity (optional)"),
              H("例如“汉族”。", "E.g. 汉族 (Han).")),
            Q("address", "claimant.address", "text", T("原告住址（可选）", "Claimant's address (optional)"),
              H("住所地或经常居住地。网络侵权案件，原告住所地法院也可能有管辖权。", "Domicile or habitual residence. In "
                "an online tort the court of the claimant's domicile may have jurisdiction.")),
            Q("id_number", "claimant.id_number", "text", T("原告公民身份号码（可选）", "Claimant's ID number (optional)"),
              H("只写入您自己生成的起诉状，不上传到任何地方。", "It only goes into the statement you generate; it is "
                "not uploaded anywhere.")),
            Q("phone", "claimant.phone", "text", T("原告联系电话（可选）", "Claimant's telephone (optional)")),
        ),
        errors=(r"^claimant", r"^title", r"^as_of", r"^setting"),
    ),
    Step(
        id="participants", title=T("参与者", "Participants"),
        intro=T("列出处理过人脸信息或与之有关的每一方：收集人脸的单位、替它运营系统的技术公司、接收或购买信息的人、平台等。"
                 "每一方单独添加。",
                 "List every party that handled the face information or is involved: whoever collected it, the "
                 "vendor running the system, anyone who received or bought it, a platform. Add each party "
                 "separately."),
        scope="participant",
        questions=(
            Q("p_name", "name", "text", T("名称", "Name"), H("例如“某动物园有限公司”。", "E.g. 'X Zoo Co., Ltd.'")),
            Q("p_id", "id", "text", T("简称代码", "Short code"),
              H("报告中使用的简短代码，只能用字母、数字、下划线或连字符，例如 zoo。",
                "A short code used in reports: letters, digits, '_' or '-', e.g. zoo.")),
            Q("p_kind", "kind", "select", T("这一方是什么类型", "What kind of party"), group="kind"),
            Q("p_role", "role", "select", T("它在本案中的角色", "Its role in this matter"),
              H("自己决定怎样处理人脸的是“处理者”；替别人处理的是“受托处理者”；被提供信息的是“接收方”；提供平台的是“网络服务提供者”；"
                "黑客、买卖者等是“第三方侵权人”。",
                "Decides how faces are processed: processor. Processes for someone else: entrusted processor. "
                "Was given the data: recipient. Runs a platform: network service provider. Hackers or buyers: "
                "third-party wrongdoer."), group="role", terms=("processor", "entrusted", "joint", "platform")),
            Q("p_defendant", "defendant", "bool", T("列为被告", "Sued as a defendant")),
            Q("p_identified", "identified", "bool", T("身份已经查明", "Its identity is known"),
              H("身份不明的一方不能被起诉，但会影响其他人的责任。", "An unidentified party cannot be sued, but it "
                "affects the others' liability.")),
            Q("p_evidence", "processing_evidence", "select", T("原告有什么证据证明这一方处理了人脸信息", "The "
              "claimant's evidence that this party processed the face information"),
              H("例如照片、录像、合同、短信、对方承认。没有证据，对这一方的请求难以成立。", "E.g. photos, videos, the "
                "contract, messages, an admission. Without evidence the claim against this party fails."),
              group="evidence_level", key_fact=True, terms=("burden",)),
            Q("p_fault", "fault", "select", T("这一方的过错程度（如已知）", "Its degree of fault (if known)"),
              H("个人信息保护法施行后，处理者的过错是推定的；此项主要影响份额。", "After the PIPL, a processor's fault is "
                "presumed; this mostly affects shares."), group="fault_degree", terms=("presumed_fault",)),
            Q("p_weight", "responsibility_weight", "weight", T("责任大小权重（可选）", "Relative weight of responsibility "
              "(optional)"),
              H("如能确定各方责任大小，填相对数，例如 2 和 1 表示 2:1；留空则平均分担。", "If shares can be fixed, give "
                "relative numbers, e.g. 2 and 1 for 2:1; empty means equal shares."), terms=("several",)),
            Q("p_wrongdoer_kind", "wrongdoer_kind", "select", T("第三人的类型", "What kind of third person"),
              H("黑客、诈骗者的过错须由原告证明（不适用个人信息保护法第69条的过错推定）；诈骗另有刑事风险提示。",
                "A hacker's or fraudster's fault is for the claimant to prove (PIPL 69 does not presume it); fraud "
                "also gets a criminal flag."), group="wrongdoer_kind",
              visible=(Cond("role", "eq", "third_party_wrongdoer"),)),
            Q("p_employee_of", "employee_of", "text", T("是哪一方的工作人员（填其简称代码，可选）", "Whose employee it is "
              "(that party's short code, optional)"),
              H("工作人员因执行工作任务造成损害的，由用人单位承担责任（民法典第1191条第1款）。", "Harm done by staff in "
                "the course of their work is the employer's liability (CC 1191(1))."), terms=("processor",)),
            Q("p_address", "address", "text", T("住所地或住址（起诉状用，可选）", "Domicile or address (for the "
              "statement of claim, optional)"),
              H("被告住所地法院对侵权和合同纠纷都有管辖权。", "The court of the defendant's domicile has jurisdiction over "
                "tort and contract disputes.")),
            Q("p_legal_rep", "legal_representative", "text", T("法定代表人或主要负责人（可选）", "Legal representative "
              "or person in charge (optional)"), visible=(Cond("kind", "ne", "individual"),)),
            Q("p_credit_code", "credit_code", "text", T("统一社会信用代码（可选）", "Unified social credit code "
              "(optional)"), visible=(Cond("kind", "ne", "individual"),)),
            Q("p_phone", "phone", "text", T("联系电话（可选）", "Telephone (optional)")),
            Q("p_sex", "sex", "select", T("性别（可选）", "Sex (optional)"), group="sex",
              visible=(Cond("kind", "eq", "individual"),)),
            Q("p_birth_date", "birth_date", "date", T("出生日期（可选）", "Date of birth (optional)"),
              visible=(Cond("kind", "eq", "individual"),)),
            Q("p_ethnicity", "ethnicity", "text", T("民族（可选）", "Ethnicity (optional)"),
              visible=(Cond("kind", "eq", "individual"),)),
            Q("p_id_number", "id_number", "text", T("公民身份号码（可选）", "ID number (optional)"),
              visible=(Cond("kind", "eq", "individual"),)),
        ),
        errors=(r"^participants$", r"^participants\.\d+$", r"^participants\.\d+\.(id|name|kind|role|defendant|"
                r"identified|processing_evidence|fault|responsibility_weight|wrongdoer_kind|employee_of|address|"
                r"legal_representative|credit_code|phone|sex|birth_date|ethnicity|id_number)"),
        terms=("processor", "entrusted", "platform"),
    ),
    Step(
        id="acts", title=T("各方做了什么", "What each party did"),
        intro=T("对每一方，写下它对人脸信息做了什么、从什么时候开始。日期决定适用哪部法律（民法典 2021-01-01、人脸识别规定 2021-08-01、"
                 "个人信息保护法 2021-11-01 施行）。",
                 "For each party, say what it did with the face information and since when. The dates decide "
                 "which law applies (Civil Code 2021-01-01, SPC Face Provisions 2021-08-01, PIPL 2021-11-01)."),
        scope="participant", applies_to=(Cond("role", "in", PROCESSOR_ROLES + ("network_service_provider",)),),
        questions=(
            Q("acts", "processing.acts", "acts", T("处理行为及日期", "Processing acts and their dates"),
              H("收集（拍照、录入）、存储、使用（比对验证）、加工、传输、提供给他人、公开。仍在继续的请勾选“仍在持续”。",
                "Collection (taking or enrolling the face), storage, use (matching), processing, transmission, "
                "provision to others, disclosure. Tick 'ongoing' if it continues."), visible=PROC),
            Q("frt", "processing.uses_face_recognition", "bool", T("使用了人脸识别技术", "Face recognition technology was "
              "used"),
              H("只是拍照、没有用算法识别比对的，不适用人脸识别规定，但仍受个人信息一般规则保护。",
                "A plain photo with no recognition algorithm falls outside the SPC Face Provisions, but general "
                "personal-information rules still apply."), visible=PROC),
            Q("purpose", "processing.purpose", "select", T("处理目的", "Purpose of the processing"), group="purpose",
              visible=PROC, key_fact=True),
            Q("records", "processing.records_stored", "opt_int", T("它存储了多少人的人脸信息（如知道）", "How many "
              "people's face information it stores (if known)"),
              H("人数多时可能涉及公益诉讼和备案义务。", "Large numbers may bring public-interest suits and filing "
                "duties."), visible=PROC),
            Q("beyond", "processing.beyond_declared_scope", "bool", T("超出了它声明或约定的目的、方式、范围",
              "It went beyond the purpose, method or scope it declared or agreed"), visible=PROC, key_fact=True),
            Q("breach", "processing.breach_of_agreement", "bool", T("违反了双方的约定（如合同只约定指纹入园）",
              "It breached the parties' agreement (e.g. the contract only provided for fingerprints)"), visible=PROC),
            Q("face_uses", "processing.face_uses", "codes", T("人脸被如何使用", "How the face was used"), group="face_use",
              help=H("识别或验证身份；作为图像展示或公开；伪造或篡改（换脸、深度伪造、AI 形象）；用于商业牟利。展示、伪造和商用还涉及肖像权，"
                     "丑化、侮辱性使用还涉及名誉权。",
                     "To identify or verify the person; shown or published as an image; forged or altered (face "
                     "swap, deepfake, AI avatar); for commercial gain. Display, forgery and commercial use also engage "
                     "the portrait right; a degrading use also engages reputation."), visible=PROC),
            Q("portrait_consent", "processing.portrait_consent", TRI, T("本人同意制作、使用或公开其肖像",
              "The person agreed to the making, use or publication of the portrait"),
              visible=PROC + (Cond("processing.face_uses", "any_of", ("display", "forgery", "commercial")),)),
            Q("lowers_reputation", "processing.lowers_reputation", "bool", T("使用方式丑化、侮辱或诽谤本人，降低其社会评价",
              "The use degrades, insults or defames the person, lowering their standing"),
              visible=PROC + (Cond("processing.face_uses", "any_of", ("display", "forgery", "commercial")),)),
            Q("data_kinds", "processing.data_kinds", "codes", T("它持有哪些信息", "What data it held"), group="data_kind",
              help=H("删除请求针对它持有的每一类信息（如郭兵案二审另判删除指纹信息）。",
                     "A deletion order covers each kind of data it holds (in Guo Bing the appeal court added the "
                     "fingerprint data)."), visible=PROC),
            Q("household", "processing.household_purpose", "bool", T("仅为个人或家庭事务处理（如自家门铃摄像头）",
              "Only for personal or household affairs (e.g. one's own doorbell camera)"),
              help=H("个人信息保护法不适用于个人或家庭事务（第72条第1款），但民法典的肖像权、隐私权规定仍然适用。",
                     "The PIPL does not apply to personal or household affairs (Art 72(1)); the Civil Code's portrait "
                     "and privacy rules still do."), visible=PROC),
            Q("private_life", "processing.captures_private_life", "bool", T("拍摄、记录了他人的私密空间或私密活动",
              "It filmed or recorded a private space or private activities"), visible=PROC),
            Q("contract", "contract.exists", "bool", T("原告与这一方订有合同（如年卡、会员、存款、物业服务）",
              "The claimant has a contract with this party (annual pass, membership, deposit account, property "
              "service)")),
            Q("contract_kind", "contract.kind", "select", T("合同类型", "Kind of contract"), group="contract_kind",
              visible=(Cond("contract.exists"),)),
            Q("contract_date", "contract.concluded", "date", T("订立日期", "Date concluded"),
              visible=(Cond("contract.exists"),)),
            Q("consumer", "contract.consumer", "bool", T("原告是购买其商品或服务的消费者", "The claimant bought its goods "
              "or services as a consumer"), visible=(Cond("contract.exists"),)),
            Q("promised", "contract.promised", "textarea", T("合同约定了什么（如指纹入园）", "What the contract promised "
              "(e.g. fingerprint entry)"), visible=(Cond("contract.exists"),)),
            Q("changed", "contract.changed_unilaterally", "bool", T("它未经原告同意单方改变了约定的履行方式",
              "It changed the agreed performance without the claimant's agreement"),
              visible=(Cond("contract.exists"),)),
            Q("not_performed", "contract.not_performed", "bool", T("它没有按约履行（如存款被冒用刷脸转走）",
              "It did not perform as agreed (e.g. deposits paid out on a spoofed face)"),
              visible=(Cond("contract.exists"),)),
            Q("contract_loss", "contract.loss", "money", T("违约造成的损失（元，含合同可得利益）",
              "Loss caused by the breach (RMB, incl. the lost benefit of the contract)"),
              visible=(Cond("contract.exists"),)),
            Q("contract_loss_proof", "contract.loss_proof", "select", T("该损失的证明", "Proof of that loss"),
              group="loss_proof", visible=(Cond("contract.exists"),)),
            Q("morals", "processing.against_public_order", "bool", T("违背公序良俗（如偷拍、羞辱性使用）",
              "Against public order and good morals (e.g. covert filming, humiliating use)"), visible=PROC),
            Q("provided_to", "processing.provision.to", "refs", T("它把人脸信息提供给了哪些参与者", "Which "
              "participants it gave the face information to"), visible=PROC),
            Q("provided_unknown", "processing.provision.to_unidentified", "bool", T("提供或出售给了身份不明的人",
              "Provided or sold to persons not identified"), visible=PROC),
            Q("provided_consent", "processing.provision.separate_consent", "bool", T("提供前取得了原告的单独同意",
              "It had the claimant's separate consent before providing it"), visible=PROC + (
                Cond("processing.provision.to", "min_len", 1),), terms=("separate_consent",)),
            Q("provided_disclosed", "processing.provision.recipient_disclosed", "bool", T("告知了接收方的名称、用途等",
              "It told the claimant who the recipient was and for what"), visible=PROC + (
                Cond("processing.provision.to", "min_len", 1),)),
            Q("sold", "processing.provision.sold", "bool", T("人脸信息被出售", "The face information was sold"),
              visible=PROC),
            Q("items", "processing.provision.items", "opt_int", T("提供或出售的条数（如知道）", "How many records were "
              "provided or sold (if known)"), visible=PROC),
            Q("illegal_gains", "processing.provision.illegal_gains", "opt_money", T("出售所得（元，如知道）",
              "Money made from selling them (RMB, if known)"), visible=PROC),
            Q("format_used", "processing.format_clause.used", "bool", T("用户协议等格式条款要求授予人脸信息处理权",
              "A standard-form clause (e.g. user agreement) claims rights over the face information"),
              visible=PROC, terms=("format_clause",)),
            Q("format_unlimited", "processing.format_clause.unlimited_term", "bool", T("——无期限限制", "— without a "
              "time limit"), visible=PROC + (Cond("processing.format_clause.used"),)),
            Q("format_irrevocable", "processing.format_clause.irrevocable", "bool", T("——不可撤销", "— irrevocable"),
              visible=PROC + (Cond("processing.format_clause.used"),)),
            Q("format_sublicense", "processing.format_clause.freely_sublicensable", "bool", T("——可任意转授权",
              "— freely sub-licensable"), visible=PROC + (Cond("processing.format_clause.used"),)),
            Q("gains", "processing.gains", "opt_money", T("它因处理获得的利益（元，如能证明）", "The benefit it "
              "obtained from the processing (RMB, if provable)"), visible=PROC),
            Q("serves", "platform.serves", "refs", T("通过该平台实施侵权的用户", "Users who infringed through the "
              "platform"), visible=(is_platform(),), terms=("platform",)),
            Q("notified", "platform.notified", "bool", T("平台收到了删除、屏蔽的通知", "The platform received a notice "
              "to remove or block"), visible=(is_platform(),)),
            Q("notice_date", "platform.notice_date", "date", T("通知日期", "Date of the notice"),
              visible=(is_platform(), Cond("platform.notified"))),
            Q("notice_evidence", "platform.notice_had_prima_facie_evidence", TRI, T("通知附有初步证据",
              "The notice came with prima facie evidence"), visible=(is_platform(), Cond("platform.notified"))),
            Q("acted", "platform.acted_promptly", TRI, T("平台及时采取了删除、屏蔽等措施", "The platform promptly "
              "removed or blocked"), visible=(is_platform(), Cond("platform.notified")), key_fact=True),
            Q("knew", "platform.knew_or_should_have_known", "bool", T("平台知道或应当知道侵权（即使没有通知）",
              "The platform knew or should have known of the infringement (even without notice)"),
              visible=(is_platform(),), key_fact=True),
            Q("enlarged", "platform.enlarged_damage_share", "fraction", T("通知后扩大的损害占全部损害的比例（0-1）",
              "Share of the harm that arose after the notice (0-1)"),
              visible=(is_platform(), Cond("platform.notified"))),
        ),
        errors=(r"^participants\.\d+\.processing\.(acts|uses_face|purpose|records|beyond|breach|against|provision|"
                r"format_clause|gains)", r"^participants\.\d+\.platform", r"^participants\.\d+\.processing$"),
    ),
    Step(
        id="consent", title=T("同意与告知", "Consent and notice"),
        intro=T("人脸信息是敏感个人信息：处理者要公开规则、讲清目的，并取得单独同意（或有其他法定依据）。"
                 "是否取得同意、有无免责事由，由处理者举证。",
                 "Face information is sensitive: the processor must publish its rules, state the purpose, and get "
                 "separate consent (or have another legal basis). The processor must prove consent and any "
                 "exemption."),
        scope="participant", applies_to=PROC,
        questions=(
            Q("rules", "processing.notice.rules_published", TRI, T("公开了人脸信息处理规则", "It published its rules for "
              "processing face information"), terms=("notice",), key_fact=True),
            Q("stated", "processing.notice.purpose_method_scope_stated", TRI, T("明确告知了处理的目的、方式和范围",
              "It clearly stated the purpose, method and scope"), key_fact=True),
            Q("impact", "processing.notice.necessity_and_impact_explained", TRI, T("告知了为什么必须刷脸以及对个人的影响",
              "It explained why face processing was necessary and how it affects the person")),
            Q("basis", "processing.other_legal_basis", "select", T("除同意外，它有没有其他法定依据", "Apart from consent, "
              "does it have another legal basis"),
              H("多数案件选“无（依靠同意）”。履行合同所必需等依据须由处理者证明。", "Most cases: 'None (relies on "
                "consent)'. Another basis must be proved by the processor."), group="legal_basis"),
            Q("basis_proof", "processing.other_legal_basis_proof", "select", T("处理者能否证明这一法定依据",
              "Can the processor prove that legal basis"), group="proof",
              visible=(Cond("processing.other_legal_basis", "in", ("contract", "statutory_duty", "public_information")),), key_fact=True, terms=("burden",)),
            Q("consent_type", "processing.consent.type", "select", T("原告给了什么样的同意", "What consent the claimant "
              "gave"), H("只在用户协议、入园须知里概括同意的，选“概括同意”。", "If it was only agreeing to terms or a "
                         "notice as a whole, choose 'General consent'."),
              group="consent_type", key_fact=True, terms=("separate_consent", "general_consent")),
            Q("consent_proof", "processing.consent.proof", "select", T("处理者能拿出什么证明同意", "What the processor can "
              "show about consent"), group="proof", visible=(CONSENT_GIVEN,), key_fact=True, terms=("burden",)),
            Q("written", "processing.consent.written_required_by_law", "bool", T("法律要求书面同意",
              "The law requires written consent"), visible=(CONSENT_GIVEN,)),
            Q("bundled", "processing.consent.bundled", "bool", T("同意与其他授权捆绑在一起", "Consent was bundled with "
              "other permissions"), visible=(CONSENT_GIVEN,)),
            Q("condition", "processing.consent.condition_of_service", "bool", T("不同意刷脸就不提供服务",
              "The service was refused unless the claimant agreed to face recognition"),
              visible=(CONSENT_GIVEN,), key_fact=True),
            Q("requires_face", "processing.consent.service_requires_face", TRI, T("该服务本身确实离不开人脸识别",
              "The service genuinely cannot work without face recognition")),
            Q("coerced", "processing.consent.coerced", "bool", T("同意是被强迫或变相强迫的", "Consent was forced or "
              "disguised as voluntary"), visible=(CONSENT_GIVEN,)),
            Q("guardian", "processing.consent.guardian_consent", TRI, T("父母或监护人同意了", "A parent or guardian "
              "consented"), visible=(Cond("$.claimant.age_group", "in", ("minor_14_17", "minor_under_14")),)),
            Q("withdrawn", "processing.consent.withdrawn", "bool", T("原告后来撤回了同意", "The claimant later withdrew "
              "consent"), visible=(CONSENT_GIVEN,)),
            Q("withdrawn_on", "processing.consent.withdrawn_on", "date", T("撤回日期", "Date of withdrawal"),
              visible=(CONSENT_GIVEN, Cond("processing.consent.withdrawn"))),
            Q("after_withdrawal", "processing.consent.processing_after_withdrawal", "bool", T("撤回后仍继续处理",
              "Processing continued after the withdrawal"),
              visible=(CONSENT_GIVEN, Cond("processing.consent.withdrawn"))),
            Q("defenses", "processing.defenses", "defenses", T("处理者提出的抗辩", "Defences the processor raises"),
              H("例如维护公共安全、应对突发公共卫生事件、业主委员会同意。说明它是否已举证。", "E.g. public security, a "
                "public-health emergency, owners' committee approval. Say whether it produced evidence.")),
            Q("no_fault", "processing.proved_no_fault", "select", T("处理者对“自己没有过错”的举证", "The processor's "
              "evidence that it was not at fault"), group="proof", key_fact=True, terms=("presumed_fault",)),
        ),
        errors=(r"^participants\.\d+\.processing\.(notice|consent|other_legal_basis|defenses|proved_no_fault)",),
        terms=("sensitive", "separate_consent", "burden"),
    ),
    Step(
        id="venue", title=T("场所与必要性", "Venue and necessity"),
        intro=T("在哪里刷脸、是否真的必要、有没有别的验证方式。",
                 "Where face recognition was used, whether it was really needed, and whether there was another way."),
        scope="participant", applies_to=PROC,
        questions=(
            Q("venue_q", "processing.venue", "select", T("在什么场所", "Where"), group="venue", key_fact=True),
            Q("signage", "processing.notice.public_place_signage", TRI, T("公共场所设置了显著提示标识",
              "Prominent signs were put up in the public place"),
              visible=(Cond("processing.venue", "eq", "public_place"),)),
            Q("per_rules", "processing.public_security_per_state_rules", TRI, T("用于公共安全，且遵守了国家有关规定",
              "Used for public security following the state rules"),
              visible=(Cond("processing.purpose", "eq", "public_security"),)),
            Q("needed", "processing.necessity.face_needed_for_purpose", TRI, T("为实现该目的，确有必要刷脸",
              "Face recognition was really necessary for that purpose"),
              H("能用刷卡、验证件、密码等方式达到同样目的的，一般选“否”。", "If a card, ID check or password would do "
                "the same, usually answer 'No'."), key_fact=True, terms=("necessity",)),
            Q("sole", "processing.necessity.sole_verification_method", "bool", T("刷脸是唯一的验证或进入方式",
              "Face recognition was the only way to verify or get in"), key_fact=True),
            Q("alt_requested", "processing.necessity.alternative_requested", "bool", T("原告要求过其他验证方式",
              "The claimant asked for another method")),
            Q("alt_offered", "processing.necessity.alternative_offered", TRI, T("对方提供了其他合理的验证方式",
              "Another reasonable method was offered")),
            Q("private_space", "processing.private_space_device", "bool", T("设备装在私密空间（如卫生间、更衣室）",
              "The device was inside a private space (toilet, changing room)")),
        ),
        errors=(r"^participants\.\d+\.processing\.(venue|necessity|public_security|private_space|notice\.public)",),
        terms=("necessity",),
    ),
    Step(
        id="incidents", title=T("安全事件", "Security incidents"),
        intro=T("人脸信息有没有被泄露、篡改或丢失。发生事件而处理者不能证明已采取必要安全措施的，推定其有过错。",
                 "Was the face information leaked, altered or lost? If so and the processor cannot show due "
                 "security measures, it is presumed at fault."),
        scope="participant", applies_to=PROC,
        questions=(
            Q("occurred", "processing.incident.occurred", "bool", T("发生了泄露、篡改或丢失", "A leak, alteration or "
              "loss happened"), key_fact=True),
            Q("incident_kind", "processing.incident.kind", "select", T("事件类型", "Kind of incident"),
              group="incident_kind", visible=(Cond("processing.incident.occurred"),)),
            Q("incident_date", "processing.incident.date", "date", T("事件日期（如知道）", "Date (if known)"),
              visible=(Cond("processing.incident.occurred"),)),
            Q("measures", "processing.incident.due_measures_taken", TRI, T("处理者此前采取了应有的技术和管理措施",
              "The processor had taken due technical and other measures"),
              visible=(Cond("processing.incident.occurred"),), key_fact=True, terms=("presumed_fault",)),
            Q("remedial", "processing.incident.remedial_measures_and_notification", TRI, T("事后采取了补救措施并通知了本人",
              "It took remedial steps and notified the people affected"),
              visible=(Cond("processing.incident.occurred"),)),
            Q("affected", "processing.incident.records_affected", "opt_int", T("涉及多少人的信息（如知道）",
              "How many people's records were affected (if known)"),
              visible=(Cond("processing.incident.occurred"),)),
        ),
        errors=(r"^participants\.\d+\.processing\.incident",),
    ),
    Step(
        id="relations", title=T("参与者之间的关系", "Relations between participants"),
        intro=T("几方之间的关系决定他们是各赔各的（按份责任），还是任何一方都要对全部损害负责（连带责任）。不确定的可以不填。",
                 "How the parties relate decides whether each pays its own share (several liability) or any of "
                 "them can be made to pay everything (joint and several). Leave empty if unsure."),
        visible=(Cond("participants", "min_len", 2),),
        questions=(
            Q("entrustments", "relations.entrustments", "entrustments", T("委托处理（谁委托谁处理人脸信息）",
              "Entrusted processing (who processed for whom)"), terms=("entrusted",)),
            Q("groups", "relations", "groups", T("共同决定、共同实施等", "Joint decisions and joint acts"),
              H("选择关系类型和参与的各方，再点“添加”。", "Choose the kind of relation and the parties, then 'Add'."),
              terms=("joint", "joint_several")),
            Q("assistance", "relations.assistance", "assistance", T("教唆或帮助他人侵权", "Instigating or assisting "
              "another's tort")),
        ),
        errors=(r"^relations",),
        terms=("joint_several", "several"),
    ),
    Step(
        id="harm", title=T("损害、开支与证据", "Harm, expenses and evidence"),
        intro=T("原告受到了什么损害，花了多少钱维权，手里有什么证据。损害和因果关系通常由原告证明。",
                 "What harm the claimant suffered, what it cost to pursue the matter, and what evidence there is. "
                 "The claimant usually proves harm and causation."),
        questions=(
            Q("loss", "harm.economic_loss", "money", T("财产损失（元）", "Property loss (RMB)"),
              H("例如被冒用刷脸造成的资金损失、被迫放弃的年卡费用。不含维权开支（下面单列）。", "E.g. money lost through a "
                "misused face check, or the unused part of an annual pass. Expenses come below.")),
            Q("loss_proof", "harm.economic_loss_proof", "select", T("损失有没有证据", "Evidence of the loss"),
              group="loss_proof", visible=(Cond("harm.economic_loss"),), key_fact=True),
            Q("infringer_gains", "harm.infringer_gains", "opt_money", T("侵权人因此获得的利益（元，如能证明）",
              "The infringer's gains (RMB, if provable)")),
            Q("expenses", "harm.expenses", "expenses", T("维权开支（每一项单独添加）", "Expenses of pursuing the matter "
              "(add each one)"), terms=("reasonable_expenses",)),
            Q("mental", "harm.mental_distress", "select", T("精神损害", "Mental distress"), group="mental",
              key_fact=True, terms=("mental",)),
            Q("mental_evidence", "harm.mental_evidence", "select", T("精神损害的证据", "Evidence of the mental distress"),
              group="mental_evidence", visible=(Cond("harm.mental_distress", "in", ("ordinary", "serious")),)),
            Q("scope", "harm.scope_of_impact", "select", T("影响范围", "How far the harm spread"), group="scope"),
            Q("causation", "harm.causation_evidence", "select", T("证明损害是由被告行为造成的证据",
              "Evidence that the defendants' acts caused the harm"), group="evidence_level", key_fact=True,
              terms=("causation",)),
            Q("claimant_fault", "harm.claimant_fault", "select", T("原告自己对损害有没有过错", "Was the claimant partly at "
              "fault for the harm"), group="claimant_fault"),
            Q("reduction", "harm.claimant_fault_reduction", "fraction", T("因原告过错减轻的比例（0-1，可不填）",
              "Reduction for the claimant's fault (0-1, optional)"),
              visible=(Cond("harm.claimant_fault", "ne", "none"),)),
            Q("imminent", "harm.further_infringement_imminent", "bool", T("侵害仍在继续或即将发生", "The infringement "
              "continues or is about to happen"), terms=("injunction",)),
            Q("irreparable", "harm.irreparable_if_not_stopped", "bool", T("不及时制止将造成难以弥补的损害",
              "Irreparable harm if not stopped quickly")),
        ),
        errors=(r"^harm",),
        terms=("burden", "causation", "reasonable_expenses"),
    ),
    Step(
        id="requests", title=T("诉讼请求", "Requests"),
        intro=T("原告希望法院判决什么。可以多选。", "What the claimant asks the court for. Choose any."),
        questions=(
            Q("r_deletion", "requests.deletion", "bool", T("删除人脸信息", "Delete the face information")),
            Q("r_cessation", "requests.cessation", "bool", T("停止侵害", "Stop the infringement")),
            Q("r_apology", "requests.apology", "bool", T("赔礼道歉", "Apologise")),
            Q("r_damages", "requests.damages", "bool", T("赔偿损失", "Pay damages")),
            Q("r_injunction", "requests.injunction", "bool", T("申请人格权侵害禁令", "Apply for an injunction"),
              terms=("injunction",)),
            Q("r_alternative", "requests.alternative_verification", "bool", T("提供刷脸以外的验证方式",
              "Provide a way to verify other than the face")),
            Q("r_format", "requests.void_format_clause", "bool", T("确认格式条款无效", "Declare the standard-form "
              "clause void"), terms=("format_clause",)),
            Q("r_contract", "requests.contract_route", "bool", T("按违约起诉（合同之诉）", "Sue in contract")),
            Q("c_loss", "requests.claimed.economic_loss", "opt_money", T("请求赔偿：财产损失（元）", "Claimed: property "
              "loss (RMB)"), visible=(Cond("requests.damages", "ne", False),)),
            Q("c_expenses", "requests.claimed.reasonable_expenses", "opt_money", T("请求赔偿：合理开支（元）",
              "Claimed: reasonable expenses (RMB)"), visible=(Cond("requests.damages", "ne", False),)),
            Q("c_attorney", "requests.claimed.attorney_fees", "opt_money", T("请求赔偿：律师费（元）", "Claimed: "
              "attorney fees (RMB)"), visible=(Cond("requests.damages", "ne", False),)),
            Q("c_mental", "requests.claimed.mental_distress", "opt_money", T("请求赔偿：精神损害抚慰金（元）",
              "Claimed: mental-distress damages (RMB)"), visible=(Cond("requests.damages", "ne", False),)),
            Q("notes", "notes", "textarea", T("其他说明（可选）", "Other notes (optional)")),
        ),
        errors=(r"^requests", r"^notes"),
    ),
)

STEP_IDS = tuple(s.id for s in STEPS)
REVIEW = T("检查全部答案", "Review all answers")
# Fields of the matter model the interview deliberately does not ask (tests check coverage).
NOT_ASKED = {"format", "version", "unanswered"}  # unanswered: kept by the interview itself (answers.py)


def step(step_id: str) -> Step:
    return next(s for s in STEPS if s.id == step_id)
