"""Demo suggestions and proposals for 示例县 and 样板县, 2023 to today, each walked through the
real workflow: the session's items in February and March and a few of the recess later in the
year; most answered within three months after a meeting with the deputy, some marked difficult
(six months), some late, a few rated 不满意 and re-handled, and this year's open items, some of
them past their reply date."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from fazhi.casework.demo import Place, person_name, pick, places
from fazhi.ledgers.proposals import workflow
from fazhi.ledgers.proposals.models import Proposal
from fazhi.ledgers.proposals.states import Category, ContactMethod, Kind, Rating
from fazhi.org.demo import DemoContext

ORDER = 70
DAY = dt.timedelta(days=1)
SESSIONS = {2023: "二", 2024: "三", 2025: "四", 2026: "五"}
TOPICS = {
    "交通运输局": ["关于加强农村公路养护管理的建议", "关于增开城乡公交线路的建议"],
    "住房和城乡建设局": ["关于加快老旧小区改造的建议", "关于规范物业服务管理的建议"],
    "市场监督管理局": ["关于加强校园周边食品安全监管的建议", "关于整治农村假冒伪劣商品的建议"],
    "生态环境局": ["关于加强农村生活污水治理的建议", "关于整治城区噪声污染的建议"],
    "人力资源和社会保障局": ["关于根治农民工欠薪问题的建议", "关于加强返乡创业扶持的建议"],
    "公安局": ["关于加强校园周边交通秩序管理的建议", "关于打击电信网络诈骗的建议"],
    "自然资源局": ["关于盘活闲置建设用地的建议", "关于规范农村宅基地审批的建议"],
    "城市管理局": ["关于规范城区占道经营的建议", "关于增设城区停车泊位的建议"],
}
OUTCOME = {"prompt": 66, "difficult": 10, "late": 8, "reopen": 7, "slow": 5, "stalled": 4}
RATINGS = {Rating.SATISFIED: 80, Rating.BASICALLY_SATISFIED: 18, Rating.DISSATISFIED: 2}


def _walk(item: Proposal, rng: random.Random, today: dt.date, by: Any) -> None:
    assigned = item.received_on + DAY * rng.randint(5, 20)
    if assigned > today:
        return
    workflow.assign(item, on=assigned, by=by)
    outcome = pick(rng, OUTCOME)
    if outcome == "stalled" and assigned.year != today.year:
        outcome = "late"  # only this year's items are still unanswered
    if outcome == "difficult" and assigned + DAY * 40 <= today:
        workflow.mark_difficult(
            item,
            on=assigned + DAY * 40,
            by=by,
            note="涉及多个部门和资金安排，需列入下年度计划统筹解决",
        )
    span = {
        "prompt": (30, 85),
        "difficult": (100, 170),
        "late": (95, 130),
        "reopen": (40, 85),
        "slow": (60, 85),
        "stalled": (30, 60),
    }[outcome]
    replied = assigned + DAY * rng.randint(*span)
    contacted = replied - DAY * rng.randint(3, 20)
    if contacted > today:
        return
    workflow.contact(item, on=contacted, contact_method=rng.choice(list(ContactMethod)), by=by)
    if replied > today or outcome == "stalled":
        return
    category = pick(rng, {Category.A: 60, Category.B: 30, Category.C: 10})
    workflow.reply(item, on=replied, category=category, by=by)
    rated = replied + DAY * rng.randint(7, 30)
    if rated > today:
        return
    if outcome == "reopen":
        workflow.reopen(item, on=rated, by=by, note="认为答复未提出具体解决时限")
        again = rated + DAY * rng.randint(5, 15)
        if again + DAY * 30 > today:
            return
        workflow.contact(item, on=again, contact_method=ContactMethod.IN_PERSON, by=by)
        workflow.reply(item, on=again + DAY * 10, category=Category.B, by=by)
        workflow.rate(item, on=again + DAY * 25, rating=Rating.BASICALLY_SATISFIED, by=by)
        return
    rating = pick(rng, {k: v for k, v in RATINGS.items() if k != Rating.DISSATISFIED})
    workflow.rate(item, on=rated, rating=rating, by=by)


def _items(
    place: Place, year: int, rng: random.Random, today: dt.date, by: Any, office: Any, n: int
) -> None:
    depts = [d for d in place.respondents if d.name in TOPICS]
    county = place.jurisdiction.name
    serial = {Kind.NPC: 0, Kind.CPPCC: 0}
    for i in range(n):
        kind = Kind.NPC if rng.random() < 0.55 else Kind.CPPCC
        serial[kind] += 1
        dept = rng.choice(depts)
        recess = i >= n * 0.85  # suggestions of the recess, received later in the year
        received = (
            dt.date(year, 6, 1) + DAY * rng.randint(0, 150)
            if recess
            else dt.date(year, 2, 20) + DAY * rng.randint(0, 20)
        )
        if received > today:
            continue
        body = "人民代表大会" if kind == Kind.NPC else "政协"
        session = f"{county}第十八届{body}第{SESSIONS.get(year, '一')}次会议"
        co = rng.sample([d.name for d in depts if d != dept], k=rng.choice((0, 0, 1, 2)))
        title = rng.choice(TOPICS[dept.name])
        item = workflow.receive(
            Proposal(
                jurisdiction=place.jurisdiction,
                kind=kind,
                session=session,
                proposal_number=f"第{serial[kind]}号",
                authors=person_name(rng) + ("等" if rng.random() < 0.3 else ""),
                title=title if kind == Kind.NPC else title.replace("建议", "提案"),
                office=office,
                lead_department=dept,
                co_departments="、".join(co),
                received_on=received,
            ),
            by=by,
        )
        _walk(item, rng, today, by)


def populate(ctx: DemoContext) -> None:
    if Proposal.objects.exists():
        ctx.log.append("建议提案：已有记录，跳过演示数据")
        return
    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    users = {"990102": ctx.users["fzb"], "990103": ctx.users["yb_fzb"]}
    for place in places(ctx):
        code = place.jurisdiction.code
        office = ctx.departments.get((code, "县政府办公室")) or place.handling
        for year in range(2023, today.year + 1):
            _items(place, year, rng, today, users[code], office, rng.randint(28, 40))
    ctx.log.append(f"建议提案：示例县、样板县演示建议提案 {Proposal.objects.count()} 件")
