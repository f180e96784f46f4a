from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fazhi.workcal import calendar as wc
from fazhi.workcal.calendar import CalendarUnconfirmed
from fazhi.workcal.models import CalendarDay, CalendarYear, DayKind

D = dt.date
pytestmark = pytest.mark.django_db
DAYS_2004_2026 = st.dates(min_value=D(2004, 1, 1), max_value=D(2026, 9, 15))
HYP = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def test_seeded_years_are_confirmed_from_the_package() -> None:
    years = CalendarYear.objects.filter(confirmed=True)
    assert sorted(years.values_list("year", flat=True)) == list(range(2004, 2027))
    assert set(years.values_list("source_note", flat=True)) == {"chinese-calendar 1.11.0"}
    assert CalendarDay.objects.get(date=D(2026, 2, 28)).kind == DayKind.WORKDAY
    assert CalendarDay.objects.get(date=D(2024, 10, 1)).name == "国庆节"
    # late-December 元旦 days belong to next year's notice
    assert CalendarDay.objects.get(date=D(2023, 12, 30)).calendar_year.year == 2024


def test_spot_checks_from_calendar_md() -> None:
    assert wc.is_workday(D(2026, 10, 1)) is False
    assert wc.is_workday(D(2026, 2, 28)) is True  # 补班 Saturday
    assert wc.is_workday(D(2026, 12, 31)) is True
    assert wc.add_working_days(D(2024, 9, 27), 5) == D(2024, 10, 10)
    assert wc.next_workday(D(2024, 10, 1)) == D(2024, 10, 8)
    assert wc.next_workday(D(2024, 10, 8)) == D(2024, 10, 8)
    assert wc.add_working_days(D(2024, 9, 27), 0) == D(2024, 9, 27)


def test_2027_is_unconfirmed_with_chinese_message() -> None:
    with pytest.raises(CalendarUnconfirmed) as exc:
        wc.is_workday(D(2027, 1, 4))
    assert str(exc.value) == "2027年日历未确认" and exc.value.year == 2027
    with pytest.raises(CalendarUnconfirmed, match="2027年日历未确认"):
        wc.add_working_days(D(2026, 12, 20), 20)
    with pytest.raises(CalendarUnconfirmed, match="2027年日历未确认"):
        wc.next_workday(D(2027, 1, 1))
    with pytest.raises(CalendarUnconfirmed, match="2003年日历未确认"):
        wc.is_workday(D(2003, 6, 1))


def test_negative_days_refused() -> None:
    with pytest.raises(ValueError, match="工作日数不能为负数"):
        wc.add_working_days(D(2024, 1, 2), -1)


@HYP
@given(start=DAYS_2004_2026, n=st.integers(min_value=1, max_value=60))
def test_adding_lands_on_a_working_day_and_matches_the_package(start: dt.date, n: int) -> None:
    end = wc.add_working_days(start, n)
    assert end > start
    assert wc.is_workday(end)
    assert wc.working_days_between(start + dt.timedelta(days=1), end) == n
    assert end == chinese_calendar.find_workday(n - 1, start + dt.timedelta(days=1))


@HYP
@given(
    start=st.dates(min_value=D(2004, 1, 1), max_value=D(2026, 8, 31)),
    n=st.integers(min_value=1, max_value=59),
    later=st.integers(min_value=0, max_value=30),
)
def test_adding_is_monotonic(start: dt.date, n: int, later: int) -> None:
    a = wc.add_working_days(start, n)
    assert wc.add_working_days(start, n + 1) > a
    assert wc.add_working_days(start + dt.timedelta(days=later), n) >= a


@HYP
@given(day=DAYS_2004_2026)
def test_is_workday_matches_the_package(day: dt.date) -> None:
    assert wc.is_workday(day) == chinese_calendar.is_workday(day)
    nxt = wc.next_workday(day)
    assert nxt >= day and wc.is_workday(nxt)


def test_unconfirming_a_year_makes_it_raise() -> None:
    year = CalendarYear.objects.get(year=2025)
    year.confirmed = False
    year.save()
    with pytest.raises(CalendarUnconfirmed, match="2025年日历未确认"):
        wc.is_workday(D(2025, 6, 3))
    # counting across a gap year raises for the gap, not silently skipping it
    with pytest.raises(CalendarUnconfirmed, match="2025年日历未确认"):
        wc.add_working_days(D(2024, 12, 20), 30)
    assert wc.is_workday(D(2026, 6, 3)) is True


def test_edit_is_seen_at_once_and_version_changes() -> None:
    before = wc.calendar_version()
    assert wc.is_workday(D(2025, 3, 3)) is True
    CalendarDay.objects.create(
        date=D(2025, 3, 3),
        kind=DayKind.HOLIDAY,
        name="测试假日",
        calendar_year=CalendarYear.objects.get(year=2025),
    )
    assert wc.is_workday(D(2025, 3, 3)) is False
    assert wc.calendar_version() != before


def test_other_process_edit_seen_after_expire() -> None:
    """Simulate another process: change the DB token behind this process's back."""
    from fazhi.workcal.models import CalendarState

    assert wc.is_workday(D(2025, 3, 4)) is True
    day = CalendarDay(
        date=D(2025, 3, 4),
        kind=DayKind.HOLIDAY,
        name="测试",
        calendar_year_id=CalendarYear.objects.get(year=2025).pk,
    )
    CalendarDay.objects.bulk_create([day])  # no signal: this process is not told
    CalendarState.objects.filter(pk=1).update(token="other-process")
    assert wc.is_workday(D(2025, 3, 4)) is True  # still the cached copy
    wc.expire()  # what request_started does
    assert wc.is_workday(D(2025, 3, 4)) is False
