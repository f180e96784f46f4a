"""Status transitions of the annual report: 起草 → 审核 → 定稿 → 报送 → 公开, declared on the
casework transition engine (one audit entry each, race-safe); approval needs every reconciliation
issue resolved or acknowledged."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from fazhi.casework.transitions import Transition
from fazhi.casework.transitions import TransitionError as TransitionError  # re-exported
from fazhi.reports import tokens
from fazhi.reports.models import Acknowledgement, AnnualReport, ReportPart, Status
from fazhi.reports.reconcile import Reconciliation, reconcile

EDITABLE = (Status.DRAFT, Status.REVIEW)


def _transition(
    code: str, label: str, frm: Status, to: Status, event: str, **kw: Any
) -> Transition:
    # Who may press which button is decided by the report views; the engine checks states.
    return Transition(
        code, label, (frm,), to, event=event, verb="执行此操作", perm="", inputs=(), **kw
    )


_submit_for_review = _transition(
    "submit_for_review", "提交审核", Status.DRAFT, Status.REVIEW, "submitted_for_review"
)
_return_to_draft = _transition(
    "return_to_draft", "退回修改", Status.REVIEW, Status.DRAFT, "returned"
)


def drafters(report: AnnualReport) -> set[int]:
    """Who drafted the report: created it, or sent it for review (from its history)."""
    history = report.history.filter(history_user__isnull=False)
    created = history.filter(history_type="+")
    sent = history.filter(history_change_reason__startswith="event:submitted_for_review")
    return set(created.values_list("history_user_id", flat=True)) | set(
        sent.values_list("history_user_id", flat=True)
    )


def _second_person(report: AnnualReport, ctx: Any) -> str | None:
    """Two people for 起草 and 定稿, as the calendar already requires for its confirmation."""
    if getattr(ctx.by, "pk", None) in drafters(report):
        return "报告须由起草人以外的人审核定稿：您起草或提交了本报告，请由另一位有权限的人员定稿"
    return None


_approve = _transition(
    "approve",
    "定稿",
    Status.REVIEW,
    Status.FINAL,
    "approved",
    checks=(_second_person,),
    changes=lambda r, ctx: {"issued_on": r.issued_on or ctx["today"]},
)
_submit = _transition(
    "submit",
    "报送",
    Status.FINAL,
    Status.SUBMITTED,
    "submitted",
    changes=lambda r, ctx: {"submitted_on": ctx["on_day"]},
)
_publish = _transition(
    "publish",
    "公开",
    Status.SUBMITTED,
    Status.PUBLISHED,
    "published",
    changes=lambda r, ctx: {"published_on": ctx["on_day"], "published_url": ctx["url"]},
)


def submit_for_review(report: AnnualReport, *, by: Any) -> None:
    _submit_for_review(report, by=by)


def return_to_draft(report: AnnualReport, *, by: Any) -> None:
    _return_to_draft(report, by=by)


@transaction.atomic
def approve(
    report: AnnualReport,
    *,
    by: Any,
    reasons: dict[str, str] | None = None,
    today: dt.date | None = None,
) -> Reconciliation:
    """定稿. Every blocking issue must be gone or carry a written reason; reasons are recorded."""
    today = today or timezone.localdate()
    reasons = {k: v.strip() for k, v in (reasons or {}).items() if v and v.strip()}
    rec = reconcile(report, today=today)
    open_issues = [i for i in rec.blocking if i.key not in reasons]
    if open_issues:
        raise TransitionError(
            f"还有{len(open_issues)}个核对问题未解决，也未填写确认理由："
            + "；".join(i.message for i in open_issues[:5])
        )
    for issue in rec.blocking:
        Acknowledgement.objects.create(
            report=report,
            key=issue.key[:200],
            description=issue.message[:500],
            reason=reasons[issue.key],
            by=by,
        )
    _approve(report, by=by, today=today)
    return rec


def submit(report: AnnualReport, *, by: Any, on: dt.date) -> None:
    _submit(report, by=by, on_day=on)


def publish(report: AnnualReport, *, by: Any, on: dt.date, url: str = "") -> None:
    _publish(report, by=by, on_day=on, url=url)


@transaction.atomic
def save_part(part: ReportPart, text: str, *, by: Any) -> ReportPart:
    """Save one part's text. A token to an unknown indicator is refused, naming the token; new tokens
    get their value frozen now, existing ones keep the value frozen at drafting."""
    from fazhi.indicators.compute import for_jurisdiction_year

    report = part.report
    if report.status not in EDITABLE:
        raise TransitionError(f"报告已“{report.get_status_display()}”，不能再修改")
    text = text.replace("\r\n", "\n").strip()
    unknown = tokens.unknown_tokens(text)
    if unknown:
        raise tokens.UnknownIndicator(unknown)
    new_ids = set(tokens.ids_in(text)) - set(report.figures.values_list("indicator_id", flat=True))
    if new_ids:
        snap = for_jurisdiction_year(report.jurisdiction, report.year, ids=new_ids)
        tokens.freeze_new(report, text, snap)
    part.text = text
    part._history_user = by if getattr(by, "is_authenticated", False) else None  # type: ignore[attr-defined]
    part.save(update_fields=["text"])
    return part


def refreeze(report: AnnualReport, indicator_ids: list[str], *, by: Any) -> None:
    """Take the ledgers' current values for these figures (resolves "changed since drafting")."""
    from fazhi.indicators.compute import for_jurisdiction_year

    if report.status not in EDITABLE:
        raise TransitionError(f"报告已“{report.get_status_display()}”，不能再修改")
    in_report = set(report.figures.values_list("indicator_id", flat=True))
    unknown = [i for i in indicator_ids if i not in in_report]
    if unknown or not indicator_ids:
        raise TransitionError(
            "请选择报告中已有的数字；未知指标：" + "、".join(unknown or ["（未选择）"])
        )
    snap = for_jurisdiction_year(report.jurisdiction, report.year, ids=indicator_ids)
    for ind_id in indicator_ids:
        tokens.freeze(report, snap[ind_id])
