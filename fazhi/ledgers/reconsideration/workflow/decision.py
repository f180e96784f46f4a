"""Closing an accepted case: 复议决定 (with an outcome), 终止, 调解书.

Every closing needs a 结案日期 and an outcome, and none may close a case whose 中止 is still
open (except 终止 because the 中止 lasted 60 days, Art. 41). Whether the case closed on time is
read from the decision clock when it closes and kept on the row for the indicators.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from fazhi import clocks
from fazhi.casework.transitions import Ctx, Transition, not_after_today
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import (
    DECISION_OUTCOMES,
    LAPSING_GROUNDS,
    ActCategory,
    LawVersion,
    Outcome,
    Procedure,
    State,
    TerminationReason,
)
from fazhi.ledgers.reconsideration.workflow.base import stop_if_open
from fazhi.lib.cn_date import cn_date

# Decisions about a failure to act (不履行法定职责): 责令履行 (Art. 66; 2017 Art. 28(1)(2)) and
# 驳回复议请求 (Art. 69: the respondent had no such duty or had already performed it).
PERFORMANCE_ONLY = (Outcome.ORDERED_TO_PERFORM, Outcome.CLAIMS_REJECTED)
DECIDABLE = (State.ANSWER_REQUESTED, State.UNDER_REVIEW)
TERMINABLE = (State.ACCEPTED, State.ANSWER_REQUESTED, State.UNDER_REVIEW, State.SUSPENDED)
MEDIABLE = (State.ACCEPTED, State.ANSWER_REQUESTED, State.UNDER_REVIEW)
CLOSING_AFTER = (
    ("accepted_on", "受理日期"),
    ("answered_on", "答复日期"),
    ("suspended_on", "中止日期"),
)


def _closing(case: ReconsiderationCase, ctx: Ctx, outcome: str) -> dict[str, Any]:
    due = clocks.due(case, specs_for(case).decision)
    return {
        "outcome": outcome,
        "concluded_on_time": None if due is None or ctx.on is None else ctx.on <= due,
        "suspended_on": None,
    }


def _stop_all(case: ReconsiderationCase, ctx: Ctx) -> None:
    specs = specs_for(case)
    assert ctx.on is not None
    for spec in (
        specs.copy_to_respondent,
        specs.respondent_answer,
        specs.decision,
        specs.hearing_notice,
    ):
        stop_if_open(case, spec, on=ctx.day, by=ctx.by)


def _closer(code: str, label: str, source: tuple[str, ...], event: str, **kw: Any) -> Transition:
    return Transition(
        code,
        label,
        source,
        State.CONCLUDED,
        event=event,
        date_field="closed_on",
        date_what="结案日期",
        after=CLOSING_AFTER,
        note_field="closure_note",
        effects=_stop_all,
        **kw,
    )


def _decision_outcome(case: ReconsiderationCase, ctx: Ctx) -> str | None:
    outcome = ctx["outcome"]
    if outcome not in DECISION_OUTCOMES:
        return (
            "请选择复议决定的结果（维持、撤销、变更、确认违法、确认无效、责令履行、"
            "驳回复议请求或驳回复议申请）"
        )
    if outcome == Outcome.CONFIRMED_INVALID and case.law_version == LawVersion.V2017:
        return "确认无效是2023年修订后新增的决定类型，旧法案件不适用"
    if outcome == Outcome.CLAIMS_REJECTED and case.law_version == LawVersion.V2017:
        return (
            "驳回复议请求是2023年修订后新增的决定类型（第六十九条），旧法案件不适用；"
            "被申请人没有相应法定职责或者受理前已经履行的，决定驳回行政复议申请"
            "（行政复议法实施条例第四十八条）"
        )
    nonperformance = case.act_category == ActCategory.NONPERFORMANCE
    if outcome in PERFORMANCE_ONLY and not nonperformance:
        article = "第六十六条" if outcome == Outcome.ORDERED_TO_PERFORM else "第六十九条"
        if case.law_version == LawVersion.V2017:
            article = "2017年修正文本第二十八条第一款第二项"
        return (
            f"“{Outcome(outcome).label}”只适用于申请人认为被申请人不履行法定职责的案件"
            f"（行政复议法{article}）；本案行政行为类别为“{case.get_act_category_display()}”"
        )
    return None


def _opinions_heard(case: ReconsiderationCase, ctx: Ctx) -> str | None:
    """Art. 49: an ordinary-procedure case is decided after the parties were heard (听取意见 or
    听证), unless that was prevented by the party. The 2017 text reviews in writing (old Art. 22),
    and the simplified procedure may (Art. 54)."""
    if case.law_version != LawVersion.V2023 or case.procedure != Procedure.ORDINARY:
        return None
    if case.hearing_on is not None or case.opinions_prevented:
        return None
    return (
        "适用普通程序审理的案件，应当听取当事人的意见（行政复议法第四十九条）：请先登记"
        "“听证/听取意见”；因当事人原因不能听取意见的，请登记“不能听取意见（当事人原因）”"
    )


decide = _closer(
    "decide",
    "作出复议决定",
    DECIDABLE,
    "decided",
    date_label="决定日期",
    inputs=("on", "outcome", "note"),
    checks=(_decision_outcome, _opinions_heard),
    changes=lambda c, ctx: _closing(c, ctx, ctx["outcome"]),
    style="success",
)

mediate = _closer(
    "mediate",
    "调解结案",
    MEDIABLE,
    "mediated",
    date_label="调解书日期",
    changes=lambda c, ctx: _closing(c, ctx, Outcome.MEDIATED),
    style="outline-success",
)


def _termination_reason(case: ReconsiderationCase, ctx: Ctx) -> str | None:
    reason = ctx["reason"]
    if reason not in TerminationReason.values:
        return "请选择终止原因"
    if case.state == State.SUSPENDED and reason != TerminationReason.SUSPENSION_LAPSED:
        return "案件处于中止状态，请先恢复审理再结案（中止满60日的，终止原因选“中止满60日未恢复”）"
    if reason == TerminationReason.SUSPENSION_LAPSED:
        if case.state != State.SUSPENDED or case.suspended_on is None:
            return "案件未处于中止状态，不能以“中止满60日未恢复”为由终止"
        if case.suspension_ground not in LAPSING_GROUNDS:
            article = (
                "行政复议法实施条例第四十二条"
                if case.law_version == LawVersion.V2017
                else "行政复议法第四十一条第五项"
            )
            return (
                "只有因申请人死亡、丧失行为能力或者法人、其他组织终止而中止的，"
                f"中止满60日原因仍未消除方可终止（{article}）；本案中止情形为"
                f"“{case.get_suspension_ground_display() or '未记录'}”，请恢复审理"
            )
        # Art. 41: the 中止 must have lasted 60 days. A minimum duration, not a deadline: no
        # 末日顺延 applies (a holiday does not make the 中止 longer), so it is plain calendar
        # arithmetic rather than a clocks.ClockSpec, which would roll the day forward.
        if ctx.on is not None and ctx.on < case.suspended_on + dt.timedelta(days=60):
            return f"中止满60日方可以此理由终止（本案{cn_date(case.suspended_on)}中止）"
    return None


terminate = _closer(
    "terminate",
    "终止审理",
    TERMINABLE,
    "terminated",
    date_label="终止日期",
    inputs=("on", "reason", "note"),
    fields={"reason": forms.ChoiceField(label="终止原因", choices=TerminationReason.choices)},
    checks=(_termination_reason,),
    changes=lambda c, ctx: {
        **_closing(c, ctx, Outcome.TERMINATED),
        "termination_reason": ctx["reason"],
    },
    # A 中止 ended by lapse must not have been resumed meanwhile.
    expect=lambda c: {"suspended_on": c.suspended_on} if c.state == State.SUSPENDED else {},
    style="outline-danger",
)

__all__ = ["decide", "mediate", "not_after_today", "terminate"]
