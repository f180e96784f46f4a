from __future__ import annotations

from django.apps import AppConfig


class ReconsiderationConfig(AppConfig):
    name = "fazhi.ledgers.reconsideration"
    label = "reconsideration"
    verbose_name = "行政复议"

    def ready(self) -> None:
        from fazhi.ledgers.reconsideration import receivers  # noqa: F401 - connects due_changed
