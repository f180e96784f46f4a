"""`fazhi.clocks.signals.due_changed`: sent when a clock's due date or calendar flag changes,
by the API and by the recompute after a calendar edit; never when nothing moved."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from fazhi import clocks
from fazhi.clocks.models import Clock
from fazhi.clocks.signals import due_changed
from fazhi.clocks.spec import ClockError, ClockSpec, Unit
from fazhi.org.models import Department, User
from fazhi.workcal.models import CalendarDay, CalendarYear, DayKind
from tests.testapp.models import ACCEPT_REVIEW, SIMPLIFIED, Matter

D = dt.date
pytestmark = pytest.mark.django_db

CORRECTION = ClockSpec(
    "correction_response",
    "申请人补正",
    10,
    Unit.WORKING_DAY,
    "行政复议法第三十一条第二款",
    extension_uncapped=True,
)


@pytest.fixture
def matter(justice_bureau: Department) -> Matter:
    return Matter.objects.create(
        title="信号测试", jurisdiction=justice_bureau.jurisdiction, department=justice_bureau
    )


@pytest.fixture
def sent() -> Iterator[list[dict[str, Any]]]:
    calls: list[dict[str, Any]] = []

    def listener(sender: Any, **kwargs: Any) -> None:
        calls.append({"sender": sender, **kwargs})

    due_changed.connect(listener, dispatch_uid="test_listener")
    yield calls
    due_changed.disconnect(dispatch_uid="test_listener")


def test_start_and_extend_send_stop_does_not(
    matter: Matter, officer: User, sent: list[dict[str, Any]]
) -> None:
    spec = ClockSpec("d", "决定", 60, Unit.CALENDAR_DAY, "测试", max_extension=30)
    clocks.start(matter, spec, on=D(2025, 3, 5), by=officer)
    assert [(c["event"], c["old_due"], c["new_due"]) for c in sent] == [
        ("clock_started", None, D(2025, 5, 6))
    ]
    assert sent[0]["sender"] is Clock and sent[0]["clock"].name == "d"
    clocks.extend(matter, spec, length=10, approved_by="赵科长", on=D(2025, 4, 1), by=officer)
    assert (sent[-1]["event"], sent[-1]["old_due"], sent[-1]["new_due"]) == (
        "clock_extended",
        D(2025, 5, 6),
        D(2025, 5, 14),
    )
    n = len(sent)
    clocks.stop(matter, spec, on=D(2025, 5, 1), by=officer)  # due unchanged: nothing sent
    assert len(sent) == n


def test_recompute_sends_with_event_recomputed(
    matter: Matter, officer: User, sent: list[dict[str, Any]], django_capture_on_commit_callbacks
) -> None:
    clocks.start(matter, ACCEPT_REVIEW, on=D(2025, 3, 3), by=officer)  # due 3-10
    sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        CalendarDay.objects.create(
            date=D(2025, 3, 6),
            kind=DayKind.HOLIDAY,
            name="测试假日",
            calendar_year=CalendarYear.objects.get(year=2025),
        )
    assert [(c["event"], c["old_due"], c["new_due"]) for c in sent] == [
        ("recomputed", D(2025, 3, 10), D(2025, 3, 11))
    ]


def test_flag_change_is_sent(matter: Matter, officer: User, sent: list[dict[str, Any]]) -> None:
    clocks.start(matter, SIMPLIFIED, on=D(2026, 12, 10), by=officer)
    assert sent[0]["new_due"] is None and sent[0]["new_flag"] == "calendar_unconfirmed"
    assert sent[0]["clock"].flag_year == 2027


def test_uncapped_extension(matter: Matter, officer: User) -> None:
    clocks.start(matter, CORRECTION, on=D(2025, 3, 3), by=officer)  # 10 wd → 3-17
    assert clocks.due(matter, CORRECTION) == D(2025, 3, 17)
    clocks.extend(
        matter, CORRECTION, length=30, approved_by="复议机构", on=D(2025, 3, 14), by=officer
    )
    clocks.extend(
        matter, CORRECTION, length=20, approved_by="复议机构", on=D(2025, 4, 1), by=officer
    )
    clock = clocks.get(matter, CORRECTION)
    assert clock is not None and clock.extension_length == 50
    assert clock.due_on == D(2025, 5, 29)  # 60 working days after 3 March
    with pytest.raises(ClockError, match="依法不能延长"):
        clocks.extend(matter, SIMPLIFIED, length=1, approved_by="x", on=D(2025, 3, 4), by=officer)
