"""States, outcomes and the other choice lists of a 行政复议 case (codes from the glossary)."""

from __future__ import annotations

import datetime as dt

from django.db import models

from fazhi.casework.choices import ActCategory

__all__ = ["ActCategory"]

LAW_2023_IN_FORCE = dt.date(2024, 1, 1)  # 行政复议法（2023修订）第九十条


class LawVersion(models.TextChoices):
    V2017 = "2017", "2017年修正文本（旧法）"
    V2023 = "2023", "2023年修订文本（新法）"


def law_version_for(received_on: dt.date) -> LawVersion:
    """The text in force when the 复议机关 received the application; fixed at intake."""
    return LawVersion.V2017 if received_on < LAW_2023_IN_FORCE else LawVersion.V2023


class State(models.TextChoices):
    RECEIVED = "received", "待审查受理"
    CORRECTION_REQUESTED = "correction_requested", "补正中"
    NOT_ACCEPTED = "not_accepted", "不予受理"
    WITHDRAWN = "withdrawn", "受理前撤回"
    REDIRECTED = "redirected", "告知/转送"
    ACCEPTED = "accepted", "已受理（待发送申请书副本）"
    ANSWER_REQUESTED = "answer_requested", "待被申请人答复"
    UNDER_REVIEW = "under_review", "审理中"
    SUSPENDED = "suspended", "中止"
    CONCLUDED = "concluded", "已审结"


# States of an application that has not yet been accepted or turned away.
BEFORE_ACCEPTANCE = (State.RECEIVED, State.CORRECTION_REQUESTED)
# Accepted and not concluded (审理中 in the broad sense, incl. 中止).
PENDING = (State.ACCEPTED, State.ANSWER_REQUESTED, State.UNDER_REVIEW, State.SUSPENDED)
# Closed at the acceptance stage.
DISPOSED_BEFORE_ACCEPTANCE = (State.NOT_ACCEPTED, State.WITHDRAWN, State.REDIRECTED)
OPEN = BEFORE_ACCEPTANCE + PENDING


class Outcome(models.TextChoices):
    UPHELD = "upheld", "维持"
    REVOKED = "revoked", "撤销（含部分撤销、责令重作）"
    CHANGED = "changed", "变更"
    CONFIRMED_ILLEGAL = "confirmed_illegal", "确认违法"
    CONFIRMED_INVALID = "confirmed_invalid", "确认无效"
    ORDERED_TO_PERFORM = "ordered_to_perform", "责令履行"
    CLAIMS_REJECTED = "claims_rejected", "驳回复议请求"
    APPLICATION_DISMISSED = "application_dismissed", "驳回复议申请"
    TERMINATED = "terminated", "终止"
    MEDIATED = "mediated", "调解（调解书结案）"


# Outcomes of a 行政复议决定书 (the rest close by 终止 or 调解书).
DECISION_OUTCOMES = (
    Outcome.UPHELD,
    Outcome.REVOKED,
    Outcome.CHANGED,
    Outcome.CONFIRMED_ILLEGAL,
    Outcome.CONFIRMED_INVALID,
    Outcome.ORDERED_TO_PERFORM,
    Outcome.CLAIMS_REJECTED,
    Outcome.APPLICATION_DISMISSED,
)
CORRECTIVE = (
    Outcome.REVOKED,
    Outcome.CHANGED,
    Outcome.CONFIRMED_ILLEGAL,
    Outcome.CONFIRMED_INVALID,
    Outcome.ORDERED_TO_PERFORM,
)
# Outcomes the 2017 text does not know (2023 Art. 67 确认无效, Art. 69 驳回复议请求).


class TerminationReason(models.TextChoices):
    WITHDRAWN = "withdrawn", "申请人撤回申请"
    SETTLED = "settled", "和解后撤回（和解）"
    SUSPENSION_LAPSED = "suspension_lapsed", "中止满60日未恢复"
    OTHER = "other", "其他法定情形"


class SuspensionGround(models.TextChoices):
    """中止 grounds of 2023 Art. 39(1) (the 2017 条例 Art. 41(1) lists the same in substance)."""

    APPLICANT_DIED = (
        "applicant_died",
        "（一）作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议",
    )
    INCAPACITATED = (
        "incapacitated",
        "（二）作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人参加行政复议",
    )
    MISSING = "missing", "（三）作为申请人的公民下落不明"
    ORGANISATION_ENDED = (
        "organisation_ended",
        "（四）作为申请人的法人或者其他组织终止，尚未确定权利义务承受人",
    )
    FORCE_MAJEURE = (
        "force_majeure",
        "（五）申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议",
    )
    MEDIATION = "mediation", "（六）进行调解、和解，申请人和被申请人同意中止"
    INTERPRETATION = (
        "interpretation",
        "（七）涉及的法律适用问题需要有权机关作出解释或者确认",
    )
    OTHER_CASE = "other_case", "（八）审理需要以其他案件的审理结果为依据，而其他案件尚未审结"
    DOCUMENT_REVIEW = "document_review", "（九）有第五十六条或者第五十七条规定的情形"
    OTHER = "other", "（十）需要中止行政复议的其他情形"


# Art. 41(5): a 中止 on these grounds (Art. 39(1) items 一、二、四) that lasts 60 days ends the
# case (2017: 条例 Art. 42, the same three grounds of its Art. 41(1)).
LAPSING_GROUNDS = (
    SuspensionGround.APPLICANT_DIED,
    SuspensionGround.INCAPACITATED,
    SuspensionGround.ORGANISATION_ENDED,
)


class ApplicantKind(models.TextChoices):
    NATURAL_PERSON = "natural_person", "自然人"
    LEGAL_PERSON = "legal_person", "法人"
    OTHER_ORGANISATION = "other_organisation", "其他组织"


class Channel(models.TextChoices):
    IN_PERSON = "in_person", "当面递交"
    POST = "post", "邮寄"
    ONLINE = "online", "网上申请"
    TRANSFERRED = "transferred", "转送"


class ServiceMethod(models.TextChoices):
    """How a notice reached its addressee (送达方式)."""

    IN_PERSON = "in_person", "直接送达"
    POST = "post", "邮寄送达"
    ELECTRONIC = "electronic", "电子送达"
    LEFT = "left", "留置送达"
    PUBLIC = "public", "公告送达"


class Procedure(models.TextChoices):
    ORDINARY = "ordinary", "普通程序"
    SIMPLIFIED = "simplified", "简易程序"


class HearingForm(models.TextChoices):
    WRITTEN = "written", "书面审查"
    OPINIONS = "opinions", "听取意见"
    HEARING = "hearing", "听证"
