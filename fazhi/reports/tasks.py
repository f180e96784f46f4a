"""Background jobs of the annual report (django-tasks; the database backend in production, run by
`manage.py db_worker`). The PDF goes through LibreOffice, which takes about 2 s and converts one
file at a time under a lock, so a web request enqueues it and the page polls for the result. The
`annual_report` command stays synchronous.

Each render holds a lease (fazhi.leases): the worker claims the row and beats every few seconds
while LibreOffice works; a render whose worker was killed is queued again once, then failed with a
message, so nothing stays "running" for ever.
"""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from fazhi import leases
from fazhi.reports import render as rendering
from fazhi.reports.models import RenderedFile, RenderState
from fazhi.reports.pdf import ConversionFailed, LibreOfficeMissing

logger = logging.getLogger(__name__)
UNEXPECTED = (
    "生成 PDF 时发生意外错误，已记录日志，请稍后重试或联系系统管理员；您仍可下载 Word（docx）版。"
)
WORKER_LOST = (
    "生成 PDF 的后台进程意外中止（已尝试{attempts}次），请稍后重新生成，"
    "或联系系统管理员检查 db_worker；您仍可下载 Word（docx）版。"
)


@task()
def render_pdf(rendered_id: int) -> str:
    """Render the report of RenderedFile `rendered_id` to PDF and store it under MEDIA_ROOT."""
    claimed = leases.claim(RenderedFile, rendered_id)
    rendered = RenderedFile.objects.select_related("report__jurisdiction").get(pk=rendered_id)
    if not claimed:  # another worker has it, or it is finished: nothing to do
        return rendered.state
    try:
        data = rendering.to_pdf(
            rendered.report, beat=lambda: leases.beat(RenderedFile, rendered_id)
        )
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
    return leases.recover(rendered, enqueue=render_pdf.enqueue, lost_message=WORKER_LOST)


def recover_all() -> int:
    """Every render whose lease has expired (for `manage.py recover_tasks`)."""
    return leases.recover_all(RenderedFile, recover_stale)


def _finish(rendered: RenderedFile, state: str, error: str = "") -> None:
    rendered.state = state
    rendered.error = error
    rendered.finished_at = timezone.now()
    rendered.save(update_fields=["state", "error", "file", "finished_at"])
