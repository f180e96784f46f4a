from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class ClocksConfig(AppConfig):
    name = "fazhi.clocks"
    label = "clocks"
    verbose_name = "法定期限"

    def ready(self) -> None:
        from fazhi.clocks import views  # noqa: F401 - registers the home-page panel
        from fazhi.workcal.signals import calendar_edited

        calendar_edited.connect(_recompute, dispatch_uid="clocks_recompute_on_calendar_edit")


def _recompute(sender: Any, years: list[int], **kwargs: Any) -> None:
    """A calendar edit moves the due dates of every open clock in the years it touched."""
    from fazhi.clocks import recompute_open

    recompute_open(years)
