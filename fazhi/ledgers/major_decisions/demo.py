"""Demo decisions for 示例县 and 样板县, 2023 to today: one published catalog a year (the Party
committee's agreement recorded first), its items walked through the real workflow — consulted
(one with a shortened window and its reason, one not public with its reason), heard, reviewed by
experts, risk-assessed, legality-reviewed, discussed and decided, some post-evaluated; one item
added after publication, one removed, and in the latest full year one item blocked at the gate
(a risk assessment it needs is missing). This year's last items are still in consultation or
under legality review."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from fazhi.casework.demo import Place, places
from fazhi.ledgers.major_decisions import workflow
from fazhi.ledgers.major_decisions.models import DecisionCatalog, MajorDecision
from fazhi.ledgers.major_decisions.states import CounselKind, ReviewResult
from fazhi.org.demo import DemoContext

ORDER = 60
DAY = dt.timedelta(days=1)
TITLES = [
    "城区停车收费标准调整",
    "老旧小区改造三年行动方案",
    "县城集中供热价格调整",
    "农村生活垃圾分类处理实施方案",
    "国有土地上房屋征收补偿安置办法",
    "中小学校布局调整规划",
    "城乡居民医疗保险县级补助标准",
    "县城区公交线路优化调整方案",
    "耕地保护与永久基本农田管理办法",
    "城市燃气特许经营方案",
]
NOT_PUBLIC = "涉及国家秘密，依法不予公开"


def _walk(
    d: MajorDecision,
    start: dt.date,
    today: dt.date,
    by: Any,
    rng: random.Random,
    *,
    stop_at: str = "",
    expert: bool = False,
    risk: bool = False,
    short: bool = False,
    evaluate: bool = False,
) -> None:
    """Take `d` through the procedure from `start`, each step a few days after the one before,
    never past today, stopping before `stop_at`."""
    on = start
    if d.participation_required:
        until = on + DAY * rng.choice((30, 35))
        earliest = workflow.comment_window_end(on) or until
        until = on + DAY * 20 if short else max(until, earliest)
        workflow.open_consultation(
            d,
            on=on,
            by=by,
            comment_until=until,
            short_window_reason="上级督办限期出台，缩短征求意见期限" if short else "",
        )
        if stop_at == "consultation" or until > today:
            return
        on = until
        workflow.close_consultation(d, on=on, by=by, comments_received=rng.randint(0, 40))
    if expert:
        on += DAY * 5
        workflow.expert_review(d, on=on, by=by, note="专家组认为方案总体可行，建议完善补偿标准测算")
    if risk:
        on += DAY * 4
        workflow.risk_assessment(d, on=on, by=by, note="社会稳定风险等级：低风险")
    if stop_at == "gate_missing_risk":
        on += DAY * 3  # the risk assessment it needs was never made: blocked at the gate
    on += DAY * 3
    if on > today:
        return
    deadline = workflow.review_window_end(on)
    workflow.submit_review(d, on=on, by=by, review_deadline=deadline + DAY * rng.choice((0, 3)))
    if stop_at == "review":
        return
    reviewed = on + DAY * rng.randint(8, 14)
    if reviewed > today:
        return
    result = rng.choice((ReviewResult.LAWFUL, ReviewResult.LAWFUL, ReviewResult.LAWFUL_IF_AMENDED))
    workflow.record_review(
        d,
        on=reviewed,
        by=by,
        legality_result=result,
        counsel_kind=CounselKind.LEGAL_ADVISER,
        counsel_name="刘律师",
        note="决策草案符合法律法规规定，建议完善第五条表述",
    )
    met = reviewed + DAY * rng.randint(5, 20)
    if met > today:
        return
    workflow.discuss(
        d,
        on=met,
        by=by,
        meeting_name=f"县政府第{rng.randint(1, 40)}次常务会议",
        attendees="县长、常务副县长、副县长，县政府办公室、司法局负责人列席",
        dissent="" if rng.random() < 0.8 else "一名副县长建议分步实施",
    )
    if stop_at == "gate_missing_risk":
        return
    workflow.decide(d, on=met, by=by, head_decision="县长最后发表意见：同意，按修改后方案实施")
    later = met + DAY * 300
    if evaluate and later <= today:
        workflow.evaluate(d, on=later, by=by, note="实施情况良好，群众满意度较高，继续实施")


def _catalog(
    place: Place, year: int, today: dt.date, by: Any, rng: random.Random, blocked_year: int
) -> None:
    jur = place.jurisdiction
    agreed = dt.date(year, 1, 1) + DAY * rng.randint(15, 30)
    published = agreed + DAY * 7
    catalog = DecisionCatalog.objects.create(
        jurisdiction=jur,
        year=year,
        title=f"{jur.government_name}{year}年度重大行政决策事项目录",
        party_agreed_on=agreed,
        published_on=published,
        publication=f"{jur.name}人民政府门户网站",
    )
    titles = rng.sample(TITLES, 7)
    current = year == today.year
    plans: list[dict[str, Any]] = [
        {"expert": True, "risk": True, "evaluate": True},
        {"risk": True},
        {"not_public": True, "expert": True},
        {"short": True},
        {"added": True, "expert": True},
        {"removed": True},
        {"stop_at": "gate_missing_risk"} if year == blocked_year else {"risk": True},
    ]
    if current:
        plans[5] = {"stop_at": "consultation", "late": True}
        plans[6] = {"stop_at": "review", "late": True, "no_comment": True}
    for i, (title, plan) in enumerate(zip(titles, plans, strict=True)):
        listed = published if not plan.get("added") else dt.date(year, 6, 1)
        begin = listed + DAY * (20 + 40 * i)
        if plan.get("late"):
            begin = today - DAY * (18 if plan["stop_at"] == "consultation" else 12)
        if listed > today or begin > today:
            continue
        sponsor = place.respondents[(i + year) % len(place.respondents)]
        d = workflow.receive(
            MajorDecision(
                jurisdiction=jur,
                catalog=catalog,
                title=title,
                sponsor_department=sponsor,
                review_office=place.handling,
                listed_on=listed,
                added_reason="县委常委会研究增补" if plan.get("added") else "",
                participation_required=not (plan.get("not_public") or plan.get("no_comment")),
                not_public_reason=NOT_PUBLIC
                if plan.get("not_public") or plan.get("no_comment")
                else "",
                expert_review_required=bool(plan.get("expert")),
                risk_assessment_required=bool(
                    plan.get("risk") or plan.get("stop_at") == "gate_missing_risk"
                ),
            ),
            by=by,
        )
        if plan.get("removed"):
            workflow.remove(d, on=begin, by=by, note="上级政策调整，本年度不再作出该项决策")
            continue
        _walk(
            d,
            begin,
            today,
            by,
            rng,
            stop_at=plan.get("stop_at", ""),
            expert=bool(plan.get("expert")),
            risk=bool(plan.get("risk")),
            short=bool(plan.get("short")),
            evaluate=bool(plan.get("evaluate")),
        )


def populate(ctx: DemoContext) -> None:
    if MajorDecision.objects.exists():
        ctx.log.append("重大行政决策：已有记录，跳过演示数据")
        return
    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    users = {"990102": ctx.users["fzb"], "990103": ctx.users["yb_fzb"]}
    blocked_year = today.year - 1  # the latest full year: one item blocked at the gate
    for place in places(ctx):
        by = users[place.jurisdiction.code]
        for year in range(2023, today.year + 1):
            _catalog(place, year, today, by, rng, blocked_year)
    ctx.log.append(
        f"重大行政决策：演示目录 {DecisionCatalog.objects.count()} 个、决策事项 {MajorDecision.objects.count()} 项"
    )
