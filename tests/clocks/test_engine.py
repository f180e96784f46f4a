from __future__ import annotations

import datetime as dt

import pytest

from fazhi.clocks.engine import FLAG_UNCONFIRMED, compute
from fazhi.clocks.spec import ClockError, ClockSpec, Unit

D = dt.date
pytestmark = pytest.mark.django_db


def test_explanation_names_holidays_and_makeup_days() -> None:
    due = compute(D(2024, 9, 27), 5, Unit.WORKING_DAY, event="收到申请之日")
    assert due.due_on == D(2024, 10, 10)
    assert due.explanation.startswith("自2024年9月27日收到申请之日起5个工作日")
    assert "9月29日（周日）调休上班计入" in due.explanation
    assert "国庆节假期10月1日至7日不计" in due.explanation
    assert due.explanation.endswith("至2024年10月10日届满")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"length": 0}, "期限长度必须为正整数"),
        ({"length": -3}, "期限长度必须为正整数"),
        ({"extension": -1}, "延长期限不能为负数"),
        ({"unit": "week"}, "未知的期限单位"),
        ({"pauses": [(D(2024, 5, 10), D(2024, 5, 9))]}, "中止结束日期（2024年5月9日）早于开始日期"),
        ({"restart": D(2024, 4, 1)}, "重新起算日期"),
    ],
)
def test_bad_input_raises_chinese_error(kwargs: dict, message: str) -> None:
    args = {"length": 10, "unit": Unit.CALENDAR_DAY} | kwargs
    with pytest.raises(ClockError, match=message):
        compute(D(2024, 5, 6), args.pop("length"), args.pop("unit"), **args)


def test_month_clock_refuses_pauses() -> None:
    with pytest.raises(ClockError, match="按月计算的期限不支持中止"):
        compute(D(2024, 5, 6), 3, Unit.MONTH, pauses=[(D(2024, 6, 1), D(2024, 6, 5))])


def test_open_pause_gives_no_due_date_but_remaining() -> None:
    due = compute(D(2024, 5, 6), 60, Unit.CALENDAR_DAY, pauses=[(D(2024, 5, 20), None)])
    assert due.due_on is None and due.flag is None
    assert due.remaining == 47
    assert "已计13日" in due.explanation and "尚余47日" in due.explanation


def test_open_pause_after_period_ran_out_keeps_due_date() -> None:
    due = compute(D(2024, 6, 3), 5, Unit.CALENDAR_DAY, pauses=[(D(2024, 7, 1), None)])
    assert due.due_on == D(2024, 6, 11)  # 6-8 is in the 端午 break (6-8 to 6-10)


def test_start_before_seeded_range_flags_that_year() -> None:
    due = compute(D(2003, 12, 1), 5, Unit.WORKING_DAY)
    assert due.due_on is None and due.flag == FLAG_UNCONFIRMED and due.flag_year == 2003


def test_spec_validation() -> None:
    with pytest.raises(ClockError, match="长度必须为正整数"):
        ClockSpec("x", "某期限", 0, Unit.WORKING_DAY, "某法")
    with pytest.raises(ClockError, match="计算单位无效"):
        ClockSpec("x", "某期限", 5, "week", "某法")
