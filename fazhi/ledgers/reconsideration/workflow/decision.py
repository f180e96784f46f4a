"""Closing an accepted case: 复议决定 (with an outcome), 终止, 调解书.

Every closing needs a 结案日期 and an outcome, and none may close a case whose 中止 is still
open (except 终止 because the 中止 lasted 60 days, Art. 41). Whether the case closed on time is
read from the decision clock when it closes and kept on the row for the indicators.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from fazhi import clocks
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import (
    DECISION_OUTCOMES,
    LawVersion,
    Outcome,
    State,
    TerminationReason,
)
from fazhi.ledgers.reconsideration.workflow.base import (
    TransitionError,
    not_after_today,
    not_before,
    require_state,
    stop_if_open,
    write,
)
from fazhi.lib.cn_date import cn_date

DECIDABLE = (State.ANSWER_REQUESTED, State.UNDER_REVIEW)
TERMINABLE = (State.ACCEPTED, State.ANSWER_REQUESTED, State.UNDER_REVIEW, State.SUSPENDED)
MEDIABLE = (State.ACCEPTED, State.ANSWER_REQUESTED, State.UNDER_REVIEW)


def _close(
    case: ReconsiderationCase,
    *,
    allowed: tuple[str, ...],
    on: dt.date,
    outcome: str,
    by: Any,
    event: str,
    note: str,
    extra: dict[str, Any] | None = None,
    expect: dict[str, Any] | None = None,
) -> None:
    if not outcome:
        raise TransitionError("结案须选择结案方式")
    not_before(on, case.accepted_on, "结案日期", "受理日期")
    not_before(on, case.answered_on, "结案日期", "答复日期")
    not_before(on, case.suspended_on, "结案日期", "中止日期")
    not_after_today(on, "结案日期")
    specs = specs_for(case)
    due = clocks.due(case, specs.decision)
    changes = {
        "state": State.CONCLUDED,
        "closed_on": on,
        "outcome": outcome,
        "closure_note": note[:300],
        "concluded_on_time": None if due is None else on <= due,
        "suspended_on": None,
        **(extra or {}),
    }
    write(case, allowed=allowed, changes=changes, by=by, event=event, note=note, expect=expect)
    for spec in (
        specs.copy_to_respondent,
        specs.respondent_answer,
        specs.decision,
        specs.hearing_notice,
    ):
        stop_if_open(case, spec, on=on, by=by)


@transaction.atomic
def decide(
    case: ReconsiderationCase, *, outcome: str, on: dt.date, by: Any, note: str = ""
) -> None:
    require_state(case, DECIDABLE, "作出复议决定")
    if outcome not in DECISION_OUTCOMES:
        raise TransitionError(
            "请选择复议决定的结果（维持、撤销、变更、确认违法、确认无效、责令履行、驳回复议请求或驳回复议申请）"
        )
    if outcome == Outcome.CONFIRMED_INVALID and case.law_version == LawVersion.V2017:
        raise TransitionError("确认无效是2023年修订后新增的决定类型，旧法案件不适用")
    _close(case, allowed=DECIDABLE, on=on, outcome=outcome, by=by, event="decided", note=note)


@transaction.atomic
def terminate(
    case: ReconsiderationCase, *, reason: str, on: dt.date, by: Any, note: str = ""
) -> None:
    if case.state == State.SUSPENDED and reason != TerminationReason.SUSPENSION_LAPSED:
        raise TransitionError(
            "案件处于中止状态，请先恢复审理再结案（中止满60日的，终止原因选“中止满60日未恢复”）"
        )
    require_state(case, TERMINABLE, "终止审理")
    if reason not in TerminationReason.values:
        raise TransitionError("请选择终止原因")
    expect: dict[str, Any] = {}
    if reason == TerminationReason.SUSPENSION_LAPSED:
        if case.state != State.SUSPENDED or case.suspended_on is None:
            raise TransitionError("案件未处于中止状态，不能以“中止满60日未恢复”为由终止")
        not_after_today(on, "终止日期")
        # Art. 41: the 中止 must have lasted 60 days. A minimum duration, not a deadline: no
        # 末日顺延 applies (a holiday does not make the 中止 longer), so it is plain calendar
        # arithmetic rather than a clocks.ClockSpec, which would roll the day forward.
        if on < case.suspended_on + dt.timedelta(days=60):
            raise TransitionError(
                f"中止满60日方可以此理由终止（本案{cn_date(case.suspended_on)}中止）"
            )
        expect = {"suspended_on": case.suspended_on}  # not resumed meanwhile
    _close(
        case,
        allowed=TERMINABLE,
        on=on,
        outcome=Outcome.TERMINATED,
        by=by,
        event="terminated",
        note=note,
        extra={"termination_reason": reason},
        expect=expect,
    )


@transaction.atomic
def mediate(case: ReconsiderationCase, *, on: dt.date, by: Any, note: str = "") -> None:
    require_state(case, MEDIABLE, "调解结案")
    _close(
        case, allowed=MEDIABLE, on=on, outcome=Outcome.MEDIATED, by=by, event="mediated", note=note
    )
