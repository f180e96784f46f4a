"""Transitions of a disclosure request, declared on the casework engine (statutes.md §4):

收到申请 (date by channel, Art. 31) → [补正 once (Art. 30): the reply clock waits, restarts on the
corrected request; silence past the period → 视为放弃 (a daily lapse)] → [征求第三方/其他机关意见
(Arts. 32, 34): the reply clock paused from the letter to the opinion] → [收费通知: paused until
payment (configurable)] → [延期 ≤ 20 working days, approved by the head, applicant notified
(Art. 33)] → 答复 (Art. 36: type and ground as the annual table counts them).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from fazhi import clocks
from fazhi.casework.due import DueCache
from fazhi.casework.effects import stop_if_open
from fazhi.casework.numbering import Numbering, register_row
from fazhi.casework.transitions import (
    Ctx,
    Transition,
    TransitionError,
    not_after_today,
    not_before,
)
from fazhi.clocks.models import Outcome, PauseKind
from fazhi.clocks.models import State as ClockState
from fazhi.ledgers.disclosure.clocks import (
    CORRECTION_NOTICE,
    DEFAULT_CORRECTION_PERIOD,
    OTHER_AGENCY_OPINION,
    REPLY,
    THIRD_PARTY_OPINION,
    correction_period,
    fee_pauses_reply,
)
from fazhi.ledgers.disclosure.models import DisclosureRequest
from fazhi.ledgers.disclosure.states import (
    GROUNDS,
    Channel,
    ConsulteeKind,
    FeeBasis,
    Ground,
    Opinion,
    ReplyType,
    State,
)
from fazhi.lib.cn_date import cn_date

NUMBERING = Numbering("依公开")  # 示依公开〔2025〕3号
DUE = DueCache(
    clocks=frozenset({REPLY.name}),
    field="reply_due_on",
    flag_field="reply_due_flag_year",
    label="答复期限",
    states=frozenset({State.RECEIVED, State.AWAITING_FEE}),
)
MAX_EXTENSION = 20
DAY = dt.timedelta(days=1)


def receipt_problem(req: DisclosureRequest) -> str:
    """The channel and its evidence date (Art. 31); empty when they are fine."""
    if req.channel not in Channel.values:
        return "请选择申请的提交方式"
    if req.evidence_on is None:
        return "请填写签收或确认日期（收到申请之日由提交方式和该日期确定）"
    if req.submitted_on is not None and req.evidence_on < req.submitted_on:
        return (
            f"签收或确认日期（{cn_date(req.evidence_on)}）不能早于申请人提交（寄出）日期"
            f"（{cn_date(req.submitted_on)}）"
        )
    return ""


def derive_received_on(req: DisclosureRequest) -> dt.date:
    """Art. 31: for every channel the receipt day is the day its evidence records (提交、签收、确认);
    the channel says which evidence that is (see `receipt_explanation`)."""
    assert req.evidence_on is not None
    return req.evidence_on


@transaction.atomic
def receive(req: DisclosureRequest, *, by: Any, children: Any = ()) -> DisclosureRequest:
    """登记: the receipt date from channel and evidence, the 案号, and the reply clock."""
    if req.pk is not None:
        raise TransitionError("该申请已登记")
    problem = receipt_problem(req) or link_problem(req)
    if problem:
        raise TransitionError(problem)
    not_after_today(req.evidence_on, "签收或确认日期")
    req.received_on = derive_received_on(req)
    req.state = State.RECEIVED
    register_row(req, NUMBERING, year=req.received_on.year, by=by)
    clocks.start(req, REPLY, on=req.received_on, by=by)
    clocks.start(req, CORRECTION_NOTICE, on=req.received_on, by=by)
    DUE.refresh(req)
    return req


def link_problem(req: DisclosureRequest) -> str:
    """A linked 复议 case or lawsuit must be of the same jurisdiction (read through their api)."""
    from fazhi.ledgers.litigation.api import get_lawsuit_ref
    from fazhi.ledgers.reconsideration.api import get_ref

    if req.reconsideration_case_id:
        ref = get_ref(req.reconsideration_case_id)
        if ref is None or ref.jurisdiction_id != req.jurisdiction_id:
            return "关联的行政复议案件不属于本区划，请核对"
    if req.litigation_case_id:
        lawsuit = get_lawsuit_ref(req.litigation_case_id)
        if lawsuit is None or lawsuit.jurisdiction_id != req.jurisdiction_id:
            return "关联的行政诉讼案件不属于本区划，请核对"
    return ""


def _reply_open(req: DisclosureRequest) -> bool:
    clock = clocks.get(req, REPLY)
    return clock is not None and clock.is_open


# --- 补正 (Art. 30) -----------------------------------------------------------------------------


def _only_once(req: DisclosureRequest) -> str | None:
    if req.correction_requested_on is not None:
        return "补正只能一次性告知，本申请已于" + cn_date(req.correction_requested_on) + "告知补正"
    if req.reviewed_on is not None:
        return "已审查确认申请内容明确，不再告知补正"
    return None


def _not_reviewed(req: DisclosureRequest) -> str | None:
    if req.reviewed_on is not None:
        return "已于" + cn_date(req.reviewed_on) + "审查确认"
    if req.correction_requested_on is not None:
        return "本申请已告知补正"
    return None


def _stop_review(req: DisclosureRequest, ctx: Ctx, label: str = "") -> None:
    stop_if_open(req, CORRECTION_NOTICE, on=ctx.day, by=ctx.by, outcome_label=label)


confirm_complete = Transition(
    "confirm_complete",
    "审查确认（无需补正）",
    (State.RECEIVED,),
    event="reviewed",
    date_field="reviewed_on",
    date_label="审查确认日期",
    after=(("received_on", "收到申请日期"),),
    when=(_not_reviewed,),
    expect=lambda r: {"reviewed_on": None, "correction_requested_on": None},
    effects=lambda r, ctx: _stop_review(r, ctx, "申请内容明确，无需补正"),
    style="outline-success",
)


def _correction_checks(req: DisclosureRequest, ctx: Ctx) -> str | None:
    if not (ctx["correction_items"] or "").strip():
        return "请填写需要补正的事项（一次性告知）"
    days = ctx["correction_period_days"]
    if days is not None and not 1 <= days <= 60:
        return "补正期限应为1至60个工作日"
    return None


def _correction_requested(req: DisclosureRequest, ctx: Ctx) -> None:
    # The 7-working-day notice period closes on the notice's day (a late notice shows as late).
    stop_if_open(req, CORRECTION_NOTICE, on=ctx.day, by=ctx.by, outcome_label="已告知补正")
    clocks.pause(
        req,
        REPLY,
        on=ctx.day,
        reason="告知申请人补正（收到补正后重新起算）",
        by=ctx.by,
        kind=PauseKind.CORRECTION,
    )
    days = ctx["correction_period_days"] or DEFAULT_CORRECTION_PERIOD
    clocks.start(req, correction_period(days), on=ctx.day, by=ctx.by)


request_correction = Transition(
    "request_correction",
    "告知补正",
    (State.RECEIVED,),
    State.CORRECTION,
    event="correction_requested",
    date_field="correction_requested_on",
    date_label="补正通知日期",
    after=(("received_on", "收到申请日期"),),
    inputs=("on", "correction_items", "correction_period_days", "note"),
    when=(_only_once,),
    checks=(_correction_checks,),
    changes=lambda r, ctx: {
        "correction_items": (ctx["correction_items"] or "").strip()[:300],
        "correction_period_days": ctx["correction_period_days"] or DEFAULT_CORRECTION_PERIOD,
    },
    effects=_correction_requested,
    style="outline-warning",
)


def _period_spec(req: DisclosureRequest) -> Any:
    return correction_period(req.correction_period_days or DEFAULT_CORRECTION_PERIOD)


def _corrected(req: DisclosureRequest, ctx: Ctx) -> None:
    stop_if_open(req, _period_spec(req), on=ctx.day, by=ctx.by)
    clocks.restart(req, REPLY, on=ctx.day, by=ctx.by)


receive_correction = Transition(
    "receive_correction",
    "收到补正申请",
    (State.CORRECTION,),
    State.RECEIVED,
    event="correction_received",
    date_field="correction_received_on",
    date_label="收到补正申请日期",
    after=(("correction_requested_on", "补正通知日期"),),
    effects=_corrected,
)


def _abandoned(req: DisclosureRequest, ctx: Ctx) -> None:
    stop_if_open(
        req,
        _period_spec(req),
        on=ctx.day,
        by=None,
        outcome=Outcome.LAPSED,
        outcome_label="逾期未补正",
    )
    stop_if_open(req, REPLY, on=ctx.day, by=None, outcome_label="视为放弃申请")
    stop_if_open(req, CORRECTION_NOTICE, on=ctx.day, by=None)


abandon = Transition(
    "abandon",
    "逾期未补正，视为放弃",
    (State.CORRECTION,),
    State.ABANDONED,
    event="abandoned",
    date_field="replied_on",
    date_label="视为放弃日期",
    after=(("correction_requested_on", "补正通知日期"),),
    changes=lambda r, ctx: {
        "reply_type": ReplyType.OTHER,
        "reply_ground": Ground.CORRECTION_OVERDUE,
        "answered_on_time": True,
    },
    effects=_abandoned,
    system=True,
)


def run_abandonment(today: dt.date) -> int:
    """The daily lapse: a request whose 补正 period ran out before today is deemed abandoned on
    the day after the period's last day (Art. 30)."""
    n = 0
    qs = DisclosureRequest.objects.filter(state=State.CORRECTION).order_by("id")
    for req in qs.iterator(chunk_size=500):
        due = clocks.due(req, _period_spec(req))
        if due is None or due >= today:
            continue
        try:
            abandon(
                req, on=due + DAY, by=None, note="申请人逾期未补正，视为放弃申请（条例第三十条）"
            )
        except TransitionError:
            continue
        n += 1
    return n


# --- 征求意见 (Arts. 32, 34) --------------------------------------------------------------------


def _opinion_spec(kind: str) -> Any:
    return THIRD_PARTY_OPINION if kind == ConsulteeKind.THIRD_PARTY else OTHER_AGENCY_OPINION


def _consult_checks(req: DisclosureRequest, ctx: Ctx) -> str | None:
    if ctx["consultee_kind"] not in ConsulteeKind.values:
        return "请选择征求意见的对象（第三方或其他机关）"
    if not (ctx["consultee_name"] or "").strip():
        return "请填写被征求意见方的名称"
    served = ctx["consultation_served_on"]
    if served is not None:
        try:
            not_before(served, ctx.on, "对方收到征求意见书日期", "发函日期")
            not_after_today(served, "对方收到征求意见书日期")
        except TransitionError as exc:
            return exc.message
    return None


def _consulted(req: DisclosureRequest, ctx: Ctx) -> None:
    kind = ctx["consultee_kind"]
    who = ConsulteeKind(kind).label.split("（")[0]
    clocks.pause(
        req,
        REPLY,
        on=ctx.day,
        reason=f"书面征求{who}意见（发函至收到意见）",
        by=ctx.by,
        kind=PauseKind.OTHER,
    )
    _stop_review(req, ctx)
    spec = _opinion_spec(kind)
    if clocks.get(req, spec) is None:
        clocks.start(req, spec, on=ctx["consultation_served_on"] or ctx.day, by=ctx.by)


consult = Transition(
    "consult",
    "征求意见",
    (State.RECEIVED,),
    State.CONSULTING,
    event="consulted",
    date_field="consulted_on",
    date_label="征求意见发函日期",
    after=(("received_on", "收到申请日期"), ("correction_received_on", "收到补正申请日期")),
    inputs=("on", "consultee_kind", "consultee_name", "consultation_served_on", "note"),
    checks=(_consult_checks,),
    changes=lambda r, ctx: {
        "consultee_kind": ctx["consultee_kind"],
        "consultee_name": (ctx["consultee_name"] or "").strip()[:100],
        "consultation_served_on": ctx["consultation_served_on"] or ctx.on,
        "consultation_answered_on": None,
        "opinion": "",
    },
    effects=_consulted,
    style="outline-primary",
)


def _opinion_checks(req: DisclosureRequest, ctx: Ctx) -> str | None:
    if ctx["opinion"] not in Opinion.values:
        return "请选择对方的意见"
    return None


def _opinion_received(req: DisclosureRequest, ctx: Ctx) -> None:
    stop_if_open(req, _opinion_spec(req.consultee_kind), on=ctx.day, by=ctx.by)
    # The pause runs from the letter to the day the opinion comes in, both days excluded.
    clocks.resume(req, REPLY, on=ctx.day, by=ctx.by, include_on=True)


record_opinion = Transition(
    "record_opinion",
    "登记收到意见",
    (State.CONSULTING,),
    State.RECEIVED,
    event="opinion_received",
    date_field="consultation_answered_on",
    date_label="收到意见（或期满）日期",
    after=(("consulted_on", "征求意见发函日期"),),
    inputs=("on", "opinion", "note"),
    checks=(_opinion_checks,),
    changes=lambda r, ctx: {"opinion": ctx["opinion"]},
    effects=_opinion_received,
)

# --- 收费 (国办函〔2020〕109号) -------------------------------------------------------------------


def per_request_fee_fen(nth_in_month: int) -> int:
    """按件计收 for the applicant's `nth` request in a calendar month: 1–10 free; 11–30 at 100 元;
    then each further band of 10 costs 100 元 more per request (国办函〔2020〕109号)."""
    if nth_in_month <= 10:
        return 0
    if nth_in_month <= 30:
        return 10000
    return 10000 + 10000 * ((nth_in_month - 31) // 10 + 1)


def nth_request_in_month(req: DisclosureRequest) -> int:
    first = req.received_on.replace(day=1)
    return (
        DisclosureRequest.objects.filter(
            jurisdiction_id=req.jurisdiction_id,
            department_id=req.department_id,
            applicant_name=req.applicant_name,
            received_on__gte=first,
            received_on__lte=req.received_on,
        )
        .filter(pk__lte=req.pk)
        .count()
    )


def _fee_checks(req: DisclosureRequest, ctx: Ctx) -> str | None:
    by_request, by_volume = ctx["fee_by_request"], ctx["fee_by_volume"]
    if by_request is not None and by_volume is not None:
        return "信息处理费只能按件或按量一种方式计收，不能同时按件和按量收取"
    if by_request is None and by_volume is None:
        return "请填写按件或按量计收的金额（二选一）"
    amount = by_request if by_request is not None else by_volume
    if amount <= 0:
        return "收费金额应大于零"
    if by_request is not None and nth_request_in_month(req) <= 10:
        return "同一申请人一个自然月内申请未超过10件的，不按件收费（国办函〔2020〕109号）"
    return None


def _fee_changes(req: DisclosureRequest, ctx: Ctx) -> dict[str, Any]:
    from fazhi.lib.money import parse_yuan_to_fen

    by_request = ctx["fee_by_request"]
    basis = FeeBasis.PER_REQUEST if by_request is not None else FeeBasis.PER_VOLUME
    amount = by_request if by_request is not None else ctx["fee_by_volume"]
    return {"fee_basis": basis, "fee_fen": parse_yuan_to_fen(amount), "fee_paid_on": None}


def _fee_noticed(req: DisclosureRequest, ctx: Ctx) -> None:
    _stop_review(req, ctx)
    if fee_pauses_reply():
        clocks.pause(req, REPLY, on=ctx.day, reason="收费通知至申请人缴费", by=ctx.by)


notify_fee = Transition(
    "notify_fee",
    "收费通知",
    (State.RECEIVED,),
    State.AWAITING_FEE,
    event="fee_noticed",
    date_field="fee_notice_on",
    date_label="收费通知日期",
    after=(("received_on", "收到申请日期"), ("correction_received_on", "收到补正申请日期")),
    inputs=("on", "fee_by_request", "fee_by_volume", "note"),
    when=(lambda r: "本申请已发出过收费通知" if r.fee_notice_on else None,),
    checks=(_fee_checks,),
    changes=_fee_changes,
    effects=_fee_noticed,
    style="outline-secondary",
)


def _paid(req: DisclosureRequest, ctx: Ctx) -> None:
    clock = clocks.get(req, REPLY)
    if clock is not None and clock.state == ClockState.PAUSED:
        clocks.resume(req, REPLY, on=ctx.day, by=ctx.by, include_on=True)


pay_fee = Transition(
    "pay_fee",
    "登记缴费",
    (State.AWAITING_FEE,),
    State.RECEIVED,
    event="fee_paid",
    date_field="fee_paid_on",
    date_label="缴费日期",
    after=(("fee_notice_on", "收费通知日期"),),
    effects=_paid,
)

# --- 延期 (Art. 33(2)) -------------------------------------------------------------------------


def _extension_checks(req: DisclosureRequest, ctx: Ctx) -> str | None:
    days = ctx["extension_days"]
    if days is None or days <= 0:
        return "请填写延长的工作日数"
    total = (req.extension_days or 0) + days
    if total > MAX_EXTENSION:
        return f"答复期限最多延长20个工作日（条例第三十三条第二款），本次延长后共{total}个工作日，超过上限"
    if not ctx["head_approved"]:
        return "延长答复期限须经政府信息公开工作机构负责人同意"
    if not (ctx["approver"] or "").strip():
        return "请填写同意延期的政府信息公开工作机构负责人姓名"
    notified = ctx["notified_on"]
    if notified is None:
        return "延长答复期限应当告知申请人，请填写告知日期"
    try:
        not_before(notified, ctx.on, "告知申请人延期日期", "延期批准日期")
        not_after_today(notified, "告知申请人延期日期")
    except TransitionError as exc:
        return exc.message
    return None


def _extended(req: DisclosureRequest, ctx: Ctx) -> None:
    clocks.extend(
        req,
        REPLY,
        length=ctx["extension_days"],
        approved_by=ctx["approver"].strip(),
        on=ctx.day,
        by=ctx.by,
    )


extend = Transition(
    "extend",
    "延期答复",
    (State.RECEIVED, State.CONSULTING, State.AWAITING_FEE),
    event="extended",
    date_field="extended_on",
    date_label="延期批准日期",
    after=(("received_on", "收到申请日期"),),
    inputs=("on", "extension_days", "head_approved", "approver", "notified_on", "note"),
    when=(lambda r: "答复期限已延长过" if (r.extension_days or 0) >= MAX_EXTENSION else None,),
    checks=(_extension_checks,),
    changes=lambda r, ctx: {
        "extension_days": (r.extension_days or 0) + ctx["extension_days"],
        "extension_approver": ctx["approver"].strip()[:60],
        "extension_notified_on": ctx["notified_on"],
    },
    expect=lambda r: {"extension_days": r.extension_days},
    effects=_extended,
    style="outline-warning",
)

# --- 答复 (Art. 36) ----------------------------------------------------------------------------


def ground_problem(reply_type: str | None, ground: str | None, req: DisclosureRequest) -> str:
    if reply_type not in ReplyType.values:
        return "请选择处理结果（答复类型）"
    allowed = GROUNDS[reply_type]
    label = ReplyType(reply_type).label
    if not allowed:
        if ground:
            return f"“{label}”不需要选择具体情形"
        return ""
    if not ground:
        return f"处理结果为“{label}”的，请选择具体情形（理由）"
    if ground not in allowed:
        g = Ground(ground).label if ground in Ground.values else ground
        return f"具体情形“{g}”不属于“{label}”"
    if ground == Ground.FEE_UNPAID and req.fee_notice_on is None:
        return "本申请未发出收费通知，不能以“逾期未缴费”办结"
    if ground == Ground.CORRECTION_OVERDUE and req.correction_requested_on is None:
        return "本申请未告知补正，不能以“逾期不补正”办结"
    if ground == Ground.STILL_UNCLEAR and req.correction_received_on is None:
        return "“补正后申请内容仍不明确”须先告知补正并收到补正申请"
    return ""


def _answer_checks(req: DisclosureRequest, ctx: Ctx) -> str | None:
    problem = ground_problem(ctx["reply_type"], ctx["reply_ground"], req)
    if problem:
        return problem
    if req.state == State.AWAITING_FEE and ctx["reply_ground"] != Ground.FEE_UNPAID:
        return "申请人尚未缴费：请先登记缴费，或以“逾期未缴费”办结"
    return None


def _answer_changes(req: DisclosureRequest, ctx: Ctx) -> dict[str, Any]:
    due = clocks.due(req, REPLY)
    on_time = None if due is None or ctx.on is None else ctx.on <= due
    return {
        "reply_type": ctx["reply_type"],
        "reply_ground": ctx["reply_ground"] or "",
        "answered_on_time": on_time,
    }


def _answered(req: DisclosureRequest, ctx: Ctx) -> None:
    stop_if_open(req, REPLY, on=ctx.day, by=ctx.by)
    _stop_review(req, ctx)
    if req.consultee_kind:
        stop_if_open(req, _opinion_spec(req.consultee_kind), on=ctx.day, by=ctx.by)


answer = Transition(
    "answer",
    "答复",
    (State.RECEIVED, State.AWAITING_FEE),
    State.ANSWERED,
    event="answered",
    date_field="replied_on",
    date_label="答复日期",
    after=(
        ("received_on", "收到申请日期"),
        ("correction_received_on", "收到补正申请日期"),
        ("consultation_answered_on", "收到意见日期"),
        ("fee_notice_on", "收费通知日期"),
    ),
    inputs=("on", "reply_type", "reply_ground", "note"),
    checks=(_answer_checks,),
    changes=_answer_changes,
    effects=_answered,
    style="success",
)

TRANSITIONS = [
    confirm_complete,
    answer,
    request_correction,
    receive_correction,
    consult,
    record_opinion,
    notify_fee,
    pay_fee,
    extend,
    abandon,
]
