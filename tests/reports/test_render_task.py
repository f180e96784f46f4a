"""PDF in the background: the report page enqueues `tasks.render_pdf` and polls a status fragment.
With the immediate backend the PDF is there at once; with the database backend the fragment says
正在生成PDF… until a worker has run the task."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.reports.draft import draft
from fazhi.reports.models import RenderedFile, RenderState
from fazhi.reports.pdf import soffice_binary
from fazhi.reports.tasks import render_pdf

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_libreoffice_is_installed_for_these_tests() -> None:
    assert soffice_binary(), "这些测试需要 LibreOffice（libreoffice-writer-nogui）"


def test_pdf_is_rendered_by_the_task_and_offered_for_download(
    client, fake, county, coordinator, settings, media
) -> None:
    settings.TASKS = IMMEDIATE
    report = draft(county, 2025)
    client.force_login(coordinator)
    page = client.get(report.get_absolute_url()).content.decode()
    assert reverse("reports:pdf_start", args=[report.pk]) in page and 'id="pdf-status"' in page
    resp = client.post(reverse("reports:pdf_start", args=[report.pk]), HTTP_HX_REQUEST="true")
    assert resp.status_code == 200
    rendered = RenderedFile.objects.get()
    assert rendered.state == RenderState.DONE and rendered.requested_by == coordinator
    html = resp.content.decode()
    file_url = reverse("reports:pdf_file", args=[report.pk, rendered.pk])
    assert "PDF 已生成" in html and file_url in html and "hx-trigger" not in html
    got = client.get(file_url)
    body = b"".join(got.streaming_content)
    assert body.startswith(b"%PDF") and got["Content-Type"] == "application/pdf"
    assert rendered.file.path.startswith(str(media))
    with open(rendered.file.path, "rb") as fh:
        assert fh.read(4) == b"%PDF"


def test_queued_render_polls_until_the_worker_has_run(
    client, fake, county, coordinator, settings, media
) -> None:
    settings.TASKS = DATABASE
    report = draft(county, 2025)
    client.force_login(coordinator)
    resp = client.post(reverse("reports:pdf_start", args=[report.pk]))  # no htmx: a page
    rendered = RenderedFile.objects.get()
    status_url = reverse("reports:pdf_status", args=[report.pk, rendered.pk])
    assert resp.status_code == 302 and resp["Location"] == status_url
    fragment = client.get(status_url, HTTP_HX_REQUEST="true").content.decode()
    assert "正在生成PDF…" in fragment and f'hx-get="{status_url}"' in fragment
    assert "spinner-border" in fragment and "progress-bar" in fragment
    assert client.get(reverse("reports:pdf_file", args=[report.pk, rendered.pk])).status_code == 404
    render_pdf.call(rendered.pk)  # what `manage.py db_worker` does
    fragment = client.get(status_url, HTTP_HX_REQUEST="true").content.decode()
    assert "PDF 已生成" in fragment and "hx-get" not in fragment


def test_without_libreoffice_the_fragment_offers_the_docx(
    client, fake, county, coordinator, settings, media
) -> None:
    settings.TASKS = IMMEDIATE
    settings.SOFFICE_BINARY = "/nonexistent/soffice"
    report = draft(county, 2025)
    client.force_login(coordinator)
    resp = client.post(reverse("reports:pdf_start", args=[report.pk]), HTTP_HX_REQUEST="true")
    html = resp.content.decode()
    assert RenderedFile.objects.get().state == RenderState.FAILED
    assert "无法生成 PDF" in html and "libreoffice-writer-nogui" in html
    assert reverse("reports:download", args=[report.pk, "docx"]) in html


def test_a_new_pdf_replaces_the_old_one(client, fake, county, coordinator, settings, media):
    settings.TASKS = IMMEDIATE
    report = draft(county, 2025)
    client.force_login(coordinator)
    client.post(reverse("reports:pdf_start", args=[report.pk]), HTTP_HX_REQUEST="true")
    first = RenderedFile.objects.get()
    client.post(reverse("reports:pdf_start", args=[report.pk]), HTTP_HX_REQUEST="true")
    assert list(RenderedFile.objects.values_list("state", flat=True)) == [RenderState.DONE]
    assert RenderedFile.objects.get().pk != first.pk
    assert len(list((media / "reports" / "rendered").iterdir())) == 1


def test_other_jurisdiction_cannot_start_or_fetch(
    client, fake, county, coordinator, other_county_officer, outsider, settings, media
) -> None:
    settings.TASKS = DATABASE
    report = draft(county, 2025)
    rendered = RenderedFile.objects.create(report=report, requested_by=coordinator)
    for user in (other_county_officer, outsider):
        client.force_login(user)
        assert client.post(reverse("reports:pdf_start", args=[report.pk])).status_code == 404
        url = reverse("reports:pdf_status", args=[report.pk, rendered.pk])
        assert client.get(url).status_code == 404
    assert RenderedFile.objects.count() == 1
