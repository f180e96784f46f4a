"""Report pages: list and draft, detail with part-by-part editing (htmx), reconciliation and
approval, downloads, and the public page of a published report (no login)."""

from __future__ import annotations

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
from fazhi.org.models import Role
from fazhi.reports import render as rendering
from fazhi.reports import workflow
from fazhi.reports.draft import DraftError, draft
from fazhi.reports.forms import HeaderForm
from fazhi.reports.models import AnnualReport, Layout, ReportPart, Status
from fazhi.reports.pdf import ConversionFailed, LibreOfficeMissing
from fazhi.reports.reconcile import reconcile
from fazhi.reports.tokens import UnknownIndicator

WRITERS = (Role.COORDINATOR, Role.ADMIN)
APPROVERS = (Role.COORDINATOR, Role.LEADER, Role.ADMIN)


def _may(
    user: Any,
    report: AnnualReport | None,
    roles: tuple[str, ...],
    jurisdiction_id: int | None = None,
) -> bool:
    if user.is_superuser:
        return True
    jid = report.jurisdiction_id if report is not None else jurisdiction_id
    return user.role in roles and user.jurisdiction_id == jid


def _require(ok: bool) -> None:
    if not ok:
        raise PermissionDenied("无权限办理该报告事项")


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    reports = AnnualReport.objects.visible_to(request.user).select_related("jurisdiction")
    # Only jurisdictions this user may draft for are offered; none, and the form is not shown.
    draftable = [
        j
        for j in visible_jurisdictions(request.user).order_by("path")
        if _may(request.user, None, WRITERS, j.pk)
    ]
    return render(
        request,
        "reports/list.html",
        {
            "reports": reports,
            "jurisdictions": draftable,
            "default_year": timezone.localdate().year - 1,
        },
    )


@login_required
@require_POST
def draft_view(request: HttpRequest) -> HttpResponse:
    jur = get_visible_jurisdiction_or_404(request.user, request.POST.get("jurisdiction", ""))
    _require(_may(request.user, None, WRITERS, jur.pk))
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        messages.error(request, "请填写报告年度，如 2025")
        return redirect("reports:list")
    try:
        report = draft(jur, year, by=request.user)
    except DraftError as exc:
        messages.error(request, str(exc))
        return redirect("reports:list")
    messages.success(request, f"已从台账起草《{report.title}》，请逐部分修改并核对。")
    kept = getattr(report, "kept_parts", [])
    if kept:
        messages.info(request, "以下部分已有人工修改，重新起草时予以保留：" + "、".join(kept))
    return redirect(report)


def _detail_context(request: HttpRequest, report: AnnualReport) -> dict[str, Any]:
    rec = reconcile(report)
    acked = {a.key: a for a in report.acknowledgements.all()}
    return {
        "report": report,
        "parts": [(p, rendering.part_body(report, p)) for p in report.parts.order_by("number")],
        "rec": rec,
        "acked": acked,
        "can_edit": _may(request.user, report, WRITERS) and report.status in workflow.EDITABLE,
        "can_approve": _may(request.user, report, APPROVERS),
        "editable": report.status in workflow.EDITABLE,
        "layouts": Layout.choices,
    }


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_visible_or_404(
        AnnualReport.objects.select_related("jurisdiction"), request.user, pk=pk
    )
    return render(request, "reports/detail.html", _detail_context(request, report))


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
        "can_edit": _may(request.user, report, WRITERS) and report.status in workflow.EDITABLE,
    }
    return render(request, "reports/_part.html", ctx)


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
        elif action == "submit":
            _require(_may(request.user, report, WRITERS))
            workflow.submit(report, by=request.user, on=today)
        elif action == "publish":
            _require(_may(request.user, report, WRITERS))
            workflow.publish(
                report, by=request.user, on=today, url=request.POST.get("url", "")[:200]
            )
        elif action == "refreeze":
            _require(_may(request.user, report, WRITERS))
            workflow.refreeze(report, request.POST.getlist("indicator"), by=request.user)
        else:
            raise Http404("未知操作")
    except workflow.TransitionError as exc:
        messages.error(request, str(exc))
    return redirect(report)


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
        status=Status.PUBLISHED,
    )
    return HttpResponse(rendering.to_html(report))
