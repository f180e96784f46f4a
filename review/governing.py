"""The governing noun phrase of a count, and what it says about the figure's indicator.

`review.mapping` scores measure words around a figure. Some measures are told apart
only by the noun a count governs or by the verb that governs it, which a keyword score
does not see:

- people: 56324名干部参加法律知识考试 counts officials sitting a law exam
  (干部法治培训), 120名执法人员参加培训 counts enforcement officers;
- meetings: 常务会议3次专题研究法治政府建设 counts meetings on the rule of law,
  常务会议5次研究招商项目 does not; 中心组学习24次 counts law study sessions;
- catalogue items: 1682项政务服务事项进驻大厅 are items in the hall;
  取消政务服务事项18项 is a change, not the catalogue; 事项清单31个 counts lists;
- a count of a list of unlike things (学习、培训、宣讲1.2万次; 等“八大行动”1000场次)
  is a combined count that no indicator measures.

Each rule gives an id only on positive evidence and otherwise takes the id away: a wrong
id is worse than none.
"""

from __future__ import annotations

import re

from review.figures import Figure
from review.normalize import squeeze

_CLAUSE_BREAK = "，。；：,;:！？!?\n"
_SENTENCE_BREAK = "。；！？;!?\n"

# Who is counted (the noun right after 名/人/人次, or right before the number).
_OFFICIALS = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,6}?)(?:领导干部|干部|国家工作人员|工作人员|公务员|公职人员)"
)
_OFFICIAL_WORD = re.compile(r"领导干部|干部|国家工作人员|工作人员|公务员|公职人员")
_ENFORCERS = re.compile(r"执法人员|执法队员|执法证")
_LEARNING = re.compile(r"学法|考法|考试|培训|参训|轮训|考学|测试")
_LEADERS = re.compile(r"负责人|领导干部|领导|局长|书记|县长|区长|市长|镇长|乡长")
_HOLDING = re.compile(r"持有|持证|取得|现有|共有[^，。；、]{0,6}证")

# Meetings on the rule of law: a standing or committee meeting, or topics studied at one,
# with the rule of law named in the same clause or the next item of its list.
_MEETING = re.compile(
    r"常务会议|常务会|常委会议?|委员会会议|委员会全体会议|专题会议|议题|专题研究|听取[^，。；]{0,16}汇报"
    r"|(?:党组|党委)(?:会议|专题)|全体会议|(?:委员会|常委会)[^，。；]{0,4}会议"
)
_RULE_OF_LAW = re.compile(r"法治|依法|法律|法制|法规|规章")
_STUDY = re.compile(r"中心组[^，。；]{0,8}学习|集中学法|会前学法|集体学法|专题学法|学法")

_STOCK_CHANGE = re.compile(r"(?:新增|净增|增加|减少|削减|压减|精简|取消|减免)[^，。；、]{0,10}$")
_COUNSEL = re.compile(r"法律[^，。；]{0,4}意见|法律顾问|公职律师|律师")
_TOPICS_STUDIED = re.compile(r"研究[^，。；]{0,16}议题")
# Change verbs: a count of what was cut or added is not the stock the catalogue counts.
_CHANGE_BEFORE = re.compile(
    r"(?:取消|精简|削减|压减|减少|调整|新增|承接|划转|合并)[^，。；、]{0,12}$"
)
# A list of unlike things counted together, or examples ending in 等 and a name.
_LISTED_KINDS = re.compile(r"等(?:“[^”]{1,12}”)?$")

_OTHER_LAW = re.compile(r"(?:规章|法规|法律|条例|草案)(?:共|计|共计|达|为)?$")
_COURT_REFERRED = re.compile(r"法院转交|府院联动|行政争议")
_COURT_REFERRED_IDS = {
    "mediation.disputes_received": "litigation.court_referred_disputes",
    "mediation.disputes_resolved": "litigation.court_referred_resolved",
}
_IN_PERSON = re.compile(r"负责人出庭|出庭应诉(?:案件)?$")
_REVIEW_VERB = re.compile(r"审核|审查")
_DRAFTED_BY_COUNSEL = re.compile(r"文书|法律顾问|律师|合同|协议")
_LEGAL_ADVICE = re.compile(r"法律|法援|援助|律师")
_OTHER_HOTLINE = re.compile(r"(?<!\d)(?!12345)\d{5}(?!\d)[^，。；0-9]{0,6}热线")
_VILLAGE = re.compile(r"村|社区|法律顾问")
_COUNSEL_HIRED = re.compile(r"(?:聘请|配备|聘任|选聘)[^，。；]{0,6}法律顾问")
_TOWNSHIP = re.compile(r"乡镇|街道|镇|乡|(?:县|区)级(?:下放|赋权)")
_CASE_FILES = re.compile(r"评查|案卷")
_LAW_WORD = re.compile(r"法")


def _clause_before(text: str, pos: int, limit: int = 60) -> str:
    lo = max(0, pos - limit)
    cut = max(text.rfind(c, lo, pos) for c in _CLAUSE_BREAK)
    return squeeze(text[max(lo, cut + 1) : pos])


def _clause_after(text: str, pos: int, limit: int = 40) -> str:
    hi = min(len(text), pos + limit)
    ends = [i for i in (text.find(c, pos, hi) for c in _CLAUSE_BREAK) if i >= 0]
    return squeeze(text[pos : min(ends) if ends else hi])


def _next_item(text: str, pos: int) -> str:
    """The item after the figure's clause when a 、 joins them (…会议34次、研究法治议题…)."""
    after = text[pos : pos + 60]
    k = after.find("、")
    if k < 0 or any(c in after[:k] for c in _CLAUSE_BREAK):
        return ""
    return _clause_after(text, pos + k + 1)


def _sentence(text: str, pos: int, limit: int = 200) -> str:
    lo = max(0, pos - limit)
    cut = max(text.rfind(c, lo, pos) for c in _SENTENCE_BREAK)
    start = max(lo, cut + 1)
    line_end = text.find("\n", pos, pos + 40)
    if (start == 0 or text[start - 1] == "\n") and 0 <= line_end and line_end - start < 40:
        # a table row: its header and the rows above say what it is
        return squeeze(text[max(0, pos - 150) : pos])
    return squeeze(text[start:pos])


def _rest(text: str, pos: int, limit: int = 120) -> str:
    """The rest of the sentence after pos."""
    hi = min(len(text), pos + limit)
    ends = [i for i in (text.find(c, pos, hi) for c in _SENTENCE_BREAK) if i >= 0]
    return squeeze(text[pos : min(ends) if ends else hi])


def _item_after(text: str, pos: int, limit: int = 30) -> str:
    """The words after the figure up to the next clause break or 、."""
    hi = min(len(text), pos + limit)
    ends = [i for i in (text.find(c, pos, hi) for c in _CLAUSE_BREAK + "、") if i >= 0]
    return squeeze(text[pos : min(ends) if ends else hi])


def govern(text: str, fig: Figure, ind: str | None, heading: str = "") -> str | None:
    """The indicator of a count once its governing noun phrase is read (see module doc)."""
    before = _clause_before(text, fig.number_start)
    after = _clause_after(text, fig.number_end)
    own = before + after
    unit = fig.unit

    item = before + _item_after(text, fig.number_end)
    if unit in ("人", "名", "人次") and "述法" in item and _LEADERS.search(item):
        return "leader_duties.debriefs"  # 132名党政主要负责人…专题述法
    if unit in ("人", "名", "人次") and not _HOLDING.search(before):
        if _ENFORCERS.search(item) and _LEARNING.search(item):
            return "enforcement.officers_trained"
        if (_OFFICIALS.search(after) or _OFFICIALS.search(before[-8:])) and _LEARNING.search(item):
            return "legal_education.persons_trained"

    if (
        ind == "enforcement.officers_trained"
        and "执法" not in _sentence(text, fig.number_start) + after
    ):
        # 参考人员186人 after a 领导干部 exam: officials, not enforcement officers
        officials = _OFFICIAL_WORD.search(_sentence(text, fig.number_start) + after)
        return "legal_education.persons_trained" if officials else None

    if unit in ("次", "场", "场次") and _STUDY.search(item) and ind != "leader_duties.debriefs":
        if (
            unit == "场次"
            or not _RULE_OF_LAW.search(
                _sentence(text, fig.number_start) + _rest(text, fig.number_end)
            )
            and "学法" not in item
        ):
            return None  # 中心组学习 on another subject
        return "legal_education.study_meetings"
    if unit in ("次", "场次") and _MEETING.search(own):
        if _RULE_OF_LAW.search(own + _next_item(text, fig.number_end)):
            return "leader_duties.meetings_on_rule_of_law"
        return None
    if ind == "leader_duties.meetings_on_rule_of_law" and not _RULE_OF_LAW.search(own):
        return None
    if unit != "次" and _TOPICS_STUDIED.search(own):
        return None  # 研究法治政府建设议题102项: topics studied at meetings, no indicator

    if ind is None:
        if unit == "%" and "事项" in after and "进驻" in after:
            return "gov_services.items_in_hall_rate"
        return None

    sentence = _sentence(text, fig.number_start) + own
    if ind.startswith(("mediation.", "reconsideration.")) and "仲裁" in sentence:
        if "人民调解" not in sentence:
            return None  # 仲裁…调解成功率: labour arbitration, not people's mediation
    if (
        ind.startswith("normative_documents.")
        and _OTHER_LAW.search(before)
        and "规范性文件" not in before
    ):
        return None  # 制定修改省政府规章6件: rules and regulations are not normative documents
    if ind.startswith("mediation.") and _COURT_REFERRED.search(sentence):
        # 法院转交行政争议64件，成功化解27件: disputes the court referred, not 人民调解
        return _COURT_REFERRED_IDS.get(ind)
    if ind == "litigation.cases" and _IN_PERSON.search(before):
        return "litigation.leader_appearances"  # 负责人出庭应诉案件92件
    if ind == "major_decisions.count" and _REVIEW_VERB.search(before):
        return "major_decisions.legality_reviewed"  # 审核…、重大行政决策事项8件
    if ind == "legal_counsel.documents_drafted" and not _DRAFTED_BY_COUNSEL.search(sentence):
        return None  # 起草政府规章草案3件: drafting rules, not counsel's legal documents
    if ind == "leader_duties.instructions" and not _RULE_OF_LAW.search(sentence + after):
        return None  # 领导批示件56件 on any subject
    if ind == "legal_aid.consultations" and not _LEGAL_ADVICE.search(sentence + after):
        return None  # 接待群众咨询 of any kind
    if ind.startswith("gov_services.negative_review") and "差评" not in sentence + after:
        return None  # 整改105个 of inspection findings, not of 好差评 ratings
    if ind.startswith("hotline.") and _OTHER_HOTLINE.search(sentence):
        return None  # 12348法律服务热线: another hotline than the 12345 one
    if ind == "legal_counsel.village_coverage_rate" and not _VILLAGE.search(
        _sentence(text, fig.number_start) + own
    ):
        return None  # 检查覆盖率 of something else
    if ind == "legal_counsel.villages" and _COUNSEL_HIRED.search(own):
        return "legal_counsel.villages_covered"  # 配备法律顾问的村98个: the villages covered
    if unit not in ("%", "个百分点") and _STOCK_CHANGE.search(before):
        return None  # 新增公职律师12名: a change of the stock, not the stock
    if ind == "legal_counsel.opinions" and not _COUNSEL.search(
        own + _sentence(text, fig.number_start)
    ):
        return None  # 执法监督意见书8份 are not opinions of legal counsel
    if ind.startswith("gov_services.items"):
        if _CHANGE_BEFORE.search(before):
            return None
        if ind == "gov_services.items" and re.search(r"(?<!全部|均已|都已)(?<![均都])进驻", after):
            # 1682项政务服务事项进驻大厅 counts items in the hall; 事项2356项全部进驻 states
            # the size of the catalogue (and that all of it is in the hall)
            return "gov_services.items_in_hall"
    if unit_is_count(unit) and _LISTED_KINDS.search(before):
        return None  # 等“八大行动”1000余场次: examples of unlike things counted together
    if ind == "enforcement.powers_delegated_to_townships" and not _TOWNSHIP.search(
        _sentence(text, fig.number_start) + own + _rest(text, fig.number_end)
    ):
        return None  # 下放118项市级行政权力 to districts and zones, not to townships
    if ind == "enforcement.case_file_issues_found" and not _CASE_FILES.search(
        _sentence(text, fig.number_start) + after
    ):
        return None
    if ind.startswith("legal_education.") and not _LAW_WORD.search(
        _sentence(text, fig.number_start) + after + heading
    ):
        return None
    return ind


def unit_is_count(unit: str) -> bool:
    return unit not in ("%", "个百分点", "万元", "亿元", "元")
