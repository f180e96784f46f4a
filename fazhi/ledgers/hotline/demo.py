"""Demo tickets for 示例县 and 样板县, 2023 to today: most arrive as the platform's export would
bring them (through the import's own bulk path: concluded tickets with ratings, some replied late,
some re-handled), and the recent ones are walked through the workflow: dispatched and handling
(some overdue), returned and re-dispatched, extended, re-handled after a 不满意 rating. 样板县
counts only 满意 toward 满意率 from 2025 (its HotlineRules), to show the 口径 on the pages."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from fazhi.casework.demo import Place, dates_in, person_name, pick, places
from fazhi.ledgers.hotline import workflow
from fazhi.ledgers.hotline.importers import context_for, create_from
from fazhi.ledgers.hotline.mapping import COLUMNS
from fazhi.ledgers.hotline.models import HotlineRules, HotlineTicket, PlatformMapping
from fazhi.ledgers.hotline.states import Category, Rating
from fazhi.org.demo import DemoContext

ORDER = 70
DAY = dt.timedelta(days=1)
PER_YEAR = (650, 900)  # tickets per county and year through the import path
TOPICS = {
    Category.CONSULTATION: ["社保缴费政策", "不动产登记材料", "公积金提取", "新生儿落户"],
    Category.HELP: ["路灯不亮", "下水道堵塞", "小区停水", "道路坑洼"],
    Category.COMPLAINT: ["夜间施工噪音扰民", "占道经营", "物业服务不到位", "餐馆油烟扰民"],
    Category.REPORT: ["无证经营", "违规排污", "违建搭建"],
    Category.SUGGESTION: ["增设公交站点", "增加公共停车位"],
    Category.PRAISE: ["表扬社区工作人员"],
}
CATEGORY_MIX = {
    Category.CONSULTATION: 30,
    Category.HELP: 28,
    Category.COMPLAINT: 25,
    Category.REPORT: 7,
    Category.SUGGESTION: 8,
    Category.PRAISE: 2,
}
RATING_MIX = {Rating.SATISFIED: 78, Rating.BASICALLY_SATISFIED: 14, Rating.DISSATISFIED: 3, "": 5}
UNITS = [
    "公安局",
    "市场监督管理局",
    "住房和城乡建设局",
    "城市管理局",
    "交通运输局",
    "人力资源和社会保障局",
    "生态环境局",
    "自然资源局",
]


def _row(
    n: int, place: Place, received: dt.date, rng: random.Random, today: dt.date
) -> dict[str, Any]:
    category = pick(rng, CATEGORY_MIX)
    direct = category == Category.CONSULTATION and rng.random() < 0.6
    unit = None if direct else rng.choice(UNITS)
    replied = received + DAY * (0 if direct else rng.choice((1, 2, 3, 4, 5, 6, 8, 12)))
    rating = pick(rng, RATING_MIX)
    callback = replied + DAY * rng.randint(0, 2)
    concluded = callback + DAY * rng.randint(0, 2)
    if concluded > today:
        return {}
    row: dict[str, Any] = {c.key: None for c in COLUMNS}
    row.update(
        case_number=f"{place.jurisdiction.doc_prefix or 'X'}RX{received:%Y%m%d}{n:05d}",
        received_on=received,
        channel=rng.choice(("phone", "phone", "phone", "web", "wechat", "app")),
        category=category,
        title=rng.choice(TOPICS[category]),
        content="",
        requester_name=person_name(rng)[0] + rng.choice(("先生", "女士")),
        requester_phone=f"13{rng.randint(0, 999999999):09d}",
        department=unit,
        dispatched_on=None if direct else received,
        return_count=1 if not direct and rng.random() < 0.03 else 0,
        replied_on=replied,
        callback_on=None if direct and rng.random() < 0.5 else callback,
        callback_reached=True,
        rating=rating or None,
        rated_on=None,
        rehandle_count=1 if rating and not direct and rng.random() < 0.04 else 0,
        concluded_on=concluded,
    )
    if row["callback_on"] is None:
        row["rating"] = None
    if not row["rating"]:
        row["callback_reached"] = False
    return row


def _walked(place: Place, rng: random.Random, today: dt.date, by: Any) -> int:
    """Recent tickets moved through the real transitions (clocks, history, buttons)."""
    office = place.respondents
    units = [d for d in office if d.name in UNITS]
    n = 0
    for received in dates_in(rng, today.year, 400, today)[-40:]:
        category = pick(rng, {Category.HELP: 4, Category.COMPLAINT: 4, Category.REPORT: 1})
        ticket = workflow.receive(
            HotlineTicket(
                jurisdiction=place.jurisdiction,
                office=next(d for d in office if "政府办公室" in d.name),
                category=category,
                title=rng.choice(TOPICS[category]),
                requester_name=person_name(rng),
                received_on=received,
            ),
            by=by,
        )
        n += 1
        first, second = rng.sample(units, 2)
        workflow.dispatch(ticket, on=received, department=first, by=by)
        fate = rng.random()
        if fate < 0.1 and received + DAY <= today:  # misrouted: returned next day, re-dispatched
            workflow.return_ticket(ticket, on=received + DAY, note="不属于本单位职责", by=by)
            if received + DAY * 2 <= today:
                workflow.dispatch(ticket, on=received + DAY * 2, department=second, by=by)
            continue
        if received + DAY <= today:
            workflow.accept(ticket, on=received + DAY, by=by)
        if fate < 0.3:
            continue  # still with the unit: due soon or overdue
        if fate < 0.4 and received + DAY * 2 <= today:
            workflow.extend(ticket, on=received + DAY * 2, days=5, approver="热线办主任", by=by)
            continue
        replied = received + DAY * rng.randint(2, 9)
        if replied > today:
            continue
        workflow.reply(ticket, on=replied, reply_summary="已现场核实处理并答复诉求人", by=by)
        if replied + DAY > today:
            continue
        if fate > 0.85 and replied + DAY * 2 <= today:
            workflow.reopen(ticket, on=replied + DAY, note="诉求人反映问题仍未解决", by=by)
            if fate > 0.93 and replied + DAY * 4 <= today:
                workflow.reply(ticket, on=replied + DAY * 4, by=by)
            continue
        workflow.callback(ticket, on=replied + DAY, reached=True, by=by)
        workflow.rate(
            ticket,
            on=replied + DAY,
            rating=pick(rng, {Rating.SATISFIED: 8, Rating.BASICALLY_SATISFIED: 2}),
            by=by,
        )
        if replied + DAY * 2 <= today:
            workflow.conclude(ticket, on=replied + DAY * 2, by=by)
    return n


def populate(ctx: DemoContext) -> None:
    if HotlineTicket.objects.exists():
        ctx.log.append("12345热线：已有工单，跳过演示数据")
        return
    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    users = {"990102": ctx.users["fzb"], "990103": ctx.users["yb_fzb"]}
    HotlineRules.objects.get_or_create(
        jurisdiction=ctx.jurisdictions["990103"],
        year=2025,
        defaults={"basic_counts_as_satisfied": False, "basis": "样板县12345热线考核办法（演示）"},
    )
    PlatformMapping.objects.get_or_create(
        name="示例省12345平台导出（演示）",
        defaults={
            "columns": {
                "case_number": "工单编号",
                "received_on": "来电时间",
                "channel": "来源",
                "category": "诉求类别",
                "title": "标题",
                "content": "诉求内容",
                "requester_name": "来电人",
                "requester_phone": "来电号码",
                "department": "承办单位",
                "dispatched_on": "派单时间",
                "replied_on": "办结反馈时间",
                "callback_on": "回访时间",
                "rating": "满意度",
                "rehandle_count": "重办次数",
                "concluded_on": "办结时间",
            },
            "values": {"rating": {"非常满意": "satisfied", "比较满意": "basically_satisfied"}},
            "note": "来电时间等为“年-月-日 时:分:秒”；满意度为非常满意/比较满意/不满意",
        },
    )
    create = create_from(COLUMNS)
    for place in places(ctx):
        by = users[place.jurisdiction.code]
        context = context_for(by)
        assert context is not None
        rows: list[dict[str, Any]] = []
        for year in range(2023, today.year + 1):
            n = rng.randint(*PER_YEAR)
            if year == today.year:
                n = n * today.timetuple().tm_yday // 365
            for received in dates_in(rng, year, n, today - DAY * 45):
                row = _row(len(rows), place, received, rng, today)
                if row:
                    rows.append(row)
        create(rows, by, context)
        _walked(place, rng, today, by)
    ctx.log.append(f"12345热线：示例县、样板县演示工单 {HotlineTicket.objects.count()} 件")
