"""Background jobs of the annual report (django-tasks; the database backend in production, run by
`manage.py db_worker`). The PDF goes through LibreOffice, which takes about 2 s and converts one
file at a time under a lock, so a web request enqueues it and the page polls for the result. The
`annual_report` command stays synchronous."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task

from fazhi.reports import render as rendering
from fazhi.reports.models import RenderedFile, RenderState
from fazhi.reports.pdf import ConversionFailed, LibreOfficeMissing

logger = logging.getLogger(__name__)
UNEXPECTED = (
    "生成 PDF 时发生意外错误，已记录日志，请稍后重试或联系系统管理员；您仍可下载 Word（docx）版。"
)


@task()
def render_pdf(rendered_id: int) -> str:
    """Render the report of RenderedFile `rendered_id` to PDF and store it under MEDIA_ROOT."""
    rendered = RenderedFile.objects.select_related("report__jurisdiction").get(pk=rendered_id)
    rendered.state = RenderState.RUNNING
    rendered.save(update_fields=["state"])
    try:
        data = rendering.to_pdf(rendered.report)
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


def _finish(rendered: RenderedFile, state: str, error: str = "") -> None:
    rendered.state = state
    rendered.error = error
    rendered.finished_at = timezone.now()
    rendered.save(update_fields=["state", "error", "file", "finished_at"])
