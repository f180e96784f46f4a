"""Demo reviews for 示例县 and 样板县, 2023 to today, walked through the real workflow: contracts
and 行政协议 with amounts (some to the 分), other legal documents and meeting topics; most accepted
on receipt and answered within the period, some returned for supplements (the clock paused), a
few late, and at today's end some still waiting: not yet accepted, under review (one overdue),
returned and awaiting supplements, answered and awaiting the department's feedback."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from fazhi.casework.demo import Place, company_name, dates_in, person_name, pick, places
from fazhi.ledgers.legality_review import workflow
from fazhi.ledgers.legality_review.models import LegalityReview
from fazhi.ledgers.legality_review.states import Adoption, Kind, Result, ReviewerKind
from fazhi.org.demo import DemoContext

ORDER = 61
DAY = dt.timedelta(days=1)
KINDS = {
    Kind.CONTRACT: 55,
    Kind.ADMINISTRATIVE_AGREEMENT: 15,
    Kind.LEGAL_DOCUMENT: 20,
    Kind.MEETING_TOPIC: 10,
}
TITLES = {
    Kind.CONTRACT: [
        "道路保洁服务合同",
        "办公设备采购合同",
        "物业服务合同",
        "信息系统运维合同",
        "工程施工合同",
    ],
    Kind.ADMINISTRATIVE_AGREEMENT: [
        "国有土地使用权出让合同",
        "房屋征收补偿协议",
        "招商引资协议",
        "特许经营协议",
    ],
    Kind.LEGAL_DOCUMENT: [
        "行政处罚决定书（重大案件）",
        "信访事项答复意见",
        "政府信息公开答复书",
        "会议纪要（涉法部分）",
    ],
    Kind.MEETING_TOPIC: ["县政府常务会议议题", "县长办公会议议题"],
}
RESULTS = {Result.APPROVED: 30, Result.APPROVED_WITH_CHANGES: 65, Result.NOT_APPROVED: 5}


def _amount(rng: random.Random, kind: str) -> int | None:
    if kind not in (Kind.CONTRACT, Kind.ADMINISTRATIVE_AGREEMENT):
        return None
    yuan = rng.choice((50_000, 120_000, 360_000, 880_000, 1_500_000, 6_000_000, 23_000_000))
    return yuan * 100 + rng.choice((0, 0, 0, rng.randint(1, 99_99)))


def _review(
    place: Place, sent: dt.date, rng: random.Random, today: dt.date, by: Any, *, hold: str = ""
) -> None:
    kind = pick(rng, KINDS)
    r = workflow.receive(
        LegalityReview(
            jurisdiction=place.jurisdiction,
            reviewing_office=place.handling,
            submitting_department=rng.choice(place.respondents),
            kind=kind,
            title=rng.choice(TITLES[kind]),
            counterparty=company_name(rng)
            if kind in (Kind.CONTRACT, Kind.ADMINISTRATIVE_AGREEMENT)
            else "",
            amount_fen=_amount(rng, kind),
            submitted_on=sent,
        ),
        by=by,
    )
    if hold == "submitted":
        return
    complete = sent + DAY * rng.choice((0, 0, 1, 2))
    if complete > today:
        return
    workflow.accept(r, on=complete, by=by)
    on = complete
    if hold == "returned" or rng.random() < 0.15:
        on = complete + DAY * rng.randint(1, 3)
        if on > today:
            return
        workflow.return_for_supplement(r, on=on, by=by, note="请补充相对方资质证明及预算批复")
        if hold == "returned":
            return
        on += DAY * rng.randint(3, 10)
        if on > today:
            return
        workflow.resupply(r, on=on, by=by)
    if hold == "reviewing":
        return
    on += DAY * rng.choice((2, 3, 4, 5, 6, 6, 9))  # now and then past the 5 working days
    if on > today:
        return
    result = pick(rng, RESULTS)
    n = 0 if result == Result.APPROVED else rng.randint(1, 9)
    adviser = rng.random() < 0.4
    workflow.give_opinion(
        r,
        on=on,
        by=by,
        result=result,
        opinion_count=n,
        reviewer_kind=ReviewerKind.LEGAL_ADVISER if adviser else ReviewerKind.STAFF,
        reviewer_name=person_name(rng) + "律师" if adviser else "",
        note="经审核，建议完善违约责任、争议解决条款，明确付款节点"
        if n
        else "经审核，未发现违法内容，同意。",
    )
    closed = on + DAY * rng.randint(3, 20)
    if closed <= today and hold != "reviewed":
        adoption = Adoption.ADOPTED if rng.random() < 0.85 else Adoption.PARTLY
        workflow.close(r, on=closed, by=by, adoption=adoption)


def populate(ctx: DemoContext) -> None:
    if LegalityReview.objects.exists():
        ctx.log.append("合同及涉法文件审核：已有记录，跳过演示数据")
        return
    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    users = {"990102": ctx.users["fzb"], "990103": ctx.users["yb_fzb"]}
    for place in places(ctx):
        by = users[place.jurisdiction.code]
        for year in range(2023, today.year + 1):
            n = rng.randint(35, 50)
            if year == today.year:
                n = n * today.timetuple().tm_yday // 365
            for sent in dates_in(rng, year, n, today - DAY * 30 if year == today.year else today):
                _review(place, sent, rng, today, by)
        # What is still waiting today: one of each.
        _review(place, today - DAY * 2, rng, today, by, hold="submitted")
        _review(place, today - DAY * 12, rng, today, by, hold="reviewing")  # overdue
        _review(place, today - DAY * 3, rng, today, by, hold="reviewing")
        _review(place, today - DAY * 8, rng, today, by, hold="returned")  # paused
        _review(place, today - DAY * 20, rng, today, by, hold="reviewed")  # awaiting feedback
    ctx.log.append(
        f"合同及涉法文件审核：示例县、样板县演示审核事项 {LegalityReview.objects.count()} 件"
    )
