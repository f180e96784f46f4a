"""Demo mediation for 示例县 and 样板县, 2023 to today: committees (a township committee per
township name, village committees, a 医疗 and a 交通 专业性 committee, a 物业 行业性 one) with
专职/兼职 mediators, about a thousand disputes a county a year, and daily on-the-spot counts.

Mediation is the high-volume ledger, so the concluded disputes of past months go in through the
same bulk path as the Excel import (`importers.create`, one statement per table); the recent
ones — still being mediated (some past the month), written agreements awaiting signatures, in
their 司法确认 window — are walked through the real workflow with their clocks."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from fazhi.casework.demo import PLACES, dates_in, person_name, pick, places
from fazhi.ledgers.mediation import importers, workflow
from fazhi.ledgers.mediation.models import (
    ConsultationDay,
    MediationCase,
    MediationCommittee,
    Mediator,
)
from fazhi.ledgers.mediation.states import AgreementForm, DisputeType, Referral, Source
from fazhi.org.demo import DemoContext

ORDER = 70
TYPES = {
    DisputeType.NEIGHBOUR: 30,
    DisputeType.MARRIAGE_FAMILY: 22,
    DisputeType.DAMAGES: 12,
    DisputeType.LAND: 10,
    DisputeType.LABOUR: 7,
    DisputeType.PROPERTY: 6,
    DisputeType.CONTRACT: 5,
    DisputeType.TRAFFIC: 4,
    DisputeType.MEDICAL: 2,
    DisputeType.OTHER: 2,
}
SUMMARIES = {
    DisputeType.NEIGHBOUR: "宅基地界址及排水纠纷",
    DisputeType.MARRIAGE_FAMILY: "赡养老人费用分担纠纷",
    DisputeType.DAMAGES: "饲养动物致人损害赔偿纠纷",
    DisputeType.LAND: "土地承包经营权边界纠纷",
    DisputeType.LABOUR: "拖欠务工人员工资纠纷",
    DisputeType.PROPERTY: "物业服务费及漏水维修纠纷",
    DisputeType.CONTRACT: "农资买卖合同货款纠纷",
    DisputeType.TRAFFIC: "交通事故损害赔偿纠纷",
    DisputeType.MEDICAL: "医疗损害赔偿纠纷",
    DisputeType.OTHER: "其他民间纠纷",
}
RECENT = dt.timedelta(days=75)  # disputes received since then are walked through the workflow


def _committees(place: Any, rng: random.Random) -> list[MediationCommittee]:
    j, office = place.jurisdiction, place.handling
    specs = [(f"{t}镇人民调解委员会", "township", f"{t}镇") for t in PLACES[:4]]
    specs += [
        (f"{t}村人民调解委员会", "village", f"{PLACES[i % 4]}镇") for i, t in enumerate(PLACES[4:])
    ]
    specs += [
        (f"{j.name}医疗纠纷人民调解委员会", "professional", ""),
        (f"{j.name}道路交通事故纠纷人民调解委员会", "professional", ""),
        (f"{j.name}物业纠纷人民调解委员会", "trade", ""),
    ]
    out = []
    for name, kind, township in specs:
        c, _ = MediationCommittee.objects.get_or_create(
            jurisdiction=j,
            name=name,
            defaults={
                "department": office,
                "kind": kind,
                "township": township,
                "established_on": dt.date(rng.choice((2011, 2012, 2015, 2019)), 3, 1),
            },
        )
        out.append(c)
    # One village committee merged in mid-2024: counted in 2024, not in 2025.
    MediationCommittee.objects.get_or_create(
        jurisdiction=j,
        name="石桥村人民调解委员会",
        defaults={
            "department": office,
            "kind": "village",
            "township": f"{PLACES[0]}镇",
            "established_on": dt.date(2012, 5, 1),
            "dissolved_on": dt.date(2024, 6, 30),
        },
    )
    return out


def _mediators(committees: list[MediationCommittee], rng: random.Random) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = {}
    for c in committees:
        n = 5 if c.kind in ("township", "professional") else 3
        rows = [
            Mediator(
                committee=c,
                name=person_name(rng),
                kind="full_time" if i < (2 if c.kind != "village" else 0) else "part_time",
                appointed_on=c.established_on,
                left_on=dt.date(2025, 3, 31) if i == n - 1 and c.kind == "village" else None,
            )
            for i in range(n)
        ]
        Mediator.objects.bulk_create(rows)
        out[c.pk] = list(Mediator.objects.filter(committee=c, left_on__isnull=True))
    return out


def _row(
    committee: MediationCommittee,
    mediator: Any,
    received: dt.date,
    rng: random.Random,
    today: dt.date,
) -> dict[str, Any]:
    kind = pick(rng, TYPES)
    ended = received + dt.timedelta(days=rng.choice((0, 1, 3, 7, 12, 20, 28, 35)))
    outcome = pick(rng, {"oral": 52, "written": 41, "failed": 7})
    written = outcome == "written"
    return {
        "case_number": "",
        "committee": committee.name,
        "mediator": mediator.name if mediator else "",
        "received_on": received,
        "parties": f"{person_name(rng)}、{person_name(rng)}",
        "dispute_type": kind,
        "source": pick(rng, {Source.APPLICATION: 70, Source.SCREENED: 25, Source.REFERRED: 5}),
        "is_major": rng.random() < 0.03,
        "summary": SUMMARIES[kind],
        "concluded_on": min(ended, today),
        "agreement_form": {"oral": AgreementForm.ORAL, "written": AgreementForm.WRITTEN}.get(
            outcome, ""
        ),
        "agreement_effective_on": min(ended + dt.timedelta(days=rng.choice((0, 0, 1, 2))), today)
        if written
        else None,
        "referral": pick(
            rng, {Referral.LITIGATION: 60, Referral.ARBITRATION: 15, Referral.ADMINISTRATIVE: 25}
        )
        if outcome == "failed"
        else "",
        "notes": "",
    }


def _walk(case_kw: dict[str, Any], rng: random.Random, today: dt.date, by: Any) -> None:
    """A recent dispute through the real workflow: open, overdue, signing or in its window."""
    case = workflow.receive(MediationCase(**case_kw["fields"]), by=by, children=case_kw["parties"])
    age = (today - case.received_on).days
    roll = rng.random()
    if roll < 0.35 and age < 40:
        return  # still being mediated (those past a month show as overdue)
    on = min(today, case.received_on + dt.timedelta(days=rng.randint(1, 25)))
    if roll < 0.6:
        workflow.resolve_oral(case, on=on, by=by)
    elif roll < 0.95:
        workflow.resolve_written(case, on=on, by=by, agreement_terms="双方同意按约定分期履行赔偿。")
        if rng.random() < 0.3:
            return  # awaiting signatures
        workflow.sign(case, on=on, signer="all", by=by)
        workflow.take_effect(case, on=on, by=by)
        applied = on + dt.timedelta(days=rng.randint(5, 20))
        if rng.random() < 0.3 and applied <= today:
            workflow.apply_confirmation(
                case, on=applied, confirmation_court=f"{case.jurisdiction.name}人民法院", by=by
            )
    else:
        workflow.fail(case, on=on, referral=Referral.LITIGATION, by=by)


def populate(ctx: DemoContext) -> None:
    if MediationCase.objects.exists():
        ctx.log.append("人民调解：已有纠纷，跳过演示数据")
        return
    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    users = {"990102": ctx.users["fzb"], "990103": ctx.users["yb_fzb"]}
    per_year = {"990102": 1050, "990103": 640}
    if ctx.scale:
        per_year = {k: max(60, v * ctx.scale // 100) for k, v in per_year.items()}
    for place in places(ctx):
        by = users[place.jurisdiction.code]
        committees = _committees(place, rng)
        mediators = _mediators(committees, rng)
        context = importers.context_for(by)
        assert context is not None
        bulk: list[dict[str, Any]] = []
        walk: list[dict[str, Any]] = []
        for year in range(2023, today.year + 1):
            for received in dates_in(rng, year, per_year[place.jurisdiction.code], today):
                c = rng.choices(
                    committees, weights=[6 if x.kind == "township" else 2 for x in committees]
                )[0]
                m = rng.choice(mediators[c.pk]) if mediators[c.pk] else None
                if today - received < RECENT and rng.random() < 0.3:
                    walk.append(
                        {
                            "fields": dict(
                                jurisdiction=place.jurisdiction,
                                department=place.handling,
                                committee=c,
                                mediator=m,
                                received_on=received,
                                dispute_type=pick(rng, TYPES),
                                is_major=rng.random() < 0.05,
                            ),
                            "parties": [{"name": person_name(rng)}, {"name": person_name(rng)}],
                        }
                    )
                else:
                    bulk.append(_row(c, m, received, rng, today))
        importers.create(bulk, by, context)
        for kw in walk:
            _walk(kw, rng, today, by)
        days = []
        for c in committees:
            d = dt.date(2023, 1, 2)
            while d <= today:
                if d.weekday() < 5 and rng.random() < 0.35:
                    days.append(ConsultationDay(committee=c, on=d, count=rng.randint(1, 6)))
                d += dt.timedelta(days=1)
        ConsultationDay.objects.bulk_create(days)
    workflow.lapse_confirmation(today)  # what the daily run would have done by now
    ctx.log.append(f"人民调解：示例县、样板县演示纠纷 {MediationCase.objects.count()} 件")
