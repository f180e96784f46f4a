"""The 报告审查台 pages: the form (uploads and a checklist of the reports in fazhi the user may
see) queues a batch (desk_jobs) and sends the browser to the batch's page, which shows a progress bar (an htmx fragment polling every second) and then the
result. A batch is seen only by the person who uploaded it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django_htmx.http import HttpResponseClientRefresh

from fazhi.reports import desk_jobs
from fazhi.reports.models import DeskJob, RenderState
from fazhi.reports.review_desk import (
    MAX_FILE_BYTES,
    MAX_FILES,
    XLSX_TYPE,
    DeskForm,
    may_use_desk,
)


def _context(form: DeskForm, **extra: Any) -> dict[str, Any]:
    return {
        "form": form,
        "choices": form.choice_groups(),
        "max_mb": MAX_FILE_BYTES // 1024 // 1024,
        "max_files": MAX_FILES,
        "xlsx_type": XLSX_TYPE,
        **extra,
    }


@login_required
def review_desk(request: HttpRequest) -> HttpResponse:
    if not may_use_desk(request.user):
        raise Http404("无权使用报告审查台")
    if request.method == "POST":
        form = DeskForm(request.POST, request.FILES, user=request.user)
        if form.is_valid():
            job = desk_jobs.start(
                form.cleaned_data["report_files"], reports=form.chosen_reports(), by=request.user
            )
            return redirect("reports:review_desk_job", pk=job.pk)
        return render(request, "reports/review_desk.html", _context(form), status=422)
    return render(request, "reports/review_desk.html", _context(DeskForm(user=request.user)))


@login_required
def desk_job(request: HttpRequest, pk: int) -> HttpResponse:
    if not may_use_desk(request.user):
        raise Http404("无权使用报告审查台")
    job = get_object_or_404(DeskJob, pk=pk, requested_by=request.user)
    desk_jobs.recover_stale(job)  # a worker killed mid-batch: queue it again, or fail it
    waiting = job.state in (RenderState.QUEUED, RenderState.RUNNING)
    if request.htmx and waiting:  # type: ignore[attr-defined]
        return render(request, "reports/_desk_progress.html", {"job": job})
    if request.htmx:  # type: ignore[attr-defined]
        return HttpResponseClientRefresh()  # finished: load the whole page with the result
    form = DeskForm(user=request.user, initial={"reports": job.report_ids})  # to adjust and rerun
    ctx = _context(form, job=job, waiting=waiting, result=desk_jobs.load_result(job))
    return render(request, "reports/review_desk.html", ctx)
