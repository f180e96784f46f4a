"""States and choice lists of the 督查督办 / 整改台账 ledger."""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    ASSIGNED = "assigned", "已交办（待签收）"
    HANDLING = "handling", "办理中"
    REQUESTED = "requested", "已申请销号（待审核）"
    CLOSED = "closed", "已销号"


# Still owed by the lead department: the 办结时限 runs (and can be overdue) in these.
RUNNING = (State.ASSIGNED, State.HANDLING)
OPEN = (*RUNNING, State.REQUESTED)


class Kind(models.TextChoices):
    MATTER = "matter", "督办事项"
    RECTIFICATION = "rectification", "整改任务"


class Source(models.TextChoices):
    SUPERIOR_FEEDBACK = "superior_feedback", "上级督察反馈"
    LEADER_INSTRUCTION = "leader_instruction", "领导批示"
    MEETING_DECISION = "meeting_decision", "会议议定"
    INSPECTION_TOUR = "inspection_tour", "巡视巡察"
    AUDIT = "audit", "审计"
    RULE_OF_LAW_INSPECTION = "rule_of_law_inspection", "法治督察"


class LimitKind(models.TextChoices):
    DATE = "date", "限定日期"
    WORKING_DAYS = "working_days", "工作日数"


class Area(models.TextChoices):
    """What a finding is about, for part 2 of the report (存在的不足)."""

    ENFORCEMENT = "enforcement", "行政执法"
    NORMATIVE_DOCUMENTS = "normative_documents", "规范性文件管理"
    DECISIONS = "decisions", "重大行政决策"
    DISPUTES = "disputes", "行政复议和应诉"
    DISCLOSURE = "disclosure", "政务公开"
    PUBLICITY = "publicity", "普法和学法"
    OTHER = "other", "其他"
