"""Transitions of a mailbox letter: 收信 → 签收 → 回复 (published with the reply if the writer agreed)
or 转办 (to 依申请公开 or 信访, the route recorded); 延期 within the configured cap; 公开 later."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from fazhi import clocks
from fazhi.casework.due import DueCache
from fazhi.casework.effects import stop_if_open
from fazhi.casework.numbering import Numbering, register_row
from fazhi.casework.transitions import Ctx, Transition, TransitionError, not_after_today
from fazhi.ledgers.mailbox.clocks import max_extension, reply_spec
from fazhi.ledgers.mailbox.models import MailboxLetter, Route, State

NUMBERING = Numbering("信箱")  # 示信箱〔2025〕3号
DUE = DueCache(
    clocks=frozenset({"reply"}),
    field="reply_due_on",
    flag_field="reply_due_flag_year",
    label="回复期限",
    states=frozenset({State.RECEIVED}),
)


@transaction.atomic
def receive(letter: MailboxLetter, *, by: Any, children: Any = ()) -> MailboxLetter:
    if letter.pk is not None:
        raise TransitionError("该信件已登记")
    if letter.received_on is None:
        raise TransitionError("请填写收信日期")
    not_after_today(letter.received_on, "收信日期")
    letter.state = State.RECEIVED
    register_row(letter, NUMBERING, year=letter.received_on.year, by=by)
    clocks.start(letter, reply_spec(), on=letter.received_on, by=by)
    DUE.refresh(letter)
    return letter


accept = Transition(
    "accept",
    "签收",
    (State.RECEIVED,),
    event="accepted",
    date_field="accepted_on",
    date_label="签收日期",
    after=(("received_on", "收信日期"),),
    when=(lambda r: "信件已签收" if r.accepted_on else None,),
    expect=lambda r: {"accepted_on": None},
    style="outline-primary",
)


def _on_time(letter: MailboxLetter, ctx: Ctx) -> bool | None:
    due = clocks.due(letter, reply_spec())
    return None if due is None or ctx.on is None else ctx.on <= due


def _reply_checks(letter: MailboxLetter, ctx: Ctx) -> str | None:
    if not (ctx["reply_text"] or "").strip():
        return "请填写回复内容"
    if ctx["publish"] and not letter.wants_public:
        return "写信人未同意公开，不能公开该信件"
    return None


def _stop(letter: MailboxLetter, ctx: Ctx) -> None:
    stop_if_open(letter, reply_spec(), on=ctx.day, by=ctx.by)


reply = Transition(
    "reply",
    "回复",
    (State.RECEIVED,),
    State.REPLIED,
    event="replied",
    date_field="replied_on",
    date_label="回复日期",
    after=(("received_on", "收信日期"), ("accepted_on", "签收日期")),
    inputs=("on", "reply_text", "publish", "note"),
    checks=(_reply_checks,),
    changes=lambda r, ctx: {
        "reply": ctx["reply_text"].strip(),
        "replied_on_time": _on_time(r, ctx),
        "published_on": ctx.on if ctx["publish"] else None,
    },
    effects=_stop,
    style="success",
)


def _route_checks(letter: MailboxLetter, ctx: Ctx) -> str | None:
    if ctx["route"] not in Route.values:
        return "请选择转办去向（依申请公开或信访）"
    if not (ctx["reply_text"] or "").strip():
        return "请填写告知写信人的转办说明"
    return None


route = Transition(
    "route",
    "转办",
    (State.RECEIVED,),
    State.ROUTED,
    event="routed",
    date_field="replied_on",
    date_label="转办并告知日期",
    after=(("received_on", "收信日期"),),
    inputs=("on", "route", "route_ref", "reply_text", "note"),
    checks=(_route_checks,),
    changes=lambda r, ctx: {
        "route": ctx["route"],
        "route_ref": (ctx["route_ref"] or "").strip()[:60],
        "reply": ctx["reply_text"].strip(),
        "replied_on_time": _on_time(r, ctx),
    },
    effects=_stop,
    style="outline-secondary",
)


def _extension_checks(letter: MailboxLetter, ctx: Ctx) -> str | None:
    days = ctx["extension_days"]
    if days is None or days <= 0:
        return "请填写延长的工作日数"
    total = (letter.extension_days or 0) + days
    if total > max_extension():
        return f"回复期限最多延长{max_extension()}个工作日，本次延长后共{total}个工作日"
    if not (ctx["approver"] or "").strip():
        return "请填写批准延期的负责人"
    return None


def _extended(letter: MailboxLetter, ctx: Ctx) -> None:
    clocks.extend(
        letter,
        reply_spec(),
        length=ctx["extension_days"],
        approved_by=ctx["approver"].strip(),
        on=ctx.day,
        by=ctx.by,
    )


extend = Transition(
    "extend",
    "延期回复",
    (State.RECEIVED,),
    event="extended",
    date_label="延期批准日期",
    after=(("received_on", "收信日期"),),
    inputs=("on", "extension_days", "approver", "note"),
    checks=(_extension_checks,),
    changes=lambda r, ctx: {
        "extension_days": (r.extension_days or 0) + ctx["extension_days"],
        "extension_approver": ctx["approver"].strip()[:60],
    },
    expect=lambda r: {"extension_days": r.extension_days},
    effects=_extended,
    style="outline-warning",
)

publish = Transition(
    "publish",
    "公开信件及回复",
    (State.REPLIED,),
    event="published",
    date_field="published_on",
    date_label="公开日期",
    after=(("replied_on", "回复日期"),),
    when=(
        lambda r: None if r.wants_public else "写信人未同意公开，不能公开该信件",
        lambda r: "信件已公开" if r.published_on else None,
    ),
    expect=lambda r: {"published_on": None},
    style="outline-success",
)

TRANSITIONS = [accept, reply, route, extend, publish]
