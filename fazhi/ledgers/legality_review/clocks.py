"""The review period (statutes.md §7, §15.5): no national period was found, so the default is
5 working days from the day the materials are complete (that day not counted), configurable as
`settings.LEGALITY_REVIEW_WORKING_DAYS`, paused while supplementary materials are awaited."""

from __future__ import annotations

from django.conf import settings

from fazhi.clocks.spec import ClockSpec, Unit

REVIEW = ClockSpec(
    "contract_review",
    "合法性审核期限",
    int(getattr(settings, "LEGALITY_REVIEW_WORKING_DAYS", 5)),
    Unit.WORKING_DAY,
    "无全国统一规定（待确认）：本系统默认自材料齐全之日起5个工作日，补充材料期间不计入（可配置）",
    law_version="本地规则",
    pausable=True,
    lapse_effect="逾期未出具审核意见的，列入超期提醒",
)
