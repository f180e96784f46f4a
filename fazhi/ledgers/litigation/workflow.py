"""Transitions of a lawsuit, declared on the casework engine: 收到起诉状副本 → 答辩举证 → 开庭
(one or more hearings) → 判决/裁定 → (上诉 → 二审) → 生效 → 履行; 撤诉 with its reason."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from fazhi import clocks
from fazhi.casework.due import DueCache
from fazhi.casework.effects import schedule_notice, stop_if_open
from fazhi.casework.numbering import Numbering, register_row
from fazhi.casework.transitions import (
    Ctx,
    Transition,
    TransitionError,
    not_after_today,
    not_before,
    notice_problem,
)
from fazhi.ledgers.litigation.clocks import (
    APPEAL_JUDGMENT,
    APPEAL_RULING,
    APPEARANCE_NOTICE,
    DEFENCE,
)
from fazhi.ledgers.litigation.models import Hearing, LitigationCase
from fazhi.ledgers.litigation.states import (
    HEAD_ROLES,
    JUDGMENTS,
    PENDING,
    RULINGS,
    DecisionKind,
    Disposition,
    Instance,
    OrganRelation,
    Role,
    State,
    WithdrawalReason,
)
from fazhi.ledgers.reconsideration.api import get_ref

NUMBERING = Numbering("政诉")  # 示政诉〔2025〕3号
DUE = DueCache(
    clocks=frozenset({DEFENCE.name}),
    field="answer_due_on",
    flag_field="answer_due_flag_year",
    label="答辩举证期限",
    states=frozenset({State.RECEIVED}),
)


@transaction.atomic
def receive(case: LitigationCase, *, by: Any, children: Any = ()) -> LitigationCase:
    """登记: the 案号, and the defence clock from receipt of the complaint copy."""
    if case.pk is not None:
        raise TransitionError("该案件已登记")
    if case.complaint_received_on is None:
        raise TransitionError("请填写收到起诉状副本日期")
    not_after_today(case.complaint_received_on, "收到起诉状副本日期")
    problem = link_problem(case)
    if problem:
        raise TransitionError(problem)
    if case.trial_level == Instance.SECOND and case.previous_instance_id is None:
        raise TransitionError("二审案件须选择前审（一审）案件")
    case.state = State.RECEIVED
    register_row(case, NUMBERING, year=case.complaint_received_on.year, by=by)
    if case.trial_level != Instance.SECOND:
        clocks.start(case, DEFENCE, on=case.complaint_received_on, by=by)
        DUE.refresh(case)
    return case


def link_problem(case: LitigationCase) -> str:
    """A 复议 case may be linked only within the same jurisdiction; an earlier instance too."""
    if case.reconsideration_case_id:
        ref = get_ref(case.reconsideration_case_id)
        if ref is None or ref.jurisdiction_id != case.jurisdiction_id:
            return "关联的行政复议案件不属于本区划，请核对"
    prev = case.previous_instance
    if prev is not None and prev.jurisdiction_id != case.jurisdiction_id:
        return "前审案件不属于本区划，请核对"
    return ""


# --- 答辩举证 -----------------------------------------------------------------------------------


def _on_time(case: LitigationCase, ctx: Ctx) -> dict[str, Any]:
    due = clocks.due(case, DEFENCE)
    return {"answered_on_time": None if due is None or ctx.on is None else ctx.on <= due}


answer = Transition(
    "answer",
    "提交答辩举证",
    (State.RECEIVED,),
    State.ANSWERED,
    event="answered",
    date_field="answered_on",
    date_label="提交答辩状及证据日期",
    after=(("complaint_received_on", "收到起诉状副本日期"),),
    changes=_on_time,
    effects=lambda c, ctx: stop_if_open(c, DEFENCE, on=ctx.day, by=ctx.by),
)

# --- 开庭 --------------------------------------------------------------------------------------


def _schedule_checks(case: LitigationCase, ctx: Ctx) -> str | None:
    return notice_problem(
        ctx["notice_received_on"],
        what="收到出庭通知日期",
        earliest=case.complaint_received_on,
        earliest_what="收到起诉状副本日期",
        event_on=ctx.on,
        event_what="开庭日期",
    )


def _scheduled(case: LitigationCase, ctx: Ctx) -> None:
    Hearing.objects.create(
        case=case, scheduled_for=ctx.day, notice_received_on=ctx["notice_received_on"]
    )
    # The case's clock follows the first notice; later sessions keep theirs on the hearing row.
    schedule_notice(
        case, APPEARANCE_NOTICE, event_on=ctx.day, notice_on=ctx["notice_received_on"], by=ctx.by
    )


schedule_hearing = Transition(
    "schedule_hearing",
    "登记开庭通知",
    PENDING,
    event="hearing_scheduled",
    date_label="开庭日期",
    after=(("complaint_received_on", "收到起诉状副本日期"),),
    ahead=True,
    inputs=("on", "notice_received_on", "note"),
    checks=(_schedule_checks,),
    effects=_scheduled,
    style="outline-primary",
)


def _next_hearing(case: LitigationCase) -> Hearing | None:
    return case.hearings.filter(held_on__isnull=True).order_by("scheduled_for", "id").first()


def _appearance_checks(case: LitigationCase, ctx: Ctx) -> str | None:
    role, relation = ctx["role"], ctx["organ_relation"]
    if role not in Role.values:
        return "请选择出庭身份"
    if role in HEAD_ROLES and not (ctx["appearer_name"] or "").strip():
        return "负责人出庭的，请填写出庭负责人姓名"
    if role in HEAD_ROLES and relation not in OrganRelation.values:
        return "请选择出庭人员所在单位"
    return None


def _held(case: LitigationCase, ctx: Ctx) -> None:
    assert ctx.on is not None
    hearing = _next_hearing(case) or Hearing(case=case, scheduled_for=ctx.on)
    role = ctx["role"]
    hearing.held_on = ctx.on
    hearing.role = role
    hearing.appearer_name = (ctx["appearer_name"] or "")[:30]
    hearing.appearer_title = (ctx["appearer_title"] or "")[:60]
    hearing.organ_relation = ctx["organ_relation"] or OrganRelation.OWN
    hearing.identity_proved = bool(ctx["identity_proved"])
    hearing.spoke_on_substance = bool(ctx["spoke_on_substance"])
    hearing.lawyer_present = bool(ctx["lawyer_present"]) or role == Role.LAWYER
    hearing.absence_reason = ctx.note[:300] if role not in HEAD_ROLES else ""
    hearing._history_user = ctx.by  # type: ignore[attr-defined]
    hearing.save()
    stop_if_open(case, APPEARANCE_NOTICE, on=ctx.day, by=ctx.by)


hold_hearing = Transition(
    "hold_hearing",
    "记录开庭出庭情况",
    PENDING,
    State.HEARD,
    event="hearing_held",
    date_label="开庭日期",
    after=(("complaint_received_on", "收到起诉状副本日期"),),
    inputs=(
        "on",
        "role",
        "appearer_name",
        "appearer_title",
        "organ_relation",
        "identity_proved",
        "spoke_on_substance",
        "lawyer_present",
        "note",
    ),
    checks=(_appearance_checks,),
    history_note=lambda c, ctx: f"{Role(ctx['role']).label}{ctx['appearer_name'] or ''}出庭",
    effects=_held,
    style="outline-primary",
)

# --- 判决/裁定 -----------------------------------------------------------------------------------


def _decision_checks(case: LitigationCase, ctx: Ctx) -> str | None:
    kind, disposition, served = ctx["decision_kind"], ctx["disposition"], ctx["served_on"]
    if kind not in DecisionKind.values:
        return "请选择裁判类型（判决或裁定）"
    allowed = JUDGMENTS if kind == DecisionKind.JUDGMENT else RULINGS
    if disposition not in allowed:
        return f"裁判结果“{Disposition(disposition).label if disposition in Disposition.values else disposition}”与裁判类型“{DecisionKind(kind).label}”不符"
    if disposition == Disposition.APPEAL_DISMISSED and case.trial_level == Instance.FIRST:
        return "一审案件不能“驳回上诉，维持原判”"
    if served is not None:
        try:
            not_before(served, ctx.on, "裁判文书送达日期", "裁判日期")
            not_after_today(served, "裁判文书送达日期")
        except TransitionError as exc:
            return exc.message
    return None


def _decided(case: LitigationCase, ctx: Ctx) -> None:
    assert ctx.on is not None
    for spec in (DEFENCE, APPEARANCE_NOTICE):
        stop_if_open(case, spec, on=ctx.day, by=ctx.by)
    served = ctx["served_on"]
    if case.trial_level == Instance.FIRST and served is not None:
        spec = APPEAL_JUDGMENT if ctx["decision_kind"] == DecisionKind.JUDGMENT else APPEAL_RULING
        clocks.start(case, spec, on=served, by=ctx.by)


decide = Transition(
    "decide",
    "登记判决/裁定",
    PENDING,
    State.DECIDED,
    event="decided",
    date_field="decided_on",
    date_label="裁判日期",
    after=(("complaint_received_on", "收到起诉状副本日期"),),
    inputs=("on", "decision_kind", "disposition", "served_on", "note"),
    checks=(_decision_checks,),
    changes=lambda c, ctx: {
        "decision_kind": ctx["decision_kind"],
        "disposition": ctx["disposition"],
        "decision_served_on": ctx["served_on"],
    },
    effects=_decided,
    style="success",
)


def _withdrawal_checks(case: LitigationCase, ctx: Ctx) -> str | None:
    reason = ctx["withdrawal_reason"]
    if reason not in WithdrawalReason.values:
        return "请选择撤诉原因"
    changed = ctx["act_changed_on"]
    if reason == WithdrawalReason.ACT_CHANGED:
        if changed is None:
            return "被告改变行政行为后撤诉的，请填写改变行政行为的日期"
        if ctx.on is not None and changed > ctx.on:
            return "改变行政行为日期不能晚于准许撤诉裁定日期"
    return None


def _stop_all(case: LitigationCase, ctx: Ctx) -> None:
    assert ctx.on is not None
    for spec in (DEFENCE, APPEARANCE_NOTICE, APPEAL_JUDGMENT, APPEAL_RULING):
        stop_if_open(case, spec, on=ctx.day, by=ctx.by)


withdraw = Transition(
    "withdraw",
    "撤诉结案",
    PENDING,
    State.WITHDRAWN,
    event="withdrawn",
    date_field="decided_on",
    date_label="准许撤诉裁定日期",
    after=(("complaint_received_on", "收到起诉状副本日期"),),
    inputs=("on", "withdrawal_reason", "act_changed_on", "note"),
    checks=(_withdrawal_checks,),
    changes=lambda c, ctx: {
        "decision_kind": DecisionKind.RULING,
        "disposition": Disposition.WITHDRAWAL_PERMITTED,
        "withdrawal_reason": ctx["withdrawal_reason"],
        "act_changed_on": ctx["act_changed_on"],
    },
    effects=_stop_all,
    style="outline-secondary",
)

# --- 上诉, 生效, 履行 ------------------------------------------------------------------------------


def _appeal_spec(case: LitigationCase) -> Any:
    return APPEAL_JUDGMENT if case.decision_kind == DecisionKind.JUDGMENT else APPEAL_RULING


def _first_instance_result(case: LitigationCase) -> str | None:
    if case.trial_level != Instance.FIRST or not case.disposition:
        return "只有作出一审判决或裁定的案件才能上诉"
    return None


appeal = Transition(
    "appeal",
    "上诉",
    (State.DECIDED,),
    State.APPEALED,
    event="appealed",
    date_field="appealed_on",
    date_label="上诉日期",
    after=(("decided_on", "裁判日期"), ("decision_served_on", "裁判文书送达日期")),
    inputs=("on", "appellant", "note"),
    when=(_first_instance_result,),
    checks=(
        lambda c, ctx: (
            None if ctx["appellant"] in ("plaintiff", "defendant", "both") else "请选择上诉人"
        ),
    ),
    changes=lambda c, ctx: {"appellant": ctx["appellant"]},
    effects=lambda c, ctx: stop_if_open(c, _appeal_spec(c), on=ctx.day, by=ctx.by),
    style="outline-warning",
)

become_effective = Transition(
    "become_effective",
    "裁判生效",
    (State.DECIDED,),
    State.EFFECTIVE,
    event="effective",
    date_field="effective_on",
    date_label="生效日期",
    after=(("decided_on", "裁判日期"), ("decision_served_on", "裁判文书送达日期")),
    effects=lambda c, ctx: stop_if_open(c, _appeal_spec(c), on=ctx.day, by=ctx.by),
)

perform = Transition(
    "perform",
    "履行完毕",
    (State.EFFECTIVE,),
    State.PERFORMED,
    event="performed",
    date_field="performed_on",
    date_label="履行完毕日期",
    after=(("effective_on", "生效日期"),),
    when=(lambda c: None if c.is_loss else "本案不需要被告履行（非败诉裁判）",),
)

TRANSITIONS = [
    answer,
    schedule_hearing,
    hold_hearing,
    decide,
    withdraw,
    appeal,
    become_effective,
    perform,
]
