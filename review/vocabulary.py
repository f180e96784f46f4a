"""Context words that tie a figure to an indicator of the catalog.

`MEASURE_WORDS` lists, per indicator id, the words a report uses for that
measure (the catalog's name_zh pieces are added automatically). A word with
"…" matches its two halves within a few characters of each other.
A word starting with "re:" is a regular expression (议案 but not 复议案件).
`LEDGER_WORDS` lists the words that name a topic (行政复议, 热线 …); the topic
nearest before a figure decides between measures that share a word (受理).
"""

from __future__ import annotations

MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    # 行政复议
    "reconsideration.received": (
        "收到",
        "收案",
        "新收",
        "接收",
        "收到行政复议申请",
        "收到复议申请",
    ),
    "reconsideration.accepted": ("受理", "立案审理", "立案", "依法受理", "新受理"),
    "reconsideration.not_accepted": ("不予受理",),
    "reconsideration.withdrawn_before_acceptance": ("立案前", "受理前", "撤回"),
    "reconsideration.redirected": ("re:告知(?!承诺)", "转送"),
    "reconsideration.correction_requested": ("补正",),
    "reconsideration.carried_over": ("结转", "上期结转", "上年结转", "上年度结转"),
    "reconsideration.caseload": ("在办案件", "案件总量"),
    "reconsideration.concluded": ("审结", "re:办结(?=[^，。；]{0,6}复议)", "结案", "依法审结"),
    "reconsideration.concluded_on_time": ("按期审结", "其中按期审结", "按时审结"),
    "reconsideration.pending": ("未审结", "在审", "正在审理", "尚未审结", "未结"),
    "reconsideration.upheld": ("维持",),
    "reconsideration.revoked": ("撤销",),
    "reconsideration.changed": ("变更",),
    "reconsideration.confirmed_illegal": ("确认违法",),
    "reconsideration.confirmed_invalid": ("确认无效",),
    "reconsideration.ordered_to_perform": ("责令履行", "责令"),
    "reconsideration.claims_rejected": ("驳回复议请求", "驳回行政复议请求", "驳回请求"),
    "reconsideration.application_dismissed": ("驳回复议申请", "驳回行政复议申请", "驳回申请"),
    "reconsideration.rejected": ("驳回",),
    "reconsideration.terminated": ("终止",),
    "reconsideration.suspended": ("中止",),
    "reconsideration.mediated": ("调解书", "调解结案"),
    "reconsideration.settled": ("和解",),
    "reconsideration.mediated_settled": (
        "调解和解",
        "调撤",
        "调解撤回",
        "调解和解结案",
        "调撤结案",
        "re:调解[、和与及或]{1,2}和解",
    ),
    "reconsideration.corrected": ("纠错", "直接纠错", "纠正"),
    "reconsideration.concluded_on_merits": ("实体审结",),
    "reconsideration.correction_rate": ("纠错率",),
    "reconsideration.mediation_settlement_rate": ("调解和解率", "调撤率", "调解结案率", "调解率"),
    "reconsideration.conclusion_rate": ("审结率", "结案率"),
    "reconsideration.on_time_rate": ("按期审结率", "及时审结率"),
    "reconsideration.average_days": ("平均审结", "平均办案", "平均"),
    "reconsideration.hearings": ("听证",),
    "reconsideration.opinion_letters": (
        "复议意见书",
        "复议建议书",
        "re:(?<!审查)(?<!法律)意见书",
        "建议书",
    ),
    "reconsideration.as_respondent_cases": ("为被申请人",),
    # 行政应诉
    "litigation.cases": ("行政诉讼案件", "行政诉讼", "应诉案件", "诉讼案件", "应诉"),
    "litigation.first_instance": ("一审", "一审…案件"),
    "litigation.second_instance": ("二审", "二审…案件"),
    "litigation.retrial": ("再审", "再审…案件"),
    "litigation.hearings": ("开庭", "开庭数"),
    "litigation.concluded": ("审结", "判决", "结案"),
    "litigation.lost": ("败诉",),
    "litigation.withdrawn": ("撤诉",),
    "litigation.loss_rate": ("败诉率",),
    "litigation.leader_appearances": ("出庭应诉", "出庭"),
    "litigation.leader_appearance_rate": ("出庭应诉率", "出庭率"),
    "litigation.court_referred_disputes": ("法院转交", "转交", "府院联动", "转交…争议"),
    "litigation.court_referred_resolved": ("化解争议", "成功化解争议"),
    "litigation.judicial_recommendations": ("司法建议", "检察建议"),
    # 规范性文件
    "normative_documents.issued": ("制定", "出台", "制发", "公布", "发布"),
    "normative_documents.reviewed": ("合法性审核", "审核"),
    "normative_documents.legality_review_rate": ("合法性审核率", "审核率"),
    "normative_documents.filed": ("报备", "re:(?<!设)备案"),
    "normative_documents.filing_rate": ("报备率", "备案率"),
    "normative_documents.filing_review_passed": ("审查通过", "备案审查通过"),
    "normative_documents.review_pass_rate": ("审查通过率", "通过率"),
    "normative_documents.cleanup_reviewed": ("清理", "梳理"),
    "normative_documents.cleanup_kept": ("保留", "继续有效"),
    "normative_documents.cleanup_amended": ("修改", "修订"),
    "normative_documents.cleanup_repealed": ("废止", "宣布失效", "失效"),
    # 重大行政决策
    "major_decisions.count": ("重大行政决策", "重大决策", "决策事项"),
    "major_decisions.catalog_items": ("目录", "目录事项", "列入…目录"),
    "major_decisions.public_consultations": ("征求意见", "公众参与"),
    "major_decisions.expert_reviews": ("专家论证",),
    "major_decisions.risk_assessments": ("风险评估",),
    "major_decisions.legality_reviewed": ("合法性审查",),
    # 合同审核
    "legality_review.contracts_reviewed": ("合同", "协议", "审核合同"),
    "legality_review.documents_reviewed": (
        "涉法文件",
        "涉法事务",
        "议题",
        "各类文件",
        "合同、协议",
    ),
    "legality_review.opinions": ("审核意见", "修改意见"),
    "legality_review.amount": ("合同金额", "金额", "标的"),
    # 政务公开
    "disclosure.proactive_items": ("主动公开",),
    "disclosure.news_items": ("政策类", "动态类", "动态信息"),
    "disclosure.requests_received": ("依申请", "公开申请"),
    "disclosure.requests_answered": ("答复",),
    "disclosure.requests_answered_on_time": ("按期答复", "按时答复"),
    "disclosure.on_time_rate": ("按期答复率", "答复率"),
    "disclosure.new_media_accounts": ("政务新媒体", "新媒体"),
    "disclosure.new_media_inspected": ("检查",),
    "disclosure.new_media_inspection_rate": ("检查比例", "检查率", "抽查比例", "检查覆盖率"),
    # 政府信箱
    "mailbox.letters_received": ("信件", "来信", "留言"),
    "mailbox.letters_concluded": ("办结",),
    "mailbox.letters_public": ("公开件",),
    "mailbox.letters_nonpublic": ("未公开件", "不公开件"),
    "mailbox.completion_rate": ("办结率",),
    "mailbox.reply_time_limit": ("回复", "答复", "办理时限", "时限"),
    # 12345热线
    "hotline.tickets_received": ("受理", "工单", "来电", "诉求", "话务"),
    "hotline.tickets_concluded": ("办结",),
    "hotline.completion_rate": ("办结率",),
    "hotline.tickets_rated": ("回访", "评价"),
    "hotline.tickets_satisfied": ("满意",),
    "hotline.satisfaction_rate": ("满意率",),
    # 建议提案: combined ids; the subject (人大/政协/both) is decided in mapping
    "proposals.total": ("re:(?<![意司察])建议(?!书)", "提案", "re:(?<![复争])议案"),
    "proposals.concluded": ("办结", "办复"),
    "proposals.satisfied": ("满意",),
    "proposals.completion_rate": ("办结率", "办复率"),
    "proposals.satisfaction_rate": ("满意率",),
    # 督查督办
    "supervision.items": ("督查督办事项", "督办事项", "督查事项"),
    "supervision.notices_issued": ("督办通知", "督查通知", "督办单"),
    "supervision.items_concluded": ("办结", "销号"),
    "supervision.completion_rate": ("办结率",),
    # 人民调解
    "mediation.organizations": ("调解组织", "调委会", "调解委员会"),
    "mediation.mediators": ("调解员",),
    "mediation.disputes_received": ("矛盾纠纷", "纠纷", "调处", "排查"),
    "mediation.disputes_resolved": ("调解成功", "调处成功", "成功化解", "化解成功", "成功调解"),
    "mediation.success_rate": ("调解成功率", "成功率", "化解率"),
    "mediation.agreements_oral": ("口头协议",),
    "mediation.agreements_written": ("书面协议", "协议书"),
    "mediation.consultations": ("现场解答", "解答", "咨询"),
    "mediation.major_cases_resolved": ("重大疑难", "疑难", "重大疑难纠纷", "疑难纠纷"),
    "mediation.referred_to_litigation": ("引导", "诉讼程序", "引导…诉讼"),
    # 法律援助
    "legal_aid.cases": ("法律援助案件", "援助案件", "法律援助"),
    "legal_aid.consultations": ("法律咨询", "咨询"),
    "legal_aid.documents_drafted": ("代写法律文书", "代写"),
    "legal_aid.beneficiaries": ("受援人", "受援"),
    "legal_aid.amount_recovered": ("挽回", "经济损失"),
    # 行政执法
    "enforcement.certificate_holders": ("执法证", "持证", "现有…执法人员", "持证执法人员"),
    "enforcement.supervision_certificate_holders": ("执法监督证", "监督证"),
    "enforcement.certificates_passed_review": ("通过审验", "年审", "审验"),
    "enforcement.certificates_revoked": ("未通过审验", "注销"),
    "enforcement.supervision_certificates_passed_review": ("监督人员通过审验", "监督证…通过"),
    "enforcement.officers_trained": ("培训", "参加", "比武", "考试", "参训", "轮训"),
    "enforcement.powers_delegated_to_townships": ("下放", "赋权"),
    "enforcement.penalty_cases": ("行政处罚", "处罚案件", "查处"),
    "enforcement.penalty_amount": (
        "罚没",
        "罚没金额",
        "罚没款",
        "罚款",
        "罚款金额",
        "罚没总额",
        "罚款总额",
    ),
    "enforcement.major_decisions": ("重大执法决定",),
    "enforcement.major_decisions_legally_reviewed": ("法制审核",),
    "enforcement.major_decision_legal_review_rate": ("法制审核率",),
    "enforcement.case_file_review_units": (
        "执法部门",
        "执法单位",
        "抽取",
        "抽查",
        "股室",
        "科室",
        "基层所",
        "中队",
    ),
    "enforcement.case_files_reviewed": ("案卷", "评查"),
    "enforcement.case_file_issues_found": ("问题",),
    # 普法
    "legal_education.activities": ("活动", "普法宣传", "宣传活动", "送法", "宣传教育"),
    "legal_education.lectures": ("讲座", "宣讲", "法治课", "授课"),
    "legal_education.materials_distributed": ("发放", "资料", "读本", "宣传册", "宣传单"),
    "legal_education.persons_reached": ("受教育", "受众", "覆盖群众", "惠及", "受益群众", "受益"),
    "legal_education.publicity_venues": ("阵地", "法治公园", "法治广场", "法治长廊", "法治文化"),
    "legal_education.legal_literates": ("法律明白人",),
    "legal_education.legal_literates_trained": ("法律明白人…培训", "明白人培训", "培训…法律明白人"),
    "legal_education.study_meetings": ("学法", "集体学法", "中心组学习", "会前学法"),
    "legal_education.persons_trained": ("法治培训", "学法培训", "干部培训", "参训"),
    # 法律顾问
    "legal_counsel.counsel_count": ("法律顾问",),
    "legal_counsel.public_lawyers": ("公职律师",),
    "legal_counsel.opinions": ("法律意见", "意见书", "审查意见"),
    "legal_counsel.documents_drafted": ("起草法律文书", "起草"),
    "legal_counsel.disputes_mediated": ("参与调解", "参与调解…纠纷"),
    "legal_counsel.villages": ("行政村", "村（社区）", "村(社区)", "村居"),
    "legal_counsel.villages_covered": (
        "村居法律顾问",
        "村（社区）法律顾问",
        "re:村[^，。；、]{0,6}(?:聘请|配备|聘任|选聘)[^，。；、]{0,6}法律顾问",
        "re:(?:聘请|配备|聘任|选聘)[^，。；、]{0,4}法律顾问的(?:行政)?村",
    ),
    "legal_counsel.village_coverage_rate": ("覆盖率",),
    # 党政主要负责人履职
    "leader_duties.meetings_on_rule_of_law": ("专题研究", "听取…汇报", "专题会"),
    "leader_duties.instructions": ("批示",),
    "leader_duties.debriefs": ("述法",),
    "leader_duties.court_appearances": (
        "主要负责人出庭",
        "县长出庭",
        "市长出庭",
        "区长出庭",
        "镇长出庭",
        "乡长出庭",
        "局长出庭",
        "长出庭应诉",
    ),
    # 信访
    "petitions.total": ("信访总量", "信访"),
    "petitions.letters": ("来信",),
    "petitions.visits": ("来访",),
    "petitions.online": ("网上信访",),
    "petitions.concluded": ("信访…办结", "信访事项办结"),
    "petitions.completion_rate": ("办结率",),
    # 政务服务
    "gov_services.items": ("政务服务事项", "行政许可事项", "审批服务事项"),
    "gov_services.items_in_hall": ("进驻", "进驻…事项"),
    "gov_services.items_in_hall_rate": ("进驻率",),
    "gov_services.negative_reviews": ("差评",),
    "gov_services.negative_reviews_rectified": ("整改",),
    "gov_services.negative_review_rectification_rate": ("整改率",),
    # 审计, 应急, 办文
    "gov_audit.projects": ("审计项目", "审计"),
    "emergency.drills": ("应急演练", "演练"),
    "emergency.drills_comprehensive": ("综合应急演练", "综合演练"),
    "emergency.drills_special": ("专项演练", "专项应急演练"),
    "emergency.drills_flood": ("防汛应急演练", "防汛演练", "re:防汛[^、，。；等]{0,6}演练"),
    "office.internal_rules_revised": ("内部制度", "规章制度"),
    "office.documents_issued": ("印发文件", "发文", "印发…文件"),
    "office.requests_processed": ("请示",),
    "office.incoming_documents": ("来文来电", "来文"),
}

# A measure that counts a subset of another (按期审结 of 审结): read as the subset only when
# the whole is stated before it in the same sentence (review.grouping).
SUB_MEASURES: dict[str, str] = {
    "reconsideration.concluded_on_time": "reconsideration.concluded",
    "disclosure.requests_answered_on_time": "disclosure.requests_answered",
}

LEDGER_WORDS: dict[str, tuple[str, ...]] = {
    "reconsideration": ("行政复议", "复议"),
    "litigation": ("行政诉讼", "应诉", "出庭", "府院联动", "法院"),
    "normative_documents": ("规范性文件",),
    "major_decisions": ("重大行政决策", "重大决策"),
    "legality_review": ("合法性审核", "合同", "涉法"),
    "disclosure": ("政务公开", "信息公开", "政府信息", "政务新媒体", "依申请"),
    "mailbox": ("信箱", "信件"),
    "hotline": ("12345", "热线"),
    "proposals": ("人大代表", "政协", "建议", "提案", "议案"),
    "supervision": ("督查", "督办"),
    "mediation": ("人民调解", "调解", "矛盾纠纷"),
    "legal_aid": ("法律援助",),
    "enforcement": ("行政执法", "执法"),
    "legal_education": ("普法", "法治宣传", "学法", "法律明白人"),
    "legal_counsel": ("法律顾问", "公职律师"),
    "leader_duties": ("第一责任人", "主要负责人"),
    "petitions": ("信访",),
    "gov_services": ("政务服务", "好差评", "放管服"),
    "gov_audit": ("审计",),
    "emergency": ("应急",),
    "office": ("办文", "办公室"),
}

# Subject words of 建议提案 figures.
NPC_WORDS = ("人大代表建议", "人大议案", "人大代表", "代表建议", "人大", "议案")
CPPCC_WORDS = ("政协委员提案", "政协提案", "政协委员", "委员提案", "政协", "提案")
BOTH_RE = (
    r"(人大(代表)?建议|人大议案|代表建议|人大代表)(和|与|及|、|以及)(市县|县|市|区)?"
    r"(政协(委员)?提案|政协委员|委员提案|政协)|建议提案|建议、提案|议提案"
)

# Ids reached only through a rule in mapping (subject of 建议提案, 被申请人), never by name.
RULE_ONLY = frozenset(
    {
        "proposals.npc_suggestions",
        "proposals.cppcc_proposals",
        "proposals.npc_concluded",
        "proposals.cppcc_concluded",
        "proposals.npc_satisfied",
        "proposals.cppcc_satisfied",
        "proposals.npc_completion_rate",
        "proposals.cppcc_completion_rate",
        "proposals.npc_satisfaction_rate",
        "proposals.cppcc_satisfaction_rate",
        "reconsideration.as_respondent_concluded",
        "reconsideration.as_respondent_corrected",
    }
)
