"""Demo rows of the 行政执法 ledgers for 示例县 and 样板县, 2023 to today: certificates (some
expired, cancelled or overdue for their annual review), decisions by two certified officers,
the 权责清单 and a 案卷评查 campaign a year."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from fazhi.casework.demo import company_name, dates_in, person_name, places
from fazhi.ledgers.enforcement import workflow
from fazhi.ledgers.enforcement.ledger import (
    CERTIFICATE_SPEC,
    DECISION_SPEC,
    DEFAULT_SHEET,
    POWER_SPEC,
    REVIEW_SPEC,
    campaign_for,
)
from fazhi.ledgers.enforcement.models import (
    CaseFileReview,
    CertificateKind,
    CertificateState,
    EnforcementCertificate,
    EnforcementDecision,
    Power,
    PowerKind,
    valid_on_q,
)

ORDER = 60
DAY = dt.timedelta(days=1)
SUMMARIES = [
    "未取得许可从事经营活动",
    "销售不符合食品安全标准的食品",
    "未按规定设置安全警示标志",
    "超标排放大气污染物",
    "违法占用耕地建房",
    "无证驾驶机动车",
    "未按规定公示价格",
]
ITEMS = [
    ("对违反食品安全法行为的处罚", PowerKind.PENALTY, "《中华人民共和国食品安全法》第一百二十二条"),
    ("查封、扣押违法生产经营的物品", PowerKind.COERCION, "《中华人民共和国行政强制法》第九条"),
    ("个体工商户登记", PowerKind.LICENSING, "《促进个体工商户发展条例》第八条"),
    (
        "对农村宅基地使用情况的监督检查",
        PowerKind.INSPECTION,
        "《中华人民共和国土地管理法》第六十七条",
    ),
    ("对违法建设的处罚", PowerKind.PENALTY, "《中华人民共和国城乡规划法》第六十五条"),
    ("对燃放烟花爆竹违法行为的处罚", PowerKind.PENALTY, "《烟花爆竹安全管理条例》第四十二条"),
]


def _anniversary(day: dt.date, year: int) -> dt.date:
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def _certificates(place: Any, rng: random.Random, today: dt.date, by: Any) -> None:
    depts = place.respondents[:5]
    for dept in depts:
        for i in range(rng.randint(6, 10)):
            issued = dt.date(rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28))
            if issued > today:
                continue
            kind = CertificateKind.SUPERVISION if i == 0 else CertificateKind.ENFORCEMENT
            cert = EnforcementCertificate(
                jurisdiction=place.jurisdiction,
                department=dept,
                kind=kind,
                certificate_number=f"{place.jurisdiction.code}{issued:%Y}{rng.randint(1000, 9999)}",
                holder_name=person_name(rng),
                issued_on=issued,
                valid_until=_anniversary(issued, issued.year + 5) - DAY,
            )
            CERTIFICATE_SPEC.receive(cert, by=by)
            for year in range(max(2023, issued.year + 1), today.year + 1):
                on = _anniversary(issued, year) - dt.timedelta(days=rng.randint(0, 20))
                if on.year != year:
                    on = _anniversary(issued, year)
                cert.refresh_from_db()
                if cert.state != CertificateState.VALID or on > today or on > cert.valid_until:
                    break
                roll = rng.random()
                if roll < 0.06:
                    break  # the review was missed: overdue on the board
                if roll < 0.12:
                    workflow.FAIL_REVIEW(cert, on=on, by=by)
                    break
                workflow.PASS_REVIEW(cert, on=on, by=by, trained=rng.random() < 0.85)
            cert.refresh_from_db()
            if cert.state == CertificateState.VALID and rng.random() < 0.1:
                start = cert.last_reviewed_on or cert.issued_on
                on = min(today, cert.valid_until, start + dt.timedelta(days=rng.randint(30, 400)))
                if on > (cert.last_reviewed_on or cert.issued_on):
                    workflow.REVOKE(cert, on=on, by=by, note="调离执法岗位")


def _decisions(place: Any, rng: random.Random, today: dt.date, by: Any) -> None:
    for year in range(2023, today.year + 1):
        for day in dates_in(rng, year, rng.randint(30, 45), today):
            certs = list(
                EnforcementCertificate.objects.filter(
                    valid_on_q(day), jurisdiction=place.jurisdiction
                ).values_list("pk", "department_id")
            )
            by_dept: dict[int, list[int]] = {}
            for pk, dept in certs:
                by_dept.setdefault(dept, []).append(pk)
            eligible = [d for d, pks in by_dept.items() if len(pks) >= 2]
            if not eligible:
                continue
            dept = rng.choice(eligible)
            first, second = rng.sample(by_dept[dept], 2)
            kind = rng.choice([PowerKind.PENALTY] * 6 + [PowerKind.COERCION, PowerKind.LICENSING])
            major = rng.random() < 0.12
            first_review = major and rng.random() < 0.3
            row = EnforcementDecision(
                jurisdiction=place.jurisdiction,
                department_id=dept,
                decided_on=day,
                kind=kind,
                party=company_name(rng) if rng.random() < 0.6 else person_name(rng),
                summary=rng.choice(SUMMARIES),
                officer_id=first,
                second_officer_id=second,
                penalty_fen=rng.choice([200, 500, 1000, 2000, 5000, 20000]) * 100
                if kind == PowerKind.PENALTY
                else 0,
                is_major=major,
                legally_reviewed_on=day - dt.timedelta(days=rng.randint(1, 5)) if major else None,
                reviewer_name=person_name(rng) if major else "",
                first_review=first_review,
                reviewer_qualified=first_review or (major and rng.random() < 0.7),
            )
            DECISION_SPEC.receive(row, by=by)


def _powers(place: Any, rng: random.Random, by: Any) -> None:
    for dept in place.respondents[:5]:
        for item, kind, basis in rng.sample(ITEMS, 4):
            delegated = rng.random() < 0.35
            listed = dt.date(2023, 1, rng.randint(3, 28))
            row = Power(
                jurisdiction=place.jurisdiction,
                department=dept,
                listed_on=listed,
                item=item,
                kind=kind,
                legal_basis=basis,
                delegated=delegated,
                delegated_on=dt.date(rng.choice([2023, 2024, 2025]), 6, 30) if delegated else None,
            )
            POWER_SPEC.receive(row, by=by)


def _reviews(place: Any, rng: random.Random, today: dt.date, by: Any) -> None:
    for year in range(2023, today.year + 1):
        campaign = campaign_for(place.jurisdiction, year)
        day = dt.date(year, 9, 15)
        if day > today:
            continue
        for n, dept in enumerate(place.respondents[:6]):
            for k in range(2):
                scores = [rng.randint(points * 6 // 10, points) for _, points in DEFAULT_SHEET]
                issues = rng.randint(0, 3)
                row = CaseFileReview(
                    jurisdiction=place.jurisdiction,
                    campaign=campaign,
                    department=dept,
                    reviewed_on=day + dt.timedelta(days=n),
                    file_number=f"{dept.short_name or dept.name[:2]}罚决字〔{year - 1}〕{10 + k}号",
                    scores="、".join(str(s) for s in scores),
                    issues_found=issues,
                    issues_text="执法文书未载明救济途径；证据目录不完整" if issues else "",
                    rectification_ref=f"示督整〔{year}〕{n + 1}号" if issues else "",
                    rectified_on=day + dt.timedelta(days=45)
                    if issues and year < today.year
                    else None,
                )
                REVIEW_SPEC.receive(row, by=by)


def populate(ctx: Any) -> None:
    if EnforcementCertificate.objects.exists():
        ctx.log.append("行政执法：已有证件，跳过演示数据")
        return
    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    users = {"990102": ctx.users["fzb"], "990103": ctx.users["yb_fzb"]}
    for place in places(ctx):
        by = users[place.jurisdiction.code]
        _certificates(place, rng, today, by)
        _decisions(place, rng, today, by)
        _powers(place, rng, by)
        _reviews(place, rng, today, by)
    workflow.start_expiry_clocks(today)
    workflow.expire_lapsed(today)  # what the daily run would have done
    ctx.log.append(
        f"行政执法：证件 {EnforcementCertificate.objects.count()} 张，执法决定 "
        f"{EnforcementDecision.objects.count()} 件，权责事项 {Power.objects.count()} 项，"
        f"评查案卷 {CaseFileReview.objects.count()} 卷"
    )
