"""Transitions of a 行政复议 case. Each function checks its guards, changes the row through
`audit.update_if` (one history entry), and starts or stops the case's clocks. `available()`
lists the buttons a user may press, from the same state lists the guards use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import BEFORE_ACCEPTANCE, LawVersion, State
from fazhi.ledgers.reconsideration.workflow import acceptance, decision, review
from fazhi.ledgers.reconsideration.workflow.acceptance import (
    accept,
    deem_abandoned,
    deem_abandoned_all,
    deem_accepted,
    deem_accepted_all,
    extend_correction,
    receive_correction,
    redirect,
    refuse,
    request_correction,
    withdraw,
)
from fazhi.ledgers.reconsideration.workflow.base import TransitionError
from fazhi.ledgers.reconsideration.workflow.decision import decide, mediate, terminate
from fazhi.ledgers.reconsideration.workflow.intake import (
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
    extend,
    hold_hearing,
    record_answer,
    resume,
    schedule_hearing,
    send_copy,
    suspend,
    switch_to_ordinary,
)

__all__ = [
    "ACTIONS",
    "Action",
    "TransitionError",
    "accept",
    "allocate_number",
    "application_period",
    "late_refusal_reason",
    "start_application_period",
    "available",
    "decide",
    "deem_abandoned",
    "deem_abandoned_all",
    "deem_accepted",
    "deem_accepted_all",
    "extend",
    "extend_correction",
    "hold_hearing",
    "mediate",
    "parse_case_number",
    "receive",
    "receive_correction",
    "record_answer",
    "redirect",
    "refuse",
    "request_correction",
    "resume",
    "schedule_hearing",
    "send_copy",
    "suspend",
    "switch_to_ordinary",
    "terminate",
    "withdraw",
    "EVENT_LABELS",
]


@dataclass(frozen=True)
class Action:
    code: str
    label: str
    fn: Callable[..., None]
    allowed: tuple[str, ...]
    fields: tuple[str, ...] = ("on",)  # the inputs the action form asks for
    perm: str = "reconsideration.change_case"
    style: str = "primary"
    date_label: str = "日期"
    note_required: bool = False


ACTIONS: dict[str, Action] = {
    a.code: a
    for a in [
        Action(
            "request_correction",
            "通知补正",
            request_correction,
            acceptance.FROM_RECEIVED,
            ("on", "note"),
            style="outline-primary",
            date_label="补正通知日期",
        ),
        Action(
            "receive_correction",
            "收到补正材料",
            receive_correction,
            acceptance.FROM_CORRECTION,
            ("on", "note"),
            date_label="收到补正材料日期",
        ),
        Action(
            "extend_correction",
            "延长补正期限",
            extend_correction,
            acceptance.FROM_CORRECTION,
            ("on", "workdays", "note"),
            style="outline-secondary",
            date_label="批准延长日期",
            note_required=True,
        ),
        Action(
            "accept",
            "受理",
            accept,
            acceptance.FROM_RECEIVED,
            ("on", "note"),
            date_label="受理日期",
        ),
        Action(
            "refuse",
            "不予受理",
            refuse,
            BEFORE_ACCEPTANCE,
            ("on", "note"),
            style="outline-danger",
            date_label="决定日期",
            note_required=True,
        ),
        Action(
            "withdraw",
            "受理前撤回",
            withdraw,
            BEFORE_ACCEPTANCE,
            ("on", "note"),
            style="outline-secondary",
            date_label="撤回日期",
        ),
        Action(
            "redirect",
            "告知/转送",
            redirect,
            BEFORE_ACCEPTANCE,
            ("on", "note"),
            style="outline-secondary",
            date_label="告知或转送日期",
        ),
        Action(
            "send_copy",
            "送达答复通知",
            send_copy,
            review.FROM_ACCEPTED,
            ("on", "note"),
            date_label="发送副本日期",
        ),
        Action(
            "record_answer",
            "登记答复",
            record_answer,
            review.FROM_ANSWER_REQUESTED,
            ("on", "note"),
            date_label="收到答复日期",
        ),
        Action(
            "schedule_hearing",
            "安排听证",
            schedule_hearing,
            review.SCHEDULABLE,
            ("on", "notice_on", "note"),
            style="outline-primary",
            date_label="听证日期",
        ),
        Action(
            "hold_hearing",
            "听证/听取意见",
            hold_hearing,
            review.HEARABLE,
            ("on", "form", "note"),
            style="outline-primary",
            date_label="听证日期",
        ),
        Action(
            "suspend",
            "中止审理",
            suspend,
            review.SUSPENDABLE,
            ("on", "reason"),
            style="outline-warning",
            date_label="中止日期",
        ),
        Action(
            "resume",
            "恢复审理",
            resume,
            review.FROM_SUSPENDED,
            ("on", "note"),
            date_label="恢复审理日期",
        ),
        Action(
            "extend",
            "延期审理",
            extend,
            review.EXTENDABLE,
            ("on", "days", "note"),
            perm="reconsideration.approve_case",
            style="outline-warning",
            date_label="批准延期日期",
        ),
        Action(
            "switch_to_ordinary",
            "转为普通程序",
            switch_to_ordinary,
            review.SWITCHABLE,
            ("on", "note"),
            perm="reconsideration.approve_case",
            style="outline-warning",
            date_label="批准日期",
            note_required=True,
        ),
        Action(
            "decide",
            "作出复议决定",
            decide,
            decision.DECIDABLE,
            ("on", "outcome", "note"),
            style="success",
            date_label="决定日期",
        ),
        Action(
            "mediate",
            "调解结案",
            mediate,
            decision.MEDIABLE,
            ("on", "note"),
            style="outline-success",
            date_label="调解书日期",
        ),
        Action(
            "terminate",
            "终止审理",
            terminate,
            decision.TERMINABLE,
            ("on", "reason_code", "note"),
            style="outline-danger",
            date_label="终止日期",
        ),
    ]
}

EVENT_LABELS = {
    "received": "登记收到申请",
    "correction_requested": "通知补正",
    "corrected": "收到补正材料",
    "accepted": "受理",
    "deemed_accepted": "视为受理",
    "deemed_abandoned": "逾期未补正视为放弃",
    "correction_extended": "延长补正期限",
    "procedure_switched": "简易程序转为普通程序",
    "hearing_scheduled": "安排听证",
    "hearing_rescheduled": "变更听证日期",
    "not_accepted": "不予受理",
    "withdrawn": "受理前撤回",
    "redirected": "告知/转送",
    "copy_sent": "送达答复通知",
    "answered": "登记答复",
    "hearing_held": "听证/听取意见",
    "suspended": "中止审理",
    "resumed": "恢复审理",
    "extended": "延期审理",
    "decided": "作出复议决定",
    "mediated": "调解结案",
    "terminated": "终止审理",
    "edited": "修改案件信息",
    "due_recomputed": "日历调整审理期限",
    "imported": "Excel导入",
}


def available(case: ReconsiderationCase, user: Any) -> list[Action]:
    """The actions `user` may take on `case` now; the same lists the guards check."""
    out = []
    for action in ACTIONS.values():
        if case.state not in action.allowed:
            continue
        if action.code == "request_correction" and case.correction_requested_on is not None:
            continue
        if action.code == "extend" and (case.is_simplified or case.extended_on is not None):
            continue
        if action.code in ("hold_hearing", "schedule_hearing") and case.hearing_on is not None:
            continue
        if action.code == "switch_to_ordinary" and (
            not case.is_simplified or case.law_version != LawVersion.V2023
        ):
            continue
        if action.code == "extend_correction" and case.law_version != LawVersion.V2023:
            continue
        if not user.has_perm(action.perm, case):
            continue
        out.append(action)
    return out


def is_open(case: ReconsiderationCase) -> bool:
    return case.state not in (
        State.CONCLUDED,
        State.NOT_ACCEPTED,
        State.WITHDRAWN,
        State.REDIRECTED,
    )


def initial_for(case: ReconsiderationCase, action: Action) -> dict[str, Any]:
    """Values the action form offers: a late application's 不予受理 reason."""
    if action.code == "refuse":
        reason = late_refusal_reason(case)
        if reason:
            return {"note": reason}
    return {}
