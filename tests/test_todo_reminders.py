"""我的待办, the daily reminders (once per item and day, in the app and by e-mail), the leaders'
overdue-by-department panel, and the Chinese error pages."""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from fazhi import todo
from fazhi.casework.registry import get
from fazhi.org.models import Department, Jurisdiction, User
from fazhi.reminders import send, tasks
from fazhi.reminders.models import Reminder

LONG_AGO = dt.date(2024, 3, 4)


@pytest.fixture
def late_case(county: Jurisdiction, justice_bureau: Department, police: Department, officer: User):
    spec = get("reconsideration")
    case = spec.sample(county, justice_bureau, police, officer, LONG_AGO)
    case.handler = officer
    case.save()
    return case


def test_an_overdue_case_is_on_its_handlers_todo_with_days_overdue(
    late_case, officer: User, outsider: User
) -> None:
    today = timezone.localdate()
    items = todo.items_for(officer, today)
    mine = [i for i in items if i.key.startswith("clock:")]
    assert mine and all(i.kind == "overdue" for i in mine)
    first = mine[0]
    assert late_case.case_number in first.text and f"已逾期{first.days_overdue}日" in first.text
    assert first.days_overdue == (today - first.due_on).days > 600
    # another department's clerk: none of the case's clocks (its own report's deadlines, yes)
    assert [i for i in todo.items_for(outsider, today) if not i.key.startswith("report-")] == []
    client = Client()
    client.force_login(officer)
    home = client.get("/").content.decode()
    assert "我的待办" in home and first.text in home and f"逾期{first.days_overdue}日" in home


def test_reminders_are_sent_once_per_item_and_day_and_logged(
    late_case, officer: User, coordinator: User, outsider: User
) -> None:
    officer.email = "officer@example.gov.cn"
    officer.save()
    today = timezone.localdate()
    first = send.run(today)
    mine = Reminder.objects.filter(user=officer, day=today)
    assert first.reminders >= 1 and mine.count() >= 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["officer@example.gov.cn"]
    assert late_case.case_number in mail.outbox[0].body
    again = send.run(today)
    assert again.reminders == 0 and again.unchanged >= mine.count()
    assert len(mail.outbox) == 1  # never twice for the same item and day
    assert send.run(today + dt.timedelta(days=1)).reminders >= 1  # the next day, again

    client = Client()
    client.force_login(officer)
    page = client.get("/reminders/").content.decode()
    unread = Reminder.objects.filter(user=officer, read_at=None).count()
    assert f'id="bell-count">{unread}</span>' in page and late_case.case_number in page
    client.post("/reminders/read/")
    assert "bell-count" not in client.get("/reminders/").content.decode()

    client.force_login(coordinator)
    log = client.get("/reminders/log/", {"who": officer.username}).content.decode()
    assert late_case.case_number in log and "已发送" in log
    bad = client.get("/reminders/log/", {"day": "2026-13-01"}).content.decode()
    assert "日期格式不正确" in bad
    client.force_login(outsider)
    assert client.get("/reminders/log/").status_code == 404


def test_the_head_sees_extensions_waiting_and_leaders_see_overdue_by_department(
    late_case,
    county: Jurisdiction,
    justice_bureau: Department,
    police: Department,
    officer: User,
    head: User,
) -> None:
    from fazhi.clocks.models import OPEN_Q, Clock
    from fazhi.ledgers.reconsideration import workflow

    spec = get("reconsideration")
    today = timezone.localdate()
    near = spec.sample(county, justice_bureau, police, officer, today - dt.timedelta(days=62))
    workflow.accept(near, on=today - dt.timedelta(days=60), by=officer)  # due about today
    approvals = [i for i in todo.items_for(head, today) if i.kind == "approval"]
    assert any(
        near.case_number in i.text and i.text.endswith(("待批准延期", "待转为普通程序"))
        for i in approvals
    ), approvals
    assert not [i for i in todo.items_for(officer, today) if i.kind == "approval"]

    late = Clock.objects.filter(OPEN_Q, due_on__lt=today, department=justice_bureau).count()
    client = Client()
    client.force_login(head)
    home = client.get("/").content.decode()
    panel = home[home.index('id="overdue-by-department"') :]
    assert f"共 {late} 项" in panel and f"{justice_bureau.name}</a>" in panel


def test_error_pages_are_chinese_and_say_what_to_do(client, officer: User) -> None:
    client.force_login(officer)
    r = client.get("/reminders/read/")  # POST only
    assert r.status_code == 405 and "不支持这种访问方式" in r.content.decode()
    assert "请返回上一页，使用页面上的按钮办理" in r.content.decode()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(officer)
    r = strict.post("/reminders/read/")
    assert r.status_code == 403 and "页面已过期，请刷新后重试" in r.content.decode()
    assert "法治政府建设工作系统" in r.content.decode()  # in the site's layout
    r = client.get("/favicon.ico")
    assert r.status_code == 301 and r["Location"].endswith("favicon.svg")


SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_the_next_morning_is_half_past_seven_shanghai_today_or_tomorrow() -> None:
    at = dt.datetime(2026, 12, 7, 6, 0, tzinfo=SHANGHAI)
    assert tasks.next_morning(at) == dt.datetime(2026, 12, 7, 7, 30, tzinfo=SHANGHAI)
    for later in (dt.time(7, 30), dt.time(20, 0)):
        at = dt.datetime.combine(dt.date(2026, 12, 7), later, tzinfo=SHANGHAI)
        assert tasks.next_morning(at) == dt.datetime(2026, 12, 8, 7, 30, tzinfo=SHANGHAI)
    # 23:30 UTC on the 6th is 07:30 on the 7th in Shanghai: the run is due now, so the next is the 8th.
    utc = dt.datetime(2026, 12, 6, 23, 30, tzinfo=dt.UTC)
    assert tasks.next_morning(utc) == dt.datetime(2026, 12, 8, 7, 30, tzinfo=SHANGHAI)


def test_the_morning_run_reminds_and_queues_itself_once_for_the_worker(
    late_case, officer: User
) -> None:
    out = io.StringIO()
    call_command("morning", stdout=out)
    text = out.getvalue()
    assert "提醒：" in text and "下一次晨间任务：" in text
    assert Reminder.objects.filter(user=officer).exists()
    [waiting] = tasks.queued()
    assert waiting.run_after == tasks.next_morning(waiting.enqueued_at)
    again = io.StringIO()
    call_command("morning", stdout=again)  # a second start: no second chain
    assert "下一次晨间任务已在队列中" in again.getvalue()
    assert tasks.queued().count() == 1
    # The worker takes it (RUNNING, no longer waiting) and runs it: it queues the next one.
    waiting.claim(worker_id="test")
    result = tasks.morning.call()
    assert result["day"] == timezone.localdate().isoformat() and result["reminders"] == 0
    assert tasks.queued().count() == 1 and tasks.queued().get().pk != waiting.pk


@pytest.mark.django_db
def test_recover_tasks_queues_the_morning_again_when_the_chain_broke() -> None:
    assert not tasks.queued().exists()  # never started, or its worker died mid-run
    out = io.StringIO()
    call_command("recover_tasks", stdout=out)
    assert "重新排好晨间任务" in out.getvalue() and tasks.queued().count() == 1
    call_command("recover_tasks", stdout=io.StringIO())
    assert tasks.queued().count() == 1
