"""Demo legal aid for 示例县 and 样板县, 2023 to today, every case walked through the real
workflow: applications (mostly 讨薪 and family matters, some Art. 32 exemptions) granted and
assigned, a few refused (some with an objection), some asked for material (supplied, or lapsed
into deemed withdrawal), criminal notifications, detainees' requests with their 24-hour
forwarding (now and then late), recent ones still awaiting a decision or assignment (some
overdue, some near a limitation date); and the daily consultation counts."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from fazhi.casework.demo import dates_in, person_name, pick, places
from fazhi.ledgers.legal_aid import importers, workflow
from fazhi.ledgers.legal_aid.models import LegalAidCase, ServiceDay
from fazhi.ledgers.legal_aid.states import Basis, Channel, MatterType
from fazhi.org.demo import DemoContext

ORDER = 71
DAY = dt.timedelta(days=1)
MATTERS = {
    MatterType.LABOUR: ("追索劳动报酬", 35),
    MatterType.CIVIL: ("赡养费、抚养费纠纷", 25),
    MatterType.CRIMINAL: ("刑事辩护", 25),
    MatterType.ADMINISTRATIVE: ("工伤认定行政诉讼", 5),
    MatterType.STATE_COMPENSATION: ("国家赔偿", 2),
    MatterType.OTHER: ("交通事故损害赔偿", 8),
}
LAWYERS = [
    "城关律师事务所李律师",
    "河西律师事务所周律师",
    "法律援助中心张律师",
    "东岗法律服务所王法律工作者",
]


def _case(place: Any, received: dt.date, rng: random.Random, today: dt.date, by: Any) -> None:
    kind = pick(rng, {k: v[1] for k, v in MATTERS.items()})
    channel = Channel.APPLICATION
    if kind == MatterType.CRIMINAL:
        channel = pick(rng, {Channel.NOTIFICATION: 70, Channel.DETAINEE: 30})
    basis = pick(
        rng,
        {
            Basis.HARDSHIP: 90,
            Basis.ABUSE_VICTIM: 5,
            Basis.GOOD_SAMARITAN: 2,
            Basis.MARTYR: 1,
            Basis.OTHER_EXEMPT: 2,
        },
    )
    tz = timezone.get_current_timezone()
    got = forwarded = None
    if channel == Channel.DETAINEE:
        got = dt.datetime.combine(
            received - DAY, dt.time(rng.randint(8, 17), rng.choice((0, 20, 40))), tz
        )
        forwarded = got + dt.timedelta(hours=rng.choice((3, 6, 20, 23, 26)))
        received = max(received, forwarded.date())
        if received > today:
            return
    limitation = (
        received + dt.timedelta(days=rng.randint(4, 60))
        if kind == MatterType.LABOUR and rng.random() < 0.3
        else None
    )
    case = workflow.receive(
        LegalAidCase(
            jurisdiction=place.jurisdiction,
            department=place.handling,
            channel=channel,
            applicant=person_name(rng),
            beneficiaries=rng.choice((1, 1, 1, 1, 2, 3)) if kind == MatterType.LABOUR else 1,
            matter_type=kind,
            matter=MATTERS[kind][0],
            basis=basis,
            hardship_proof="低保证" if basis == Basis.HARDSHIP else "",
            request_received_at=got,
            forwarded_at=forwarded,
            received_on=received,
            limitation_on=limitation,
        ),
        by=by,
    )
    age = (today - received).days
    if case.state == "received":
        roll = rng.random()
        if age < 10 and roll < 0.5:
            return  # awaiting the decision (some past 7 days)
        if roll < 0.12:
            notice = received + DAY
            workflow.request_supplement(
                case, on=notice, supplement_days=10, note="请补充经济困难证明", by=by
            )
            if rng.random() < 0.4:
                workflow.lapse_supplements(min(today, notice + dt.timedelta(days=12)))
                return
            back = notice + dt.timedelta(days=rng.randint(2, 9))
            if back > today:
                return
            workflow.supplement(case, on=back, by=by)
        decided = min(
            today,
            (case.supplemented_on or received) + dt.timedelta(days=rng.choice((1, 2, 3, 5, 6, 8))),
        )
        if roll > 0.94:
            workflow.refuse(
                case, on=decided, note="申请人家庭经济状况不符合本地经济困难标准", by=by
            )
            if rng.random() < 0.4 and decided + 3 * DAY <= today:
                workflow.object_(case, on=decided + 3 * DAY, by=by)
                end = decided + 6 * DAY
                if end <= today:
                    if rng.random() < 0.5:
                        workflow.order_aid(case, on=end, by=by)
                    else:
                        workflow.uphold_refusal(case, on=end, note="经复核不符合条件", by=by)
            if case.state != "granted":
                return
        else:
            workflow.grant(case, on=decided, by=by)
    start = case.objection_decided_on or case.decided_on
    assert start is not None
    assigned = start + dt.timedelta(days=rng.choice((0, 1, 1, 2, 3, 4)))
    if assigned > today or (age < 5 and rng.random() < 0.5):
        return  # awaiting assignment
    workflow.assign(case, on=assigned, provider=rng.choice(LAWYERS), by=by)
    closed = assigned + dt.timedelta(days=rng.randint(30, 150))
    if closed <= today:
        yuan = (
            rng.choice((0, 0, 3000, 8500, 12000, 26000, 45800))
            if kind in (MatterType.LABOUR, MatterType.OTHER, MatterType.CIVIL)
            else 0
        )
        workflow.close(case, on=closed, amount_recovered=str(yuan), by=by)


def _bulk_row(received: dt.date, rng: random.Random, today: dt.date) -> dict[str, Any]:
    """A concluded case of past months, as an import row (the same bulk path as Excel)."""
    kind = pick(rng, {k: v[1] for k, v in MATTERS.items()})
    notified = kind == MatterType.CRIMINAL
    refused = not notified and rng.random() < 0.05
    decided = received + dt.timedelta(days=rng.choice((1, 2, 3, 5, 6, 8)))
    assigned = decided + dt.timedelta(days=rng.choice((0, 1, 2, 3, 4)))
    closed = assigned + dt.timedelta(days=rng.randint(30, 150))
    yuan = rng.choice((0, 0, 3000, 8500, 12000, 26000, 45800)) if kind == MatterType.LABOUR else 0
    return {
        "case_number": "",
        "channel": Channel.NOTIFICATION if notified else Channel.APPLICATION,
        "received_on": received,
        "applicant": person_name(rng),
        "beneficiaries": rng.choice((1, 1, 1, 2, 3)) if kind == MatterType.LABOUR else 1,
        "matter_type": kind,
        "matter": MATTERS[kind][0],
        "basis": Basis.NOTIFIED if notified else Basis.HARDSHIP,
        "hardship_proof": "" if notified else "低保证",
        "limitation_on": None,
        "decided_on": None if notified else decided,
        "refusal_reasons": "申请人家庭经济状况不符合本地经济困难标准" if refused else "",
        "assigned_on": None if refused else (received if notified else assigned),
        "provider": "" if refused else rng.choice(LAWYERS),
        "closed_on": None if refused or closed > today else closed,
        "amount_recovered": str(yuan if closed <= today and not refused else 0),
        "amount_recovered_fen": (yuan if closed <= today and not refused else 0) * 100,
        "notes": "",
    }


def _recent(place: Any, today: dt.date, by: Any) -> None:
    """A few open cases whatever the dice say: one past its 7 days, one paused for material,
    one near its limitation date (先行提供), a detainee's request not yet forwarded."""

    def new(days_ago: int, **kw: Any) -> LegalAidCase:
        fields: dict[str, Any] = {
            "jurisdiction": place.jurisdiction,
            "department": place.handling,
            "applicant": "赵大勇",
            "matter_type": MatterType.LABOUR,
            "matter": "追索劳动报酬",
            "basis": Basis.HARDSHIP,
            "hardship_proof": "个人诚信承诺",
            "received_on": today - dt.timedelta(days=days_ago),
            **kw,
        }
        return workflow.receive(LegalAidCase(**fields), by=by)

    new(10, applicant="钱小芳")  # overdue decision
    paused = new(4, applicant="孙建国")
    workflow.request_supplement(
        paused,
        on=today - dt.timedelta(days=2),
        supplement_days=15,
        note="请补充劳动关系证明",
        by=by,
    )
    new(1, applicant="周玉兰", limitation_on=today + dt.timedelta(days=5))
    now = timezone.localtime()
    new(
        0,
        applicant="吴某某",
        channel=Channel.DETAINEE,
        matter_type=MatterType.CRIMINAL,
        matter="刑事辩护",
        request_received_at=now - dt.timedelta(hours=30),
    )


def populate(ctx: DemoContext) -> None:
    if LegalAidCase.objects.exists():
        ctx.log.append("法律援助：已有案件，跳过演示数据")
        return
    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    users = {"990102": ctx.users["fzb"], "990103": ctx.users["yb_fzb"]}
    per_year = {"990102": 130, "990103": 90}
    for place in places(ctx):
        by = users[place.jurisdiction.code]
        context = importers.context_for(by)
        assert context is not None
        bulk = []
        for year in range(2023, today.year + 1):
            for received in dates_in(rng, year, per_year[place.jurisdiction.code], today):
                if (today - received).days > 200 and rng.random() < 0.85:
                    bulk.append(_bulk_row(received, rng, today))
                else:
                    _case(place, received, rng, today, by)
        importers.create(bulk, by, context)
        _recent(place, today, by)
        days = []
        d = dt.date(2023, 1, 2)
        while d <= today:
            if d.weekday() < 5:
                days.append(
                    ServiceDay(
                        jurisdiction=place.jurisdiction,
                        department=place.handling,
                        on=d,
                        consultations=rng.randint(2, 15),
                        documents_drafted=rng.randint(0, 3),
                    )
                )
            d += DAY
        ServiceDay.objects.bulk_create(days)
    workflow.lapse_supplements(today)  # what the daily run would have done by now
    ctx.log.append(f"法律援助：示例县、样板县演示案件 {LegalAidCase.objects.count()} 件")
