"""The clocks of a major decision (statutes.md §6; 《重大行政决策程序暂行条例》, 国务院令第713号).

Both periods are minimum windows: the comment period may not close, and the reviewer may not be
asked to finish, before the due date shown; the workflow refuses a shorter window unless its
reason is recorded (comment period, Art. 15) and a review deadline earlier than the clock's."""

from __future__ import annotations

from fazhi.clocks.spec import ClockSpec, Unit

LAW = "《重大行政决策程序暂行条例》"

COMMENT_WINDOW = ClockSpec(
    "comment_window",
    "公开征求意见期间",
    30,
    Unit.CALENDAR_DAY,
    f"{LAW}第十五条（公开征求意见的期限一般不少于30日；缩短期限的应当予以说明）",
    law_version="2019",
)
HEARING_MATERIALS = ClockSpec(
    "hearing_materials",
    "听证材料公布",
    7,
    Unit.CALENDAR_DAY,
    f"{LAW}第十八条（听证会召开前公布决策草案及其说明等材料；本系统按提前7日）",
    law_version="2019",
    kind="advance_notice",
    event_label="听证会",
)
LEGALITY_REVIEW = ClockSpec(
    "legality_review",
    "合法性审查期间",
    7,
    Unit.WORKING_DAY,
    f"{LAW}第二十六条（送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日）",
    law_version="2019",
)
