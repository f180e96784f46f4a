"""States and choice lists of the 建议提案 ledger (codes from the glossary)."""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    REGISTERED = "registered", "待交办"
    ASSIGNED = "assigned", "办理中"
    REPLIED = "replied", "已答复（待评价）"
    REHANDLING = "reopened", "重办中"
    CONCLUDED = "concluded", "已办结"


# Waiting on the handling body's reply (the reply clocks run).
HANDLING = (State.ASSIGNED, State.REHANDLING)
OPEN = (State.REGISTERED, *HANDLING, State.REPLIED)


class Kind(models.TextChoices):
    NPC = "npc", "人大代表建议"
    CPPCC = "cppcc", "政协提案"


class Category(models.TextChoices):
    """答复类别. The labels printed in the 答复函 are configurable (rules.category_labels)."""

    A = "category_a", "A类"
    B = "category_b", "B类"
    C = "category_c", "C类"


class Rating(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    BASICALLY_SATISFIED = "basically_satisfied", "基本满意"
    DISSATISFIED = "dissatisfied", "不满意"


class ContactMethod(models.TextChoices):
    IN_PERSON = "in_person", "当面沟通"
    MEETING = "meeting", "座谈会"
    SITE_VISIT = "site_visit", "现场视察"
    PHONE = "phone", "电话沟通"
