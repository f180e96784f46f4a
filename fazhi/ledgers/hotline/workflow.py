"""Transitions of a ticket, declared on the casework engine (国办发〔2020〕53号):
受理 → 派单 → 签收办理 → 回复 → 回访 → 评价 → 办结, with 退回 (a misrouted ticket, within the return
period of the dispatch) and 改派, 延期 (approved by the hotline office, capped), a 直接答复办结 at
intake, and 重办: a 不满意 rating reopens the ticket with a new reply period of its own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from fazhi import clocks
from fazhi.casework.due import DueCache
from fazhi.casework.effects import stop_if_open
from fazhi.casework.numbering import Numbering, register_row
from fazhi.casework.transitions import Ctx, Transition, TransitionError, not_after_today
from fazhi.clocks.engine import unit_text
from fazhi.clocks.spec import ClockSpec
from fazhi.ledgers.hotline.clocks import REPLY_NAMES, reply_name, reply_spec, return_spec
from fazhi.ledgers.hotline.config import Rules, rules_for
from fazhi.ledgers.hotline.models import HotlineTicket
from fazhi.ledgers.hotline.states import MAX_REHANDLINGS, WITH_UNIT, Rating, State
from fazhi.lib.cn_date import cn_date

NUMBERING = Numbering("热线")  # 示热线〔2025〕3号, for tickets not from the platform
DUE = DueCache(
    clocks=REPLY_NAMES,
    field="reply_due_on",
    flag_field="reply_due_flag_year",
    label="答复期限",
    states=frozenset(WITH_UNIT),
    current=lambda t: reply_name(t.rehandle_count),
)


def rules_of(ticket: HotlineTicket, on: dt.date | None = None) -> Rules:
    return rules_for(ticket.jurisdiction, (on or ticket.received_on).year)


def current_reply(ticket: HotlineTicket) -> ClockSpec:
    """The reply clock of the round under way, with the lengths it started with."""
    start = ticket.reopened_on if ticket.rehandle_count else ticket.dispatched_on
    return reply_spec(rules_of(ticket, start), ticket.rehandle_count)


@transaction.atomic
def receive(ticket: HotlineTicket, *, by: Any, children: Any = ()) -> HotlineTicket:
    """受理: the number (the platform's if typed, else the ledger's)."""
    if ticket.pk is not None:
        raise TransitionError("该工单已登记")
    if ticket.received_on is None:
        raise TransitionError("请填写受理日期")
    not_after_today(ticket.received_on, "受理日期")
    if ticket.department_id and ticket.department.jurisdiction_id != ticket.jurisdiction_id:
        raise TransitionError("承办单位不属于本区划，请核对")
    ticket.state = State.RECEIVED
    ticket.department = None  # set by 派单, which starts the clocks
    register_row(ticket, NUMBERING, year=ticket.received_on.year, by=by)
    return ticket


# --- 派单, 签收, 退回 ----------------------------------------------------------------------------


def _department_check(ticket: HotlineTicket, ctx: Ctx) -> str | None:
    dept = ctx["department"]
    if dept is None:
        return "请选择承办单位"
    if dept.jurisdiction_id != ticket.jurisdiction_id:
        return "承办单位不属于本区划，请核对"
    return None


def _dispatched(ticket: HotlineTicket, ctx: Ctx) -> None:
    rules = rules_of(ticket, ctx.day)
    for spec in (return_spec(rules), reply_spec(rules, 0)):
        clock = clocks.get(ticket, spec)
        if clock is None or clock.start_on is None:
            clocks.start(ticket, spec, on=ctx.day, by=ctx.by)
        elif clock.is_open:
            clocks.restart(ticket, spec, on=ctx.day, by=ctx.by)
        else:  # dispatched again after a 退回: a full period for the new unit
            clocks.reopen(ticket, spec, on=ctx.day, by=ctx.by)
    DUE.refresh(ticket)


dispatch = Transition(
    "dispatch",
    "派单",
    (State.RECEIVED, State.RETURNED),
    State.DISPATCHED,
    event="dispatched",
    date_field="dispatched_on",
    date_label="派单日期",
    after=(("received_on", "受理日期"), ("returned_on", "退回日期")),
    inputs=("on", "department", "note"),
    checks=(_department_check,),
    changes=lambda t, ctx: {"department": ctx["department"], "accepted_on": None},
    history_note=lambda t, ctx: f"派至{ctx['department']}" + (f"：{ctx.note}" if ctx.note else ""),
    effects=_dispatched,
)

accept = Transition(
    "accept",
    "签收办理",
    (State.DISPATCHED,),
    State.HANDLING,
    event="accepted",
    date_field="accepted_on",
    date_label="签收日期",
    after=(("dispatched_on", "派单日期"),),
    effects=lambda t, ctx: stop_if_open(
        t, return_spec(rules_of(t, t.dispatched_on)), on=ctx.day, by=ctx.by, outcome_label="已签收"
    ),
    style="outline-primary",
)


def _within_return_period(ticket: HotlineTicket, ctx: Ctx) -> str | None:
    rules = rules_of(ticket, ticket.dispatched_on)
    due = clocks.due(ticket, return_spec(rules))
    if due is not None and ctx.on is not None and ctx.on > due:
        return (
            f"退回须在派单之日起{unit_text('working_day', rules.return_days)}内提出"
            f"（至{cn_date(due)}），已超过退回期限，请承办单位办理"
        )
    return None


def _returned(ticket: HotlineTicket, ctx: Ctx) -> None:
    rules = rules_of(ticket, ticket.dispatched_on)
    stop_if_open(ticket, return_spec(rules), on=ctx.day, by=ctx.by, outcome_label="已退回")
    stop_if_open(ticket, reply_spec(rules, 0), on=ctx.day, by=ctx.by, outcome_label="已退回")


return_ticket = Transition(
    "return",
    "退回",
    (State.DISPATCHED, State.HANDLING),
    State.RETURNED,
    event="returned",
    date_field="returned_on",
    date_label="退回日期",
    after=(("dispatched_on", "派单日期"),),
    note_required="请填写退回理由（为何不属于本单位职责）",
    checks=(_within_return_period,),
    changes=lambda t, ctx: {"return_count": t.return_count + 1, "department": None},
    expect=lambda t: {"return_count": t.return_count},
    history_note=lambda t, ctx: f"{t.department}退回：{ctx.note}",
    effects=_returned,
    style="outline-warning",
)

# --- 延期, 回复 ---------------------------------------------------------------------------------


def _extension_check(ticket: HotlineTicket, ctx: Ctx) -> str | None:
    days, approver = ctx["days"], (ctx["approver"] or "").strip()
    if not isinstance(days, int) or days <= 0:
        return "延期天数必须为正整数（工作日）"
    if not approver:
        return "请填写批准延期的负责人"
    spec = current_reply(ticket)
    clock = clocks.get(ticket, spec)
    if clock is None or not clock.is_open:
        return "答复期限未在计算，不能延期"
    cap = spec.max_extension or 0
    if clock.extension_length + days > cap:
        used = f"，已延期{clock.extension_length}个工作日" if clock.extension_length else ""
        return f"延期不得超过{unit_text('working_day', cap)}{used}，本次最多可延期{max(0, cap - clock.extension_length)}个工作日"
    if ctx.on is not None and clock.start_on is not None and ctx.on < clock.start_on:
        return "延期批准日期不能早于派单日期"
    return None


def _extended(ticket: HotlineTicket, ctx: Ctx) -> None:
    clocks.extend(
        ticket,
        current_reply(ticket),
        length=ctx["days"],
        approved_by=ctx["approver"],
        on=ctx.day,
        by=ctx.by,
    )


extend = Transition(
    "extend",
    "延期",
    WITH_UNIT,
    None,
    event="extended",
    date_label="批准日期",
    after=(("received_on", "受理日期"),),
    inputs=("on", "days", "approver", "note"),
    checks=(_extension_check,),
    expect=lambda t: {"rehandle_count": t.rehandle_count},
    history_note=lambda t, ctx: (
        f"延期{ctx['days']}个工作日，批准人{ctx['approver']}"
        + (f"：{ctx.note}" if ctx.note else "")
    ),
    effects=_extended,
    style="outline-secondary",
)


def _reply_changes(ticket: HotlineTicket, ctx: Ctx) -> dict[str, Any]:
    due = clocks.due(ticket, current_reply(ticket))
    on_time = due is None or ctx.day <= due
    return {
        "replied_on_time": on_time and ticket.replied_on_time is not False,
        "accepted_on": ticket.accepted_on or ctx.on,
        "reply_summary": (ctx["reply_summary"] or "").strip() or ticket.reply_summary,
    }


def _replied(ticket: HotlineTicket, ctx: Ctx) -> None:
    stop_if_open(ticket, return_spec(rules_of(ticket, ticket.dispatched_on)), on=ctx.day, by=ctx.by)
    stop_if_open(ticket, current_reply(ticket), on=ctx.day, by=ctx.by, outcome_label="已回复")


reply = Transition(
    "reply",
    "回复",
    WITH_UNIT,
    State.REPLIED,
    event="replied",
    date_field="replied_on",
    date_label="回复日期",
    after=(("dispatched_on", "派单日期"), ("reopened_on", "重办日期")),
    inputs=("on", "reply_summary", "note"),
    changes=_reply_changes,
    effects=_replied,
    style="success",
)

# --- 回访, 评价, 重办, 办结 -----------------------------------------------------------------------

callback = Transition(
    "callback",
    "回访",
    (State.REPLIED,),
    State.CALLED_BACK,
    event="called_back",
    date_field="callback_on",
    date_label="回访日期",
    after=(("replied_on", "回复日期"),),
    inputs=("on", "reached", "note"),
    changes=lambda t, ctx: {"callback_reached": bool(ctx["reached"])},
    history_note=lambda t, ctx: (
        ("已接通" if ctx["reached"] else "未接通") + (f"：{ctx.note}" if ctx.note else "")
    ),
    style="outline-primary",
)


def _rating_check(ticket: HotlineTicket, ctx: Ctx) -> str | None:
    rating = ctx["rating"]
    if rating not in Rating.values:
        return "请选择评价结果"
    if rating == Rating.DISSATISFIED and ticket.rehandle_count < MAX_REHANDLINGS:
        return "评价为不满意的工单应当重办，请使用“不满意·重办”"
    if ticket.callback_on is not None and ticket.callback_reached is False:
        return "回访未接通，不能登记评价；可直接办结"
    return None


rate = Transition(
    "rate",
    "登记评价",
    (State.REPLIED, State.CALLED_BACK),
    State.RATED,
    event="rated",
    date_field="rated_on",
    date_label="评价日期",
    after=(("replied_on", "回复日期"), ("callback_on", "回访日期")),
    inputs=("on", "rating", "note"),
    checks=(_rating_check,),
    changes=lambda t, ctx: {"rating": ctx["rating"]},
    history_note=lambda t, ctx: Rating(ctx["rating"]).label + (f"：{ctx.note}" if ctx.note else ""),
)


def _may_reopen(ticket: HotlineTicket) -> str | None:
    if ticket.rehandle_count >= MAX_REHANDLINGS:
        return f"该工单已重办{ticket.rehandle_count}次，达到上限，请登记评价后办结"
    if ticket.department_id is None:
        return "该工单没有承办单位（直接答复），不能重办"
    if ticket.callback_on is not None and ticket.callback_reached is False:
        return "回访未接通，不能登记评价"
    return None


def _reopened(ticket: HotlineTicket, ctx: Ctx) -> None:
    clocks.start(
        ticket, reply_spec(rules_of(ticket, ctx.day), ticket.rehandle_count), on=ctx.day, by=ctx.by
    )
    DUE.refresh(ticket)


reopen = Transition(
    "reopen",
    "不满意·重办",
    (State.REPLIED, State.CALLED_BACK),
    State.REOPENED,
    event="reopened",
    date_field="rated_on",
    date_label="评价日期（重办之日）",
    after=(("replied_on", "回复日期"), ("callback_on", "回访日期")),
    when=(_may_reopen,),
    changes=lambda t, ctx: {
        "rating": Rating.DISSATISFIED,
        "rehandle_count": t.rehandle_count + 1,
        "reopened_on": ctx.on,
    },
    expect=lambda t: {"rehandle_count": t.rehandle_count},
    history_note=lambda t, ctx: (
        f"不满意，第{t.rehandle_count + 1}次重办" + (f"：{ctx.note}" if ctx.note else "")
    ),
    effects=_reopened,
    style="outline-danger",
)

conclude = Transition(
    "conclude",
    "办结",
    (State.REPLIED, State.CALLED_BACK, State.RATED),
    State.CONCLUDED,
    event="concluded",
    date_field="concluded_on",
    date_label="办结日期",
    after=(("replied_on", "回复日期"), ("callback_on", "回访日期"), ("rated_on", "评价日期")),
    style="success",
)

conclude_directly = Transition(
    "conclude_directly",
    "直接答复办结",
    (State.RECEIVED,),
    State.CONCLUDED,
    event="concluded_directly",
    date_field="concluded_on",
    date_label="答复办结日期",
    after=(("received_on", "受理日期"),),
    changes=lambda t, ctx: {"replied_on": ctx.on, "replied_on_time": True},
    style="outline-success",
)

TRANSITIONS = [
    dispatch,
    accept,
    return_ticket,
    extend,
    reply,
    callback,
    rate,
    reopen,
    conclude,
    conclude_directly,
]
