"""A worker killed (kill -9) in the middle of a PDF render: the render's lease expires, and the
next look at it queues it again (once), then fails it with a Chinese message; the django-tasks
row of the dead worker is marked failed too. A live render keeps its lease by beating."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from fazhi.reports import pdf, tasks
from fazhi.reports.draft import draft
from fazhi.reports.models import RenderedFile, RenderState

DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def killed_render(fake, county, coordinator, settings, tmp_path):  # noqa: ANN001, ANN201
    """What a worker killed mid-render leaves: the row and its task both RUNNING, no heartbeat
    for five minutes."""
    settings.TASKS = DATABASE
    settings.MEDIA_ROOT = tmp_path
    report = draft(county, 2025)
    rendered = RenderedFile.objects.create(report=report, requested_by=coordinator)
    tasks.enqueue_render(rendered)
    rendered.refresh_from_db()
    DBTaskResult.objects.filter(id=rendered.task_id).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now()
    )
    long_ago = timezone.now() - dt.timedelta(minutes=5)
    RenderedFile.objects.filter(pk=rendered.pk).update(
        state=RenderState.RUNNING, heartbeat_at=long_ago, attempts=1
    )
    rendered.refresh_from_db()
    return rendered


def test_a_killed_render_is_queued_again_once_then_failed(client, coordinator, killed_render):  # noqa: ANN001
    rendered = killed_render
    first_task = rendered.task_id
    status_url = reverse("reports:pdf_status", args=[rendered.report_id, rendered.pk])
    client.force_login(coordinator)
    fragment = client.get(status_url, HTTP_HX_REQUEST="true").content.decode()
    rendered.refresh_from_db()
    assert rendered.state == RenderState.QUEUED and "已排队，正在生成PDF…" in fragment
    assert DBTaskResult.objects.get(id=first_task).status == TaskResultStatus.FAILED
    second = DBTaskResult.objects.get(id=rendered.task_id)
    assert second.status == TaskResultStatus.READY and second.args_kwargs["args"] == [rendered.pk]

    # the second worker dies too
    RenderedFile.objects.filter(pk=rendered.pk).update(
        state=RenderState.RUNNING, attempts=2, heartbeat_at=timezone.now() - dt.timedelta(hours=1)
    )
    fragment = client.get(status_url, HTTP_HX_REQUEST="true").content.decode()
    rendered.refresh_from_db()
    assert rendered.state == RenderState.FAILED
    assert "后台进程意外中止（已尝试2次）" in rendered.error
    assert "无法生成 PDF" in fragment and "hx-get" not in fragment


def test_a_beating_render_is_left_alone(killed_render) -> None:  # noqa: ANN001
    RenderedFile.objects.filter(pk=killed_render.pk).update(heartbeat_at=timezone.now())
    killed_render.refresh_from_db()
    assert tasks.recover_stale(killed_render) is False
    assert killed_render.state == RenderState.RUNNING


def test_recover_tasks_command_sweeps_every_stale_render(killed_render, capsys) -> None:  # noqa: ANN001
    call_command("recover_tasks")
    killed_render.refresh_from_db()
    assert killed_render.state == RenderState.QUEUED
    assert "处理了 1 个失联的后台任务" in capsys.readouterr().out


def test_the_conversion_beats_while_libreoffice_runs(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """A slow converter (a shell script sleeping 1.2 s) gets beats every BEAT_S seconds."""
    fake = tmp_path / "soffice"
    fake.write_text(
        '#!/bin/sh\nsleep 1.2\nfor a; do last="$a"; done\n'
        'out="$(dirname "$last")"; printf "%%PDF-1.4" > "$out/$(basename "$last" .docx).pdf"\n'
    )
    fake.chmod(0o755)
    monkeypatch.setattr(pdf, "soffice_binary", lambda: str(fake))
    monkeypatch.setattr(pdf, "BEAT_S", 0.2)
    beats: list[float] = []
    src = tmp_path / "r.docx"
    src.write_bytes(b"docx")
    out = pdf.convert_file(src, tmp_path, beat=lambda: beats.append(1.0))
    assert out.read_bytes() == b"%PDF-1.4"
    assert len(beats) >= 4


def test_the_task_claims_only_a_queued_render(killed_render) -> None:  # noqa: ANN001
    """A second delivery of the task (or a late one) does not render a row that is running."""
    assert tasks.render_pdf.call(killed_render.pk) == RenderState.RUNNING
    killed_render.refresh_from_db()
    assert killed_render.attempts == 1


def test_a_render_whose_task_failed_before_claiming_is_queued_again(
    client, coordinator, fake, county, settings, tmp_path
) -> None:  # noqa: ANN001
    """The worker's claim hit "database is locked" (SQLite busy past its timeout): the task row
    failed and the render is still queued; the next look queues a new task."""
    settings.TASKS = DATABASE
    settings.MEDIA_ROOT = tmp_path
    report = draft(county, 2025)
    rendered = RenderedFile.objects.create(report=report, requested_by=coordinator)
    tasks.enqueue_render(rendered)
    rendered.refresh_from_db()
    first = rendered.task_id
    DBTaskResult.objects.filter(id=first).update(status=TaskResultStatus.FAILED)
    client.force_login(coordinator)
    client.get(reverse("reports:pdf_status", args=[report.pk, rendered.pk]), HTTP_HX_REQUEST="true")
    rendered.refresh_from_db()
    assert rendered.state == RenderState.QUEUED and rendered.task_id != first
    assert DBTaskResult.objects.get(id=rendered.task_id).status == TaskResultStatus.READY
    assert rendered.attempts == 1
