"""The 办结时限 of a supervised item (statutes.md §7: no statutory clock; the period is the one the
督办通知 sets, a date or N working days; extensions are approved by the assigning office, with no
statutory cap).

A date limit is counted as a calendar-day period from 交办 to that date (the start day not
counted), so a date that falls on a 法定节假日 rolls to the next working day as rule 2 of
statutes.md §1 has it (reading the 交办单's date as a period end: UNCONFIRMED, stated in the
explanation). N working days skip weekends and holidays and count 调休 working days."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ObjectDoesNotExist

from fazhi.clocks.spec import ClockError, ClockSpec, Unit
from fazhi.lib.cn_date import cn_date

NAME = "completion"
APPROVER = "交办单位（督查室）"


def spec_for(item: Any) -> ClockSpec:
    """The clock the item's notice sets. Raises ClockError (Chinese) for a limit that is no period."""
    try:
        number = item.notice.notice_number or "督办通知"
    except ObjectDoesNotExist:
        number = "督办通知"
    if item.limit_kind == "working_days":
        days = item.time_limit_days
        if not days or days <= 0:
            raise ClockError("请填写办结时限的工作日数（正整数）")
        return ClockSpec(
            NAME,
            "办结时限",
            days,
            Unit.WORKING_DAY,
            f"{number}确定的办结时限（交办之日起{days}个工作日）",
            law_version="notice",
            extension_uncapped=True,
            extension_approver=APPROVER,
            lapse_effect="逾期未办结，列入超期督办并通报",
        )
    limit = item.time_limit_on
    if limit is None:
        raise ClockError("请填写限定办结日期")
    if limit <= item.assigned_on:
        raise ClockError(
            f"限定办结日期（{cn_date(limit)}）须晚于交办日期（{cn_date(item.assigned_on)}）"
        )
    return ClockSpec(
        NAME,
        "办结时限",
        (limit - item.assigned_on).days,
        Unit.CALENDAR_DAY,
        f"{number}确定的办结时限（{cn_date(limit)}前；末日为法定节假日的顺延）",
        law_version="notice",
        extension_uncapped=True,
        extension_approver=APPROVER,
        lapse_effect="逾期未办结，列入超期督办并通报",
    )
