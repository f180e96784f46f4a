from __future__ import annotations

from django.apps import AppConfig


class WorkcalConfig(AppConfig):
    name = "fazhi.workcal"
    label = "workcal"
    verbose_name = "工作日历"

    def ready(self) -> None:
        from django.core.signals import request_started

        from fazhi.workcal import (  # noqa: F401 - connects the model signals
            calendar,
            signals,
            todo,  # noqa: F401 - its 我的待办 items
        )

        request_started.connect(calendar.expire, dispatch_uid="workcal-expire")
