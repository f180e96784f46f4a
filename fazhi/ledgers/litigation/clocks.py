"""The statutory clocks of a lawsuit (statutes.md §3; 行政诉讼法 2017, calendar days: the start
day is not counted and a last day on a rest day rolls to the next working day)."""

from __future__ import annotations

from fazhi.clocks.spec import ClockSpec, Unit

LAW = "行政诉讼法"

DEFENCE = ClockSpec(
    "defence_and_evidence",
    "答辩举证",
    15,
    Unit.CALENDAR_DAY,
    f"{LAW}第六十七条（收到起诉状副本之日起十五日内提交答辩状、证据和依据）",
    law_version="2017",
    lapse_effect="被告不提供或者无正当理由逾期提供证据，视为没有相应证据（第三十四条）",
)
APPEAL_JUDGMENT = ClockSpec(
    "appeal_judgment",
    "上诉期限（判决）",
    15,
    Unit.CALENDAR_DAY,
    f"{LAW}第八十五条（判决书送达之日起十五日内）",
    law_version="2017",
    lapse_effect="当事人未上诉的，一审判决发生法律效力",
)
APPEAL_RULING = ClockSpec(
    "appeal_ruling",
    "上诉期限（裁定）",
    10,
    Unit.CALENDAR_DAY,
    f"{LAW}第八十五条（裁定书送达之日起十日内）",
    law_version="2017",
    lapse_effect="当事人未上诉的，一审裁定发生法律效力",
)
APPEARANCE_NOTICE = ClockSpec(
    "appearance_notice",
    "出庭通知",
    3,
    Unit.CALENDAR_DAY,
    "《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》第五条（开庭三日前通知）",
    law_version="2020",
    kind="advance_notice",
    event_label="开庭",
)
