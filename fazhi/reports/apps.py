"""年度报告: the 法治政府建设年度报告 drafted from the ledgers, reconciled, rendered as a 公文."""

from __future__ import annotations

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "fazhi.reports"
    label = "reports"
    verbose_name = "年度报告"

    def ready(self) -> None:
        from fazhi.reports import (
            panels,  # noqa: F401 - registers the dashboard panel
            todo,  # noqa: F401 - its 我的待办 items
        )
