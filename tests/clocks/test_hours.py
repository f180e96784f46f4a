"""Clocks in hours (Unit.HOUR): counted continuously from a moment, rest days and holidays
included, never rolled; shown with the time of day; stopped late by minutes is late."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from fazhi import clocks
from fazhi.clocks.engine import compute
from fazhi.clocks.models import Status
from fazhi.clocks.spec import ClockError, ClockSpec, Unit
from fazhi.org.models import User
from tests.testapp.models import Matter

SH = ZoneInfo("Asia/Shanghai")
FORWARD = ClockSpec(
    "forward", "转交申请", 24, Unit.HOUR, "法律援助法第三十九条（二十四小时内转交）"
)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=SH)


def test_engine_counts_hours_through_a_holiday_without_rolling() -> None:
    # 2024-09-30 18:30 + 24 h = 2024-10-01 18:30, inside the 国庆 holiday: no roll.
    due = compute(at("2024-09-30T18:30"), 24, Unit.HOUR, event="收到申请")
    assert due.due_at == at("2024-10-01T18:30")
    assert due.due_on == dt.date(2024, 10, 1)
    assert due.explanation == (
        "自2024年9月30日18时30分收到申请起24小时（连续计算，休息日、节假日不扣除），"
        "至2024年10月1日18时30分届满"
    )
    # An extension of 12 hours: 36 in all, into the next local day.
    assert compute(at("2025-03-03T15:00"), 24, Unit.HOUR, extension=12).due_at == at(
        "2025-03-05T03:00"
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": dt.date(2025, 3, 3)}, "须有起算时刻"),
        ({"pauses": [(dt.date(2025, 3, 3), None)]}, "不支持中止"),
    ],
)
def test_engine_refuses_a_day_start_and_pauses(kwargs: dict, message: str) -> None:  # type: ignore[type-arg]
    args = {"start": at("2025-03-03T09:00"), **kwargs}
    with pytest.raises(ClockError, match=message):
        compute(args.pop("start"), 24, Unit.HOUR, **args)


@pytest.fixture
def matter(officer: User) -> Matter:
    return Matter.objects.create(jurisdiction=officer.jurisdiction, department=officer.department)


def test_stored_hour_clock_met_late_and_overdue(matter: Matter, officer: User) -> None:
    with pytest.raises(ClockError, match="按小时计算，请填写起算时刻"):
        clocks.start(matter, FORWARD, on=dt.date(2025, 3, 3), by=officer)
    clock = clocks.start(
        matter, FORWARD, on=dt.date(2025, 3, 3), at=at("2025-03-03T15:20"), by=officer
    )
    assert clock.start_on == dt.date(2025, 3, 3) and clock.due_on == dt.date(2025, 3, 4)
    assert clock.due_at == at("2025-03-04T15:20")
    assert "至2025年3月4日15时20分届满" in clock.explanation
    assert clock.status_on(dt.date(2025, 3, 5)) == Status.OVERDUE
    clock = clocks.stop(
        matter, FORWARD, on=dt.date(2025, 3, 4), at=at("2025-03-04T15:50"), by=officer
    )
    assert clock.status == Status.LATE  # thirty minutes late on the due day
    clock.stopped_at = at("2025-03-04T15:10")
    assert clock.status == Status.MET
