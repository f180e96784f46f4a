"""Choice lists more than one ledger uses."""

from __future__ import annotations

from django.db import models


class ActCategory(models.TextChoices):
    PENALTY = "penalty", "行政处罚"
    COERCION = "coercion", "行政强制"
    LICENSING = "licensing", "行政许可"
    DISCLOSURE = "disclosure", "政府信息公开"
    NONPERFORMANCE = "nonperformance", "不履行法定职责"
    CONFIRMATION = "confirmation", "行政确认"
    EXPROPRIATION = "expropriation", "征收征用"
    OTHER = "other", "其他"
