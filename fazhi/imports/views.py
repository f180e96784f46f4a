"""Generic pages: download a ledger's template, upload a filled sheet, see every problem."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRefresh

from fazhi.imports import jobs, registry
from fazhi.imports.excel import export_bytes, template_bytes
from fazhi.imports.models import ImportJob, JobState
from fazhi.imports.sheet import ImportReport, Problem, SheetSpec

MAX_UPLOAD_BYTES = 40 * 1024 * 1024  # 100,000 template rows are about 6 MB

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def export_response(
    spec: SheetSpec, objects: Iterable[Any], *, name: str | None = None
) -> HttpResponse:
    """An export of `objects` (already filtered and scoped by the caller) in the spec's columns."""
    filename = f"{name or spec.title}_{timezone.localdate():%Y%m%d}.xlsx"
    return xlsx_response(export_bytes(spec, objects), filename)


def _spec_and_context(request: HttpRequest, key: str) -> tuple[SheetSpec, Any]:
    spec = registry.get(key)
    if spec is None:
        raise Http404("没有该导入模板")
    context = spec.context(request.user) if spec.context else None
    if spec.context is not None and context is None:
        raise Http404("您没有导入该台账的权限")
    return spec, context


@login_required
def template(request: HttpRequest, key: str) -> HttpResponse:
    spec = registry.get(key)
    if spec is None:
        raise Http404("没有该导入模板")
    return xlsx_response(template_bytes(spec), f"{spec.title}导入模板.xlsx")


def _back(request: HttpRequest) -> str:
    back = request.GET.get("back", "")
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""  # only a link back into this site
    return back


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest, key: str) -> HttpResponse:
    """The form; a posted sheet is imported in the background (imports.jobs) and the browser
    goes to the job's page."""
    spec, _context = _spec_and_context(request, key)
    report = None
    back = _back(request)
    if request.method == "POST":
        f = request.FILES.get("file")
        if f is None:
            report = ImportReport(problems=[Problem(0, "", "请选择要导入的 Excel 文件")])
        elif f.size is not None and f.size > MAX_UPLOAD_BYTES:
            mb = MAX_UPLOAD_BYTES // (1024 * 1024)
            report = ImportReport(problems=[Problem(0, "", f"文件超过{mb}MB，请拆分后分批导入")])
        else:
            job = jobs.start(key, f, by=request.user)
            target = reverse("imports:job", args=[key, job.pk])
            return redirect(target + (f"?{urlencode({'back': back})}" if back else ""))
    return render(request, "imports/upload.html", {"spec": spec, "report": report, "back": back})


@login_required
def job_page(request: HttpRequest, key: str, pk: int) -> HttpResponse:
    """Progress while the worker imports (an htmx fragment polling every second), then the
    result: the created count, or every problem with its row and column."""
    spec, _context = _spec_and_context(request, key)
    job = get_object_or_404(ImportJob, pk=pk, key=key, requested_by=request.user)
    jobs.recover_stale(job)
    waiting = job.state in (JobState.QUEUED, JobState.RUNNING)
    if request.htmx and waiting:  # type: ignore[attr-defined]
        return render(request, "imports/_progress.html", {"job": job, "spec": spec})
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponseClientRefresh()
    ctx = {
        "spec": spec,
        "job": job,
        "waiting": waiting,
        "report": jobs.report_of(job),
        "back": _back(request),
    }
    return render(request, "imports/upload.html", ctx)
