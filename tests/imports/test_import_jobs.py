"""Imports run in the background: the upload is queued, the page shows the worker's progress, and
the result is the same all-or-nothing report as before; a job whose worker died is queued again
once, then failed with a message; only the uploader sees the job."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from fazhi.imports import jobs
from fazhi.imports.importer import run_import
from fazhi.imports.models import ImportJob, JobState
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.org.models import Role
from tests.conftest import make_user
from tests.imports.test_reconsideration_import import SPEC, good, sheet

pytestmark = pytest.mark.django_db
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
URL = reverse("imports:upload", args=["reconsideration"])


def _post(client: Client, data: bytes, name: str = "cases.xlsx"):  # noqa: ANN202
    f = io.BytesIO(data)
    f.name = name
    return client.post(URL + "?back=/ledgers/reconsideration/", {"file": f})


def test_an_import_is_queued_and_shows_progress_then_the_result(officer, police, settings) -> None:  # noqa: ANN001, ARG001
    settings.TASKS = DATABASE
    client = Client()
    client.force_login(officer)
    resp = _post(client, sheet([good(申请人=f"申请人{i}") for i in range(3)]))
    job = ImportJob.objects.get()
    page_url = reverse("imports:job", args=["reconsideration", job.pk])
    assert resp.status_code == 302 and resp["Location"].startswith(page_url)
    assert job.state == JobState.QUEUED and job.file_name == "cases.xlsx" and job.data
    assert ReconsiderationCase.objects.count() == 0  # nothing in the request
    page = client.get(resp["Location"]).content.decode()
    assert "已排队，等待后台导入“cases.xlsx”" in page and 'role="progressbar"' in page

    assert jobs.run_import_job.call(job.pk) == JobState.DONE  # what db_worker does
    job.refresh_from_db()
    assert job.data == b"" and job.result["created"] == 3
    assert client.get(page_url, HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"
    html = client.get(resp["Location"]).content.decode()
    assert "导入成功：共新增 3 条记录" in html and 'href="/ledgers/reconsideration/"' in html
    # another sheet uploaded from the result page goes to the upload view, not to this job
    assert f'action="{URL}?back=/ledgers/reconsideration/"' in html
    assert ReconsiderationCase.objects.count() == 3


def test_a_failed_check_imports_nothing_and_lists_every_problem(officer, police, settings) -> None:  # noqa: ANN001, ARG001
    settings.TASKS = DATABASE
    client = Client()
    client.force_login(officer)
    _post(client, sheet([good(), good(受理日期=dt.date(2025, 3, 1)), good(收到申请日期="明天")]))
    job = ImportJob.objects.get()
    jobs.run_import_job.call(job.pk)
    html = client.get(reverse("imports:job", args=["reconsideration", job.pk])).content.decode()
    assert "发现 2 处问题，未导入任何记录" in html
    assert "第3行" in html and "第4行" in html
    assert ReconsiderationCase.objects.count() == 0


def test_progress_is_reported_while_checking(officer, police) -> None:  # noqa: ANN001, ARG001
    seen: list[tuple[str, int, int]] = []
    rows = [good(申请人=f"申请人{i}") for i in range(1200)]
    report = run_import(
        SPEC,
        sheet(rows),
        by=officer,
        context=SPEC.context(officer),
        progress=lambda phase, done, total: seen.append((phase, done, total)),
    )
    assert report.created == 1200
    phases = [p for p, _, _ in seen]
    assert phases[0] == "读取文件" and phases[-1] == "写入数据库"
    assert ("检查各行", 1000, 1200) in seen and ("读取单元格", 999, 1200) in seen


def test_only_the_uploader_sees_the_job(officer, county, justice_bureau, settings) -> None:  # noqa: ANN001
    settings.TASKS = DATABASE
    client = Client()
    client.force_login(officer)
    _post(client, sheet([good()]))
    job = ImportJob.objects.get()
    colleague = make_user("colleague", Role.LEGAL_OFFICER, county, justice_bureau)
    client.force_login(colleague)
    assert client.get(reverse("imports:job", args=["reconsideration", job.pk])).status_code == 404


def test_an_import_whose_worker_died_is_queued_again_then_failed(officer, police, settings) -> None:  # noqa: ANN001, ARG001
    settings.TASKS = DATABASE
    client = Client()
    client.force_login(officer)
    _post(client, sheet([good()]))
    job = ImportJob.objects.get()
    url = reverse("imports:job", args=["reconsideration", job.pk])
    stale = timezone.now() - dt.timedelta(minutes=5)
    ImportJob.objects.filter(pk=job.pk).update(
        state=JobState.RUNNING, heartbeat_at=stale, attempts=1
    )
    client.get(url)
    job.refresh_from_db()
    assert job.state == JobState.QUEUED and job.data  # the file is still there for the retry
    ImportJob.objects.filter(pk=job.pk).update(
        state=JobState.RUNNING, heartbeat_at=stale, attempts=2
    )
    html = client.get(url).content.decode()
    job.refresh_from_db()
    assert job.state == JobState.FAILED and job.data == b""
    assert "导入的后台进程意外中止（已尝试2次），没有导入任何记录" in html
    assert ReconsiderationCase.objects.count() == 0
