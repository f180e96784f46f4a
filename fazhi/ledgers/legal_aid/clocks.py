"""The clocks of a legal-aid case (statutes.md §11, 法律援助法 2022).

The decision period's length and unit are configurable — `settings.LEGAL_AID_DECISION_PERIOD`
= (length, unit), default (7, "calendar_day"): the law says 七日 with no working-day clause,
the 2012 司法部 rule said 7 working days — and whether supplement time is paused
(`settings.LEGAL_AID_PAUSE_FOR_SUPPLEMENT`, default True). Both UNCONFIRMED (§11)."""

from __future__ import annotations

from django.conf import settings

from fazhi.clocks.spec import ClockSpec, Unit

LAW = "法律援助法"


def decision_period() -> ClockSpec:
    length, unit = getattr(settings, "LEGAL_AID_DECISION_PERIOD", None) or (7, Unit.CALENDAR_DAY)
    return ClockSpec(
        "decision",
        "审查决定",
        int(length),
        str(unit),
        f"{LAW}第四十三条（收到申请之日起七日内审查，作出是否给予法律援助的决定）",
        law_version="2022",
        pausable=True,
        lapse_effect="逾期未作决定的，申请人可以向设立该法律援助机构的司法行政部门提出异议",
    )


def pause_for_supplement() -> bool:
    return bool(getattr(settings, "LEGAL_AID_PAUSE_FOR_SUPPLEMENT", True))


DECISION = decision_period()

ASSIGN = ClockSpec(
    "assign",
    "指派",
    3,
    Unit.CALENDAR_DAY,
    f"{LAW}第四十三条、第三十六条（决定给予或收到通知之日起三日内指派）",
    law_version="2022",
)
FORWARD = ClockSpec(
    "forward",
    "转交申请",
    24,
    Unit.HOUR,
    f"{LAW}第三十九条（办案机关、监管场所收到在押人员申请后二十四小时内转交）",
    law_version="2022",
)
OBJECTION = ClockSpec(
    "objection",
    "异议审查",
    5,
    Unit.CALENDAR_DAY,
    f"{LAW}第四十九条（司法行政部门自收到异议之日起五日内审查并作出处理决定）",
    law_version="2022",
)


def supplement_period(days: int) -> ClockSpec:
    """The period the supplement notice gives (the law sets none; the notice does)."""
    return ClockSpec(
        "supplement",
        "补充材料",
        days,
        Unit.CALENDAR_DAY,
        f"{LAW}第四十三条（申请材料不齐全的，一次性告知补充；未按要求补充的视为撤回申请）",
        law_version="2022",
        lapse_effect="申请人未按要求补充材料的，视为撤回申请",
    )


SUPPLEMENT = supplement_period(15)
ADVANCE = ClockSpec(
    "advance_provision",
    "先行提供法律援助提示",
    7,
    Unit.CALENDAR_DAY,
    f"{LAW}第四十四条（距法定时效或者期限届满不足七日的，可以决定先行提供法律援助）",
    law_version="2022",
    kind="advance_notice",
    event_label="时效（期限）届满",
)
