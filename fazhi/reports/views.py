"""Report pages: list and draft, detail with part-by-part editing (htmx), reconciliation and
approval, downloads, and the public page of a published report (no login)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.indicators.access import get_visible_jurisdiction_or_404, visible_jurisdictions
from fazhi.org.access import get_visible_or_404
from fazhi.org.models import Department, Level, Role
from fazhi.reports import picker, unit_views, workflow
from fazhi.reports import render as rendering
from fazhi.reports.draft import DraftError, draft
from fazhi.reports.forms import HeaderForm
from fazhi.reports.models import AnnualReport, Layout, Origin, ReportPart, Status
from fazhi.reports.pdf import ConversionFailed, LibreOfficeMissing
from fazhi.reports.reconcile import reconcile
from fazhi.reports.tokens import UnknownIndicator
from fazhi.reports.units import ensure_recipients

WRITERS = (Role.COORDINATOR, Role.ADMIN)
APPROVERS = (Role.COORDINATOR, Role.LEADER, Role.ADMIN)


# A department's own report: its clerks and legal officers write it, its legal officers and
# leaders approve it (another person than the drafter, see workflow._second_person).
UNIT_WRITERS = (Role.LEGAL_OFFICER, Role.CLERK)
UNIT_APPROVERS = (Role.LEGAL_OFFICER, Role.LEADER)


def own_department(user: Any) -> Department | None:
    """The department whose own report the user writes or approves: its staff and leaders
    (a coordinating office's people work on the government's report, not their bureau's)."""
    return user.department if user.role in (*UNIT_WRITERS, *UNIT_APPROVERS) else None


def _may(
    user: Any,
    report: AnnualReport | None,
    roles: tuple[str, ...],
    jurisdiction_id: int | None = None,
) -> bool:
    if user.is_superuser or user.role == Role.ADMIN:
        return True
    if report is not None and report.department_id:
        unit_roles = UNIT_APPROVERS if roles == APPROVERS else UNIT_WRITERS
        return user.role in unit_roles and user.department_id == report.department_id
    jid = report.jurisdiction_id if report is not None else jurisdiction_id
    return user.role in roles and user.jurisdiction_id == jid


def _may_edit_parts(user: Any, report: AnnualReport) -> bool:
    return _may(user, report, WRITERS) and report.status in workflow.EDITABLE


def _require(ok: bool) -> None:
    if not ok:
        raise PermissionDenied("无权限办理该报告事项")


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    reports = AnnualReport.objects.visible_to(user).select_related("jurisdiction", "department")
    jurisdictions = visible_jurisdictions(user).order_by("path")
    own_department = user.department if user.department_id and user.role in UNIT_WRITERS else None
    return render(
        request,
        "reports/list.html",
        {
            "reports": reports,
            "jurisdictions": jurisdictions,
            "default_year": timezone.localdate().year - 1,
            "own_department": own_department,
            "may_draft": user.is_superuser or user.role in WRITERS,
            "may_track": user.is_superuser
            or (
                user.role in unit_views.TRACKER_ROLES
                and getattr(user.jurisdiction, "level", "") != Level.TOWNSHIP
            ),
            "is_township": getattr(user.jurisdiction, "level", "") == Level.TOWNSHIP,
        },
    )


@login_required
@require_POST
def draft_view(request: HttpRequest) -> HttpResponse:
    department = None
    user: Any = request.user
    if request.POST.get("department"):
        # A department's own report: only its own staff draft it.
        department = get_object_or_404(Department, pk=_int(request.POST["department"]))
        _require(
            user.is_superuser or (user.department_id == department.pk and user.role in UNIT_WRITERS)
        )
        jur = department.jurisdiction
    else:
        jur = get_visible_jurisdiction_or_404(request.user, request.POST.get("jurisdiction", ""))
        _require(_may(request.user, None, WRITERS, jur.pk))
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        messages.error(request, "请填写报告年度，如 2025")
        return redirect("reports:list")
    try:
        report = draft(jur, year, by=request.user, department=department)
    except DraftError as exc:
        messages.error(request, str(exc))
        return redirect("reports:list")
    messages.success(request, f"已从台账起草《{report.title}》，请逐部分修改并核对。")
    kept = getattr(report, "kept_parts", [])
    if kept:
        messages.info(request, "以下部分已有人工修改，重新起草时予以保留：" + "、".join(kept))
    return redirect(report)


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise Http404("参数不正确") from exc


def _detail_context(request: HttpRequest, report: AnnualReport) -> dict[str, Any]:
    if report.origin == Origin.UPLOADED:
        return _uploaded_context(request, report)
    rec = reconcile(report)
    acked = {a.key: a for a in report.acknowledgements.all()}
    return _flow_context(request, report) | {
        "report": report,
        "parts": [(p, rendering.part_body(report, p)) for p in report.parts.order_by("number")],
        "rec": rec,
        "acked": acked,
        "can_edit": _may_edit_parts(request.user, report),
        "can_approve": _may(request.user, report, APPROVERS),
        "editable": report.status in workflow.EDITABLE,
        "layouts": Layout.choices,
    }


def _flow_context(request: HttpRequest, report: AnnualReport) -> dict[str, Any]:
    """报送 rows, 保密审查 and 公开: who may press which, shown after 定稿."""
    after_final = report.status not in workflow.EDITABLE
    recipients = ensure_recipients(report) if after_final else list(report.recipients.all())
    return {
        "recipients": recipients,
        "can_send": _may(request.user, report, WRITERS) and report.status == Status.FINAL,
        "can_check_secrecy": _may(request.user, report, APPROVERS)
        and report.status == Status.SUBMITTED,
        "can_publish": _may(request.user, report, WRITERS)
        and report.status == Status.SECRECY_CHECKED,
        "today": timezone.localdate(),
    }


def _uploaded_context(request: HttpRequest, report: AnnualReport) -> dict[str, Any]:
    from fazhi.reports.unit_reports import review_findings

    return _flow_context(request, report) | {
        "report": report,
        "findings": review_findings(report),
        "uploaded": True,
    }


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_visible_or_404(
        AnnualReport.objects.select_related("jurisdiction"), request.user, pk=pk
    )
    template = (
        "reports/uploaded.html" if report.origin == Origin.UPLOADED else "reports/detail.html"
    )
    return render(request, template, _detail_context(request, report))


@login_required
def part_edit(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    report = get_visible_or_404(AnnualReport, request.user, pk=pk)
    part = get_object_or_404(ReportPart, report=report, number=number)
    if request.method == "POST":
        _require(_may(request.user, report, WRITERS))
        text = request.POST.get("text", "")
        try:
            workflow.save_part(part, text, by=request.user)
        except (UnknownIndicator, workflow.TransitionError) as exc:
            part.text = text
            return render(
                request,
                "reports/_part_form.html",
                {"report": report, "part": part, "error": str(exc)},
                status=422,
            )
        if request.htmx:  # type: ignore[attr-defined]
            return _part_response(request, report, part)
        messages.success(request, f"已保存“{part.title}”")
        return redirect(report)
    _require(_may(request.user, report, WRITERS))
    return render(request, "reports/_part_form.html", {"report": report, "part": part})


@login_required
def part_view(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    report = get_visible_or_404(AnnualReport, request.user, pk=pk)
    part = get_object_or_404(ReportPart, report=report, number=number)
    return _part_response(request, report, part)


def _part_response(request: HttpRequest, report: AnnualReport, part: ReportPart) -> HttpResponse:
    ctx = {
        "report": report,
        "part": part,
        "body": rendering.part_body(report, part),
        "can_edit": _may_edit_parts(request.user, report),
    }
    return render(request, "reports/_part.html", ctx)


@login_required
def figure_choices(request: HttpRequest, pk: int) -> HttpResponse:
    """插入数据 in the part editor: indicators matching `q`, valued for this report's scope. Only
    for those who may edit the parts; for anyone else the list does not exist (404)."""
    report = get_visible_or_404(
        AnnualReport.objects.select_related("jurisdiction", "department"), request.user, pk=pk
    )
    if report.origin == Origin.UPLOADED or not _may_edit_parts(request.user, report):
        raise Http404("没有可插入的数据")
    choices = picker.search(report, request.GET.get("q", "")[:50])
    return render(request, "reports/_figure_choices.html", {"report": report, "choices": choices})


@login_required
@require_POST
def header(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_visible_or_404(AnnualReport, request.user, pk=pk)
    _require(_may(request.user, report, WRITERS) and report.status in workflow.EDITABLE)
    form = HeaderForm(request.POST, instance=report)
    if not form.is_valid():
        for problem in form.problems():
            messages.error(request, problem)
        return redirect(report)
    report._history_user = request.user  # type: ignore[attr-defined]
    report.save(update_fields=list(form.Meta.fields))
    messages.success(request, "已保存文头信息")
    return redirect(report)


@login_required
@require_POST
def transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = get_visible_or_404(AnnualReport, request.user, pk=pk)
    today = timezone.localdate()
    try:
        if action == "review":
            _require(_may(request.user, report, WRITERS))
            workflow.submit_for_review(report, by=request.user)
        elif action == "return":
            _require(_may(request.user, report, APPROVERS))
            workflow.return_to_draft(report, by=request.user)
        elif action == "approve":
            _require(_may(request.user, report, APPROVERS))
            reasons = {k[7:]: str(v) for k, v in request.POST.items() if k.startswith("reason:")}
            workflow.approve(report, by=request.user, reasons=reasons, today=today)
        elif action == "send":
            _require(_may(request.user, report, WRITERS))
            workflow.send(
                report,
                _int(request.POST.get("recipient", "")),
                by=request.user,
                on=_date(request.POST.get("on", "")),
            )
        elif action == "secrecy":
            _require(_may(request.user, report, APPROVERS))
            workflow.secrecy_check(
                report,
                by=request.user,
                on=_date(request.POST.get("on", "")),
                note=request.POST.get("note", "").strip()[:300],
            )
        elif action == "publish":
            _require(_may(request.user, report, WRITERS))
            workflow.publish(
                report,
                by=request.user,
                on=_date(request.POST.get("on", "")),
                url=request.POST.get("url", "")[:500],
            )
        elif action == "refreeze":
            _require(_may(request.user, report, WRITERS))
            workflow.refreeze(report, request.POST.getlist("indicator"), by=request.user)
        else:
            raise Http404("未知操作")
    except workflow.TransitionError as exc:
        messages.error(request, str(exc))
    return redirect(report)


def _date(value: str) -> dt.date | None:
    """A date typed in a form; a malformed one is refused with the format to use."""
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise workflow.TransitionError(
            f"日期“{value[:20]}”格式不正确，请按 2026-02-10 的格式填写"
        ) from exc


@login_required
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = get_visible_or_404(
        AnnualReport.objects.select_related("jurisdiction"), request.user, pk=pk
    )
    name = f"{report.jurisdiction.code}-{report.year}-法治政府建设年度报告"
    if fmt == "docx":
        resp = HttpResponse(
            rendering.to_docx(report),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    elif fmt == "pdf":
        try:
            resp = HttpResponse(rendering.to_pdf(report), content_type="application/pdf")
        except (LibreOfficeMissing, ConversionFailed) as exc:
            return render(
                request,
                "reports/pdf_unavailable.html",
                {"report": report, "message": str(exc)},
                status=503,
            )
    elif fmt == "json":
        body = json.dumps(rendering.to_json(report), ensure_ascii=False, indent=2)
        return HttpResponse(body, content_type="application/json; charset=utf-8")
    elif fmt == "html":
        return HttpResponse(rendering.to_html(report))
    else:
        raise Http404("不支持的格式")
    from urllib.parse import quote

    resp["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}.{fmt}"
    return resp


def public(request: HttpRequest, code: str, year: int) -> HttpResponse:
    """The published report, for everyone: no login, no links into the ledgers."""
    report = get_object_or_404(
        AnnualReport.objects.select_related("jurisdiction"),
        jurisdiction__code=code,
        year=year,
        department__isnull=True,
        status=Status.PUBLISHED,
    )
    return HttpResponse(rendering.to_html(report))


def public_unit(request: HttpRequest, pk: int) -> HttpResponse:
    """A department's published report, for everyone (no login)."""
    report = get_object_or_404(
        AnnualReport.objects.select_related("jurisdiction", "department"),
        pk=pk,
        status=Status.PUBLISHED,
        origin=Origin.DRAFTED,
    )
    return HttpResponse(rendering.to_html(report))
