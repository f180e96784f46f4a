"""填报 on 我的待办 (#18 "approvals waiting for me (… 填报 returns), reports and 填报 rounds due"):
what a unit still owes and what was sent back, the office's values to review and, in a round's last
week, how many units are not complete; the same items reach the daily reminders."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.utils import timezone

from fazhi import todo
from fazhi.filing import services
from fazhi.filing.models import FiledValue, FilingUnit
from fazhi.lib.cn_date import cn_date
from fazhi.reminders import send
from fazhi.reminders.models import Reminder
from tests.filing.conftest import PDF

TITLE = "2025年度无台账指标填报"


def _texts(user, today=None) -> list[str]:  # noqa: ANN001
    return [i.text for i in todo.items_for(user, today or timezone.localdate()) if "填报" in i.text]


def _fill(unit: FilingUnit, by) -> None:  # noqa: ANN001
    for ind in unit.round.indicator_ids:
        services.submit_value(
            unit, ind, "4", note="", evidence=services.Evidence("a.pdf", PDF), by=by
        )


def test_a_unit_sees_what_it_owes_and_what_came_back_and_the_office_what_to_review(
    round25, township, town_clerk, other_town_clerk, police_clerk, coordinator
) -> None:
    due = cn_date(round25.deadline)
    town = FilingUnit.objects.get(round=round25, township=township)
    name = town.name
    assert _texts(town_clerk) == [f"待填报3项：{TITLE}（{name}，截止{due}）"]
    assert _texts(police_clerk) == [f"待填报3项：{TITLE}（公安局，截止{due}）"]
    assert _texts(coordinator) == []  # nothing to review yet; the deadline is 10 days off
    _fill(town, town_clerk)
    assert _texts(town_clerk) == []
    assert _texts(coordinator) == [f"待审核填报3项：{TITLE}"]
    [first, *_rest] = FiledValue.objects.filter(unit=town).order_by("indicator_id")
    services.return_value(first, by=coordinator, reason="佐证材料不清晰")
    assert _texts(town_clerk) == [f"填报被退回1项，请修改后重新提交：{TITLE}（{name}，截止{due}）"]
    assert _texts(coordinator) == [f"待审核填报2项：{TITLE}"]
    assert [
        i.kind for i in todo.items_for(coordinator, timezone.localdate()) if "填报" in i.text
    ] == ["approval"]
    assert f"待填报3项：{TITLE}" in _texts(other_town_clerk)[0]  # its own unit only
    home = Client()
    home.force_login(town_clerk)
    assert "填报被退回1项" in home.get("/").content.decode()


def test_in_the_last_week_the_office_hears_how_many_units_are_not_complete(
    round25, township, town_clerk, coordinator
) -> None:
    _fill(FilingUnit.objects.get(round=round25, township=township), town_clerk)
    five_days_before = round25.deadline - dt.timedelta(days=5)
    assert f"{TITLE}{cn_date(round25.deadline)}截止，尚有2个单位未报齐" in _texts(
        coordinator, five_days_before
    )
    assert not any(
        "未报齐" in t for t in _texts(coordinator, round25.deadline - dt.timedelta(days=8))
    )


def test_a_closed_round_leaves_the_list_unless_reopened_for_the_unit(
    round25, township, town_clerk, coordinator
) -> None:
    services.close_round(round25, by=coordinator)
    assert _texts(town_clerk) == []
    town = FilingUnit.objects.get(round=round25, township=township)
    until = timezone.localdate() + dt.timedelta(days=3)
    services.reopen(town, until=until, reason="系统故障，准予补报", by=coordinator)
    assert _texts(town_clerk) == [f"待填报3项：{TITLE}（{town.name}，截止{cn_date(until)}）"]
    services.submit_value(
        town,
        "petitions.total",
        "4",
        note="",
        evidence=services.Evidence("a.pdf", PDF),
        by=town_clerk,
    )
    assert _texts(coordinator) == [f"待审核填报1项：{TITLE}"]  # a late value, round closed


def test_the_daily_reminders_carry_them(round25, town_clerk) -> None:
    send.run()
    assert Reminder.objects.filter(user=town_clerk, key__startswith="filing:unit:").count() == 1
