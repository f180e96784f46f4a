"""Advance-notice clocks: count back from the event day (not counted); a rest day moves the
latest notice day earlier, never later."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi import clocks
from fazhi.clocks.engine import FLAG_UNCONFIRMED, compute
from fazhi.clocks.models import Status
from fazhi.clocks.spec import ClockError, ClockSpec, Unit
from fazhi.org.models import Department, User
from tests.testapp.models import Matter

D = dt.date
pytestmark = pytest.mark.django_db

NOTICE = ClockSpec(
    "hearing_notice",
    "听证通知",
    5,
    Unit.WORKING_DAY,
    "测试",
    kind="advance_notice",
    event_label="听证",
)


def advance(event: dt.date, n: int, unit: str = Unit.WORKING_DAY):  # noqa: ANN201
    return compute(event, n, unit, kind="advance_notice", event="听证")


def test_working_days_counted_back_event_day_not_counted() -> None:
    due = advance(D(2025, 3, 17), 5)  # Monday
    assert due.due_on == D(2025, 3, 10)
    assert due.explanation == (
        "听证日为2025年3月17日，须提前5个工作日（听证当日不计），最迟应于2025年3月10日发出通知"
    )


def test_working_days_skip_holidays_and_count_makeup_days() -> None:
    # 2025: 国庆 10-1..10-8 off, Sunday 9-28 is a 调休 working day.
    due = advance(D(2025, 10, 9), 5)
    assert due.due_on == D(2025, 9, 25)
    assert "国庆节" in due.explanation and "10月1日至8日不计" in due.explanation


def test_calendar_days_rest_day_moves_earlier() -> None:
    assert advance(D(2025, 3, 17), 3, Unit.CALENDAR_DAY).due_on == D(2025, 3, 14)
    due = advance(D(2025, 3, 17), 2, Unit.CALENDAR_DAY)  # 3-15 is a Saturday
    assert due.due_on == D(2025, 3, 14)
    assert "提前至2025年3月14日（周五）发出通知" in due.explanation


def test_unconfirmed_year_is_flagged() -> None:
    due = advance(D(2027, 1, 8), 5)
    assert due.due_on is None and due.flag == FLAG_UNCONFIRMED and due.flag_year == 2027


def test_no_pause_or_extension() -> None:
    with pytest.raises(ClockError, match="不能中止或延长"):
        compute(D(2025, 3, 17), 5, Unit.WORKING_DAY, kind="advance_notice", extension=1)
    with pytest.raises(ClockError, match="不能中止或延长"):
        ClockSpec("x", "x", 5, Unit.WORKING_DAY, "x", kind="advance_notice", pausable=True)


def test_api_start_move_and_notice(justice_bureau: Department, officer: User) -> None:
    m = Matter.objects.create(
        title="听证案", jurisdiction=justice_bureau.jurisdiction, department=justice_bureau
    )
    clock = clocks.start(m, NOTICE, on=D(2025, 3, 24), by=officer)
    assert clock.kind == "advance_notice" and clock.due_on == D(2025, 3, 17)
    assert clock.status_on(D(2025, 3, 18)) == Status.OVERDUE
    clock = clocks.restart(m, NOTICE, on=D(2025, 3, 21), by=officer)  # hearing moved earlier
    assert clock.due_on == D(2025, 3, 14)
    clock = clocks.stop(m, NOTICE, on=D(2025, 3, 12), by=officer)  # notice sent before
    assert clock.status_on(D(2025, 4, 1)) == Status.MET
