from __future__ import annotations

import datetime as dt

import pytest

from fazhi import clocks
from fazhi.audit import history_entries, transitions
from fazhi.clocks.models import Clock, ClockPause, State, Status
from fazhi.clocks.spec import ClockError
from fazhi.org.models import Department, User
from fazhi.workcal.models import CalendarDay, CalendarYear, DayKind
from tests.testapp.models import ACCEPT_REVIEW, DECISION, REPLY, SIMPLIFIED, Matter

D = dt.date


@pytest.fixture
def matter(justice_bureau: Department) -> Matter:
    return Matter.objects.create(
        title="张三诉某局复议案",
        jurisdiction=justice_bureau.jurisdiction,
        department=justice_bureau,
    )


def test_start_stores_due_scope_and_link(matter: Matter, officer: User) -> None:
    clock = clocks.start(matter, ACCEPT_REVIEW, on=D(2024, 9, 27), by=officer)
    assert clocks.due(matter, ACCEPT_REVIEW) == D(2024, 10, 10)
    assert (
        clock.department_id == matter.department_id
        and clock.jurisdiction_id == matter.jurisdiction_id
    )
    assert (
        clock.object_url == f"/testapp/matters/{matter.pk}/"
        and clock.object_label == "张三诉某局复议案"
    )
    assert clock.ledger == "testapp" and clock.ledger_label == "测试台账"
    assert "国庆节假期10月1日至7日不计" in clock.explanation
    assert clock.calendar_version
    assert transitions(clock) == ["clock_started"]
    assert clocks.get(matter, ACCEPT_REVIEW) == clock and clocks.clocks_for(matter) == [clock]


def test_not_started_clock_is_never_overdue(matter: Matter, officer: User) -> None:
    clock = clocks.start(matter, DECISION, on=None, by=officer)
    assert clock.due_on is None and clock.status_on(D(2030, 1, 1)) == Status.NOT_STARTED
    clocks.start(matter, DECISION, on=D(2024, 5, 6), by=officer)
    assert clocks.due(matter, DECISION) == D(2024, 7, 5)
    with pytest.raises(ClockError, match="已于2024年5月6日开始计算"):
        clocks.start(matter, DECISION, on=D(2024, 5, 7), by=officer)


def test_gold_pause_case_through_the_api(matter: Matter, officer: User) -> None:
    """recon-2023law-decision-suspended: 中止 5-20, 恢复 6-19 (counts) → 8-5."""
    clocks.start(matter, DECISION, on=D(2024, 5, 6), by=officer)
    paused = clocks.pause(matter, DECISION, on=D(2024, 5, 20), reason="和解，双方同意", by=officer)
    assert paused.due_on is None and paused.status_on(D(2024, 6, 1)) == Status.PAUSED
    assert "尚余47日" in paused.explanation
    clock = clocks.resume(matter, DECISION, on=D(2024, 6, 19), by=officer)
    assert clock.due_on == D(2024, 8, 5)
    assert list(ClockPause.objects.filter(clock=clock).values_list("from_on", "to_on")) == [
        (D(2024, 5, 20), D(2024, 6, 18))
    ]
    assert transitions(clock) == ["clock_started", "clock_paused", "clock_resumed"]


def test_gold_consultation_pause_includes_reply_day(matter: Matter, officer: User) -> None:
    """gov-info-reply-third-party-pause: letter 9-10, reply received 9-30 (excluded) → 10-25."""
    clocks.start(matter, REPLY, on=D(2024, 9, 2), by=officer)
    clocks.pause(matter, REPLY, on=D(2024, 9, 10), reason="书面征求第三方意见", by=officer)
    clock = clocks.resume(matter, REPLY, on=D(2024, 9, 30), include_on=True, by=officer)
    assert clock.due_on == D(2024, 10, 25)


def test_restart_extension_and_pause_gold_case(matter: Matter, officer: User, head: User) -> None:
    """gov-info-reply-restart-pause-and-extension → 2026-04-02."""
    clocks.start(matter, REPLY, on=D(2026, 1, 5), by=officer)
    clocks.restart(matter, REPLY, on=D(2026, 1, 12), by=officer)
    clocks.pause(matter, REPLY, on=D(2026, 1, 20), reason="征求其他机关意见", by=officer)
    clocks.resume(matter, REPLY, on=D(2026, 2, 7), by=officer)
    clock = clocks.extend(matter, REPLY, length=20, approved_by=head, on=D(2026, 2, 20), by=head)
    assert clock.due_on == D(2026, 4, 2)
    assert clock.extension_approved_by == "赵科长" and not clock.extension_late


def test_extension_caps_and_late_approval(matter: Matter, officer: User, head: User) -> None:
    clocks.start(matter, DECISION, on=D(2024, 7, 4), by=officer)
    with pytest.raises(ClockError, match="最多延长30日"):
        clocks.extend(matter, DECISION, length=31, approved_by=head, on=D(2024, 8, 1), by=head)
    clocks.start(matter, SIMPLIFIED, on=D(2024, 7, 4), by=officer)
    with pytest.raises(ClockError, match="依法不能延长"):
        clocks.extend(matter, SIMPLIFIED, length=5, approved_by=head, on=D(2024, 7, 10), by=head)
    late = clocks.extend(matter, DECISION, length=30, approved_by=head, on=D(2024, 9, 10), by=head)
    assert late.due_on == D(2024, 10, 8) and late.extension_late
    assert "延长于原届满日后" in late.explanation
    assert Clock.objects.get(pk=late.pk).extension_length == 30


def test_bad_transitions_save_nothing(matter: Matter, officer: User) -> None:
    clocks.start(matter, DECISION, on=D(2024, 5, 6), by=officer)
    before = Clock.history.count()
    with pytest.raises(ClockError, match="办结日期（2024年5月1日）早于起算日期"):
        clocks.stop(matter, DECISION, on=D(2024, 5, 1), by=officer)
    with pytest.raises(ClockError, match="依法不能中止"):
        clocks.pause(matter, ACCEPT_REVIEW, on=D(2024, 5, 8), reason="x", by=officer)
    clocks.pause(matter, DECISION, on=D(2024, 5, 20), reason="中止", by=officer)
    with pytest.raises(ClockError, match="恢复日期（2024年5月10日）早于中止日期"):
        clocks.resume(matter, DECISION, on=D(2024, 5, 10), by=officer)
    with pytest.raises(ClockError, match="尚未开始计算"):
        clocks.stop(matter, REPLY, on=D(2024, 5, 1), by=officer)
    assert Clock.history.count() == before + 1  # only the successful pause
    assert Clock.objects.get(name="decision").state == State.PAUSED


def test_stop_keeps_due_and_status(matter: Matter, officer: User) -> None:
    clocks.start(matter, ACCEPT_REVIEW, on=D(2024, 9, 27), by=officer)
    clock = clocks.stop(matter, ACCEPT_REVIEW, on=D(2024, 10, 11), by=officer)
    assert clock.due_on == D(2024, 10, 10) and clock.status == Status.LATE
    with pytest.raises(ClockError, match="已于2024年10月11日停止计算"):
        clocks.stop(matter, ACCEPT_REVIEW, on=D(2024, 10, 12), by=officer)


def test_into_2027_is_flagged(matter: Matter, officer: User) -> None:
    clock = clocks.start(matter, REPLY, on=D(2026, 12, 10), by=officer)
    assert clock.due_on is None and clock.flag == "calendar_unconfirmed" and clock.flag_year == 2027
    assert clock.flag_text == "2027年日历未确认"
    assert clock.status_on(D(2027, 3, 1)) == Status.UNCONFIRMED


def test_calendar_edit_recomputes_open_clocks_only(
    matter: Matter, officer: User, justice_bureau: Department, django_capture_on_commit_callbacks
) -> None:
    other = Matter.objects.create(
        title="已办结案", jurisdiction=matter.jurisdiction, department=justice_bureau
    )
    clocks.start(matter, ACCEPT_REVIEW, on=D(2025, 3, 3), by=officer)  # due 3-10
    clocks.start(other, ACCEPT_REVIEW, on=D(2025, 3, 3), by=officer)
    clocks.stop(other, ACCEPT_REVIEW, on=D(2025, 3, 5), by=officer)
    assert clocks.due(matter, ACCEPT_REVIEW) == D(2025, 3, 10)
    with django_capture_on_commit_callbacks(execute=True):
        CalendarDay.objects.create(
            date=D(2025, 3, 6),
            kind=DayKind.HOLIDAY,
            name="测试假日",
            calendar_year=CalendarYear.objects.get(year=2025),
        )
    clock = clocks.get(matter, ACCEPT_REVIEW)
    assert clock is not None and clock.due_on == D(2025, 3, 11)
    assert "测试假日假期3月6日不计" in clock.explanation
    entry = history_entries(clock)[0]
    assert entry.event == "recomputed"
    assert entry.note == "日历调整：届满日由2025年3月10日改为2025年3月11日"
    assert clocks.due(other, ACCEPT_REVIEW) == D(2025, 3, 10)  # closed: unchanged
    assert transitions(clocks.get(other, ACCEPT_REVIEW)) == ["clock_started", "clock_stopped"]


def test_confirming_2027_clears_the_flag(
    matter: Matter, officer: User, django_capture_on_commit_callbacks
) -> None:
    clocks.start(matter, REPLY, on=D(2026, 12, 10), by=officer)
    with django_capture_on_commit_callbacks(execute=True):
        year = CalendarYear.objects.create(year=2027, confirmed=True, source_note="测试")
        CalendarDay.objects.create(
            date=D(2027, 1, 1), kind=DayKind.HOLIDAY, name="元旦", calendar_year=year
        )
    clock = clocks.get(matter, REPLY)
    assert clock is not None and clock.flag == "" and clock.due_on == D(2027, 1, 8)
    assert history_entries(clock)[0].note == "日历调整：届满日由“日历未确认”改为2027年1月8日"
