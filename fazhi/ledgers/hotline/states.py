"""States and choice lists of the 12345热线 ledger (codes from the glossary)."""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    RECEIVED = "received", "已受理（待派单）"
    DISPATCHED = "dispatched", "已派单（待签收）"
    RETURNED = "returned", "已退回（待改派）"
    HANDLING = "handling", "办理中"
    REOPENED = "reopened", "重办中"
    REPLIED = "replied", "已回复（待回访）"
    CALLED_BACK = "callback", "已回访（待评价）"
    RATED = "rated", "已评价（待办结）"
    CONCLUDED = "concluded", "已办结"


# The member unit owes a reply in these states: the reply clock runs.
WITH_UNIT = (State.DISPATCHED, State.HANDLING, State.REOPENED)
OPEN = (
    State.RECEIVED,
    State.DISPATCHED,
    State.RETURNED,
    State.HANDLING,
    State.REOPENED,
    State.REPLIED,
    State.CALLED_BACK,
    State.RATED,
)


class Channel(models.TextChoices):
    PHONE = "phone", "电话"
    WEB = "web", "网站"
    WECHAT = "wechat", "微信"
    APP = "app", "移动客户端"
    OTHER = "other", "其他"


class Category(models.TextChoices):
    CONSULTATION = "consultation", "咨询"
    HELP = "help", "求助"
    COMPLAINT = "complaint", "投诉"
    REPORT = "report", "举报"
    SUGGESTION = "suggestion", "意见建议"
    PRAISE = "praise", "表扬"


class Rating(models.TextChoices):
    SATISFIED = "satisfied", "满意"
    BASICALLY_SATISFIED = "basically_satisfied", "基本满意"
    DISSATISFIED = "dissatisfied", "不满意"


# A 不满意 rating reopens the ticket (重办) at most this many times; the reply clock of each round
# is a clock of its own ("reply", "reply_r1" …), so the list always shows the current round's.
MAX_REHANDLINGS = 3
