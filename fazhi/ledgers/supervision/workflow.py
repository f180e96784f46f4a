"""Transitions of a supervised item, declared on the casework engine: 交办 (with its 督办通知) →
签收 → 进展报告 … → 申请销号 (on evidence) → 销号 (the office's approval) or 退回; 延期 approved by
the office while the item runs. Evidence files are added on their own page (`views.py`)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from fazhi import audit, clocks
from fazhi.casework.due import DueCache
from fazhi.casework.effects import stop_if_open
from fazhi.casework.files import file_problem
from fazhi.casework.numbering import Numbering, register_row
from fazhi.casework.transitions import (
    Ctx,
    Transition,
    TransitionError,
    horizon,
    not_after_today,
    not_before,
)
from fazhi.clocks.spec import ClockError
from fazhi.ledgers.supervision.clocks import NAME, spec_for
from fazhi.ledgers.supervision.models import (
    EvidenceFile,
    ProgressReport,
    SupervisionItem,
    SupervisionNotice,
)
from fazhi.ledgers.supervision.states import RUNNING, Kind, LimitKind, State
from fazhi.lib.cn_date import cn_date

NUMBERING = Numbering("督")  # 示督〔2025〕3号
DUE = DueCache(
    clocks=frozenset({NAME}),
    field="due_on",
    flag_field="due_flag_year",
    label="办结时限",
    states=frozenset(RUNNING),
)
MAX_FILES = 20


def notice_problem(notice: SupervisionNotice, jurisdiction_id: int) -> str:
    """A notice typed with an item: new, or the registered one with the same facts."""
    if not notice.notice_number.strip():
        return "请填写督办通知文号"
    if notice.pk is None:
        same = SupervisionNotice.objects.filter(
            jurisdiction_id=jurisdiction_id, notice_number=notice.notice_number.strip()
        ).first()
        if same is not None and (same.source, same.issued_on) != (notice.source, notice.issued_on):
            return (
                f"督办通知“{same.notice_number}”已登记（{same.get_source_display()}，"
                f"{cn_date(same.issued_on)}下发），与本次填写的来源或下发日期不一致，请核对"
            )
    return ""


@transaction.atomic
def receive(item: SupervisionItem, *, by: Any, children: Any = ()) -> SupervisionItem:
    """登记 (交办): the notice if new, the 督办编号, and the 办结时限 clock from 交办."""
    if item.pk is not None:
        raise TransitionError("该事项已登记")
    notice = item.notice
    problem = notice_problem(notice, item.jurisdiction_id)
    if problem:
        raise TransitionError(problem)
    if item.assigned_on is None:
        raise TransitionError("请填写交办日期")
    not_after_today(item.assigned_on, "交办日期")
    not_after_today(notice.issued_on, "通知下发日期")
    not_before(item.assigned_on, notice.issued_on, "交办日期", "通知下发日期")
    if item.kind == Kind.RECTIFICATION and not item.finding.strip():
        raise TransitionError("整改任务须填写督察、检查发现的问题")
    if item.lead_department.jurisdiction_id != item.jurisdiction_id:
        raise TransitionError(f"“{item.lead_department.name}”不属于本区划")
    try:
        spec = spec_for(item)
    except ClockError as exc:
        raise TransitionError(str(exc)) from exc
    if notice.pk is None:
        existing = SupervisionNotice.objects.filter(
            jurisdiction_id=item.jurisdiction_id, notice_number=notice.notice_number.strip()
        ).first()
        if existing is not None:
            item.notice = existing
        else:
            notice.jurisdiction_id = item.jurisdiction_id
            notice.notice_number = notice.notice_number.strip()
            notice.office_id = notice.office_id or item.office_id
            notice._history_user = by  # type: ignore[attr-defined]
            notice.save()
            item.notice = notice
    item.state = State.ASSIGNED
    register_row(item, NUMBERING, year=item.assigned_on.year, by=by)
    clocks.start(item, spec, on=item.assigned_on, by=by)
    DUE.refresh(item)
    return item


# --- 签收, 进展 ---------------------------------------------------------------------------------

acknowledge = Transition(
    "acknowledge",
    "签收",
    (State.ASSIGNED,),
    State.HANDLING,
    event="acknowledged",
    date_field="acknowledged_on",
    date_label="签收日期",
    after=(("assigned_on", "交办日期"),),
)


def _progress(item: SupervisionItem, ctx: Ctx) -> None:
    ProgressReport.objects.create(
        item=item, reported_on=ctx.day, content=ctx.note.strip()[:300], reported_by=ctx.by
    )


report_progress = Transition(
    "report_progress",
    "报送进展",
    (State.HANDLING,),
    event="progress_reported",
    date_label="报送日期",
    after=(("acknowledged_on", "签收日期"),),
    note_required="请填写办理（整改）进展情况",
    effects=_progress,
    style="outline-primary",
)

# --- 延期 ---------------------------------------------------------------------------------------


def _current_limit(item: SupervisionItem) -> Any:
    return item.extended_to or item.time_limit_on


def _extension_checks(item: SupervisionItem, ctx: Ctx) -> str | None:
    if item.limit_kind == LimitKind.DATE:
        new, old = ctx["extended_to"], _current_limit(item)
        if new is None:
            return "请填写延期后的办结日期"
        if new <= old:
            return f"延期后的办结日期须晚于原办结时限（{cn_date(old)}）"
        if new > horizon():
            return f"延期后的办结日期最迟只能在一年以内（{cn_date(horizon())}之前）"
        return None
    days = ctx["extension_days"]
    if not isinstance(days, int) or not 0 < days <= 250:
        return "请填写延期的工作日数（1至250之间的整数）"
    return None


def _extension_changes(item: SupervisionItem, ctx: Ctx) -> dict[str, Any]:
    if item.limit_kind == LimitKind.DATE:
        return {"extended_to": ctx["extended_to"]}
    return {"extension_days": item.extension_days + ctx["extension_days"]}


def _extended(item: SupervisionItem, ctx: Ctx) -> None:
    spec = spec_for(item)
    clock = clocks.get(item, spec)
    assert clock is not None
    if item.limit_kind == LimitKind.DATE:
        assert item.extended_to is not None
        length = (item.extended_to - item.assigned_on).days - clock.length - clock.extension_length
    else:
        length = ctx["extension_days"]
    approver = getattr(ctx.by, "full_name", "") or str(ctx.by)
    clocks.extend(item, spec, length=length, approved_by=approver, on=ctx.day, by=ctx.by)
    DUE.refresh(item)


extend = Transition(
    "extend",
    "批准延期",
    RUNNING,
    event="extended",
    perm="approve",
    perm_message="延期须由交办单位批准，您没有该权限",
    date_field="extension_approved_on",
    date_label="批准日期",
    after=(("assigned_on", "交办日期"),),
    inputs=("on", "extended_to", "extension_days", "note"),
    note_required="请填写延期理由",
    checks=(_extension_checks,),
    changes=_extension_changes,
    effects=_extended,
    style="outline-warning",
)

# --- 销号 ---------------------------------------------------------------------------------------


def _has_evidence(item: SupervisionItem) -> str | None:
    if not item.evidence.exists():
        return "没有办结（整改）佐证材料，不能销号：请先上传佐证材料"
    return None


request_closure = Transition(
    "request_closure",
    "申请销号",
    (State.HANDLING,),
    State.REQUESTED,
    event="closure_requested",
    date_field="requested_on",
    date_label="申请销号日期",
    after=(("acknowledged_on", "签收日期"),),
    note_required="请填写办理（整改）结果",
    note_field="result",
    when=(_has_evidence,),
    style="success",
)


def _closed(item: SupervisionItem, ctx: Ctx) -> None:
    # Done when the lead department finished (asked for 销号), not when the office signed off.
    stop_if_open(item, spec_for(item), on=item.requested_on or ctx.day, by=ctx.by)


close = Transition(
    "close",
    "审核销号",
    (State.REQUESTED,),
    State.CLOSED,
    event="closed",
    perm="approve",
    perm_message="销号须由交办单位审核，您没有该权限",
    date_field="closed_on",
    date_label="销号日期",
    after=(("requested_on", "申请销号日期"),),
    when=(_has_evidence,),
    changes=lambda i, ctx: {"closed_by": ctx.by if getattr(ctx.by, "pk", None) else None},
    effects=_closed,
    style="success",
)

return_request = Transition(
    "return_request",
    "退回（不予销号）",
    (State.REQUESTED,),
    State.HANDLING,
    event="closure_returned",
    perm="approve",
    perm_message="退回须由交办单位决定，您没有该权限",
    date_label="退回日期",
    after=(("requested_on", "申请销号日期"),),
    note_required="请填写退回理由（尚未达到销号要求的具体问题）",
    style="outline-danger",
)

TRANSITIONS = [acknowledge, report_progress, extend, request_closure, close, return_request]


# --- evidence -----------------------------------------------------------------------------------


@transaction.atomic
def add_evidence(item: SupervisionItem, files: list[Any], *, on: Any, by: Any) -> None:
    """Keep the files with the item, with one history entry naming them."""
    if item.state == State.CLOSED:
        raise TransitionError("该事项已销号，不能再上传佐证材料")
    if not files:
        raise TransitionError("请选择要上传的佐证材料")
    if item.evidence.count() + len(files) > MAX_FILES:
        raise TransitionError(f"每个事项最多上传{MAX_FILES}个佐证材料")
    for f in files:
        problem = file_problem(f)
        if problem:
            raise TransitionError(problem)
    for f in files:
        EvidenceFile.objects.create(
            item=item,
            name=(f.name or "")[:200],
            size=f.size,
            file=f,
            uploaded_by=by,
            uploaded_on=on,
        )
    audit.record(item, event="evidence_added", by=by, note="、".join(f.name for f in files)[:200])
