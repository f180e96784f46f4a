"""The working-day calendar as data: one row per year (from the 国务院办公厅 notice) and one
row per dated exception (放假 rest day or 调休上班 makeup working day).

Only days of a *confirmed* year take part in counting; `fazhi.workcal.calendar` raises
`CalendarUnconfirmed` for a year without a confirmed row.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class CalendarYear(models.Model):
    """One year's national holiday schedule. The notice for year Y may also set late-December
    days of year Y-1 (元旦 block); those CalendarDay rows belong to year Y."""

    year = models.PositiveSmallIntegerField("年度", unique=True)
    confirmed = models.BooleanField("已确认", default=False)
    source_note = models.CharField(
        "依据", max_length=200, blank=True, help_text="如 国办发明电〔2024〕12号"
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="录入人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_at = models.DateTimeField("录入时间", null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="确认人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)
    # An edit to a confirmed year waits here, and the confirmed days stay in force, until a
    # second person confirms it (calendar.md §2): a mistaken edit must never silently switch
    # off every county's deadline alerts.
    pending_lines = models.TextField("待确认的修改", blank=True)
    pending_source_note = models.CharField("待确认修改的依据", max_length=200, blank=True)
    pending_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="修改人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pending_at = models.DateTimeField("修改时间", null=True, blank=True)

    # Saving only these changes nothing the calendar counts with.
    PENDING_FIELDS = ("pending_lines", "pending_source_note", "pending_by", "pending_at")

    class Meta:
        verbose_name = "日历年度"
        verbose_name_plural = "日历年度"
        ordering = ["-year"]

    @property
    def source_display(self) -> str:
        """The basis in words: a seeded year names its State Council notice, and says the days
        were taken from the chinese-calendar package."""
        from fazhi.workcal.seed import SOURCE_NOTE, seeded_source

        if self.source_note == SOURCE_NOTE:
            return f"{seeded_source(self.year)}；数据取自 {SOURCE_NOTE}"
        return self.source_note

    @property
    def seeded(self) -> bool:
        from fazhi.workcal.seed import SOURCE_NOTE

        return self.source_note == SOURCE_NOTE

    def __str__(self) -> str:
        return f"{self.year}年"


class DayKind(models.TextChoices):
    HOLIDAY = "holiday", "放假"
    WORKDAY = "workday", "调休上班"


class CalendarDay(models.Model):
    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=10, choices=DayKind)
    name = models.CharField("节日", max_length=60, help_text="春节、国庆节等；调休上班日填所属节日")
    calendar_year = models.ForeignKey(
        CalendarYear, verbose_name="所属年度", on_delete=models.CASCADE, related_name="days"
    )

    class Meta:
        verbose_name = "节假日调整"
        verbose_name_plural = "节假日调整"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date.isoformat()} {self.name}{self.get_kind_display()}"


def new_token() -> str:
    return uuid.uuid4().hex


class CalendarState(models.Model):
    """A single row whose `token` changes whenever any calendar row changes. Processes compare
    it with the token of their loaded copy. A random token (not a counter) so that a rolled-back
    edit can never be mistaken for a different edit with the same number."""

    token = models.CharField("版本", max_length=32, default=new_token)
    changed_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        verbose_name = "日历版本"
        verbose_name_plural = "日历版本"

    def __str__(self) -> str:
        return self.token[:8]
