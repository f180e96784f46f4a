"""States and choice lists of the 规范性文件 ledger (codes from the glossary)."""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    DRAFTING = "drafting", "起草中"
    CONSULTATION = "public_consultation", "征求意见中"
    REVIEWING = "legality_review", "合法性审核中"
    REVIEWED = "reviewed", "审核通过待审议"
    DELIBERATED = "collective_deliberation", "已审议待公布"
    ISSUED = "issued", "现行有效"
    EXPIRED = "expired", "有效期届满失效"
    REPEALED = "repealed", "已废止"
    DECLARED_INVALID = "declared_invalid", "已宣布失效"
    REVOKED = "revoked", "备案审查撤销"
    ABANDONED = "abandoned", "终止制定"


DRAFT = (
    State.DRAFTING,
    State.CONSULTATION,
    State.REVIEWING,
    State.REVIEWED,
    State.DELIBERATED,
)
# A row still being handled: a draft on its way, or a document in force (filing, evaluation).
OPEN = (*DRAFT, State.ISSUED)
NOT_IN_FORCE = (
    State.EXPIRED,
    State.REPEALED,
    State.DECLARED_INVALID,
    State.REVOKED,
)


class ReviewResult(models.TextChoices):
    APPROVED = "approved", "同意"
    APPROVED_WITH_CHANGES = "approved_with_changes", "修改后同意"
    REJECTED = "rejected", "不同意"


PASSED = (ReviewResult.APPROVED, ReviewResult.APPROVED_WITH_CHANGES)


class Recipient(models.TextChoices):
    GOVERNMENT = "government", "上一级人民政府"
    NPC = "npc", "本级人大常委会"


class FilingResult(models.TextChoices):
    PASSED = "passed", "通过"
    CORRECTED = "corrected", "纠正"
    REVOKED = "revoked", "撤销"


class Outcome(models.TextChoices):
    """清理 outcomes (statutes.md §5); 宣布失效 is counted with 废止 (glossary)."""

    KEPT = "kept", "继续有效"
    AMENDED = "amended", "修改"
    REPEALED = "repealed", "废止"
    DECLARED_INVALID = "declared_invalid", "宣布失效"
