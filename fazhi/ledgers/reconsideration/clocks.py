"""The statutory clocks of a 行政复议 case, per law version (statutes.md §2).

`specs_for(case)` picks the 2017 or 2023 rule set from `case.law_version`, and the
simplified-procedure variants from `case.procedure`; the workflow never names a length.
"""

from __future__ import annotations

from dataclasses import dataclass

from fazhi.clocks.spec import ClockSpec, Unit
from fazhi.ledgers.reconsideration.states import LawVersion, Procedure

NEW = "行政复议法（2023修订）"
OLD = "行政复议法（2017修正）"

# --- 2023 text (cases received on or after 2024-01-01) --------------------------------------
ACCEPTANCE_REVIEW_2023 = ClockSpec(
    "acceptance_review",
    "受理审查",
    5,
    Unit.WORKING_DAY,
    f"{NEW}第三十条、第八十八条第二款",
    law_version="2023",
    pausable=True,
    lapse_effect="审查期限届满未作出不予受理决定的，视为受理",
)
CORRECTION_NOTICE_2023 = ClockSpec(
    "correction_notice",
    "补正通知",
    5,
    Unit.WORKING_DAY,
    f"{NEW}第三十一条第一款、第八十八条第二款",
    law_version="2023",
    lapse_effect="逾期通知补正属程序瑕疵",
)
CORRECTION_RESPONSE_2023 = ClockSpec(
    "correction_response",
    "申请人补正",
    10,
    Unit.WORKING_DAY,
    f"{NEW}第三十一条第二款、第八十八条第二款",
    law_version="2023",
    extension_uncapped=True,  # "合理的补正期限" may be extended by the 复议机关, no cap
    extension_approver="行政复议机关",
    lapse_effect="无正当理由逾期不补正的，视为放弃行政复议申请",
)
COPY_TO_RESPONDENT_2023 = ClockSpec(
    "copy_to_respondent",
    "发送申请书副本",
    7,
    Unit.WORKING_DAY,
    f"{NEW}第四十八条、第八十八条第二款",
    law_version="2023",
)
COPY_TO_RESPONDENT_SIMPLIFIED = ClockSpec(
    "copy_to_respondent_simplified",
    "发送申请书副本（简易程序）",
    3,
    Unit.WORKING_DAY,
    f"{NEW}第五十四条、第八十八条第二款",
    law_version="2023",
)
RESPONDENT_ANSWER_2023 = ClockSpec(
    "respondent_answer",
    "被申请人答复",
    10,
    Unit.WORKING_DAY,
    f"{NEW}第四十八条、第八十八条第二款",
    law_version="2023",
    lapse_effect="视为该行政行为没有证据、依据（第七十条）",
)
RESPONDENT_ANSWER_SIMPLIFIED = ClockSpec(
    "respondent_answer_simplified",
    "被申请人答复（简易程序）",
    5,
    Unit.WORKING_DAY,
    f"{NEW}第五十四条、第八十八条第二款",
    law_version="2023",
    lapse_effect="视为该行政行为没有证据、依据（第七十条）",
)
DECISION_2023 = ClockSpec(
    "decision_ordinary",
    "作出复议决定",
    60,
    Unit.CALENDAR_DAY,
    f"{NEW}第六十二条第一款",
    law_version="2023",
    max_extension=30,
    extension_approver="行政复议机构负责人",
    pausable=True,
    lapse_effect="申请人可向上级机关反映；复议前置的可在期满后15日内起诉",
)
HEARING_NOTICE_2023 = ClockSpec(
    "hearing_notice",
    "听证通知",
    5,
    Unit.WORKING_DAY,
    f"{NEW}第五十一条、第八十八条第二款",
    law_version="2023",
    kind="advance_notice",
    event_label="听证",
    lapse_effect="听证通知应于听证五个工作日前送达当事人",
)
DECISION_SIMPLIFIED = ClockSpec(
    "decision_simplified",
    "作出复议决定（简易程序）",
    30,
    Unit.CALENDAR_DAY,
    f"{NEW}第六十二条第二款",
    law_version="2023",
    pausable=True,
)

# The applicant's own period: it binds the applicant, not the 复议机关. Started on the day the
# applicant knew (or should have known) of the act and stopped on the filing day, so the stopped
# clock says whether the application was in time. An obstacle pauses it (Art. 20(2)); the
# one-year cap when the right was not told is Art. 20(3) and the 5/20-year outer limits Art. 21
# (workflow/period.py). Longer periods in other laws are for the officer to weigh.
APPLICATION_PERIOD_2023 = ClockSpec(
    "application_period",
    "申请期限",
    60,
    Unit.CALENDAR_DAY,
    f"{NEW}第二十条",
    law_version="2023",
    pausable=True,  # an obstacle (不可抗力 etc.) pauses it (2023 Art. 20(2); 2017 Art. 9(2))
    lapse_effect="超过申请期限的，不符合受理条件（第三十条），依法不予受理",
)

# --- 2017 text (received before 2024-01-01) --------------------------------------------------
ACCEPTANCE_REVIEW_2017 = ClockSpec(
    "acceptance_review",
    "受理审查",
    5,
    Unit.WORKING_DAY,
    f"{OLD}第十七条、第四十条",
    law_version="2017",
    pausable=True,
    lapse_effect="未决定不予受理的，自收到申请之日起即为受理",
)
CORRECTION_NOTICE_2017 = ClockSpec(
    "correction_notice",
    "补正通知",
    5,
    Unit.WORKING_DAY,
    "行政复议法实施条例第二十九条；" + f"{OLD}第四十条",
    law_version="2017",
)
COPY_TO_RESPONDENT_2017 = ClockSpec(
    "copy_to_respondent",
    "发送申请书副本",
    7,
    Unit.WORKING_DAY,
    f"{OLD}第二十三条、第四十条",
    law_version="2017",
)
RESPONDENT_ANSWER_2017 = ClockSpec(
    "respondent_answer",
    "被申请人答复",
    10,
    Unit.CALENDAR_DAY,
    f"{OLD}第二十三条、第四十条",
    law_version="2017",
)
APPLICATION_PERIOD_2017 = ClockSpec(
    "application_period",
    "申请期限",
    60,
    Unit.CALENDAR_DAY,
    f"{OLD}第九条",
    law_version="2017",
    pausable=True,  # an obstacle (不可抗力 etc.) pauses it (2023 Art. 20(2); 2017 Art. 9(2))
    lapse_effect="超过申请期限的，依法不予受理（第十七条）",
)
DECISION_2017 = ClockSpec(
    "decision_ordinary",
    "作出复议决定",
    60,
    Unit.CALENDAR_DAY,
    f"{OLD}第十七条、第三十一条；行政复议法实施条例第二十九条",
    law_version="2017",
    max_extension=30,
    extension_approver="行政复议机关负责人",
    pausable=True,
)


@dataclass(frozen=True)
class CaseClocks:
    acceptance_review: ClockSpec
    correction_notice: ClockSpec
    correction_response: ClockSpec | None  # the 2017 text sets no period for the applicant
    copy_to_respondent: ClockSpec
    respondent_answer: ClockSpec
    decision: ClockSpec
    hearing_notice: ClockSpec | None = None  # the 2017 text sets no notice period
    application_period: ClockSpec = APPLICATION_PERIOD_2023


def specs_for_version(law_version: str, procedure: str = Procedure.ORDINARY) -> CaseClocks:
    simplified = procedure == Procedure.SIMPLIFIED
    if law_version == LawVersion.V2017:
        return CaseClocks(
            ACCEPTANCE_REVIEW_2017,
            CORRECTION_NOTICE_2017,
            None,
            COPY_TO_RESPONDENT_2017,
            RESPONDENT_ANSWER_2017,
            DECISION_2017,
            application_period=APPLICATION_PERIOD_2017,
        )
    return CaseClocks(
        ACCEPTANCE_REVIEW_2023,
        CORRECTION_NOTICE_2023,
        CORRECTION_RESPONSE_2023,
        COPY_TO_RESPONDENT_SIMPLIFIED if simplified else COPY_TO_RESPONDENT_2023,
        RESPONDENT_ANSWER_SIMPLIFIED if simplified else RESPONDENT_ANSWER_2023,
        DECISION_SIMPLIFIED if simplified else DECISION_2023,
        HEARING_NOTICE_2023,
    )


def specs_for(case: object) -> CaseClocks:
    return specs_for_version(getattr(case, "law_version"), getattr(case, "procedure"))  # noqa: B009


# The clocks whose due date the list shows as 审理期限届满日 (cached on the case row).
DECISION_CLOCKS = frozenset({DECISION_2023.name, DECISION_SIMPLIFIED.name})
