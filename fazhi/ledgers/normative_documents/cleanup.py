"""清理: a `CleanupBatch` lists documents in force with one outcome each (继续有效/修改/废止/宣布
失效); on the batch's effective date every outcome is applied through a transition of its own
(one history row per document). All or nothing: one document no longer in force refuses the
whole batch, naming it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from fazhi.casework.transitions import Transition, TransitionError, horizon
from fazhi.ledgers.normative_documents.models import CleanupBatch, CleanupEntry, NormativeDocument
from fazhi.ledgers.normative_documents.states import Outcome, State
from fazhi.ledgers.normative_documents.workflow import stop_all
from fazhi.lib.cn_date import cn_date


def _still_valid(doc: NormativeDocument, on: dt.date | None) -> str | None:
    """In force on the day the outcome takes effect (a batch may be recorded afterwards)."""
    if doc.expires_on is not None and on is not None and doc.expires_on < on:
        return f"该文件有效期已于{cn_date(doc.expires_on)}届满，不在有效期内，不能作出清理结论"
    return None


def _outcome(code: str, outcome: Outcome, target: str | None) -> Transition:
    return Transition(
        code,
        f"清理：{outcome.label}",
        (State.ISSUED,),
        target,
        event=code,
        verb="作出清理结论",
        perm="cleanup",
        perm_message="清理由司法局（法治办）组织",
        date_field="ended_on" if target is not None else None,
        date_label="清理结果生效日期",
        after=(("published_on", "公布日期"),),
        checks=(lambda d, ctx: _still_valid(d, ctx.on),),
        system=True,
    )


OUTCOME_TRANSITIONS = {
    Outcome.KEPT: _outcome("cleanup_kept", Outcome.KEPT, None),
    Outcome.AMENDED: _outcome("cleanup_amended", Outcome.AMENDED, None),
    Outcome.REPEALED: _outcome("cleanup_repealed", Outcome.REPEALED, State.REPEALED),
    Outcome.DECLARED_INVALID: _outcome(
        "cleanup_declared_invalid", Outcome.DECLARED_INVALID, State.DECLARED_INVALID
    ),
}


def not_in_force(doc: NormativeDocument, on: dt.date) -> str | None:
    """Why `doc` cannot take a cleanup outcome taking effect on `on`, or None."""
    if doc.state != State.ISSUED:
        return f"“{doc.title}”当前为“{doc.get_state_display()}”，不是现行有效文件，不能作出清理结论"
    problem = _still_valid(doc, on)
    return f"“{doc.title}”{problem.removeprefix('该文件')}" if problem else None


@transaction.atomic
def create_batch(
    *,
    jurisdiction: Any,
    department: Any,
    name: str,
    basis: str,
    started_on: dt.date | None,
    decided_on: dt.date | None,
    effective_on: dt.date | None,
    by: Any,
) -> CleanupBatch:
    if not name.strip() or not basis.strip():
        raise TransitionError("请填写清理名称和清理依据")
    if started_on is None or decided_on is None or effective_on is None:
        raise TransitionError("请填写开始日期、清理决定日期和清理结果生效日期")
    today = timezone.localdate()
    if decided_on > today:
        raise TransitionError(f"清理决定日期（{cn_date(decided_on)}）不能晚于今天")
    if started_on > decided_on:
        raise TransitionError("开始日期不能晚于清理决定日期")
    if effective_on < decided_on:
        raise TransitionError("清理结果生效日期不能早于清理决定日期")
    if effective_on > horizon():
        raise TransitionError("清理结果生效日期最迟只能在一年以内")
    batch = CleanupBatch(
        jurisdiction=jurisdiction,
        department=department,
        name=name.strip()[:120],
        basis=basis.strip()[:200],
        started_on=started_on,
        decided_on=decided_on,
        effective_on=effective_on,
    )
    batch._history_user = by  # type: ignore[attr-defined]
    batch.save()
    return batch


@transaction.atomic
def add_entry(
    batch: CleanupBatch, document: NormativeDocument, outcome: str, *, reason: str = "", by: Any
) -> CleanupEntry:
    if batch.applied_on is not None:
        raise TransitionError("该批次的清理结果已执行，不能再增加文件")
    if outcome not in Outcome.values:
        raise TransitionError("请选择清理结果（继续有效、修改、废止或宣布失效）")
    if document.jurisdiction_id != batch.jurisdiction_id:
        raise TransitionError("该文件不属于本区划")
    problem = not_in_force(document, batch.effective_on)
    if problem:
        raise TransitionError(problem)
    if batch.entries.filter(document=document).exists():
        raise TransitionError(f"“{document.title}”已列入本批次")
    entry = CleanupEntry(batch=batch, document=document, outcome=outcome, reason=reason[:200])
    entry._history_user = by  # type: ignore[attr-defined]
    entry.save()
    return entry


def apply_batch(batch: CleanupBatch, *, by: Any, today: dt.date | None = None) -> int:
    """Apply every outcome on the batch's effective date; returns the documents changed."""
    today = today or timezone.localdate()
    if batch.applied_on is not None:
        raise TransitionError(f"该批次的清理结果已于{cn_date(batch.applied_on)}执行")
    if batch.effective_on > today:
        raise TransitionError(
            f"清理结果生效日期（{cn_date(batch.effective_on)}）尚未到，届时系统自动执行"
        )
    entries = list(batch.entries.select_related("document").order_by("id"))
    if not entries:
        raise TransitionError("该批次尚未列入任何文件")
    with transaction.atomic():
        for entry in entries:
            doc = entry.document
            problem = not_in_force(doc, batch.effective_on)
            if problem:
                raise TransitionError(problem)
            OUTCOME_TRANSITIONS[Outcome(entry.outcome)](
                doc, on=batch.effective_on, by=by, note=f"{batch.name}：{entry.reason}"
            )
            if doc.state != State.ISSUED:
                stop_all(doc, batch.effective_on, by)
        batch.applied_on = today
        batch._history_user = by  # type: ignore[attr-defined]
        batch.save(update_fields=["applied_on"])
    return len(entries)


def apply_due_batches(today: dt.date) -> int:
    """The daily lapse: batches whose effective date has come. A batch refused (a document
    repealed meanwhile) stays unapplied and shows its reason on its page."""
    n = 0
    for batch in CleanupBatch.objects.filter(applied_on__isnull=True, effective_on__lte=today):
        try:
            n += apply_batch(batch, by=None, today=today)
        except TransitionError:
            continue
    return n
