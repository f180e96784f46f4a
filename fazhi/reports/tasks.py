"""Background jobs of the annual report (django-tasks; the database backend in production, run by
`manage.py db_worker`). The PDF goes through LibreOffice, which takes about 2 s and converts one
file at a time under a lock, so a web request enqueues it and the page polls for the result. The
`annual_report` command stays synchronous.

Each render holds a lease: the worker claims the row (queued → running) and beats every few
seconds while LibreOffice works. A worker killed with `kill -9` stops beating; the next look at the
row (the polling page, or `manage.py recover_tasks`) finds the lease expired and queues the render
again, or after MAX_ATTEMPTS fails it with a message, so nothing stays "running" for ever.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.files.base import ContentFile
from django.db import OperationalError
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from fazhi.reports import render as rendering
from fazhi.reports.models import RenderedFile, RenderState
from fazhi.reports.pdf import ConversionFailed, LibreOfficeMissing

logger = logging.getLogger(__name__)
UNEXPECTED = (
    "生成 PDF 时发生意外错误，已记录日志，请稍后重试或联系系统管理员；您仍可下载 Word（docx）版。"
)
LEASE = dt.timedelta(seconds=60)  # pdf.BEAT_S is 5 s: twelve missed beats mean the worker is gone
MAX_ATTEMPTS = 2
WORKER_LOST = (
    "生成 PDF 的后台进程意外中止（已尝试{attempts}次），请稍后重新生成，"
    "或联系系统管理员检查 db_worker；您仍可下载 Word（docx）版。"
)


@task()
def render_pdf(rendered_id: int) -> str:
    """Render the report of RenderedFile `rendered_id` to PDF and store it under MEDIA_ROOT."""
    claimed = RenderedFile.objects.filter(pk=rendered_id, state=RenderState.QUEUED).update(
        state=RenderState.RUNNING, heartbeat_at=timezone.now(), attempts=F("attempts") + 1
    )
    rendered = RenderedFile.objects.select_related("report__jurisdiction").get(pk=rendered_id)
    if not claimed:  # another worker has it, or it is finished: nothing to do
        return rendered.state

    def beat() -> None:
        try:
            RenderedFile.objects.filter(pk=rendered_id, state=RenderState.RUNNING).update(
                heartbeat_at=timezone.now()
            )
        except OperationalError:  # SQLite busy past its timeout: skip a beat, keep rendering
            logger.warning("PDF 生成 %s：数据库忙，本次心跳跳过", rendered_id)

    try:
        data = rendering.to_pdf(rendered.report, beat=beat)
    except (LibreOfficeMissing, ConversionFailed) as exc:
        _finish(rendered, RenderState.FAILED, error=str(exc))
        return rendered.state
    except BaseException:
        # Any other failure is a bug: the task fails loudly (worker log), and the page stops
        # polling with a message instead of spinning for ever.
        _finish(rendered, RenderState.FAILED, error=UNEXPECTED)
        raise
    report = rendered.report
    name = f"{report.jurisdiction.code}-{report.year}-{rendered.pk}.pdf"
    rendered.file.save(name, ContentFile(data), save=False)
    _finish(rendered, RenderState.DONE)
    # Older PDFs of the same report are superseded; keep the folder from growing.
    finished = (RenderState.DONE, RenderState.FAILED)
    for old in RenderedFile.objects.filter(report=report, pk__lt=rendered.pk, state__in=finished):
        if old.file:
            old.file.delete(save=False)
        old.delete()
    return rendered.state


def enqueue_render(rendered: RenderedFile) -> None:
    result = render_pdf.enqueue(rendered.pk)  # the immediate backend renders right here
    RenderedFile.objects.filter(pk=rendered.pk).update(task_id=str(result.id))


def recover_stale(rendered: RenderedFile) -> bool:
    """Queue again (or fail) a render whose worker stopped beating; True if it was stale."""
    if rendered.state != RenderState.RUNNING:
        return False
    last = rendered.heartbeat_at or rendered.requested_at
    if timezone.now() - last <= LEASE:
        return False
    lost = RenderedFile.objects.filter(
        pk=rendered.pk, state=RenderState.RUNNING, heartbeat_at=rendered.heartbeat_at
    )
    fail_task_row(rendered.task_id)
    if rendered.attempts < MAX_ATTEMPTS:
        if lost.update(state=RenderState.QUEUED):  # one of several pollers wins
            logger.warning("PDF 生成 %s 的后台进程失联，重新排队", rendered.pk)
            enqueue_render(rendered)
    else:
        lost.update(
            state=RenderState.FAILED,
            error=WORKER_LOST.format(attempts=rendered.attempts),
            finished_at=timezone.now(),
        )
    rendered.refresh_from_db()
    return True


def recover_all() -> int:
    """Every render whose lease has expired (for `manage.py recover_tasks` and the worker)."""
    cutoff = timezone.now() - LEASE
    stale = RenderedFile.objects.filter(state=RenderState.RUNNING, heartbeat_at__lt=cutoff)
    return sum(recover_stale(r) for r in stale)


def fail_task_row(task_id: str) -> None:
    """The django-tasks row of a killed worker says RUNNING for ever too: mark it failed."""
    if not task_id:
        return
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="fazhi.reports.tasks.WorkerLost",
        traceback="后台进程在任务运行中失联（心跳超时）",
    )


def _finish(rendered: RenderedFile, state: str, error: str = "") -> None:
    rendered.state = state
    rendered.error = error
    rendered.finished_at = timezone.now()
    rendered.save(update_fields=["state", "error", "file", "finished_at"])
