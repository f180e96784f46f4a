"""The report page's PDF button: enqueue `tasks.render_pdf`, then an htmx fragment polls the
RenderedFile row until it offers the download (or the Chinese error with the Word version)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.org.access import get_visible_or_404
from fazhi.org.models import User
from fazhi.reports.models import AnnualReport, RenderedFile, RenderState
from fazhi.reports.tasks import enqueue_render, recover_stale
from fazhi.reports.views import APPROVERS, _may

WORKER_HINT_AFTER = dt.timedelta(seconds=30)


def _get(request: HttpRequest, pk: int, rid: int) -> tuple[AnnualReport, RenderedFile]:
    report = get_visible_or_404(
        AnnualReport.objects.select_related("jurisdiction"), request.user, pk=pk
    )
    return report, get_object_or_404(RenderedFile, report=report, pk=rid)


def _status(request: HttpRequest, report: AnnualReport, rendered: RenderedFile) -> HttpResponse:
    recover_stale(rendered)  # a worker killed mid-render: queue it again, or fail with a message
    waiting = rendered.state in (RenderState.QUEUED, RenderState.RUNNING)
    ctx = {
        "report": report,
        "rendered": rendered,
        "waiting": waiting,
        "stalled": rendered.state == RenderState.QUEUED
        and timezone.now() - rendered.requested_at > WORKER_HINT_AFTER,
    }
    template = "reports/_pdf_status.html" if request.htmx else "reports/pdf_status.html"  # type: ignore[attr-defined]
    return render(request, template, ctx)


@login_required
@require_POST
def pdf_start(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_visible_or_404(
        AnnualReport.objects.select_related("jurisdiction"), request.user, pk=pk
    )
    # Queuing a render writes a row and starts LibreOffice: the report's own office and its
    # leaders may; read-only viewers and department staff use the synchronous download.
    if not _may(request.user, report, APPROVERS):
        raise Http404("无权操作该报告")
    rendered = (
        RenderedFile.objects.filter(
            report=report, state__in=(RenderState.QUEUED, RenderState.RUNNING)
        )
        .order_by("-pk")
        .first()
    )
    if rendered is None:  # one render at a time per report, however often the button is pressed
        by = request.user if isinstance(request.user, User) else None
        rendered = RenderedFile.objects.create(report=report, requested_by=by)
        enqueue_render(rendered)  # the immediate backend renders right here
        rendered.refresh_from_db()
    if request.htmx:  # type: ignore[attr-defined]
        return _status(request, report, rendered)
    return redirect("reports:pdf_status", pk=report.pk, rid=rendered.pk)


@login_required
def pdf_status(request: HttpRequest, pk: int, rid: int) -> HttpResponse:
    report, rendered = _get(request, pk, rid)
    return _status(request, report, rendered)


@login_required
def pdf_file(request: HttpRequest, pk: int, rid: int) -> FileResponse:
    report, rendered = _get(request, pk, rid)
    if rendered.state != RenderState.DONE or not rendered.file:
        raise Http404("PDF 尚未生成")
    name = f"{report.jurisdiction.code}-{report.year}-法治政府建设年度报告.pdf"
    resp = FileResponse(rendered.file.open("rb"), content_type="application/pdf")
    resp["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return resp
