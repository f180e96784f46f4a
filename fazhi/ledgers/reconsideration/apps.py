from __future__ import annotations

from django.apps import AppConfig


class ReconsiderationConfig(AppConfig):
    name = "fazhi.ledgers.reconsideration"
    label = "reconsideration"
    verbose_name = "行政复议"
