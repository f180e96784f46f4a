"""Transitions of a 行政复议 case, declared on the casework engine (`fazhi.casework.transitions`):
each states its source states, target, date, guards, permission, event and clock effects once.
`TRANSITIONS` is the order of the buttons; `available()` lists those a user may press."""

from __future__ import annotations

from typing import Any

from fazhi.casework import lapses
from fazhi.casework.transitions import Transition, TransitionError
from fazhi.casework.transitions import available as _available
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import State
from fazhi.ledgers.reconsideration.workflow.acceptance import (
    accept,
    deem_abandoned,
    deem_accepted,
    extend_correction,
    receive_correction,
    redirect,
    refuse,
    request_correction,
    serve_correction,
    withdraw,
)
from fazhi.ledgers.reconsideration.workflow.decision import decide, mediate, terminate
from fazhi.ledgers.reconsideration.workflow.intake import (
    NUMBERING,
    allocate_number,
    parse_case_number,
    receive,
)
from fazhi.ledgers.reconsideration.workflow.period import (
    application_period,
    late_refusal_reason,
    start_application_period,
)
from fazhi.ledgers.reconsideration.workflow.review import (
    add_third_party,
    extend,
    hold_hearing,
    record_answer,
    record_opinions_prevented,
    refuse_extension,
    request_extension,
    resume,
    schedule_hearing,
    send_copy,
    serve_copy,
    suspend,
    switch_to_ordinary,
)

__all__ = [
    "NUMBERING",
    "TRANSITIONS",
    "TransitionError",
    "accept",
    "add_third_party",
    "allocate_number",
    "application_period",
    "available",
    "decide",
    "deem_abandoned",
    "deem_abandoned_all",
    "deem_accepted",
    "deem_accepted_all",
    "extend",
    "extend_correction",
    "hold_hearing",
    "initial_for",
    "late_refusal_reason",
    "mediate",
    "parse_case_number",
    "receive",
    "receive_correction",
    "record_answer",
    "record_opinions_prevented",
    "refuse_extension",
    "request_extension",
    "redirect",
    "refuse",
    "request_correction",
    "resume",
    "schedule_hearing",
    "send_copy",
    "serve_copy",
    "serve_correction",
    "start_application_period",
    "suspend",
    "switch_to_ordinary",
    "terminate",
    "withdraw",
]

TRANSITIONS: list[Transition] = [
    request_correction,
    serve_correction,
    receive_correction,
    extend_correction,
    accept,
    refuse,
    withdraw,
    redirect,
    send_copy,
    serve_copy,
    record_answer,
    schedule_hearing,
    hold_hearing,
    add_third_party,
    record_opinions_prevented,
    suspend,
    resume,
    request_extension,
    extend,
    refuse_extension,
    switch_to_ordinary,
    decide,
    mediate,
    terminate,
]


def available(case: ReconsiderationCase, user: Any) -> list[Transition]:
    return _available(TRANSITIONS, case, user)


def initial_for(case: ReconsiderationCase, action: Transition) -> dict[str, Any]:
    """Values the action form offers: a late application's 不予受理 reason."""
    if action.code == "refuse":
        reason = late_refusal_reason(case)
        if reason:
            return {"note": reason}
    if action.code == "extend" and case.extension_pending and case.extension_request_days:
        return {"days": case.extension_request_days, "note": case.extension_request_reason}
    return {}


def deem_accepted_all(*, today: Any, queryset: Any = None) -> int:
    """视为受理 over every case still awaiting acceptance; returns how many changed."""
    return lapses.each(
        ReconsiderationCase, [State.RECEIVED], deem_accepted, today=today, queryset=queryset
    )


def deem_abandoned_all(*, today: Any, queryset: Any = None) -> int:
    """视为放弃 over every case awaiting 补正; returns how many changed."""
    return lapses.each(
        ReconsiderationCase,
        [State.CORRECTION_REQUESTED],
        deem_abandoned,
        today=today,
        queryset=queryset,
    )
