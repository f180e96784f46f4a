"""The demo county can be tried end to end by a newcomer: two administrators, so a new calendar
year entered by one can be confirmed by the other (the calendar refuses self-confirmation)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from fazhi.org import demo
from fazhi.workcal.models import CalendarYear

pytestmark = pytest.mark.django_db
NOTICE_2031 = "元旦 2031-01-01 至 2031-01-01\n国庆节 2031-10-01 至 2031-10-07 补班 2031-09-28"


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=demo.DEMO_PASSWORD)
    return client


def test_demo_has_two_administrators_who_enter_and_confirm_a_year() -> None:
    demo.build_org()
    assert {u for u, _ in demo.LOGINS} >= {"admin", "admin2"}
    first, second = _client("admin"), _client("admin2")
    entered = first.post(
        reverse("workcal:new"), {"year": 2031, "source_note": "国办发明电", "lines": NOTICE_2031}
    )
    assert entered.status_code == 302
    own = first.post(reverse("workcal:confirm", args=[2031]), follow=True)
    assert "须由录入人以外的人员核对确认" in own.content.decode()
    assert CalendarYear.objects.get(year=2031).confirmed is False
    second.post(reverse("workcal:confirm", args=[2031]))
    year = CalendarYear.objects.get(year=2031)
    assert year.confirmed and year.confirmed_by.username == "admin2"
    assert year.entered_by.username == "admin"
