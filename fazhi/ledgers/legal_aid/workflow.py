"""Transitions of a legal-aid case on the casework engine (法律援助法 2022, statutes.md §11):
收到申请 → (一次性告知补充材料 → 补充 | 逾期视为撤回) → 决定给予 → 指派 → 结案, or 不予法律援助
(书面理由) → 异议 → 维持 / 责令给予. A criminal-case notification is assigned within 3 days with
no decision; a detainee's request carries the 24-hour forwarding clock of the office that got it.
An assignment before the decision is refused: `assign` runs only from 已决定给予."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from fazhi import clocks
from fazhi.casework.due import DueCache
from fazhi.casework.effects import stop_if_open
from fazhi.casework.numbering import Numbering, register_row
from fazhi.casework.transitions import Ctx, Transition, TransitionError, not_after_today
from fazhi.clocks.models import PauseKind
from fazhi.ledgers.legal_aid.clocks import (
    ADVANCE,
    ASSIGN,
    DECISION,
    FORWARD,
    OBJECTION,
    SUPPLEMENT,
    decision_period,
    pause_for_supplement,
    supplement_period,
)
from fazhi.ledgers.legal_aid.models import LegalAidCase
from fazhi.ledgers.legal_aid.states import Basis, Channel, ObjectionResult, State
from fazhi.lib.cn_date import cn_datetime
from fazhi.lib.money import MoneyError, parse_yuan_to_fen

NUMBERING = Numbering("援")  # 示援〔2025〕3号
CURRENT = {
    State.RECEIVED: DECISION.name,
    State.SUPPLEMENT: DECISION.name,
    State.GRANTED: ASSIGN.name,
    State.OBJECTION: OBJECTION.name,
}
DUE = DueCache(
    clocks=frozenset({DECISION.name, ASSIGN.name, OBJECTION.name}),
    field="due_on",
    flag_field="due_flag_year",
    label="当前期限",
    states=frozenset({State.RECEIVED, State.GRANTED, State.OBJECTION}),
    current=lambda c: CURRENT.get(c.state, ""),
)
ONE_DAY = dt.timedelta(days=1)


def forwarding_problem(case: LegalAidCase) -> str:
    if case.channel != Channel.DETAINEE:
        return ""
    got, sent = case.request_received_at, case.forwarded_at
    if got is None:
        return "在押人员申请的，请填写办案机关（监管场所）收到申请的时刻"
    if got > timezone.now():
        return "收到申请时刻不能晚于现在"
    if sent is not None and sent < got:
        return "转交时刻不能早于收到申请时刻"
    if sent is not None and sent > timezone.now():
        return "转交时刻不能晚于现在"
    return ""


@transaction.atomic
def receive(case: LegalAidCase, *, by: Any, children: Any = ()) -> LegalAidCase:
    """登记: the 案号 and the first clocks (decision, or assignment for a notification; the
    forwarding clock of a detainee's request; the 先行提供 alert before a limitation date)."""
    if case.pk is not None:
        raise TransitionError("该案件已登记")
    if case.received_on is None:
        raise TransitionError("请填写收到申请（通知）日期")
    not_after_today(case.received_on, "收到申请（通知）日期")
    problem = forwarding_problem(case)
    if problem:
        raise TransitionError(problem)
    if case.beneficiaries < 1:
        raise TransitionError("受援人数至少为1")
    if case.channel == Channel.NOTIFICATION:
        case.basis, case.state, case.decided_on = Basis.NOTIFIED, State.GRANTED, case.received_on
    else:
        if case.basis == Basis.NOTIFIED:
            raise TransitionError("当事人申请的，请选择经济困难或第三十二条规定的免予核查情形")
        case.state = State.RECEIVED
    register_row(case, NUMBERING, year=case.received_on.year, by=by)
    if case.channel == Channel.DETAINEE and case.request_received_at is not None:
        clocks.start(case, FORWARD, on=case.received_on, at=case.request_received_at, by=by)
        if case.forwarded_at is not None:
            clocks.stop(
                case,
                FORWARD,
                on=timezone.localtime(case.forwarded_at).date(),
                at=case.forwarded_at,
                by=by,
            )
    if case.state == State.GRANTED:
        clocks.start(case, ASSIGN, on=case.received_on, by=by)
    else:
        clocks.start(case, decision_period(), on=case.received_on, by=by)
        if case.limitation_on is not None and case.limitation_on > case.received_on:
            clocks.start(case, ADVANCE, on=case.limitation_on, by=by)
    DUE.refresh(case)
    return case


# --- 补充材料 ------------------------------------------------------------------------------------


def _days(case: LegalAidCase, ctx: Ctx) -> str | None:
    n = ctx["supplement_days"]
    if not isinstance(n, int) or n < 1 or n > 60:
        return "请填写补充材料的期限（1至60日）"
    return None


def _asked(case: LegalAidCase, ctx: Ctx) -> None:
    if pause_for_supplement():
        clocks.pause(
            case, DECISION, on=ctx.day, reason="补充申请材料", kind=PauseKind.CORRECTION, by=ctx.by
        )
    clocks.start(case, supplement_period(ctx["supplement_days"]), on=ctx.day, by=ctx.by)


request_supplement = Transition(
    "request_supplement",
    "一次性告知补充材料",
    (State.RECEIVED,),
    State.SUPPLEMENT,
    event="supplement_requested",
    date_field="supplement_notice_on",
    date_label="告知补充材料日期",
    after=(("received_on", "收到申请日期"),),
    inputs=("on", "supplement_days", "note"),
    note_required="请写明需要补充的材料（一次性告知）",
    when=(lambda c: "补充材料只能一次性告知，本案已告知过" if c.supplement_notice_on else None,),
    checks=(_days,),
    changes=lambda c, ctx: {"supplement_days": ctx["supplement_days"]},
    effects=_asked,
    style="outline-warning",
)


def _supplemented(case: LegalAidCase, ctx: Ctx) -> None:
    stop_if_open(case, SUPPLEMENT, on=ctx.day, by=ctx.by)
    clock = clocks.get(case, DECISION)
    if clock is not None and clock.state == "paused":
        clocks.resume(case, DECISION, on=ctx.day, by=ctx.by)
    DUE.refresh(case)


supplement = Transition(
    "supplement",
    "材料已补充",
    (State.SUPPLEMENT,),
    State.RECEIVED,
    event="supplemented",
    date_field="supplemented_on",
    date_label="补充材料日期",
    after=(("supplement_notice_on", "告知补充材料日期"),),
    effects=_supplemented,
)


def _withdrawn(case: LegalAidCase, ctx: Ctx) -> None:
    stop_if_open(
        case, SUPPLEMENT, on=ctx.day, by=None, outcome="lapsed", outcome_label="逾期未补充"
    )
    clock = clocks.get(case, DECISION)
    if clock is not None and clock.is_open:
        clocks.stop(case, DECISION, on=ctx.day, by=None, outcome_label="视为撤回申请")
    stop_if_open(case, ADVANCE, on=ctx.day, by=None)


deem_withdrawn = Transition(
    "deem_withdrawn",
    "逾期未补充材料，视为撤回申请",
    (State.SUPPLEMENT,),
    State.WITHDRAWN,
    event="deemed_withdrawn",
    date_field="withdrawn_on",
    date_label="视为撤回日期",
    after=(("supplement_notice_on", "告知补充材料日期"),),
    effects=_withdrawn,
    system=True,
)


def lapse_supplements(today: dt.date | None = None) -> int:
    """法律援助法 Art. 43: no supplement within the notice's period → deemed withdrawn, on the
    day after the period ran out."""
    from fazhi.clocks.models import Clock

    today = today or timezone.localdate()
    due = dict(
        Clock.objects.filter(
            ledger="legal_aid", name=SUPPLEMENT.name, state="running", due_on__lt=today
        ).values_list("object_id", "due_on")
    )
    n = 0
    for case in LegalAidCase.objects.filter(pk__in=list(due), state=State.SUPPLEMENT):
        deem_withdrawn(case, on=due[case.pk] + ONE_DAY, by=None)
        n += 1
    return n


# --- 决定 ---------------------------------------------------------------------------------------


def _stop_decision(case: LegalAidCase, ctx: Ctx) -> None:
    stop_if_open(case, DECISION, on=ctx.day, by=ctx.by)
    stop_if_open(case, ADVANCE, on=ctx.day, by=ctx.by)


def _granted(case: LegalAidCase, ctx: Ctx) -> None:
    _stop_decision(case, ctx)
    clocks.start(case, ASSIGN, on=ctx.day, by=ctx.by)
    DUE.refresh(case)


def _provisional(case: LegalAidCase, ctx: Ctx) -> dict[str, Any]:
    """先行提供: decided with fewer than 7 days left before the limitation date (Art. 44)."""
    left = (case.limitation_on - ctx.day).days if case.limitation_on else None
    return {"provisional": left is not None and left < 7}


grant = Transition(
    "grant",
    "决定给予法律援助",
    (State.RECEIVED,),
    State.GRANTED,
    event="granted",
    date_field="decided_on",
    date_label="决定日期",
    after=(("received_on", "收到申请日期"),),
    changes=_provisional,
    effects=_granted,
    style="success",
)

refuse = Transition(
    "refuse",
    "决定不予法律援助",
    (State.RECEIVED,),
    State.REFUSED,
    event="refused",
    date_field="decided_on",
    date_label="决定日期",
    after=(("received_on", "收到申请日期"),),
    note_required="请写明不予法律援助的理由（法律援助法第四十三条：应当书面告知申请人并说明理由）",
    note_field="refusal_reasons",
    effects=_stop_decision,
    style="outline-danger",
)

# --- 异议 ---------------------------------------------------------------------------------------


def _start(case: LegalAidCase, spec: Any, ctx: Ctx) -> None:
    clocks.start(case, spec, on=ctx.day, by=ctx.by)


object_ = Transition(
    "object",
    "收到异议",
    (State.REFUSED,),
    State.OBJECTION,
    event="objection",
    date_field="objection_received_on",
    date_label="司法行政部门收到异议日期",
    after=(("decided_on", "决定日期"),),
    when=(lambda c: "异议已处理，不能再次登记" if c.objection_result else None,),
    effects=lambda c, ctx: _start(c, OBJECTION, ctx),
    style="outline-warning",
)


def _objection_done(case: LegalAidCase, ctx: Ctx) -> None:
    stop_if_open(case, OBJECTION, on=ctx.day, by=ctx.by)


uphold_refusal = Transition(
    "uphold_refusal",
    "异议处理：维持不予法律援助",
    (State.OBJECTION,),
    State.REFUSED,
    event="objection_upheld",
    date_field="objection_decided_on",
    date_label="异议处理日期",
    after=(("objection_received_on", "收到异议日期"),),
    note_required="请写明维持的理由",
    changes=lambda c, ctx: {"objection_result": ObjectionResult.UPHELD},
    effects=_objection_done,
    style="outline-secondary",
)


def _ordered(case: LegalAidCase, ctx: Ctx) -> None:
    _objection_done(case, ctx)
    clocks.start(case, ASSIGN, on=ctx.day, by=ctx.by)
    DUE.refresh(case)


order_aid = Transition(
    "order_aid",
    "异议处理：责令给予法律援助",
    (State.OBJECTION,),
    State.GRANTED,
    event="objection_corrected",
    date_field="objection_decided_on",
    date_label="异议处理日期",
    after=(("objection_received_on", "收到异议日期"),),
    changes=lambda c, ctx: {"objection_result": ObjectionResult.CORRECTED},
    effects=_ordered,
    style="success",
)

# --- 指派、结案 ------------------------------------------------------------------------------------


def _provider(case: LegalAidCase, ctx: Ctx) -> str | None:
    return None if (ctx["provider"] or "").strip() else "请填写承办律师或法律援助人员"


def _assigned(case: LegalAidCase, ctx: Ctx) -> None:
    stop_if_open(case, ASSIGN, on=ctx.day, by=ctx.by)
    DUE.refresh(case)


assign = Transition(
    "assign",
    "指派承办",
    (State.GRANTED,),
    State.ASSIGNED,
    event="assigned",
    date_field="assigned_on",
    date_label="指派日期",
    after=(("decided_on", "决定日期"), ("objection_decided_on", "异议处理日期")),
    inputs=("on", "provider", "note"),
    checks=(_provider,),
    changes=lambda c, ctx: {"provider": ctx["provider"].strip()[:100]},
    effects=_assigned,
    style="primary",
)


def _amount(case: LegalAidCase, ctx: Ctx) -> str | None:
    try:
        fen = parse_yuan_to_fen(ctx["amount_recovered"] or "0")
    except MoneyError as exc:
        return f"挽回经济损失：{exc}"
    return "挽回经济损失不能为负数" if fen < 0 else None


close = Transition(
    "close",
    "结案",
    (State.ASSIGNED,),
    State.CLOSED,
    event="closed",
    date_field="closed_on",
    date_label="结案日期",
    after=(("assigned_on", "指派日期"),),
    inputs=("on", "amount_recovered", "note"),
    checks=(_amount,),
    changes=lambda c, ctx: {
        "amount_recovered_fen": parse_yuan_to_fen(ctx["amount_recovered"] or "0")
    },
    style="outline-success",
)

# --- 转交（在押人员申请） ------------------------------------------------------------------------


def _forward_checks(case: LegalAidCase, ctx: Ctx) -> str | None:
    t = ctx["forwarded_time"]
    if not isinstance(t, dt.time):
        return "请填写转交时间（时:分）"
    moment = timezone.make_aware(dt.datetime.combine(ctx.day, t))
    if case.request_received_at and moment < case.request_received_at:
        return (
            f"转交时刻（{cn_datetime(timezone.localtime(moment))}）不能早于收到申请时刻"
            f"（{cn_datetime(timezone.localtime(case.request_received_at))}）"
        )
    if moment > timezone.now():
        return "转交时刻不能晚于现在"
    return None


def _moment(ctx: Ctx) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(ctx.day, ctx["forwarded_time"]))


def _forwarded(case: LegalAidCase, ctx: Ctx) -> None:
    clock = clocks.get(case, FORWARD)
    if clock is not None and clock.is_open:
        clocks.stop(case, FORWARD, on=ctx.day, at=_moment(ctx), by=ctx.by)


record_forwarding = Transition(
    "record_forwarding",
    "登记转交时刻",
    (State.RECEIVED, State.SUPPLEMENT, State.GRANTED),
    event="forwarded",
    date_label="转交日期",
    inputs=("on", "forwarded_time", "note"),
    when=(
        lambda c: (
            None
            if c.channel == Channel.DETAINEE and c.forwarded_at is None
            else "只有尚未登记转交的在押人员申请才能登记转交时刻"
        ),
    ),
    checks=(_forward_checks,),
    changes=lambda c, ctx: {"forwarded_at": _moment(ctx)},
    expect=lambda c: {"forwarded_at__isnull": True},
    effects=lambda c, ctx: _forwarded(c, ctx),
    style="outline-primary",
)

TRANSITIONS = [
    grant,
    refuse,
    request_supplement,
    supplement,
    deem_withdrawn,
    object_,
    uphold_refusal,
    order_aid,
    assign,
    close,
    record_forwarding,
]
