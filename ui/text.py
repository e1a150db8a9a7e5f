"""The UI's own strings (the engine's texts come with the analysis), keyed by id, in zh and en.

No streamlit import: the language is passed in, or read by `ui.frame.lang()`.
"""

from __future__ import annotations

import html
import re

from litigation.documents.render_md import md_text
from litigation.facts.bounds import clean_text
from litigation.i18n import Lang

TEXT: dict[str, tuple[str, str]] = {
    # frame
    "app.title": ("FaceTort 人脸信息侵权诉讼辅助", "FaceTort — face-information tort litigation"),
    "app.disclaimer": ("供律师、法官和法学院诊所参考，不构成法律意见；以法律原文为准。除非您自己保存文件或打开“在本机保存”，本工具不留存任何信息。",
                       "Reference software for lawyers, judges and law clinics, not legal advice; the Chinese text "
                       "of the law controls. Nothing is kept unless you save a file or turn on 'Keep my matters'."),
    "lang.label": ("语言 / Language", "Language / 语言"),
    "nav.start": ("开始", "Start"),
    "nav.interview": ("事实问答", "Interview"),
    "nav.analysis": ("法律分析", "Analysis"),
    "nav.compensation": ("赔偿估算", "Compensation"),
    "nav.cases": ("类案检索", "Case explorer"),
    "nav.teaching": ("教学模式", "Teaching"),
    "nav.export": ("导出文书", "Export"),
    "nav.section.case": ("案件", "Your matter"),
    "nav.section.research": ("研究与教学", "Research and teaching"),
    "error.page": ("抱歉，这一页出了问题，未能显示。您的答案没有丢失。请返回上一步或刷新页面；如问题持续，请保存案件文件并报告。",
                   "Sorry — this page ran into a problem and could not be shown. Your answers are safe. Go back "
                   "or reload the page; if it keeps happening, save your matter file and report it."),
    "status.matter_ok": ("案件事实完整有效。", "The matter is complete and valid."),
    "status.matter_bad": ("案件事实还有 {n} 处需要补充或更正。", "The matter has {n} point(s) to complete or correct."),
    "status.empty": ("还没有添加任何参与者。请先在“事实问答”中描述案件，或在“教学模式”中载入示例案件。",
                     "No participants yet. Describe the case in the Interview first, or load an example in "
                     "Teaching."),
    "go.interview": ("去填写事实问答", "Go to the interview"),
    "go.analysis": ("查看法律分析", "See the analysis"),
    "go.export": ("导出文书", "Export documents"),
    "go.teaching": ("试试示例案件（教学模式）", "Try an example (teaching mode)"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "unknown": ("不清楚", "Unknown"),
    "none_selected": ("— 未选择 —", "— not chosen —"),
    # start page
    "start.heading": ("人脸信息侵权诉讼辅助", "Decision support for face-information tort cases"),
    "start.what": ("按步骤回答关于案件事实的问题，FaceTort 会给出：是否构成侵权及其依据、抗辩能否成立、谁承担什么举证责任、多方之间的责任结构、可以请求的救济、"
                   "赔偿范围的参考和类似案例，并可导出起诉意见书、审理报告和类案检索报告。每个结论都可以展开查看所依据的法条和事实。",
                   "Answer questions about the facts step by step. FaceTort then shows whether there is an "
                   "infringement and why, which defences hold, who must prove what, how liability is shared among "
                   "the parties, the remedies, a reference range for compensation and comparable cases — and "
                   "exports a claim memo, a bench memo and a similar-case search report. Every conclusion opens "
                   "to the articles and facts it rests on."),
    "start.steps": ("**三步上手：** ① 在“事实问答”中逐步填写（可随时保存为文件）；② 在“法律分析”中查看结论；③ 在“导出文书”中下载 Word、PDF 或 Markdown。",
                    "**Three steps:** ① fill in the Interview step by step (save a file at any time); ② read the "
                    "conclusions in Analysis; ③ download Word, PDF or Markdown in Export."),
    "start.who": ("**律师**：评估案件、准备起诉意见；**法官**：梳理争点、举证责任和类案；**诊所学生**：用示例案件学习，改变一个事实看结论如何变化。",
                  "**Lawyers**: assess a case and prepare the claim. **Judges**: issues, burden of proof and "
                  "comparable cases. **Clinic students**: learn on example cases and change one fact to see which "
                  "conclusion flips."),
    "start.resume": ("已有保存的案件文件？在“事实问答”页顶部的“保存 / 载入”中载入。",
                     "Have a saved matter file? Load it under 'Save / load' at the top of the Interview."),
    # interview
    "iv.heading": ("事实问答", "Interview"),
    "iv.progress": ("第 {i} 步，共 {n} 步：{title}", "Step {i} of {n}: {title}"),
    "iv.jump": ("跳到步骤", "Go to step"),
    "iv.prev": ("← 上一步", "← Back"),
    "iv.next": ("下一步 →", "Next →"),
    "iv.to_review": ("回到检查页", "Back to the review"),
    "iv.finish": ("检查全部答案 →", "Review all answers →"),
    "iv.city_other_option": ("其他 / 不在列表中", "Other / not listed"),
    "iv.city_other": ("其他城市（请填写）", "Other city (type it in)"),
    "iv.gaps": ("以下关键答案尚未填写：", "These decisive answers are still missing:"),
    "iv.unanswered": ("这一步还有 {n} 个事实问题未回答，显示为“不清楚”或“未选择”；分析时按默认值处理：",
                      "{n} question(s) in this step are not answered and are shown as unknown; the "
                      "analysis counts them as the default:"),
    "iv.assumed": ("按“{v}”处理", "counted as '{v}'"),
    "iv.review_gaps": ("关键答案尚未填写", "Decisive answers still missing"),
    "iv.review_unanswered": ("还有 {n} 个事实问题未回答（显示为“不清楚”或“未选择”），分析时按默认值处理。",
                             "{n} question(s) are not answered (shown as unknown); the analysis counts "
                             "them as the default."),
    "iv.review_valid_open": ("答案可以进行分析，但上面的问题尚未回答或填写。",
                             "The answers can be analysed, but the points above are still open."),
    "an.unanswered": ("问答中有 {n} 个事实问题未回答；本分析按默认值处理：",
                      "{n} question(s) of the interview are not answered; this analysis counts them as "
                      "the default:"),
    "iv.step_ok": ("这一步的答案没有发现问题。", "No problems found in this step."),
    "iv.step_errors": ("这一步有以下问题需要处理：", "Please fix these points in this step:"),
    "iv.other_errors": ("其他步骤还有 {n} 处问题，可在检查页查看。", "{n} more point(s) in other steps — see the review."),
    "iv.terms": ("术语解释", "What these terms mean"),
    "iv.no_participants": ("这一步针对处理人脸信息的参与者。请先在“参与者”一步中添加。",
                           "This step asks about the parties who processed the face information. Add them in the "
                           "'Participants' step first."),
    "iv.participant": ("参与者", "Participant"),
    "iv.no_participants_yet": ("还没有参与者。点下面的“添加参与者”，先添加收集或使用了人脸信息的一方（例如动物园、物业、App 运营者）。",
                               "No participants yet. Click 'Add a participant' below and start with the party that "
                               "collected or used the face information (e.g. the zoo, the property manager, the app)."),
    "iv.add_participant": ("＋ 添加参与者", "+ Add a participant"),
    "iv.remove_participant": ("删除这个参与者", "Remove this participant"),
    "iv.add_item": ("＋ 添加一项", "+ Add one"),
    "iv.remove_item": ("删除", "Remove"),
    "iv.empty_list": ("（尚未添加）", "(none yet)"),
    "iv.act_kind": ("行为", "Act"),
    "iv.act_start": ("开始日期", "Start date"),
    "iv.act_end": ("结束日期（可空）", "End date (optional)"),
    "iv.act_ongoing": ("仍在持续", "Ongoing"),
    "iv.exp_kind": ("开支类型", "Kind"),
    "iv.exp_amount": ("金额（元）", "Amount (RMB)"),
    "iv.exp_receipt": ("有票据", "Receipt"),
    "iv.exp_desc": ("说明（可选）", "Description (optional)"),
    "iv.def_code": ("抗辩", "Defence"),
    "iv.def_proof": ("举证情况", "Proof"),
    "iv.def_note": ("说明（可选）", "Note (optional)"),
    "iv.ent_principal": ("委托人", "Principal (who entrusted)"),
    "iv.ent_agent": ("受托人", "Entrusted party"),
    "iv.ent_within": ("在委托范围内处理", "Acted within the mandate"),
    "iv.ent_sub": ("未经同意转委托", "Sub-entrusted without consent"),
    "iv.ent_supervised": ("委托人进行了监督", "The principal supervised"),
    "iv.as_helper": ("教唆/帮助者", "Instigator / helper"),
    "iv.as_actor": ("行为人", "Actor"),
    "iv.as_kind": ("方式", "How"),
    "iv.grp_kind": ("关系类型", "Kind of relation"),
    "iv.grp_members": ("涉及的参与者（至少两个）", "Parties involved (at least two)"),
    "iv.need_two": ("至少需要两个参与者才能描述他们之间的关系。", "At least two participants are needed to describe "
                                                                 "relations."),
    "iv.review_title": ("检查全部答案", "Review all answers"),
    "iv.review_intro": ("下面列出您的全部答案。点“修改”回到相应步骤；改完后可以直接回到这里。",
                        "All your answers are listed below. 'Edit' returns to that step; from there you can come "
                        "straight back here."),
    "iv.edit": ("修改", "Edit"),
    "iv.review_errors": ("还需要处理的问题", "Points still to fix"),
    "iv.review_ok": ("全部答案有效，可以查看法律分析。", "All answers are valid; the analysis is ready."),
    "iv.col_question": ("问题", "Question"),
    "iv.col_answer": ("回答", "Answer"),
    "iv.help_id": ("简称代码用于报告和关系中；改动后，引用它的地方会一并更新。", "The short code is used in reports and "
                   "relations; changing it updates every reference."),
    # save / load
    "sl.title": ("保存 / 载入案件", "Save / load the matter"),
    "sl.save": ("保存为文件（JSON）", "Save as a file (JSON)"),
    "sl.save_help": ("文件只保存在您的电脑上；以后可在这里重新载入继续填写。", "The file stays on your computer; load it "
                     "here later to continue."),
    "sl.save_draft": ("当前答案还有问题未处理，保存的是草稿；重新载入时会提示这些问题。", "Some answers still need work, so "
                      "this saves a draft; reloading it will list those points."),
    "sl.load": ("载入案件文件", "Load a matter file"),
    "sl.loaded": ("已载入案件文件“{name}”。", "Loaded the matter file '{name}'."),
    "sl.bad": ("无法载入“{name}”，当前答案保持不变。问题如下：", "Could not load '{name}'; your current answers are "
               "unchanged. The problems:"),
    "sl.draft_offer": ("这是一个 FaceTort 草稿文件，可以载入后再逐项修正（会替换当前答案）。", "This is a FaceTort draft; "
                       "you can load it and fix these points (it replaces the current answers)."),
    "sl.load_draft": ("载入草稿并替换当前答案", "Load the draft and replace the current answers"),
    "sl.too_big": ("文件太大（上限 {kb} KB）。", "The file is too large (limit {kb} KB)."),
    "sl.reset": ("清空全部答案，重新开始", "Clear all answers and start over"),
    "sl.reset_confirm": ("确定清空？此操作无法撤销（可先保存文件）。", "Clear everything? This cannot be undone (save a "
                         "file first if unsure)."),
    "sl.reset_yes": ("确定清空", "Yes, clear"),
    "sl.reset_no": ("取消", "Cancel"),
    # analysis
    "an.heading": ("法律分析", "Legal analysis"),
    "an.reform": ("改革模式（教学用）：由处理者证明无因果关系", "Reform mode (teaching): the processor must disprove "
                  "causation"),
    "an.reform_help": ("学术界的一项建议，不是现行法。打开后举证责任表和赔偿条件会相应变化，并在所有结果上标注。",
                       "A proposal from the literature, not current law. Switching it on changes the burden table "
                       "and the damages conditions, and every result is labelled."),
    "an.reform_banner": ("【改革模式】以下结果假定处理者须证明其行为与损害无因果关系——这是学术建议，不是现行法。",
                         "[REFORM MODE] These results assume the processor must disprove causation — a proposal, "
                         "not current law."),
    "an.total": ("用于分配的赔偿总额（元，可选）", "Damages total to allocate (RMB, optional)"),
    "an.total_help": ("填写后，责任图显示各方的金额；默认使用诉讼请求中的金额合计。", "With a total, the liability chart "
                      "shows amounts; by default the sum claimed in the requests is used."),
    "an.invalid": ("案件事实还不完整，暂时无法分析。请先处理以下问题：", "The facts are not complete yet, so there is "
                   "no analysis. Please fix these points first:"),
    "an.found": ("构成侵权", "Infringement found"),
    "an.not_found": ("未认定侵权", "No infringement found"),
    "an.found_short": ("构成侵权", "Found"),
    "an.not_found_short": ("未认定", "Not found"),
    "an.m.infringement": ("侵权认定", "Infringement"),
    "an.m.liable": ("承担责任的被告", "Defendants liable"),
    "an.m.remedies": ("可获支持的救济", "Remedies available"),
    "an.claims": ("请求权基础（案由）", "Causes of action (docket)"),
    "an.not_made_out": ("不成立", "not made out"),
    "an.made_out": ("成立", "made out"),
    "an.m.law": ("适用法律", "Applicable law"),
    "an.o.title": ("各被告的结论", "Outcome for each defendant"),
    "an.o.claims": ("成立的请求权", "Claims made out"),
    "an.o.remedies": ("可获支持的救济", "Remedies available"),
    "an.o.none": ("无", "none"),
    "an.k.title": ("哪些事实起决定作用", "Which facts matter"),
    "an.k.intro": ("逐一改变每个关键答案，下面列出会改变结论或移动赔偿区间的事实，影响最大的在前。点“修改”回到问答中的相应步骤。",
                   "Each key answer is changed in turn; the facts listed change a conclusion or move the "
                   "compensation range, the weightiest first. 'Edit' opens its interview step."),
    "an.k.none": ("改变任何一个关键答案都不会改变结论或赔偿区间。", "Changing any one key answer changes no conclusion "
                  "and does not move the compensation range."),
    "an.k.row": ("{fact}：现为“{now}”，若为“{alt}”，则：", "{fact}: now '{now}'; if '{alt}':"),
    "an.k.more": ("；另有 {n} 项变化", "; and {n} more"),
    "an.k.edit": ("修改", "Edit"),
    "an.k.all": ("全部会改变结论或赔偿区间的事实（{n}）", "Every fact that changes a conclusion or the range ({n})"),
    "an.k.c.rank": ("排序", "Rank"),
    "an.k.c.fact": ("事实", "Fact"),
    "an.k.c.now": ("现在的答案", "Answer now"),
    "an.k.c.alt": ("改为", "Changed to"),
    "an.k.c.changes": ("变化的结论数", "Conclusions changed"),
    "an.k.c.what": ("哪些结论改变", "What changes"),
    "an.tab.infringement": ("侵权与依据", "Infringement and grounds"),
    "an.tab.defences": ("抗辩", "Defences"),
    "an.tab.burden": ("举证责任", "Burden of proof"),
    "an.tab.liability": ("责任结构", "Liability"),
    "an.tab.remedies": ("救济", "Remedies"),
    "an.tab.flags": ("提示与说明", "Flags and notes"),
    "an.grounds_for": ("{name} 的侵权事由", "Grounds against {name}"),
    "an.no_grounds": ("未发现侵权事由。", "No ground of infringement found."),
    "an.other_checks": ("其他已检查但不成立或不明的事项（{n}）", "Other points checked that do not hold or are unclear ({n})"),
    "an.no_defences": ("没有提出抗辩，也不涉及同意抗辩。", "No defence was raised and consent is not in issue."),
    "an.accepted": ("成立", "accepted"),
    "an.rejected": ("不成立", "rejected"),
    "an.undecided": ("未决", "open"),
    "an.b.element": ("待证事项", "What must be proved"),
    "an.b.party": ("涉及的当事人", "Party"),
    "an.b.bearer": ("由谁证明", "Who must prove it"),
    "an.b.status": ("现状", "Status"),
    "an.b.shows": ("现有证据", "What the evidence shows"),
    "an.b.if": ("证明不了的后果", "If it is not proved"),
    "an.b.basis": ("依据", "Basis"),
    "an.b.reform": ("改革模式", "Reform mode"),
    "an.l.defendant": ("被告", "Defendant"),
    "an.l.external": ("对外责任", "Towards the claimant"),
    "an.l.share": ("内部份额", "Internal share"),
    "an.l.amount": ("内部金额", "Internal amount"),
    "an.l.exposure": ("最多可被请求", "Most it can be made to pay"),
    "an.l.jointly": ("连带对象", "Jointly with"),
    "an.l.chart_title": ("谁承担多少：对外最多可被请求的数额与内部最终份额", "Who owes what: the most each can be made "
                         "to pay, and its final internal share"),
    "an.l.exposure_bar": ("对外最多可被请求", "Most it can be made to pay (external)"),
    "an.l.share_bar": ("内部最终份额", "Final internal share"),
    "an.l.pct_axis": ("占可获赔总额的比例", "Share of the recoverable total"),
    "an.l.rmb_axis": ("金额（元）", "Amount (RMB)"),
    "an.l.recoverable": ("赔偿总额 {total}，扣除原告过错 {red} 后可获赔 {rec}。", "Total {total}; after {red} for the "
                         "claimant's own fault, {rec} is recoverable."),
    "an.l.no_total": ("未填写赔偿总额：图中显示比例。", "No total given: the chart shows proportions."),
    "an.l.basis_for": ("{name} 的责任依据", "Why {name} is liable (or not)"),
    "an.l.none": ("没有被告。", "No defendants."),
    "an.l.no_damages": ("没有被告承担损害赔偿责任（可能只需停止侵害、删除），因此没有可分配的金额。",
                        "No defendant is liable in damages (at most stopping and deletion), so there is nothing to "
                        "allocate."),
    "an.r.requested": ("已请求", "requested"),
    "an.r.not_requested": ("未请求", "not requested"),
    "an.r.available": ("可获支持", "available"),
    "an.r.unavailable": ("不予支持", "not available"),
    "an.r.against": ("针对", "against"),
    "an.flags_none": ("没有提示。", "No flags."),
    "an.basis": ("依据", "Basis"),
    "an.facts": ("所依据的事实", "Facts it read"),
    "an.branch": ("推理分支", "Branch taken"),
    "an.download_json": ("下载分析结果（JSON）", "Download the analysis (JSON)"),
    # teaching
    "te.heading": ("教学模式", "Teaching mode"),
    "te.intro": ("载入示例案件，逐步查看分析过程；看现行法与改革模式下由谁承担损失；同时改变几个事实，看哪些结论随之翻转。",
                 "Load an example case, walk through the analysis step by step, see who bears the loss under current "
                 "law and under the reform mode, and change several facts at once to see which conclusions flip."),
    "te.pick": ("选择示例案件", "Choose an example case"),
    "te.none": ("示例案件库（data/scenarios/）中暂时没有案件。", "The scenario library (data/scenarios/) has no cases "
                "yet."),
    "te.bad": ("示例案件“{name}”无法载入：", "The example '{name}' could not be loaded:"),
    "te.use": ("把这个案件复制到我的事实问答中", "Copy this case into my interview"),
    "te.used": ("已复制到事实问答；可以在那里修改，或直接查看法律分析。", "Copied into the interview; edit it there or "
                "go straight to the analysis."),
    "te.walk": ("逐步分析", "Step through the analysis"),
    "te.stage": ("第 {i} 步，共 {n} 步：{title}", "Stage {i} of {n}: {title}"),
    "te.fact": ("事实", "Fact"),
    "te.who": ("针对哪个参与者", "For which participant"),
    "te.new_value": ("新答案", "New answer"),
    "te.current_value": ("原答案：{v}", "Current answer: {v}"),
    "te.no_change": ("这个改动没有改变任何结论。", "This change does not alter any conclusion."),
    "te.invalid_change": ("改动后的事实不完整或相互矛盾：", "With this change the facts are incomplete or inconsistent:"),
    "te.d.area": ("方面", "Area"),
    "te.d.item": ("结论", "Conclusion"),
    "te.d.before": ("之前", "Before"),
    "te.d.after": ("之后", "After"),
    "te.d.current": ("现行法", "Current law"),
    "te.d.reform": ("改革模式", "Reform mode"),
    "te.same": ("两种模式下结论相同。", "Both modes reach the same conclusions."),
    "te.s.facts": ("案情", "The facts"),
    "te.s.law": ("适用哪部法律", "Which law applies"),
    "te.s.infringement": ("是否构成侵权", "Is there an infringement"),
    "te.s.defences": ("抗辩能否成立", "Do the defences hold"),
    "te.s.burden": ("谁来证明什么", "Who must prove what"),
    "te.s.liability": ("谁承担责任、承担多少", "Who is liable, and for how much"),
    "te.s.remedies": ("可以请求什么", "What can be asked for"),
    "te.x.facts": ("先读案情：谁处理了人脸信息、怎样处理、原告同意了什么。下面的结论都从这些事实推出。",
                   "Read the facts first: who processed the face information, how, and what the claimant agreed "
                   "to. Every conclusion below follows from these facts."),
    "te.x.law": ("行为发生的时间决定适用的法律：民法典自 2021-01-01、人脸识别规定自 2021-08-01、个人信息保护法自 2021-11-01 施行。"
                 "跨越施行日的持续行为，本工具对施行后的部分适用新法。",
                 "When the acts happened decides the law: the Civil Code from 2021-01-01, the SPC Face Provisions "
                 "from 2021-08-01, the PIPL from 2021-11-01. For conduct continuing across a start date, FaceTort "
                 "applies the new law to the part after it."),
    "te.x.infringement": ("人脸识别规定第2条列举了八类侵害行为。任何一项成立，且没有成立的免责事由，即构成侵权。注意：概括同意不是单独同意。",
                          "SPC Face Provisions Art 2 lists eight kinds of infringing conduct. Any one of them, with "
                          "no exemption that holds, is an infringement. Note: general consent is not separate "
                          "consent."),
    "te.x.defences": ("同意抗辩和第5条免责事由都由处理者证明（第6条）。业主委员会同意不能代替个人同意。",
                      "The processor must prove consent and any Art 5 exemption (Art 6). An owners' committee "
                      "cannot consent for the individual."),
    "te.x.burden": ("举证责任表显示每个待证事项由谁证明、现在证据如何、证明不了会怎样。个人信息保护法第69条推定处理者有过错。",
                    "The burden table shows who must prove each element, where the evidence stands and what happens "
                    "if it is not proved. PIPL Art 69 presumes the processor's fault."),
    "te.x.liability": ("多个处理者一般按过错和原因力按份承担；共同决定处理目的和方式的，或共同侵权的，承担连带责任。",
                       "Several processors usually answer in shares by fault and contribution; those who jointly "
                       "decided purpose and means, or acted together, are jointly and severally liable."),
    "te.x.remedies": ("删除、停止侵害不以损害为前提；赔偿需要损害；精神损害赔偿限于严重精神损害。",
                      "Deletion and cessation need no damage; damages do; mental-harm damages need serious harm."),
    "te.group": ("案件类别", "Group"),
    "te.note": ("这个案例教什么", "What this case teaches"),
    "te.point": ("决定性的一点", "The decisive point"),
    "te.bears": ("谁承担损失：现行法与改革模式", "Who bears it: current law vs reform"),
    "te.bears_intro": ("改革模式把“无因果关系”的证明责任转给处理者（学术建议，非现行法）。下表由分析引擎算出：每种模式下，损失最终由谁承担。",
                       "The reform mode puts the disproof of causation on the processor (a proposal, not current law). "
                       "The tables come from the analysis engine: who bears the loss in the end under each mode."),
    "te.bears_total": ("按损失 {total} 分配（示例库为该案设定的金额；没有设定的，取所主张的金额或事实中的经济损失与开支）。",
                       "Allocating a loss of {total} (the amount the library sets for this case; otherwise the amounts "
                       "claimed, or the economic loss and expenses in the facts)."),
    "te.bears_shares": ("事实中没有金额：只显示份额。", "The facts give no amount: shares only."),
    "te.b.who": ("谁", "Who"),
    "te.b.liability": ("责任形态", "Liability"),
    "te.b.share": ("最终承担的份额", "Share borne in the end"),
    "te.b.amount": ("最终承担的金额", "Amount borne in the end"),
    "te.b.exposure": ("可被要求支付", "Can be asked to pay"),
    "te.b.claimant": ("{name}（原告，自行承担）", "{name} (claimant, bears it)"),
    "te.b.non_party": ("{name}（未被起诉或身份不明）", "{name} (not sued or unidentified)"),
    "te.why": ("为什么不同（或相同）", "Why it differs (or not)"),
    "te.all_diff": ("两种模式下所有不同的结论", "Every conclusion that differs between the modes"),
    "te.changes": ("改变几个事实", "Change several facts"),
    "te.changes_intro": ("逐个添加改动（事实 + 新答案），可以随时删除；下面列出每一个随之翻转的结论及其法律依据。",
                         "Add changes one by one (a fact and its new answer), remove any of them; below is every "
                         "conclusion that flips, with its legal basis."),
    "te.add": ("添加这个改动", "Add this change"),
    "te.remove": ("删除", "Remove"),
    "te.clear": ("清除全部改动", "Clear all changes"),
    "te.your_changes": ("你的改动", "Your changes"),
    "te.no_changes": ("还没有改动：在上面选择一个事实和新答案，然后添加。", "No changes yet: pick a fact and a new answer "
                      "above, then add it."),
    "te.shift": ("把全部日期移动若干年", "Move every date by some years"),
    "te.years": ("{n:+d} 年", "{n:+d} years"),
    "te.change_row": ("{fact}：{old} → {new}", "{fact}: {old} → {new}"),
    "te.flips": ("翻转的结论（{n} 项）", "Conclusions that flip ({n})"),
    "te.d.basis": ("法律依据", "Legal basis"),
    # export
    "ex.heading": ("导出文书", "Export documents"),
    "ex.intro": ("选择文书和语言，然后下载 Word、PDF 或 Markdown。文书在您点击下载时生成，不在服务器上保存。",
                 "Choose a document and a language, then download Word, PDF or Markdown. Documents are made when "
                 "you click and are not kept on the server."),
    "ex.kind": ("文书", "Document"),
    "ex.lang": ("文书语言", "Document language"),
    "ex.complaint": ("民事起诉状", "Statement of claim"),
    "ex.evidence": ("证据目录", "List of evidence"),
    "ex.claim": ("起诉意见书（供原告律师）", "Claim memo (for the claimant's lawyer)"),
    "ex.bench": ("审理报告（供法官）", "Bench memo (for the judge)"),
    "ex.similar": ("类案检索报告", "Similar-case search report"),
    "ex.docx": ("下载 Word（DOCX）", "Download Word (DOCX)"),
    "ex.pdf": ("下载 PDF", "Download PDF"),
    "ex.md": ("下载 Markdown", "Download Markdown"),
    "ex.preview": ("预览", "Preview"),
    "ex.reform_note": ("当前为改革模式：文书将标注“改革模式”。", "Reform mode is on: the document will be labelled."),
    # compensation
    "co.heading": ("赔偿估算", "Compensation"),
    "co.unavailable": ("赔偿估算模型暂不可用。下面只列出依法确定的赔偿项目（依据案件事实）。", "The compensation estimator "
                       "is not available yet. Below are only the heads of damages fixed by law from the facts."),
    "co.nobody_liable": ("根据法律分析，没有被告须承担损害赔偿责任（最多停止侵害、删除），因此不给出赔偿金额。改变事实后请回到法律分析查看。",
                         "On the analysis, no defendant is liable in damages (at most stopping and deletion), so no "
                         "amount is given. After changing the facts, see the analysis again."),
    "co.nobody_liable_tort": ("根据法律分析，没有被告须承担侵权损害赔偿责任，因此不依可比判决给出侵权赔偿金额；违约损害赔偿按合同损失计算，见下。",
                              "On the analysis, no defendant is liable in tort for damages, so no tort amount is given from "
                              "comparable decisions; damages for breach of contract follow the contract loss, below."),
    "co.proof_col": ("证明情况", "Proof"),
    "co.hurdle_heading": ("可比判决怎么判：未判赔的比例与判赔区间", "What comparable decisions awarded: how often nothing, "
                          "and the ranges"),
    "co.unproven_note": ("标为“未证明”的项目：原告尚未证明其因果关系或数额，法院通常不予支持；其区间仅供参考，不应计入请求总额。",
                         "Heads marked 'unproven': the claimant has not yet proved their causation or amount, and "
                         "courts usually refuse them; their ranges are for reference only and should not be counted "
                         "in the total claimed."),
    "co.heads": ("依法可以主张的赔偿项目", "Heads of damages available in law"),
    "co.head": ("项目", "Head"),
    "co.amount": ("金额（元）", "Amount (RMB)"),
    "co.source": ("来源", "Source"),
    "co.intro": ("依法可以确定的项目（有票据的开支、已证明的损失）按事实计算；法院酌定的部分（精神损害、难以确定的损失）依可比判决给出中位数和区间。样本很小，区间仅供参考。",
                 "Heads the law fixes (receipted expenses, proven loss) are computed from the facts; what the "
                 "court sets at its discretion (mental harm, loss that cannot be fixed) comes from comparable "
                 "decisions as a median and ranges. The sample is small: the ranges are indicative only."),
    "co.r50": ("50% 区间", "50% range"),
    "co.r80": ("80% 区间", "80% range"),
    "co.median": ("中位数", "Median"),
    "co.points": ("可比判决的判赔额", "Awards in comparable decisions"),
    "co.chart_title": ("赔偿区间（对数刻度）与可比判决", "Ranges (log scale) and comparable awards"),
    "co.basis_law": ("法定计算", "Fixed by law"),
    "co.basis_comparables": ("可比判决", "Comparable decisions"),
    "co.basis_none": ("无", "None"),
    "co.median_col": ("中位数", "Median"),
    "co.r50_col": ("50% 区间", "50% range"),
    "co.r80_col": ("80% 区间", "80% range"),
    "co.n_col": ("样本数 n", "n"),
    "co.claimed_col": ("请求额", "Claimed"),
    "co.note_col": ("说明", "Note"),
    "co.capped": ("（已按请求额封顶）", "(capped at the amount claimed)"),
    "co.n": ("可比判决（判赔为正）", "Comparable decisions (positive awards)"),
    "co.cov50": ("回测：50% 区间覆盖率", "Backtest: 50% range coverage"),
    "co.cov80": ("回测：80% 区间覆盖率", "Backtest: 80% range coverage"),
    "co.err": ("回测：中位对数误差", "Backtest: median log10 error"),
    "co.backtest_help": ("留一争议回测：每次把一个争议的全部判决留出，用其余判决估算，再看真实判赔是否落在区间内。n={n}。",
                         "Leave-one-dispute-out backtest: each dispute's decisions are held out in turn and "
                         "estimated from the rest; coverage is how often the real award fell inside. n={n}."),
    "co.comparables": ("最相似的可比判决", "Most similar decisions"),
    "co.whatif": ("如果改变一个事实", "What if one answer changes"),
    "co.whatif_intro": ("改变一个关键事实，看赔偿区间和责任分担如何变化。", "Change one key fact and see how the range and "
                        "the liability move."),
    "co.before": ("改变前", "Before"),
    "co.after": ("改变后", "After"),
    "co.total_median": ("判赔总额中位数", "Total award, median"),
    "co.total_r80": ("判赔总额 80% 区间", "Total award, 80% range"),
    "co.liability_moves": ("结论和责任的变化", "How the conclusions and liability move"),
    # cases
    "ca.heading": ("类案检索", "Case explorer"),
    "ca.unavailable": ("案例数据暂不可用。", "The case dataset is not available."),
    "ca.intro": ("浏览和筛选数据集中的人脸及相关个人信息案件，查看判赔分布和每个案件的来源；与当前案件最相似的判决列在最后。",
                 "Browse and filter the face and related personal-information decisions in the dataset, see the "
                 "award distribution and each case's source; the decisions most similar to your matter come last."),
    "ca.filters": ("筛选条件", "Filters"),
    "ca.any": ("不限", "Any"),
    "iv.choose": ("请选择", "Choose"),
    "iv.col_step": ("步骤", "Step"),
    "te.notes": ("案情说明（示例库原文）", "About this scenario (from the library)"),
    "ca.scenario": ("场景", "Setting"),
    "ca.level": ("法院层级", "Court level"),
    "ca.province": ("省份", "Province"),
    "ca.years": ("年份", "Years"),
    "ca.procedure": ("程序", "Procedure"),
    "ca.outcome": ("结果", "Outcome"),
    "ca.award_min": ("判赔总额不低于（元）", "Award at least (RMB)"),
    "ca.award_max": ("判赔总额不高于（元）", "Award at most (RMB)"),
    "ca.face_only": ("只看人脸信息案件", "Face cases only"),
    "ca.count": ("符合条件的案件：{n} 件（共 {total} 件）", "{n} of {total} cases match"),
    "ca.table": ("案件列表", "Cases"),
    "ca.id": ("编号", "ID"),
    "ca.name": ("案件", "Case"),
    "ca.court": ("法院", "Court"),
    "ca.year": ("年份", "Year"),
    "ca.award": ("判赔总额", "Award"),
    "ca.claimed": ("请求总额", "Claimed"),
    "ca.similarity": ("相似度", "Similarity"),
    "ca.same": ("相同因素", "Same"),
    "ca.differs": ("不同因素", "Differs"),
    "ca.dist": ("判赔分布（对数刻度）", "Award distribution (log scale)"),
    "ca.by_year": ("各年份案件数", "Cases per year"),
    "ca.no_awards": ("筛选结果中没有判赔金额。", "No awards among the filtered cases."),
    "ca.detail": ("案件详情", "Case detail"),
    "ca.pick": ("选择案件", "Choose a case"),
    "ca.source": ("来源", "Source"),
    "ca.links": ("链接", "Links"),
    "ca.notes": ("要点（数据集注释）", "Notes (from the dataset)"),
    "ca.bases": ("援引法条", "Provisions cited"),
    "ca.case_no": ("案号", "Case no."),
    "ca.similar": ("与当前案件最相似的判决", "Decisions most similar to your matter"),
    "ca.similar_none": ("填写事实问答后，这里会列出与您的案件最相似的判决。", "Once the interview is complete, the "
                        "decisions most similar to your matter are listed here."),
    "ca.report": ("导出类案检索报告", "Export the similar-case search report"),
    "ca.empty": ("没有符合条件的案件。", "No case matches these filters."),
    "ca.search": ("搜索", "Search"),
    "ca.search_ph": ("关键词、当事人或案号，如 6971", "Keyword, party or case number, e.g. 6971"),
    "ca.scope": ("搜索范围", "Search in"),
    "ca.sort": ("排序", "Sort by"),
    "ca.sort_needs_matter": ("填写事实问答后，可按与您的案件的相似度排序。", "Complete the interview to sort by "
                             "similarity to your matter."),
    "ca.n_cases": ("案件数", "Cases"),
    "ca.unknown_year_out": ("有 {n} 件年份不详的案件未计入。", "{n} cases with unknown year were left out."),
    "ca.unknown_year_out1": ("有 1 件年份不详的案件未计入。", "1 case with unknown year was left out."),
    "ca.unknown_year_in": ("已计入 {n} 件年份不详的案件。", "{n} cases with unknown year are included."),
    "ca.unknown_year_in1": ("已计入 1 件年份不详的案件。", "1 case with unknown year is included."),
    "ca.include_unknown_year": ("计入年份不详的案件", "Include cases with unknown year"),
    "ca.unknown_court_out": ("有 {n} 件法院层级不详的案件未计入。", "{n} cases with unknown court level were left out."),
    "ca.unknown_court_out1": ("有 1 件法院层级不详的案件未计入。", "1 case with unknown court level was left out."),
    "ca.unknown_court_in": ("已计入 {n} 件法院层级不详的案件。", "{n} cases with unknown court level are included."),
    "ca.unknown_court_in1": ("已计入 1 件法院层级不详的案件。", "1 case with unknown court level is included."),
    "ca.include_unknown_court": ("计入法院层级不详的案件", "Include cases with unknown court level"),
    "ca.click_hint": ("点击一行（左侧方框）即在下方打开该案详情。", "Click a row (the box at its left) to open its "
                      "detail below."),
    "ca.export_csv": ("下载筛选结果（CSV）", "Download the filtered list (CSV)"),
    "ca.export_xlsx": ("下载筛选结果（Excel）", "Download the filtered list (XLSX)"),
    "ca.export_note": ("导出的单元格若以 =、+、-、@ 开头，前面加了撇号，表格软件会把它当作文字而不是公式。",
                       "A cell that begins with =, +, -, or @ is exported with a leading apostrophe, so a "
                       "spreadsheet shows it as text instead of running it as a formula."),
    "ca.city": ("城市", "City"),
    # matter library
    "nav.library": ("我的案件库", "My matters"),
    "lib.switch": ("在本机保存我的案件（加密）", "Keep my matters on this computer (encrypted)"),
    "lib.switch_help": ("默认关闭：关闭时不写入任何文件。打开后，每次修改都自动加密保存到您指定的本机文件夹，可以查看历史版本并恢复。",
                        "Off by default: while off, nothing is written. When on, every change is saved, encrypted, "
                        "in a folder on this computer that you choose, with a history you can restore from."),
    "lib.off": ("保存功能已关闭：本工具不保存任何内容。刷新或关闭页面会丢失全部答案——请在“事实问答”的“保存 / 载入”中保存文件，或打开上面的开关。",
                "Saving is off: nothing is kept. Reloading or closing this page loses every answer — save a file "
                "under 'Save / load' in the Interview, or turn on the switch above."),
    "lib.relock": ("这个页面的案件库已锁定（服务器重启或超时）。请输入口令重新打开，案件会随之恢复。",
                   "This page's library is locked (the server restarted or the session expired). Enter the "
                   "passphrase to reopen it; the matter comes back with it."),
    "lib.folder": ("案件库文件夹", "Library folder"),
    "lib.folder_help": ("案件库保存在这个文件夹中的 library.sqlite3 文件里（默认可用环境变量 FACETORT_HOME 更改）。",
                        "The library is the file library.sqlite3 in this folder (the default can be set with the "
                        "FACETORT_HOME environment variable)."),
    "lib.new_here": ("这个文件夹里还没有案件库：设置一个口令来创建（至少 8 个字符）。口令无法找回。",
                     "No library in this folder yet: choose a passphrase to create one (at least 8 characters). "
                     "A passphrase cannot be recovered."),
    "lib.found_here": ("在这个文件夹里找到了案件库：输入口令打开。", "A library was found in this folder: enter its "
                       "passphrase."),
    "lib.pass": ("口令", "Passphrase"),
    "lib.pass_help": ("案件内容用这个口令加密；没有口令，任何人（包括您自己）都无法读取。", "Your matters are encrypted "
                      "with it; without it nobody, you included, can read them."),
    "lib.pass2": ("再次输入口令", "Passphrase again"),
    "lib.create": ("创建案件库", "Create the library"),
    "lib.open": ("打开案件库", "Open the library"),
    "lib.on": ("案件库已打开：{home}", "Library open: {home}"),
    "lib.current": ("当前案件：**{title}**", "Open matter: **{title}**"),
    "lib.saved_at": ("已自动保存 {when}", "Saved automatically at {when}"),
    "lib.save_failed": ("自动保存失败，您的答案仍在本页中。请保存文件，或检查文件夹是否可写。",
                        "Autosave failed; your answers are still on this page. Save a file, or check that the "
                        "folder is writable."),
    "lib.untitled": ("（未命名案件）", "(untitled matter)"),
    "lib.new": ("新建案件", "New matter"),
    "lib.lock": ("锁定", "Lock"),
    "lib.manage": ("管理我的案件", "Manage my matters"),
    "lib.heading": ("我的案件库", "My matters"),
    "lib.page_off": ("案件库未打开。在左侧边栏打开“在本机保存我的案件（加密）”开关并输入口令。", "The library is not open. "
                     "Turn on 'Keep my matters on this computer (encrypted)' in the sidebar and enter your passphrase."),
    "lib.where": ("**数据保存位置：** `{home}` 中的 library.sqlite3（内容全部加密）。**如何删除：** 在本页底部“删除整个案件库”，或直接删除该文件夹中的 library.sqlite3 文件。",
                  "**Where the data lives:** library.sqlite3 in `{home}` (all content encrypted). **How to erase "
                  "it:** 'Erase the whole library' at the bottom of this page, or delete library.sqlite3 from that "
                  "folder."),
    "lib.list": ("案件", "Matters"),
    "lib.search": ("搜索（案件名称、当事人、编号）", "Search (title, parties, id)"),
    "lib.search_ph": ("例如：动物园", "e.g. zoo"),
    "lib.none": ("库中还没有案件。开始填写事实问答，案件会自动保存到这里。", "No matters yet. Start the interview and it is "
                 "saved here automatically."),
    "lib.no_match": ("没有符合搜索条件的案件。", "No matter matches the search."),
    "lib.row": ("原告：{claimant} · 参与者：{parties} · 更新于 {when} · {n} 个版本", "Claimant: {claimant} · parties: "
                "{parties} · updated {when} · {n} version(s)"),
    "lib.open_one": ("打开", "Open"),
    "lib.duplicate": ("复制", "Duplicate"),
    "lib.rename": ("重命名", "Rename"),
    "lib.delete": ("删除", "Delete"),
    "lib.new_title": ("新名称", "New title"),
    "lib.save_title": ("保存", "Save"),
    "lib.delete_confirm": ("确定删除“{title}”及其全部历史版本？删除后无法恢复。", "Delete '{title}' and all its versions? "
                           "This cannot be undone."),
    "lib.delete_yes": ("确定删除", "Yes, delete"),
    "lib.history": ("当前案件的历史版本", "History of the open matter"),
    "lib.history_none": ("打开或开始一个案件后，这里会列出它的每个版本。", "Open or start a matter to see its versions here."),
    "lib.version": ("版本", "Version"),
    "lib.restore": ("恢复到这个版本", "Restore this version"),
    "lib.restored": ("已恢复第 {n} 版（作为最新版本保存，可以再次撤销）。", "Version {n} restored (saved as the newest "
                     "version, so this too can be undone)."),
    "lib.history_help": ("每次修改都会保存一个版本；恢复旧版本不会删除任何版本。", "Every change saves a version; restoring "
                         "an old one deletes none."),
    "lib.note.autosave": ("自动保存", "autosave"),
    "lib.note.rename": ("重命名", "renamed"),
    "lib.note.import": ("从文件导入", "imported from a file"),
    "lib.note.restore": ("恢复第 {n} 版", "restored version {n}"),
    "lib.note.copy": ("复制而来", "duplicated"),
    "lib.io": ("导入 / 导出案件文件", "Import / export matter files"),
    "lib.import": ("把案件文件导入案件库", "Import a matter file into the library"),
    "lib.imported": ("已把“{name}”导入案件库。", "Imported '{name}' into the library."),
    "lib.erase_title": ("删除整个案件库", "Erase the whole library"),
    "lib.erase_help": ("删除 `{home}` 中的案件库文件（全部案件和历史版本）。此操作无法撤销。", "Deletes the library file in "
                       "`{home}` (every matter and version). This cannot be undone."),
    "lib.erase": ("删除整个案件库…", "Erase the library…"),
    "lib.erase_confirm": ("确定删除全部案件？", "Erase every matter?"),
    "lib.erase_yes": ("确定删除全部", "Yes, erase everything"),
    "lib.erased": ("已删除 {home} 中的案件库。", "The library in {home} was erased."),
}


def tr(key: str, lang: Lang, **kw: object) -> str:
    pair = TEXT.get(key)
    if pair is None:
        return key
    s = pair[0] if lang == "zh" else pair[1]
    return s.format(**kw) if kw else s


def plot_text(text: object) -> str:
    """User text for a Plotly label: Plotly reads a few HTML tags (links among them) in labels, so `<`, `>`
    and `&` are written as entities and shown literally."""
    return html.escape(clean_text(str(text)), quote=False)


WJ = "\u2060"  # WORD JOINER: invisible, and not part of a URL or an e-mail address


def esc(text: object) -> str:
    """User text for Streamlit markdown (labels, expanders, messages): shown literally, never as a link,
    an image or HTML (`litigation.documents.render_md.md_text`).

    The browser's Markdown turns URLs and e-mail addresses into links *after* parsing, on the plain text,
    where the backslash escapes are gone, so `http:\\/\\/` alone still became a link (found by the XSS
    browser test). An invisible word joiner inside `://`, `www.` and before `@` keeps them apart."""
    return unlinked(md_text(text))


def unlinked(md: str) -> str:
    """Markdown made by `md_text` (or a whole document of it) with its URLs and addresses kept from linking."""
    md = md.replace(":\\/\\/", f":\\/{WJ}\\/").replace("\\@", f"{WJ}\\@")
    return _WWW.sub(lambda m: m.group(1) + WJ + m.group(2), md)


_WWW = re.compile(r"(?i)(w)(ww\\?\.)")  # the browser links www. in any case
