from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from fazhi import clocks
from fazhi.org.models import Department, Role, User
from fazhi.workcal import calendar as wc
from fazhi.workcal.calendar import CalendarUnconfirmed
from fazhi.workcal.entry import EntryError, confirm, parse, save_entry
from fazhi.workcal.models import CalendarDay, CalendarYear
from tests.conftest import make_user
from tests.testapp.models import REPLY, Matter

D = dt.date
pytestmark = pytest.mark.django_db
NOTICE_2027 = (
    "元旦 2027-01-01 至 2027-01-03\n春节 2027-02-06 至 2027-02-12 补班 2027-01-31 2027-02-20"
)


@pytest.fixture
def admin_user(county) -> User:  # type: ignore[no-untyped-def]
    return make_user("sysadmin", Role.ADMIN, county, None, full_name="管理员")


def test_parse_reports_every_problem_in_chinese() -> None:
    text = "春节 2027-02-06 至 2027-02-04\n国庆节 2027-10-01 至 2027-10-07 补班 2027-10-11\n元旦 2027-13-01\n2027-05-01\n劳动节 2027-05-01 至 2027-05-05\n端午 2027-05-05"
    with pytest.raises(EntryError) as exc:
        parse(2027, text)
    problems = exc.value.problems
    assert "第1行：结束日期2027年2月4日早于起始日期2027年2月6日" in problems
    assert "第2行：调休上班日2027年10月11日是周一，只能是周六或周日" in problems
    assert "第3行：无法识别日期“2027-13-01”" in problems
    assert any(p.startswith("第4行：请先写节日名称") for p in problems)
    assert "第6行：2027年5月5日重复填写（第5行已填）" in problems


def test_parse_refuses_date_owned_by_another_year() -> None:
    with pytest.raises(EntryError, match="第1行：2023年12月30日已登记在2024年日历中"):
        parse(2023, "元旦 2023-12-30")  # set by the 2024 notice
    with pytest.raises(EntryError, match="不在2027年（或上一年12月）范围内"):
        parse(2027, "元旦 2026-01-01")


def test_entry_then_confirm_by_second_person(admin_user: User, coordinator: User) -> None:
    cal = save_entry(2027, source_note="国办发明电〔2026〕1号", text=NOTICE_2027, by=coordinator)
    assert not cal.confirmed and CalendarDay.objects.filter(calendar_year=cal).count() == 3 + 7 + 2
    with pytest.raises(CalendarUnconfirmed):
        wc.is_workday(D(2027, 1, 4))
    with pytest.raises(EntryError, match="须由录入人以外的人员核对确认"):
        confirm(2027, by=coordinator)
    confirm(2027, by=admin_user)
    assert wc.is_workday(D(2027, 1, 31)) is True  # 补班 Sunday
    assert wc.is_workday(D(2027, 2, 8)) is False
    assert wc.add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)


def test_bad_entry_saves_nothing(coordinator: User) -> None:
    with pytest.raises(EntryError):
        save_entry(
            2027,
            source_note="x",
            text=NOTICE_2027 + "\n劳动节 2027-05-03 补班 2027-05-06",
            by=coordinator,
        )
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_an_edit_to_a_confirmed_year_waits_for_a_second_person(
    coordinator: User,
    admin_user: User,
    justice_bureau: Department,
    officer: User,
    django_capture_on_commit_callbacks,
) -> None:
    matter = Matter.objects.create(
        title="申请公开", jurisdiction=justice_bureau.jurisdiction, department=justice_bureau
    )
    clocks.start(matter, REPLY, on=D(2026, 9, 1), by=officer)
    assert clocks.due(matter, REPLY) == D(2026, 9, 29)
    days_before = CalendarDay.objects.filter(calendar_year__year=2026).count()
    with django_capture_on_commit_callbacks(execute=True):
        cal = save_entry(
            2026,
            source_note="更正",
            text="国庆节 2026-10-01 至 2026-10-07\n教师节 2026-09-10",
            by=coordinator,
        )
    # Not re-confirmed: nothing changes, the confirmed days stay in force.
    assert cal.confirmed and cal.pending_lines.startswith("国庆节")
    assert CalendarDay.objects.filter(calendar_year__year=2026).count() == days_before
    assert clocks.due(matter, REPLY) == D(2026, 9, 29)
    with pytest.raises(EntryError, match="须由修改人以外的人员核对确认"):
        confirm(2026, by=coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        confirm(2026, by=admin_user)
    cal.refresh_from_db()
    assert cal.confirmed and cal.pending_lines == "" and cal.source_note == "更正"
    assert clocks.due(matter, REPLY) == D(2026, 9, 30)  # 9-10 is now a rest day


def test_only_administrators_enter_and_confirm(
    client: Client, coordinator: User, admin_user: User, officer: User, county
) -> None:
    client.force_login(officer)
    assert client.get(reverse("workcal:years")).status_code == 404
    # Coordinators read the list but cannot change national data.
    client.force_login(coordinator)
    page = client.get(reverse("workcal:years")).content.decode()
    assert "2026年" in page and "chinese-calendar 1.11.0" in page and "录入新年度" not in page
    for name, args in (("workcal:new", []), ("workcal:edit", [2026]), ("workcal:confirm", [2025])):
        assert client.post(reverse(name, args=args), {"year": 2026}).status_code == 404
    assert CalendarYear.objects.get(year=2026).confirmed is True
    second_admin = User.objects.create_user(
        "admin2", password="pw-123456", role=Role.ADMIN, jurisdiction=county
    )
    client.force_login(admin_user)
    resp = client.post(
        reverse("workcal:new"),
        {"year": 2027, "source_note": "通知", "lines": "春节 2027-02-06 补班 2027-02-08"},
    )
    assert (
        resp.status_code == 200
        and "调休上班日2027年2月8日是周一，只能是周六或周日" in resp.content.decode()
    )
    assert not CalendarYear.objects.filter(year=2027).exists()
    resp = client.post(
        reverse("workcal:new"), {"year": 2027, "source_note": "通知", "lines": NOTICE_2027}
    )
    assert resp.status_code == 302
    client.post(reverse("workcal:confirm", args=[2027]))
    assert CalendarYear.objects.get(year=2027).confirmed is False  # same person
    client.force_login(second_admin)
    client.post(reverse("workcal:confirm", args=[2027]))
    assert CalendarYear.objects.get(year=2027).confirmed is True
    edit = client.get(reverse("workcal:edit", args=[2027])).content.decode()
    assert "春节 2027-02-06 至 2027-02-12 补班 2027-01-31 2027-02-20" in edit


def test_a_draft_edit_does_not_invalidate_the_calendar(coordinator: User) -> None:
    from fazhi.workcal.entry import discard_pending
    from fazhi.workcal.models import CalendarState

    def token() -> str | None:
        state = CalendarState.objects.filter(pk=1).first()
        return state.token if state else None

    before = token()
    save_entry(2026, source_note="更正", text="国庆节 2026-10-01 至 2026-10-07", by=coordinator)
    assert CalendarYear.objects.get(year=2026).pending_lines
    discard_pending(2026)
    assert token() == before


def test_a_holiday_named_with_two_festivals_is_one_holiday() -> None:
    rows = parse(2025, "中秋节、国庆节 2025-10-01 至 2025-10-08 补班 2025-09-28 2025-10-11")
    holidays = [r for r in rows if r.kind == "holiday"]
    assert len(holidays) == 8 and {r.name for r in rows} == {"中秋节、国庆节"}
    assert [r.date.isoformat() for r in rows if r.kind == "workday"] == ["2025-09-28", "2025-10-11"]


def test_years_are_listed_newest_first_with_their_notice(client, admin_user) -> None:  # type: ignore[no-untyped-def]
    from fazhi.workcal.seed import SOURCE_NOTE

    for year in (2024, 2025):
        CalendarYear.objects.get_or_create(
            year=year, defaults={"confirmed": True, "source_note": SOURCE_NOTE}
        )
    client.force_login(admin_user)
    html = client.get("/workcal/").content.decode()
    assert html.index("<td>2025年</td>") < html.index("<td>2024年</td>")
    assert "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）" in html
    assert "系统初始化时确认" in html
