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
from fazhi.casework.transitions import (
    Ctx,
    InputGuard,
    Transition,
    TransitionError,
    not_after_today,
    run,
)
from fazhi.clocks.models import Outcome as ClockOutcome
from fazhi.clocks.models import PauseKind
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import (
    BEFORE_ACCEPTANCE,
    LawVersion,
    ServiceMethod,
    State,
)
from fazhi.ledgers.reconsideration.workflow.base import stop_if_open, sync_decision_due
from fazhi.lib.cn_date import cn_date

FROM_RECEIVED = (State.RECEIVED,)
FROM_CORRECTION = (State.CORRECTION_REQUESTED,)
# Art. 31(2) sets no cap on a 补正 extension; this bound only catches typing errors (and keeps
# the clocks' date arithmetic in range): about a year of working days.
MAX_CORRECTION_EXTENSION = 250
LAPSED_LABEL = "逾期未补正（视为放弃）"
ABANDONED_NOTE = "无正当理由逾期不补正，视为放弃行政复议申请（行政复议法第三十一条第二款）"
DEEMED_NOTE = "审查期限届满未作出不予受理决定，依法视为受理"


def _stop_acceptance_clocks(
    case: ReconsiderationCase, on: dt.date, by: Any, *, abandoned: bool = False
) -> None:
    """Stop the review and the applicant's 补正 period; when the application is deemed
    abandoned the 补正 period lapsed (recorded on the clock, so it never reads 按期办结)."""
    specs = specs_for(case)
    stop_if_open(case, specs.acceptance_review, on=on, by=by)
    lapsed = {"outcome": ClockOutcome.LAPSED, "outcome_label": LAPSED_LABEL} if abandoned else {}
    stop_if_open(case, specs.correction_response, on=on, by=by, **lapsed)


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


# --- 补正 -------------------------------------------------------------------------------------


def _within_review(what: str, route: str) -> InputGuard:
    """补正 and 不予受理 only within the review (Arts. 30, 31; 2017: old Art. 17): once it has
    lapsed the application is accepted by law, whether or not the daily lapse run got to it."""

    def guard(case: ReconsiderationCase, ctx: Ctx) -> str | None:
        if case.state != State.RECEIVED or ctx.on is None:
            return None  # awaiting 补正: the review is paused
        due = clocks.due(case, specs_for(case).acceptance_review)
        if due is None or ctx.on <= due:
            return None
        deemed = "视为受理（行政复议法第三十条第三款）"
        if case.law_version == LawVersion.V2017:
            deemed = "自收到申请之日起即为受理（2017年行政复议法第十七条第二款）"
        return f"审查期限已于{cn_date(due)}届满，本申请依法{deemed}，不能再{what}；{route}"

    return guard


def _correction_effects(case: ReconsiderationCase, ctx: Ctx) -> None:
    specs = specs_for(case)
    assert ctx.on is not None
    # The notice clock ran from receipt; recording it now shows whether the notice was timely.
    clocks.start(case, specs.correction_notice, on=case.received_on, by=ctx.by)
    clocks.stop(case, specs.correction_notice, on=ctx.day, by=ctx.by)
    # The review waits for the materials (shown as paused on the board), then runs again in full.
    clocks.pause(
        case,
        specs.acceptance_review,
        on=ctx.on,
        reason="等待申请人补正",
        kind=PauseKind.CORRECTION,
        by=ctx.by,
    )
    if ctx["served_on"] is not None:
        _start_correction_response(case, ctx["served_on"], by=ctx.by)


def _start_correction_response(case: ReconsiderationCase, served_on: dt.date, *, by: Any) -> None:
    # Art. 31(2): the applicant's period (and its deemed-abandonment lapse) runs from receipt
    # of the notice, not from the day it was issued. The 2017 text sets no period.
    spec = specs_for(case).correction_response
    if spec is not None:
        clocks.start(case, spec, on=served_on, by=by)


def _service(case: ReconsiderationCase, ctx: Ctx) -> str | None:
    served_on = ctx["served_on"]
    if served_on is None:
        return None
    notice_on = ctx.on or case.correction_requested_on
    if notice_on is not None and served_on < notice_on:
        return f"送达日期（{cn_date(served_on)}）不能早于补正通知日期（{cn_date(notice_on)}）"
    try:
        not_after_today(served_on, "送达日期")
    except TransitionError as exc:
        return exc.message
    if ctx["method"] not in ServiceMethod.values:
        return "请选择送达方式"
    return None


request_correction = Transition(
    "request_correction",
    "通知补正",
    FROM_RECEIVED,
    State.CORRECTION_REQUESTED,
    event="correction_requested",
    date_field="correction_requested_on",
    date_label="补正通知日期",
    after=(("received_on", "收到申请日期"),),
    inputs=("on", "served_on", "method", "note"),
    when=(
        lambda c: (
            "本案已通知过补正；补正通知应一次性列明全部需补正事项"
            if c.correction_requested_on is not None
            else None
        ),
    ),
    checks=(_within_review("通知补正", "受理后需要补充材料的，请在审理中通知申请人补充"), _service),
    changes=lambda c, ctx: {
        "correction_items": ctx.note[:300],
        "correction_served_on": ctx["served_on"],
        "correction_service_method": ctx["method"] if ctx["served_on"] else "",
    },
    expect=lambda c: {"correction_requested_on__isnull": True},
    effects=_correction_effects,
    style="outline-primary",
)


# The day the notice reached the applicant, when it was not known as the notice went out.
serve_correction = Transition(
    "serve_correction",
    "登记补正通知送达",
    FROM_CORRECTION,
    event="correction_served",
    verb="登记送达",
    date_label="送达日期",
    after=(("correction_requested_on", "补正通知日期"),),
    inputs=("on", "method", "note"),
    when=(
        lambda c: (
            f"本案补正通知已于{cn_date(c.correction_served_on)}送达"
            if c.correction_served_on is not None
            else None
        ),
    ),
    checks=(
        lambda c, ctx: _service(
            c, Ctx(ctx.on, ctx.by, ctx.note, {**ctx.inputs, "served_on": ctx.on})
        ),
    ),
    changes=lambda c, ctx: {
        "correction_served_on": ctx.on,
        "correction_service_method": ctx["method"],
    },
    expect=lambda c: {"correction_served_on__isnull": True},
    effects=lambda c, ctx: _start_correction_response(c, ctx.day, by=ctx.by),
    style="outline-primary",
)


def _corrected_effects(case: ReconsiderationCase, ctx: Ctx) -> None:
    specs = specs_for(case)
    assert ctx.on is not None
    stop_if_open(case, specs.correction_response, on=ctx.day, by=ctx.by)
    # 2023 Art. 31(3): the review runs again in full from receipt of the materials.
    clocks.restart(case, specs.acceptance_review, on=ctx.day, by=ctx.by)


receive_correction = Transition(
    "receive_correction",
    "收到补正材料",
    FROM_CORRECTION,
    State.RECEIVED,
    event="corrected",
    verb="登记补正材料",
    date_field="correction_received_on",
    date_label="收到补正材料日期",
    after=(("correction_requested_on", "补正通知日期"),),
    effects=_corrected_effects,
)


def _workdays(case: ReconsiderationCase, ctx: Ctx) -> str | None:
    workdays = ctx["workdays"]
    if not isinstance(workdays, int) or workdays < 1:
        return "延长的工作日数至少为1日"
    if workdays > MAX_CORRECTION_EXTENSION:
        return f"延长的工作日数过大（最多{MAX_CORRECTION_EXTENSION}个工作日），请核对"
    return None


def _extend_correction_effects(case: ReconsiderationCase, ctx: Ctx) -> None:
    spec = specs_for(case).correction_response
    assert spec is not None and ctx.on is not None
    clocks.extend(
        case, spec, length=ctx["workdays"], approved_by=str(ctx.by), on=ctx.day, by=ctx.by
    )


# The 复议机关 grants the applicant a reasonable extension of the 补正 period for good cause
# (Art. 31(2)); the law sets no cap.
extend_correction = Transition(
    "extend_correction",
    "延长补正期限",
    FROM_CORRECTION,
    event="correction_extended",
    date_label="批准延长日期",
    after=(("correction_requested_on", "补正通知日期"),),
    inputs=("on", "workdays", "note"),
    note_required="请写明延长补正期限的正当理由",
    when=(
        lambda c: (
            "旧法案件的补正期限以补正通知书载明的期限为准，本系统不计时"
            if specs_for(c).correction_response is None
            else None
        ),
        lambda c: (
            "补正期限自申请人收到补正通知之日起计算，请先登记送达日期"
            if c.correction_served_on is None
            else None
        ),
    ),
    checks=(_workdays,),
    history_note=lambda c, ctx: f"补正期限延长{ctx['workdays']}个工作日：{ctx.note}",
    effects=_extend_correction_effects,
    style="outline-secondary",
)

# --- 受理 -------------------------------------------------------------------------------------


def _accepted_effects(case: ReconsiderationCase, ctx: Ctx) -> None:
    assert ctx.on is not None
    _stop_acceptance_clocks(case, ctx.on, ctx.by)
    _start_decision_clocks(case, by=ctx.by)


accept = Transition(
    "accept",
    "受理",
    FROM_RECEIVED,
    State.ACCEPTED,
    event="accepted",
    date_field="accepted_on",
    date_label="受理日期",
    after=(("received_on", "收到申请日期"), ("correction_received_on", "收到补正材料日期")),
    changes=lambda c, ctx: {
        "deemed_accepted": False,
        # 2017 Art. 17(2): accepted as of the day the 法制工作机构 received the application; the
        # officer records when the review ended, not the acceptance date.
        **({"accepted_on": c.received_on} if c.law_version == LawVersion.V2017 else {}),
    },
    history_note=lambda c, ctx: (
        f"依2017年修正的行政复议法第十七条第二款，自收到申请之日（{cn_date(c.received_on)}）"
        f"起即为受理（审查于{cn_date(ctx.day)}完成）" + (f"；{ctx.note}" if ctx.note else "")
        if c.law_version == LawVersion.V2017
        else ctx.note
    ),
    effects=_accepted_effects,
)


def deemed_acceptance_date(case: ReconsiderationCase) -> dt.date | None:
    """The day the case counts as accepted if its review lapses, or None while it runs."""
    due = clocks.due(case, specs_for(case).acceptance_review)
    if due is None:
        return None
    if case.law_version == LawVersion.V2017:
        return case.received_on  # old Art. 17: accepted as of the day of receipt
    return due  # 2023 Art. 30(3): deemed accepted on the day the review period ends


def _deemed_effects(case: ReconsiderationCase, ctx: Ctx) -> None:
    _stop_acceptance_clocks(case, ctx["due"], ctx.by)
    _start_decision_clocks(case, by=ctx.by)


_deem_accepted = Transition(
    "deem_accepted",
    "视为受理",
    FROM_RECEIVED,
    State.ACCEPTED,
    event="deemed_accepted",
    inputs=(),
    changes=lambda c, ctx: {"accepted_on": ctx["accepted_on"], "deemed_accepted": True},
    effects=_deemed_effects,
    system=True,
)


@transaction.atomic
def deem_accepted(case: ReconsiderationCase, *, today: dt.date, by: Any = None) -> bool:
    """Apply the statutory acceptance if the review period has lapsed; True if it did."""
    if case.state != State.RECEIVED:
        return False
    due = clocks.due(case, specs_for(case).acceptance_review)
    if due is None or today <= due:
        return False
    run(
        _deem_accepted,
        case,
        by=by,
        note=DEEMED_NOTE,
        due=due,
        accepted_on=deemed_acceptance_date(case),
    )
    return True


# --- closing before acceptance ----------------------------------------------------------------


def _closed_before(case: ReconsiderationCase, ctx: Ctx) -> None:
    assert ctx.on is not None
    _stop_acceptance_clocks(case, ctx.on, ctx.by)


def _before_acceptance(
    code: str, label: str, state: str, event: str, verb: str, **kw: Any
) -> Transition:
    return Transition(
        code,
        label,
        BEFORE_ACCEPTANCE,
        state,
        event=event,
        verb=verb,
        date_field="closed_on",
        date_label=kw.pop("date_label", "决定日期"),
        date_what="决定日期",
        after=(("received_on", "收到申请日期"),),
        note_field="closure_note",
        effects=_closed_before,
        **kw,
    )


refuse = _before_acceptance(
    "refuse",
    "不予受理",
    State.NOT_ACCEPTED,
    "not_accepted",
    "决定不予受理",
    note_required="不予受理须写明理由",
    inputs=("on", "competent_body", "note"),
    changes=lambda c, ctx: {"competent_body": (ctx["competent_body"] or "").strip()[:100]},
    checks=(
        _within_review(
            "决定不予受理",
            "受理后发现不符合受理条件的，应当决定驳回行政复议申请（行政复议法第三十三条）",
        ),
    ),
    style="outline-danger",
)
withdraw = _before_acceptance(
    "withdraw",
    "受理前撤回",
    State.WITHDRAWN,
    "withdrawn",
    "登记撤回",
    date_label="撤回日期",
    style="outline-secondary",
)
redirect = _before_acceptance(
    "redirect",
    "告知/转送",
    State.REDIRECTED,
    "redirected",
    "告知或转送",
    date_label="告知或转送日期",
    style="outline-secondary",
)

# --- 补正 lapse (2023 Art. 31(2)) ---------------------------------------------------------------

_deem_abandoned = Transition(
    "deem_abandoned",
    "逾期未补正视为放弃",
    FROM_CORRECTION,
    State.WITHDRAWN,
    event="deemed_abandoned",
    inputs=(),
    changes=lambda c, ctx: {
        "closed_on": ctx["due"],
        "closure_note": ABANDONED_NOTE,
        "deemed_abandoned": True,
    },
    effects=lambda c, ctx: _stop_acceptance_clocks(c, ctx["due"], ctx.by, abandoned=True),
    system=True,
)


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
    run(_deem_abandoned, case, by=by, note=ABANDONED_NOTE, due=clock.due_on)
    return True
