"""Demo 行政复议 cases for 示例县 and 样板县, 2023 to today: both law versions, every outcome,
corrections, suspensions, extensions, carried-over, overdue and paused cases.

Most cases are written in bulk (one history row each, event "imported", clocks only for the
open ones); a few recent cases per county go through the real workflow so that their pages show
a full history. `load_demo --scale N` adds N more cases the same bulk way.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from fazhi.casework.demo import (
    PLACES,
    Place,
    agency_name,
    company_name,
    dates_in,
    person_name,
    pick,
    places,
)
from fazhi.clocks.engine import compute
from fazhi.clocks.spec import ClockError, Unit
from fazhi.imports.history import bulk_create_audited
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.importers import start_clocks
from fazhi.ledgers.reconsideration.models import Applicant, ReconsiderationCase
from fazhi.ledgers.reconsideration.states import (
    ActCategory,
    ApplicantKind,
    Channel,
    HearingForm,
    LawVersion,
    Outcome,
    Procedure,
    State,
    TerminationReason,
    law_version_for,
)
from fazhi.org.demo import DemoContext

ORDER = 40
LATE_NOTE = "超过法定申请期限，依法不予受理"
DAY = dt.timedelta(days=1)

ACTS = {
    ActCategory.PENALTY: [
        "作出的行政处罚决定（罚款）",
        "作出的责令停产停业处罚决定",
        "作出的行政拘留处罚决定",
        "作出的没收违法所得决定",
    ],
    ActCategory.COERCION: ["作出的查封扣押决定", "作出的强制拆除决定"],
    ActCategory.LICENSING: ["作出的不予行政许可决定", "作出的撤销许可决定"],
    ActCategory.DISCLOSURE: ["作出的政府信息公开答复", "逾期未答复政府信息公开申请"],
    ActCategory.NONPERFORMANCE: ["未履行查处违法建设的法定职责", "未对举报事项作出处理"],
    ActCategory.CONFIRMATION: ["作出的工伤认定决定", "作出的不予确认工伤决定"],
    ActCategory.EXPROPRIATION: ["作出的房屋征收补偿决定", "作出的土地征收补偿安置方案"],
    ActCategory.OTHER: ["作出的信访事项处理意见", "作出的行政协议解除通知"],
}
CATEGORY_WEIGHTS = {
    ActCategory.PENALTY: 34,
    ActCategory.COERCION: 7,
    ActCategory.LICENSING: 8,
    ActCategory.DISCLOSURE: 14,
    ActCategory.NONPERFORMANCE: 12,
    ActCategory.CONFIRMATION: 11,
    ActCategory.EXPROPRIATION: 8,
    ActCategory.OTHER: 6,
}
OUTCOME_WEIGHTS = {
    Outcome.UPHELD: 40,
    Outcome.REVOKED: 10,
    Outcome.CHANGED: 3,
    Outcome.CONFIRMED_ILLEGAL: 7,
    Outcome.CONFIRMED_INVALID: 1,
    Outcome.ORDERED_TO_PERFORM: 4,
    Outcome.CLAIMS_REJECTED: 11,
    Outcome.APPLICATION_DISMISSED: 5,
    Outcome.TERMINATED: 12,
    Outcome.MEDIATED: 7,
}


def _person(rng: random.Random) -> tuple[str, str]:
    r = rng.random()
    if r < 0.78:
        return person_name(rng), ApplicantKind.NATURAL_PERSON
    if r < 0.95:
        return company_name(rng), ApplicantKind.LEGAL_PERSON
    return rng.choice(PLACES) + "村民委员会", ApplicantKind.OTHER_ORGANISATION


def _due(
    start: dt.date,
    length: int,
    *,
    pauses: Sequence[tuple[dt.date, dt.date]] = (),
    extension: int = 0,
) -> dt.date | None:
    try:
        return compute(start, length, Unit.CALENDAR_DAY, pauses=pauses, extension=extension).due_on
    except ClockError:
        return None


def simulate(
    rng: random.Random, place: Place, received: dt.date, today: dt.date
) -> tuple[ReconsiderationCase, dict[str, Any]]:
    """One case as it stands today: its timeline drawn at random, cut off at `today`."""
    version = law_version_for(received)
    simplified = version == LawVersion.V2023 and rng.random() < 0.22
    category = pick(rng, CATEGORY_WEIGHTS)
    respondent = rng.choice(place.respondents)
    name, kind = _person(rng)
    c = ReconsiderationCase(
        jurisdiction=place.jurisdiction,
        handling_department=place.handling,
        law_version=version,
        procedure=Procedure.SIMPLIFIED if simplified else Procedure.ORDINARY,
        channel=rng.choices(Channel.values, weights=[45, 25, 25, 5])[0],
        applicant_names=name,
        respondent_department=respondent,
        respondent_name=agency_name(place.jurisdiction, respondent),
        act_category=category,
        act_description=rng.choice(ACTS[category]),
        request="请求撤销该行政行为"
        if category != ActCategory.NONPERFORMANCE
        else "请求责令被申请人履行法定职责",
        received_on=received,
        state=State.RECEIVED,
    )
    applicant = {
        "name": name,
        "kind": kind,
        "phone": f"13{rng.randint(100000000, 999999999)}",
        "agent_name": rng.choice(["", "", "", "刘律师", "陈律师"]),
    }

    def cut(on: dt.date | None) -> bool:
        """True if `on` has happened by today."""
        return on is not None and on <= today

    r = rng.random()
    if rng.random() < 0.2:
        # 知道该行政行为之日 recorded: mostly in time, now and then after the 60 days (refused).
        if rng.random() < 0.07:
            c.knew_of_act_on = received - dt.timedelta(days=rng.randint(64, 120))
            refused = received + dt.timedelta(days=rng.randint(1, 5))
            if cut(refused):
                c.state, c.closed_on = State.NOT_ACCEPTED, refused
                c.closure_note = LATE_NOTE
            return c, applicant
        c.knew_of_act_on = received - dt.timedelta(days=rng.randint(2, 56))
    if rng.random() < 0.12:
        c.correction_requested_on = received + dt.timedelta(days=rng.randint(1, 5))
        if not cut(c.correction_requested_on):
            c.correction_requested_on = None
        elif rng.random() < 0.9:
            got = c.correction_requested_on + dt.timedelta(days=rng.randint(2, 14))
            if cut(got):
                c.correction_received_on = got
            else:
                c.state = State.CORRECTION_REQUESTED
                return c, applicant
        elif version == LawVersion.V2023:
            # Never answered: the daily lapse run (deem_abandoned_all) closes it once the
            # 补正 period (from the notice's service, Art. 31(2)) has run out.
            c.state = State.CORRECTION_REQUESTED
            c.correction_served_on = c.correction_requested_on + dt.timedelta(days=2)
            c.correction_service_method = "post"
            return c, applicant
        else:
            # The 2017 text sets no period for the applicant: closed by hand.
            c.state, c.closed_on = (
                State.WITHDRAWN,
                c.correction_requested_on + dt.timedelta(days=16),
            )
            c.closure_note = "逾期未补正，视为放弃行政复议申请"
            if not cut(c.closed_on):
                c.state, c.closed_on, c.closure_note = State.CORRECTION_REQUESTED, None, ""
            return c, applicant
    base = c.correction_received_on or received
    if r < 0.15:
        ends = {
            State.NOT_ACCEPTED: "不属于行政复议范围",
            State.WITHDRAWN: "经沟通协调，申请人撤回申请",
            State.REDIRECTED: "告知申请人向有管辖权的机关提出",
        }
        state = rng.choices(list(ends), weights=[8, 4, 3])[0]
        closed = base + dt.timedelta(days=rng.randint(1, 5))
        if cut(closed):
            c.state, c.closed_on, c.closure_note = state, closed, ends[state]
        return c, applicant
    accepted = base + dt.timedelta(days=rng.randint(1, 6))
    if not cut(accepted):
        return c, applicant
    c.accepted_on, c.state = accepted, State.ACCEPTED
    c.deemed_accepted = rng.random() < 0.05
    copy = accepted + dt.timedelta(days=rng.randint(1, 6 if not simplified else 3))
    if not cut(copy):
        return c, applicant
    c.copy_sent_on, c.state = copy, State.ANSWER_REQUESTED
    served = copy + dt.timedelta(days=1)  # handed over the next day
    c.copy_served_on = served if cut(served) else None
    answer = copy + dt.timedelta(days=rng.randint(3, 13 if not simplified else 6))
    if not cut(answer):
        return c, applicant
    c.answered_on, c.state = answer, State.UNDER_REVIEW
    length = 30 if simplified else 60
    pauses: list[tuple[dt.date, dt.date]] = []
    if rng.random() < 0.09:
        s_from = answer + dt.timedelta(days=rng.randint(2, 15))
        s_to = s_from + dt.timedelta(days=rng.randint(10, 45))
        if cut(s_from) and not cut(s_to + DAY):
            c.state, c.suspended_on, c.suspension_reason = (
                State.SUSPENDED,
                s_from,
                "申请人、被申请人同意和解，中止审理",
            )
            return c, applicant
        if cut(s_to + DAY):
            pauses.append((s_from, s_to))
            c.notes = f"曾于{s_from:%Y-%m-%d}至{s_to:%Y-%m-%d}中止审理"
    extension = 0
    if not simplified and rng.random() < 0.08:
        extension = 30
        c.extension_days = 30
    due = _due(accepted, length, pauses=pauses, extension=extension)
    c.decision_due_on = due
    if extension:
        c.extended_on = accepted + dt.timedelta(days=50)
        if not cut(c.extended_on):
            c.extended_on, c.extension_days, extension = None, None, 0
            c.decision_due_on = due = _due(accepted, length, pauses=pauses)
    # Forgotten recent cases: the overdue ones on the deadline board.
    stuck = received >= today - dt.timedelta(days=200) and rng.random() < 0.06
    span = length + extension + sum((b - a).days + 1 for a, b in pauses)
    closed = accepted + dt.timedelta(
        days=rng.randint(min(20, span - 5), span + (8 if rng.random() < 0.06 else -1))
    )
    if rng.random() < 0.22:
        c.hearing_form = HearingForm.OPINIONS if rng.random() < 0.75 else HearingForm.HEARING
        heard = answer + dt.timedelta(days=rng.randint(1, 10))
        if cut(heard) and heard <= closed:
            c.hearing_on = heard
        else:
            c.hearing_form = HearingForm.WRITTEN
    if stuck or not cut(closed):
        return c, applicant
    outcome = pick(rng, OUTCOME_WEIGHTS)
    if version == LawVersion.V2017 and outcome == Outcome.CONFIRMED_INVALID:
        outcome = Outcome.CONFIRMED_ILLEGAL
    c.state, c.closed_on, c.outcome = State.CONCLUDED, closed, outcome
    if outcome == Outcome.TERMINATED:
        c.termination_reason = rng.choices(
            [TerminationReason.WITHDRAWN, TerminationReason.SETTLED, TerminationReason.OTHER],
            weights=[5, 4, 1],
        )[0]
    c.concluded_on_time = None if due is None else closed <= due
    c.opinion_letter = (
        outcome in (Outcome.REVOKED, Outcome.CONFIRMED_ILLEGAL) and rng.random() < 0.25
    )
    c.recommendation_letter = rng.random() < 0.02
    return c, applicant


@transaction.atomic
def write_cases(
    places_and_dates: list[tuple[Place, dt.date]],
    rng: random.Random,
    today: dt.date,
    *,
    by: Any = None,
) -> int:
    sims = [(p, *simulate(rng, p, d, today)) for p, d in places_and_dates]
    need: dict[tuple[int, int], int] = {}
    for p, c, _ in sims:
        key = (p.jurisdiction.pk, c.received_on.year)
        need[key] = need.get(key, 0) + 1
    numbers = {
        key: iter(
            workflow.allocate_number(
                next(p.jurisdiction for p, _, _ in sims if p.jurisdiction.pk == key[0]),
                key[1],
                count=n,
            )
        )
        for key, n in need.items()
    }
    for p, c, _ in sims:
        c.case_serial, c.case_number = next(numbers[(p.jurisdiction.pk, c.received_on.year)])
        c.case_year = c.received_on.year
        if (
            c.accepted_on
            and c.received_on.year < today.year
            and (c.closed_on is None or c.closed_on.year > c.received_on.year)
        ):
            c.carried_over = True
    created = bulk_create_audited([c for _, c, _ in sims], by=by, event="imported")
    bulk_create_audited(
        [Applicant(case=c, **a) for c, (_, _, a) in zip(created, sims, strict=True)],
        by=by,
        event="imported",
    )
    start_clocks([c for c in created if c.state not in (State.CONCLUDED,)], by=by)
    for c in created:
        workflow.start_application_period(c, by=by)
    return len(created)


def _walkthrough(ctx: DemoContext, place: Place, today: dt.date) -> None:
    """A few cases that went through the real workflow, so their pages show every step."""
    officer = ctx.users["fuyi"] if place.jurisdiction.code == "990102" else ctx.users["yb_fuyi"]
    head = (
        ctx.users["fuyi_head"] if place.jurisdiction.code == "990102" else ctx.users["yb_fuyi_head"]
    )
    respondent = place.respondents[1]

    def new(received: dt.date, name: str, act: str, **extra: Any) -> ReconsiderationCase:
        case = ReconsiderationCase(
            jurisdiction=place.jurisdiction,
            handling_department=place.handling,
            respondent_department=respondent,
            respondent_name=agency_name(place.jurisdiction, respondent),
            act_category=ActCategory.PENALTY,
            act_description=act,
            request="请求撤销该行政处罚决定",
            received_on=received,
            handler=officer,
            **extra,
        )
        return workflow.receive(
            case,
            applicants=[
                {"name": name, "kind": ApplicantKind.NATURAL_PERSON, "agent_name": "陈律师"}
            ],
            by=officer,
        )

    wd = lambda n: today - dt.timedelta(days=n)  # noqa: E731
    # Decided with 补正 and an extension.
    c = new(wd(120), "周建华", "作出的罚款二千元的行政处罚决定")
    workflow.request_correction(c, on=wd(118), by=officer, note="行政处罚决定书复印件、身份证明")
    workflow.receive_correction(c, on=wd(112), by=officer)
    workflow.accept(c, on=wd(110), by=officer)
    workflow.send_copy(c, on=wd(108), served_on=wd(107), by=officer)
    workflow.record_answer(c, on=wd(100), by=officer)
    workflow.hold_hearing(c, on=wd(90), form=HearingForm.HEARING, by=officer)
    workflow.extend(c, on=wd(60), days=30, by=head)
    workflow.decide(c, outcome=Outcome.REVOKED, on=wd(40), by=officer)
    # Under review, suspended now (paused on the board).
    c = new(wd(50), "吴秀英", "作出的责令限期拆除决定")
    workflow.accept(c, on=wd(47), by=officer)
    workflow.send_copy(c, on=wd(45), served_on=wd(44), by=officer)
    workflow.record_answer(c, on=wd(36), by=officer)
    workflow.suspend(
        c, on=wd(20), ground="mediation", reason="申请人、被申请人同意和解，中止审理", by=officer
    )
    # Waiting for the respondent's answer, due soon.
    c = new(wd(12), "郑海波", "作出的没收违法所得决定")
    workflow.accept(c, on=wd(10), by=officer)
    workflow.send_copy(c, on=wd(8), served_on=wd(7), by=officer)
    # Just received: acceptance review running.
    new(wd(1), "孙丽", "作出的暂扣驾驶证决定")
    # Received and never decided: deemed accepted by the daily run below.
    new(wd(20), "林志强", "作出的警告处罚决定", knew_of_act_on=wd(45))
    # 补正 never supplied: deemed abandoned by the daily run below.
    c = new(wd(40), "何桂英", "作出的责令停产停业处罚决定", knew_of_act_on=wd(70))
    workflow.request_correction(
        c,
        on=wd(38),
        served_on=wd(37),
        method="post",
        by=officer,
        note="申请人身份证明、行政处罚决定书",
    )
    # Applied after the 60-day period: refused with the reason the page offers.
    c = new(wd(30), "马国强", "作出的没收非法财物决定", knew_of_act_on=wd(110))
    workflow.refuse(c, on=wd(27), by=officer, note=workflow.late_refusal_reason(c) or LATE_NOTE)


def populate(ctx: DemoContext) -> None:
    if ReconsiderationCase.objects.exists():
        ctx.log.append("行政复议：已有案件，跳过演示数据")
        if ctx.scale:
            add_scale(ctx, ctx.scale)
        return
    rng = random.Random(ctx.rng.random())
    today = timezone.localdate()
    batch: list[tuple[Place, dt.date]] = []
    for place in places(ctx):
        # The last weeks of 2022, so that 2023 starts with cases carried over.
        batch += [
            (place, dt.date(2022, 11, 1) + dt.timedelta(days=rng.randint(0, 60))) for _ in range(25)
        ]
        for year in range(2023, today.year + 1):
            n = rng.randint(110, 260)
            if year == today.year:
                n = n * today.timetuple().tm_yday // 365
            batch += [(place, d) for d in dates_in(rng, year, n, today)]
    write_cases(batch, rng, today)
    for place in places(ctx):
        _walkthrough(ctx, place, today)
    # The daily lapse run (reconsideration_lapses): deemed acceptance, then deemed abandonment.
    deemed = workflow.deem_accepted_all(today=today)
    abandoned = workflow.deem_abandoned_all(today=today)
    ctx.log.append(
        f"行政复议：示例县、样板县演示案件 {ReconsiderationCase.objects.count()} 件（其中 {deemed} 件审查期满视为受理，"
        f"{abandoned} 件逾期未补正视为放弃）"
    )
    if ctx.scale:
        add_scale(ctx, ctx.scale)


def add_scale(ctx: DemoContext, count: int, *, chunk: int = 20000) -> int:
    """`load_demo --scale N`: N more cases over 2019 to today, in bulk."""
    rng = random.Random(ctx.seed_for("reconsideration-scale") if hasattr(ctx, "seed_for") else 7)
    today = timezone.localdate()
    where = places(ctx)
    first = dt.date(2019, 1, 1)
    span = (today - first).days
    done = 0
    while done < count:
        n = min(chunk, count - done)
        batch = [
            (rng.choice(where), first + dt.timedelta(days=rng.randint(0, span))) for _ in range(n)
        ]
        batch.sort(key=lambda pd: pd[1])
        write_cases(batch, rng, today)
        done += n
    ctx.log.append(f"行政复议：另生成 {count} 件（--scale）")
    return count
