"""Status transitions of the annual report: 起草 → 审核 → 定稿 → 报送 (one row per recipient) →
保密审查 → 公开 (URL, date), declared on the
casework transition engine (one audit entry each, race-safe); approval needs every reconciliation
issue resolved or acknowledged."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone

from fazhi.casework.transitions import Transition, not_after_today, not_before
from fazhi.casework.transitions import TransitionError as TransitionError  # re-exported
from fazhi.lib.cn_date import cn_date
from fazhi.reports import tokens
from fazhi.reports.draft import snapshot_for
from fazhi.reports.models import Acknowledgement, AnnualReport, ReportPart, Status
from fazhi.reports.reconcile import Reconciliation, reconcile
from fazhi.reports.units import ensure_recipients

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


def _all_sent(report: AnnualReport, ctx: Any) -> str | None:
    missing = [r.name for r in report.recipients.all() if r.sent_on is None]
    if missing:
        return "还有报送对象未登记报送：" + "、".join(missing)
    return None


def _valid_url(report: AnnualReport, ctx: Any) -> str | None:
    url = (ctx["url"] or "").strip()
    if not url:
        return "请填写公开网址（报告在门户网站“法治政府建设年度报告”栏目中的地址）"
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return f"公开网址“{url[:80]}”格式不正确，应以 http:// 或 https:// 开头"
    if len(url) > 200:
        return f"公开网址最多200个字符，现在有{len(url)}个"
    return None


_submit = Transition(
    "submit",
    "报送",
    (Status.FINAL,),
    Status.SUBMITTED,
    event="submitted",
    perm="",
    inputs=("on",),
    date_field="submitted_on",
    date_label="报送日期",
    after=(("issued_on", "成文日期"),),
    checks=(_all_sent,),
)
_secrecy = Transition(
    "secrecy_check",
    "保密审查",
    (Status.SUBMITTED,),
    Status.SECRECY_CHECKED,
    event="secrecy_checked",
    perm="",
    inputs=("on", "note"),
    date_field="secrecy_checked_on",
    date_label="保密审查日期",
    after=(("submitted_on", "报送日期"),),
    note_field="secrecy_note",
    note_required="请填写保密审查意见（如“经审查不涉及国家秘密，同意公开”）",
    changes=lambda r, ctx: {"secrecy_checked_by": ctx.by},
)
_publish = Transition(
    "publish",
    "公开",
    (Status.SECRECY_CHECKED,),
    Status.PUBLISHED,
    event="published",
    verb="公开（须先完成保密审查）",
    perm="",
    inputs=("on",),
    date_field="published_on",
    date_label="公开日期",
    after=(("secrecy_checked_on", "保密审查日期"),),
    checks=(_valid_url,),
    changes=lambda r, ctx: {"published_url": (ctx["url"] or "").strip()},
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
    ensure_recipients(report)
    return rec


@transaction.atomic
def send(report: AnnualReport, recipient_id: int, *, by: Any, on: dt.date | None) -> None:
    """登记报送 to one recipient; when every recipient has its date the report is 报送 (on the
    last of those dates)."""
    AnnualReport.objects.select_for_update().filter(pk=report.pk).first()  # one sender at a time
    report.refresh_from_db()
    if report.status != Status.FINAL:
        raise TransitionError(f"报告当前为“{report.get_status_display()}”，不能登记报送")
    row = report.recipients.filter(pk=recipient_id).first()
    if row is None:
        raise TransitionError("请选择本报告的报送对象")
    if row.sent_on is not None:
        raise TransitionError(f"已于{cn_date(row.sent_on)}登记报送{row.name}")
    not_before(on, report.issued_on, "报送日期", "成文日期")
    not_after_today(on, "报送日期")
    row.sent_on = on
    row.sent_by = by if getattr(by, "is_authenticated", False) else None
    row._history_user = row.sent_by  # type: ignore[attr-defined]
    row.save(update_fields=["sent_on", "sent_by"])
    dates = [r.sent_on for r in report.recipients.all()]
    if all(dates):
        _submit(report, by=by, on=max(d for d in dates if d))


def submit(report: AnnualReport, *, by: Any, on: dt.date) -> None:
    """报送 to every recipient not yet recorded, on one date (the command line, the demo)."""
    for row in ensure_recipients(report):
        if row.sent_on is None:
            send(report, row.pk, by=by, on=on)


def secrecy_check(report: AnnualReport, *, by: Any, on: dt.date | None, note: str) -> None:
    _secrecy(report, by=by, on=on, note=note)


def publish(report: AnnualReport, *, by: Any, on: dt.date | None, url: str = "") -> None:
    _publish(report, by=by, on=on, url=url)


@transaction.atomic
def save_part(part: ReportPart, text: str, *, by: Any) -> ReportPart:
    """Save one part's text. A token to an unknown indicator is refused, naming the token; new tokens
    get their value frozen now, existing ones keep the value frozen at drafting."""
    report = part.report
    if report.status not in EDITABLE:
        raise TransitionError(f"报告已“{report.get_status_display()}”，不能再修改")
    text = text.replace("\r\n", "\n").strip()
    unknown = tokens.unknown_tokens(text)
    if unknown:
        raise tokens.UnknownIndicator(unknown)
    new_ids = set(tokens.ids_in(text)) - set(report.figures.values_list("indicator_id", flat=True))
    if new_ids:
        snap = snapshot_for(report, ids=new_ids)
        tokens.freeze_new(report, text, snap)
    part.text = text
    part._history_user = by if getattr(by, "is_authenticated", False) else None  # type: ignore[attr-defined]
    part.save(update_fields=["text"])
    return part


def refreeze(report: AnnualReport, indicator_ids: list[str], *, by: Any) -> None:
    """Take the ledgers' current values for these figures (resolves "changed since drafting")."""
    if report.status not in EDITABLE:
        raise TransitionError(f"报告已“{report.get_status_display()}”，不能再修改")
    in_report = set(report.figures.values_list("indicator_id", flat=True))
    unknown = [i for i in indicator_ids if i not in in_report]
    if unknown or not indicator_ids:
        raise TransitionError(
            "请选择报告中已有的数字；未知指标：" + "、".join(unknown or ["（未选择）"])
        )
    snap = snapshot_for(report, ids=indicator_ids)
    for ind_id in indicator_ids:
        tokens.freeze(report, snap[ind_id])
