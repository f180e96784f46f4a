"""The acceptance stage: 补正, 受理 (actual or deemed), 不予受理, 撤回, 告知/转送.

2023 text: acceptance review restarts in full when the corrected materials arrive (Art. 31(3)),
and a review period that lapses without a refusal means the case is deemed accepted on its last
day (Art. 30). 2017 text: the case counts as accepted on the day of receipt (old Art. 17), and
the time spent on 补正 is excluded from the decision period (实施条例 Art. 29), i.e. a pause.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from fazhi import clocks
from fazhi.clocks.models import Outcome as ClockOutcome
from fazhi.clocks.models import PauseKind
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import BEFORE_ACCEPTANCE, LawVersion, State
from fazhi.ledgers.reconsideration.workflow.base import (
    TransitionError,
    not_after_today,
    not_before,
    require_state,
    stop_if_open,
    write,
)

FROM_RECEIVED = (State.RECEIVED,)
FROM_CORRECTION = (State.CORRECTION_REQUESTED,)
# Art. 31(2) sets no cap on a 补正 extension; this bound only catches typing errors (and keeps
# the clocks' date arithmetic in range): about a year of working days.
MAX_CORRECTION_EXTENSION = 250


LAPSED_LABEL = "逾期未补正（视为放弃）"


def _stop_acceptance_clocks(
    case: ReconsiderationCase, on: dt.date, by: Any, *, abandoned: bool = False
) -> None:
    """Stop the review and the applicant's 补正 period; when the application is deemed
    abandoned the 补正 period lapsed (recorded on the clock, so it never reads 按期办结)."""
    specs = specs_for(case)
    stop_if_open(case, specs.acceptance_review, on=on, by=by)
    if abandoned:
        stop_if_open(
            case,
            specs.correction_response,
            on=on,
            by=by,
            outcome=ClockOutcome.LAPSED,
            outcome_label=LAPSED_LABEL,
        )
    else:
        stop_if_open(case, specs.correction_response, on=on, by=by)


@transaction.atomic
def request_correction(case: ReconsiderationCase, *, on: dt.date, by: Any, note: str = "") -> None:
    require_state(case, FROM_RECEIVED, "通知补正")
    if case.correction_requested_on is not None:
        raise TransitionError("本案已通知过补正；补正通知应一次性列明全部需补正事项")
    not_before(on, case.received_on, "补正通知日期", "收到申请日期")
    not_after_today(on, "补正通知日期")
    write(
        case,
        allowed=FROM_RECEIVED,
        changes={
            "state": State.CORRECTION_REQUESTED,
            "correction_requested_on": on,
            "correction_items": note[:300],
        },
        by=by,
        event="correction_requested",
        note=note,
        expect={"correction_requested_on__isnull": True},
    )
    specs = specs_for(case)
    # The notice clock ran from receipt; recording it now shows whether the notice was timely.
    clocks.start(case, specs.correction_notice, on=case.received_on, by=by)
    clocks.stop(case, specs.correction_notice, on=on, by=by)
    # The review waits for the materials (shown as paused on the board), then runs again in full.
    clocks.pause(
        case,
        specs.acceptance_review,
        on=on,
        reason="等待申请人补正",
        kind=PauseKind.CORRECTION,
        by=by,
    )
    if specs.correction_response is not None:
        clocks.start(case, specs.correction_response, on=on, by=by)


@transaction.atomic
def receive_correction(case: ReconsiderationCase, *, on: dt.date, by: Any, note: str = "") -> None:
    require_state(case, FROM_CORRECTION, "登记补正材料")
    not_before(on, case.correction_requested_on, "收到补正材料日期", "补正通知日期")
    not_after_today(on, "收到补正材料日期")
    write(
        case,
        allowed=FROM_CORRECTION,
        changes={"state": State.RECEIVED, "correction_received_on": on},
        by=by,
        event="corrected",
        note=note,
    )
    specs = specs_for(case)
    stop_if_open(case, specs.correction_response, on=on, by=by)
    # 2023 Art. 31(3): the review runs again in full from receipt of the materials.
    clocks.restart(case, specs.acceptance_review, on=on, by=by)


def _start_decision_clocks(case: ReconsiderationCase, *, by: Any) -> None:
    specs = specs_for(case)
    accepted_on = case.accepted_on
    assert accepted_on is not None
    clocks.start(case, specs.copy_to_respondent, on=accepted_on, by=by)
    clocks.start(case, specs.decision, on=accepted_on, by=by)
    if (
        case.law_version == LawVersion.V2017
        and case.correction_requested_on is not None
        and case.correction_received_on is not None
        and case.correction_requested_on >= accepted_on
    ):
        # 实施条例 Art. 29: the days from the notice to the materials do not count.
        clocks.pause(
            case,
            specs.decision,
            on=case.correction_requested_on,
            reason="补正（通知至收到补正材料）",
            kind=PauseKind.CORRECTION,  # not a 中止: not in reconsideration.suspended
            by=by,
        )
        clocks.resume(
            case, specs.decision, on=case.correction_received_on + dt.timedelta(days=1), by=by
        )
    sync_decision_due(case)


def sync_decision_due(case: ReconsiderationCase) -> None:
    """Keep the list page's cached 审理期限届满日 (and unconfirmed-calendar year) equal to the
    clock's. The `due_changed` receiver already wrote the row (on the clock's own instance of the
    case); this only brings `case` itself up to date, without writing the row a second time."""
    case.refresh_from_db(fields=["decision_due_on", "decision_due_flag_year"])


@transaction.atomic
def accept(case: ReconsiderationCase, *, on: dt.date, by: Any, note: str = "") -> None:
    require_state(case, FROM_RECEIVED, "受理")
    not_before(on, case.received_on, "受理日期", "收到申请日期")
    not_before(on, case.correction_received_on, "受理日期", "收到补正材料日期")
    not_after_today(on, "受理日期")
    write(
        case,
        allowed=FROM_RECEIVED,
        changes={"state": State.ACCEPTED, "accepted_on": on, "deemed_accepted": False},
        by=by,
        event="accepted",
        note=note,
    )
    _stop_acceptance_clocks(case, on, by)
    _start_decision_clocks(case, by=by)


def deemed_acceptance_date(case: ReconsiderationCase) -> dt.date | None:
    """The day the case counts as accepted if its review lapses, or None while it runs."""
    due = clocks.due(case, specs_for(case).acceptance_review)
    if due is None:
        return None
    if case.law_version == LawVersion.V2017:
        return case.received_on  # old Art. 17: accepted as of the day of receipt
    return due  # 2023 Art. 30(3): deemed accepted on the day the review period ends


@transaction.atomic
def deem_accepted(case: ReconsiderationCase, *, today: dt.date, by: Any = None) -> bool:
    """Apply the statutory acceptance if the review period has lapsed; True if it did."""
    if case.state != State.RECEIVED:
        return False
    due = clocks.due(case, specs_for(case).acceptance_review)
    if due is None or today <= due:
        return False
    accepted_on = deemed_acceptance_date(case)
    assert accepted_on is not None
    note = "审查期限届满未作出不予受理决定，依法视为受理"
    write(
        case,
        allowed=FROM_RECEIVED,
        changes={"state": State.ACCEPTED, "accepted_on": accepted_on, "deemed_accepted": True},
        by=by,
        event="deemed_accepted",
        note=note,
    )
    _stop_acceptance_clocks(case, due, by)
    _start_decision_clocks(case, by=by)
    return True


def deem_accepted_all(*, today: dt.date, queryset: Any = None) -> int:
    """Run `deem_accepted` over every case still awaiting acceptance; returns how many changed."""
    qs = queryset if queryset is not None else ReconsiderationCase.objects.all()
    n = 0
    for case in qs.filter(state=State.RECEIVED).order_by("id").iterator(chunk_size=500):
        if deem_accepted(case, today=today, by=None):
            n += 1
    return n


def _close_before_acceptance(
    case: ReconsiderationCase,
    *,
    state: str,
    on: dt.date,
    by: Any,
    event: str,
    note: str,
    action: str,
) -> None:
    require_state(case, BEFORE_ACCEPTANCE, action)
    not_before(on, case.received_on, "决定日期", "收到申请日期")
    not_after_today(on, "决定日期")
    if not note.strip() and state == State.NOT_ACCEPTED:
        raise TransitionError("不予受理须写明理由")
    write(
        case,
        allowed=BEFORE_ACCEPTANCE,
        changes={"state": state, "closed_on": on, "closure_note": note[:300]},
        by=by,
        event=event,
        note=note,
    )
    _stop_acceptance_clocks(case, on, by)


@transaction.atomic
def refuse(case: ReconsiderationCase, *, on: dt.date, by: Any, note: str = "") -> None:
    _close_before_acceptance(
        case,
        state=State.NOT_ACCEPTED,
        on=on,
        by=by,
        event="not_accepted",
        note=note,
        action="决定不予受理",
    )


@transaction.atomic
def withdraw(case: ReconsiderationCase, *, on: dt.date, by: Any, note: str = "") -> None:
    _close_before_acceptance(
        case, state=State.WITHDRAWN, on=on, by=by, event="withdrawn", note=note, action="登记撤回"
    )


@transaction.atomic
def redirect(case: ReconsiderationCase, *, on: dt.date, by: Any, note: str = "") -> None:
    _close_before_acceptance(
        case,
        state=State.REDIRECTED,
        on=on,
        by=by,
        event="redirected",
        note=note,
        action="告知或转送",
    )


# --- 补正 period: extension and lapse (2023 Art. 31(2)) ----------------------------------------


@transaction.atomic
def extend_correction(
    case: ReconsiderationCase, *, on: dt.date, workdays: int, by: Any, note: str = ""
) -> None:
    """The 复议机关 grants the applicant a reasonable extension of the 补正 period for good
    cause (Art. 31(2)); the law sets no cap, so neither do we."""
    require_state(case, FROM_CORRECTION, "延长补正期限")
    spec = specs_for(case).correction_response
    if spec is None:
        raise TransitionError("旧法案件的补正期限以补正通知书载明的期限为准，本系统不计时")
    if not isinstance(workdays, int) or workdays < 1:
        raise TransitionError("延长的工作日数至少为1日")
    if workdays > MAX_CORRECTION_EXTENSION:
        raise TransitionError(
            f"延长的工作日数过大（最多{MAX_CORRECTION_EXTENSION}个工作日），请核对"
        )
    not_before(on, case.correction_requested_on, "批准延长日期", "补正通知日期")
    not_after_today(on, "批准延长日期")
    if not note.strip():
        raise TransitionError("请写明延长补正期限的正当理由")
    write(
        case,
        allowed=FROM_CORRECTION,
        changes={"state": State.CORRECTION_REQUESTED},  # no field changes; one history entry
        by=by,
        event="correction_extended",
        note=f"补正期限延长{workdays}个工作日：{note}",
    )
    clocks.extend(case, spec, length=workdays, approved_by=str(by), on=on, by=by)


ABANDONED_NOTE = "无正当理由逾期不补正，视为放弃行政复议申请（行政复议法第三十一条第二款）"


@transaction.atomic
def deem_abandoned(case: ReconsiderationCase, *, today: dt.date, by: Any = None) -> bool:
    """Record the statutory abandonment if the applicant's 补正 period lapsed without
    materials (2023 text); True if it did. Closed as of the period's last day, state
    `withdrawn` with `deemed_abandoned` set, so it counts in withdrawn_before_acceptance."""
    if case.state != State.CORRECTION_REQUESTED:
        return False
    spec = specs_for(case).correction_response
    if spec is None:
        return False
    clock = clocks.get(case, spec)
    if clock is None or not clock.is_open or clock.due_on is None or today <= clock.due_on:
        return False
    due = clock.due_on
    write(
        case,
        allowed=FROM_CORRECTION,
        changes={
            "state": State.WITHDRAWN,
            "closed_on": due,
            "closure_note": ABANDONED_NOTE,
            "deemed_abandoned": True,
        },
        by=by,
        event="deemed_abandoned",
        note=ABANDONED_NOTE,
    )
    _stop_acceptance_clocks(case, due, by, abandoned=True)
    return True


def deem_abandoned_all(*, today: dt.date, queryset: Any = None) -> int:
    """Run `deem_abandoned` over every case awaiting 补正; returns how many changed."""
    qs = queryset if queryset is not None else ReconsiderationCase.objects.all()
    n = 0
    for case in qs.filter(state=State.CORRECTION_REQUESTED).order_by("id").iterator(chunk_size=500):
        if deem_abandoned(case, today=today, by=None):
            n += 1
    return n
