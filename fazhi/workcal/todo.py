"""我的待办 for administrators: a year's working-day calendar entered by another administrator
and not yet confirmed (the second pair of eyes the calendar requires)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from fazhi import todo
from fazhi.org.models import Role
from fazhi.workcal.models import CalendarYear


@todo.register
def calendar_items(user: Any, today: dt.date) -> list[todo.Item]:
    if not (user.is_superuser or user.role == Role.ADMIN):
        return []
    years = CalendarYear.objects.filter(
        confirmed=False, year__gte=today.year, entered_by__isnull=False
    ).exclude(entered_by=user)
    return [
        todo.Item(
            f"calendar:{y.year}",
            "calendar",
            f"待确认：{y.year}年工作日历"
            + (f"（{y.entered_by.get_full_name() or y.entered_by}录入）" if y.entered_by else ""),
            reverse("workcal:years"),
        )
        for y in years.select_related("entered_by")
    ]
