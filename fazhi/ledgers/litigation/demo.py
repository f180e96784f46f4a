"""Demo lawsuits for 示例县 and 样板县, 2023 to today, each walked through the real workflow:
first instances with hearings (mostly a head present; now and then a lawyer alone, a bureau head
standing in for the government, a head without the sealed proof), appeals with 二审 rows,
withdrawals after the act was changed, losses, links to concluded 复议 cases, and open cases
whose defence period is running or overdue."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from django.utils import timezone

from fazhi.casework.choices import ActCategory
from fazhi.casework.demo import (
    Place,
    agency_name,
    company_name,
    dates_in,
    person_name,
    pick,
    places,
)
from fazhi.ledgers.litigation import workflow
from fazhi.ledgers.litigation.models import LitigationCase
from fazhi.ledgers.litigation.states import (
    DecisionKind,
    Disposition,
    Instance,
    MandatoryAttendance,
    OrganRelation,
    Role,
    WithdrawalReason,
)
from fazhi.ledgers.reconsideration.api import cases_in
from fazhi.org.demo import DemoContext

ORDER = 50  # after 行政复议 (40): lawsuits link to its concluded cases
DAY = dt.timedelta(days=1)
OUTCOMES = {
    Disposition.CLAIMS_REJECTED: 45,
    Disposition.SUIT_DISMISSED: 12,
    "withdraw": 25,
    Disposition.REVOKED: 6,
    Disposition.CONFIRMED_ILLEGAL: 4,
    Disposition.ORDERED_TO_PERFORM: 2,
}
ROLES = {"head": 88, Role.LAWYER: 4, "stand_in": 3, "no_proof": 2, Role.STAFF: 3}
ACTS = {
    ActCategory.PENALTY: "作出的行政处罚决定",
    ActCategory.EXPROPRIATION: "作出的房屋征收补偿决定",
    ActCategory.NONPERFORMANCE: "未履行法定职责",
    ActCategory.DISCLOSURE: "作出的政府信息公开答复",
    ActCategory.CONFIRMATION: "作出的工伤认定决定",
}


def _hearing(case: LitigationCase, on: dt.date, rng: random.Random, by: Any) -> None:
    kind = pick(rng, ROLES)
    draw = rng.random()  # one draw, as before: the rest of the demo stays the same
    # Some sessions are attended by the organ's 正职 in person (report part 3 reads them).
    role = Role.PRINCIPAL if draw < 0.12 else Role.DEPUTY if draw < 0.7 else Role.LEADER_IN_CHARGE
    fields: dict[str, Any] = {
        "role": role,
        "appearer_name": person_name(rng),
        "appearer_title": "局长" if role == Role.PRINCIPAL else "副局长",
        "organ_relation": OrganRelation.OWN,
        "identity_proved": True,
        "spoke_on_substance": rng.random() < 0.9,
        "lawyer_present": True,
    }
    if kind == Role.LAWYER:
        fields.update(role=Role.LAWYER, appearer_name="陈律师", appearer_title="律师")
    elif kind == "stand_in":
        fields.update(organ_relation=OrganRelation.SUBORDINATE, appearer_title="乡镇长")
    elif kind == "no_proof":
        fields.update(identity_proved=False)
    elif kind == Role.STAFF:
        fields.update(role=Role.STAFF, appearer_title="法制科科长")
    notice = on - dt.timedelta(days=rng.choice((2, 5, 7, 10)))
    workflow.schedule_hearing(case, on=on, notice_received_on=notice, by=by)
    workflow.hold_hearing(case, on=on, by=by, **fields)


def _lawsuit(
    place: Place, received: dt.date, rng: random.Random, today: dt.date, by: Any, links: list[Any]
) -> None:
    category = rng.choice(list(ACTS))
    link = links.pop() if links and rng.random() < 0.5 else None
    # After a 复议 the defendant is the agency whose act was reviewed (the 复议机关 joins it
    # as co-defendant when it upheld the act).
    dept = next(
        (d for d in place.respondents if link and d.pk == link.respondent_department_id),
        rng.choice(place.respondents),
    )
    case = workflow.receive(
        LitigationCase(
            jurisdiction=place.jurisdiction,
            handling_department=place.handling,
            court_name=f"{place.jurisdiction.name}人民法院",
            court_case_number=f"（{received.year}）示{rng.randint(1000, 9999)}行初{rng.randint(1, 300)}号",
            trial_level=Instance.FIRST,
            complaint_received_on=received,
            plaintiffs=person_name(rng) if rng.random() < 0.8 else company_name(rng),
            defendant_department=dept,
            defendant_name=agency_name(place.jurisdiction, dept),
            act_category=category,
            act_description=ACTS[category],
            reconsideration_case_id=link.pk if link else None,
            mandatory_attendance=MandatoryAttendance.COURT_NOTICE
            if rng.random() < 0.05
            else MandatoryAttendance.NONE,
        ),
        by=by,
    )
    answered = received + dt.timedelta(days=rng.randint(5, 17))  # now and then late
    if answered > today:
        return
    workflow.answer(case, on=answered, by=by)
    outcome = pick(rng, OUTCOMES)
    decided = answered + dt.timedelta(days=rng.randint(30, 120))
    if outcome == "withdraw":
        on = answered + dt.timedelta(days=rng.randint(10, 60))
        if on <= today:
            reason = rng.choice(list(WithdrawalReason))
            changed = on - dt.timedelta(days=3) if reason == WithdrawalReason.ACT_CHANGED else None
            workflow.withdraw(case, on=on, withdrawal_reason=reason, act_changed_on=changed, by=by)
        return
    heard = answered + dt.timedelta(days=rng.randint(15, 45))
    if heard <= today:
        _hearing(case, heard, rng, by)
    if heard < today and rng.random() < 0.1:
        _hearing(case, min(today, heard + dt.timedelta(days=20)), rng, by)
    if decided > today or heard > today:
        return
    kind = DecisionKind.RULING if outcome == Disposition.SUIT_DISMISSED else DecisionKind.JUDGMENT
    served = decided + dt.timedelta(days=rng.randint(2, 7))
    if served > today:
        served = None  # type: ignore[assignment]
    workflow.decide(
        case, on=decided, decision_kind=kind, disposition=outcome, served_on=served, by=by
    )
    if served is None:
        return
    limit = served + dt.timedelta(days=16)
    if rng.random() < 0.25 and served + DAY * 25 <= today:
        workflow.appeal(case, on=served + DAY * 10, appellant="plaintiff", by=by)
        second = workflow.receive(
            LitigationCase(
                jurisdiction=case.jurisdiction,
                handling_department=case.handling_department,
                court_name="示例市中级人民法院",
                trial_level=Instance.SECOND,
                previous_instance=case,
                complaint_received_on=served + DAY * 25,
                plaintiffs=case.plaintiffs,
                defendant_department=case.defendant_department,
                defendant_name=case.defendant_name,
                act_category=case.act_category,
                act_description=case.act_description,
            ),
            by=by,
        )
        on = served + DAY * 40
        if on <= today:
            workflow.answer(second, on=on, by=by)
            workflow.decide(
                second,
                on=on + DAY * 45 if on + DAY * 45 <= today else on,
                decision_kind=DecisionKind.JUDGMENT,
                disposition=Disposition.APPEAL_DISMISSED,
                served_on=None,
                by=by,
            )
    elif limit <= today:
        workflow.become_effective(case, on=limit, by=by)
        if case.is_loss and limit + DAY * 30 <= today:
            workflow.perform(case, on=limit + DAY * 30, by=by)


def populate(ctx: DemoContext) -> None:
    if LitigationCase.objects.exists():
        ctx.log.append("行政应诉：已有案件，跳过演示数据")
        return
    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    users = {"990102": ctx.users["fzb"], "990103": ctx.users["yb_fzb"]}
    for place in places(ctx):
        by = users[place.jurisdiction.code]
        for year in range(2023, today.year + 1):
            links = cases_in(place.jurisdiction.pk, year)
            rng.shuffle(links)
            n = rng.randint(18, 30)
            if year == today.year:
                n = n * today.timetuple().tm_yday // 365
            for received in dates_in(rng, year, n, today):
                _lawsuit(place, received, rng, today, by, links)
    ctx.log.append(f"行政应诉：示例县、样板县演示案件 {LitigationCase.objects.count()} 件")
