"""States and choice lists of the 重大行政决策 ledger (codes from the glossary)."""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    DRAFTING = "drafting", "拟订中"
    PUBLIC_PARTICIPATION = "public_participation", "公开征求意见中"
    LEGALITY_REVIEW = "legality_review", "合法性审查中"
    COLLECTIVE_DECISION = "collective_decision", "待集体讨论决定"
    DECIDED = "decided", "已决定"
    POST_EVALUATION = "post_evaluation", "已后评估"
    REMOVED = "removed", "已调出目录"


# Before the decision: the steps of the procedure can still be recorded, the item removed.
UNDECIDED = (
    State.DRAFTING,
    State.PUBLIC_PARTICIPATION,
    State.LEGALITY_REVIEW,
    State.COLLECTIVE_DECISION,
)
OPEN = UNDECIDED


class ReviewResult(models.TextChoices):
    LAWFUL = "lawful", "合法"
    LAWFUL_IF_AMENDED = "lawful_if_amended", "修改后合法"
    UNLAWFUL = "unlawful", "不合法"


class CounselKind(models.TextChoices):
    NONE = "none", "未听取"
    LEGAL_ADVISER = "legal_adviser", "法律顾问"
    GOVERNMENT_LAWYER = "government_lawyer", "公职律师"
    BOTH = "both", "法律顾问和公职律师"
