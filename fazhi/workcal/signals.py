"""Calendar edits: bump the version token, drop this process's copy, and after commit announce
the affected years (`calendar_edited`), on which the clocks app recomputes its open clocks.
workcal sits below clocks and never imports it."""

from __future__ import annotations

import threading
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from fazhi.workcal import calendar
from fazhi.workcal.models import CalendarDay, CalendarState, CalendarYear, new_token

_pending = threading.local()
# Sent after the commit of a calendar edit, with `years` (sorted list of the years it touched).
calendar_edited = Signal()


def bump_token() -> str:
    token = new_token()
    n = CalendarState.objects.filter(pk=1).update(token=token)
    if not n:
        CalendarState.objects.create(pk=1, token=token)
    calendar.invalidate()
    return token


def _run_recompute() -> None:
    years: set[int] = getattr(_pending, "years", set())
    _pending.years = set()
    calendar.invalidate()
    if years:
        calendar_edited.send(sender=CalendarDay, years=sorted(years))


def calendar_changed(years: set[int]) -> None:
    """Record that these years changed; the recompute runs once the transaction commits. Each
    call registers a callback; the first to run takes every pending year, later ones find none.
    (A rolled-back transaction leaves its years pending: the next commit recomputes them too,
    which is harmless.)"""
    bump_token()
    pending: set[int] = getattr(_pending, "years", set())
    _pending.years = pending | set(years)
    transaction.on_commit(_run_recompute)


@receiver([post_save, post_delete], sender=CalendarDay)
def _day_changed(sender: Any, instance: CalendarDay, **kwargs: Any) -> None:
    calendar_changed({instance.date.year})


@receiver([post_save, post_delete], sender=CalendarYear)
def _year_changed(sender: Any, instance: CalendarYear, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= set(CalendarYear.PENDING_FIELDS):
        return  # a draft edit, saved or withdrawn: the confirmed days are unchanged
    # the notice for Y also sets late-December days of Y-1
    calendar_changed({instance.year, instance.year - 1})
