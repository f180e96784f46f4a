"""Status transitions of the annual report: 起草 → 审核 → 定稿 → 报送 → 公开. Each writes one audit
entry through `update_if`; approval needs every reconciliation issue resolved or acknowledged."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from fazhi.audit import update_if
from fazhi.reports import tokens
from fazhi.reports.models import Acknowledgement, AnnualReport, ReportPart, Status
from fazhi.reports.reconcile import Reconciliation, reconcile

EDITABLE = (Status.DRAFT, Status.REVIEW)


class TransitionError(Exception):
    """Carries the Chinese message shown next to the button."""


def _move(
    report: AnnualReport, frm: Status, to: Status, *, by: Any, event: str, **changes: Any
) -> None:
    if report.status != frm:
        raise TransitionError(f"报告当前为“{report.get_status_display()}”，不能执行此操作")
    if not update_if(
        report, expect={"status": frm}, changes={"status": to, **changes}, by=by, event=event
    ):
        raise TransitionError("该报告已被他人处理，请刷新后重试")


def submit_for_review(report: AnnualReport, *, by: Any) -> None:
    _move(report, Status.DRAFT, Status.REVIEW, by=by, event="submitted_for_review")


def return_to_draft(report: AnnualReport, *, by: Any) -> None:
    _move(report, Status.REVIEW, Status.DRAFT, by=by, event="returned")


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
    _move(
        report,
        Status.REVIEW,
        Status.FINAL,
        by=by,
        event="approved",
        issued_on=report.issued_on or today,
    )
    return rec


def submit(report: AnnualReport, *, by: Any, on: dt.date) -> None:
    _move(report, Status.FINAL, Status.SUBMITTED, by=by, event="submitted", submitted_on=on)


def publish(report: AnnualReport, *, by: Any, on: dt.date, url: str = "") -> None:
    _move(
        report,
        Status.SUBMITTED,
        Status.PUBLISHED,
        by=by,
        event="published",
        published_on=on,
        published_url=url,
    )


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
