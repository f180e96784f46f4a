"""Seed 2004–2026 from the `chinese-calendar` package (1.11.0). Used by the data migration and by
`manage.py seed_calendar`; the rest of the application never imports the package."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

SOURCE_NOTE = "chinese-calendar 1.11.0"
PACKAGE_YEARS = range(2004, 2027)

NAME_ZH_FALLBACK = {"Anti-Fascist 70th Day": "抗战胜利70周年纪念日"}

# The State Council notices behind the package's years, where the number is known (../shared/spec
# calendar.md); other years show the notice without its number.
NOTICES = {
    2023: "国办发明电〔2022〕16号",
    2024: "国办发明电〔2023〕7号",
    2025: "国办发明电〔2024〕12号",
    2026: "国办发明电〔2025〕7号（文号待核实）",
}


def seeded_source(year: int) -> str:
    """What a seeded year rests on, in words: the notice (and its number where known)."""
    number = NOTICES.get(year)
    notice = f"国务院办公厅关于{year}年部分节假日安排的通知"
    return f"{notice}（{number}）" if number else f"{notice}（文号未录入）"


def _zh(english: str) -> str:
    from chinese_calendar.constants import Holiday

    for h in Holiday:
        if h.value == english:
            return str(NAME_ZH_FALLBACK.get(english, h.chinese))
    return english


def notice_year(day: dt.date, name: str) -> int:
    """The year whose notice sets `day`: late-December 元旦 days belong to next year's notice
    (e.g. 2023-12-30 rest day and 2018-12-29 makeup Saturday)."""
    if day.month == 12 and name == "元旦":
        return day.year + 1
    return day.year


def package_rows(years: Iterable[int] = PACKAGE_YEARS) -> list[tuple[dt.date, str, str, int]]:
    """(date, kind, Chinese name, notice year) for every exception in the package."""
    from chinese_calendar.constants import holidays, workdays

    wanted = set(years)
    rows = []
    for table, kind in ((holidays, "holiday"), (workdays, "workday")):
        for day, english in table.items():
            name = _zh(english)
            year = notice_year(day, name)
            if year in wanted:
                rows.append((day, kind, name, year))
    rows.sort()
    return rows


def seed_from_package(
    year_model: Any,
    day_model: Any,
    state_model: Any,
    years: Iterable[int] = PACKAGE_YEARS,
    *,
    replace: bool = False,
) -> list[int]:
    """Create the seeded years that are missing (or all of them with `replace`). Works with real
    or historical (migration) models, so it uses only bulk operations and bumps the calendar
    version itself. Returns the years written."""
    from django.utils import timezone

    years = list(years)
    existing = set(year_model.objects.filter(year__in=years).values_list("year", flat=True))
    todo = [y for y in years if replace or y not in existing]
    if not todo:
        return []
    now = timezone.now()
    if replace:
        day_model.objects.filter(calendar_year__year__in=todo).delete()
        year_model.objects.filter(year__in=todo).delete()
    year_objs = {
        y: year_model.objects.create(
            year=y, confirmed=True, source_note=SOURCE_NOTE, confirmed_at=now, entered_at=now
        )
        for y in todo
    }
    day_model.objects.bulk_create(
        [
            day_model(date=d, kind=k, name=n, calendar_year=year_objs[y])
            for d, k, n, y in package_rows(todo)
        ]
    )
    import uuid

    state, _ = state_model.objects.get_or_create(pk=1)
    state.token = uuid.uuid4().hex
    state.save()
    return todo
