"""States and choice lists of the 合同及涉法文件审核 ledger (codes from the glossary)."""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    SUBMITTED = "submitted", "已送审（待受理）"
    REVIEWING = "reviewing", "审核中"
    RETURNED = "returned", "退回补充材料"
    REVIEWED = "reviewed", "已出具审核意见"
    CLOSED = "closed", "已办结"


OPEN = (State.SUBMITTED, State.REVIEWING, State.RETURNED)


class Kind(models.TextChoices):
    CONTRACT = "contract", "合同"
    ADMINISTRATIVE_AGREEMENT = "administrative_agreement", "行政协议"
    LEGAL_DOCUMENT = "legal_document", "规范性文件以外的涉法文件"
    MEETING_TOPIC = "meeting_topic", "会议议题"


CONTRACTS = (Kind.CONTRACT, Kind.ADMINISTRATIVE_AGREEMENT)


class Result(models.TextChoices):
    APPROVED = "approved", "同意"
    APPROVED_WITH_CHANGES = "approved_with_changes", "修改后同意"
    NOT_APPROVED = "not_approved", "不同意"


class ReviewerKind(models.TextChoices):
    STAFF = "staff", "司法局工作人员"
    LEGAL_ADVISER = "legal_adviser", "法律顾问"
    GOVERNMENT_LAWYER = "government_lawyer", "公职律师"


class Adoption(models.TextChoices):
    ADOPTED = "adopted", "全部采纳"
    PARTLY = "partly", "部分采纳"
    NOT_ADOPTED = "not_adopted", "未采纳"
