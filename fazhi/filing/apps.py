from __future__ import annotations

from django.apps import AppConfig


class FilingConfig(AppConfig):
    name = "fazhi.filing"
    verbose_name = "填报"

    def ready(self) -> None:
        from fazhi.filing import (
            figures,  # noqa: F401  (registers the 填报 supplement)
            todo,  # noqa: F401  (我的待办: rounds to fill, values to review)
        )
