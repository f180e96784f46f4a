from __future__ import annotations

from django.apps import AppConfig


class ClocksConfig(AppConfig):
    name = "fazhi.clocks"
    label = "clocks"
    verbose_name = "法定期限"

    def ready(self) -> None:
        from fazhi.clocks import views  # noqa: F401 - registers the home-page panel
