"""The review desk reviews in the background, one file at a time in a budgeted child process: a
progress bar while it runs, a finding (not a 500) for a file that is a PDF bomb or runs past its
CPU budget, a comparison workbook whose cells are never formulas, and a lease like the PDFs."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from fazhi.reports import desk_jobs
from fazhi.reports.models import DeskJob, DeskUpload, RenderState
from tests.conftest import make_user
from tests.imports.hostile import pdf_bomb

DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
URL = "reports:review_desk"
REPORT = (
    "示例县人民政府关于2024年度法治政府建设情况的报告\n"
    "一、主要举措和成效\n全年共收到行政复议申请152件，受理130件，审结120件。\n"
    "二、存在的不足和原因\n个别部门执法不规范。\n"
    "三、党政主要负责人履行推进法治建设第一责任人职责情况\n县长主持召开专题会议3次。\n"
    "四、下一年度工作安排\n继续推进。\n"
)


def _txt(name: str, text: str = REPORT) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), "text/plain")


def test_a_batch_runs_in_the_background_with_a_progress_bar(client, coordinator, settings) -> None:  # noqa: ANN001
    settings.TASKS = DATABASE
    client.force_login(coordinator)
    resp = client.post(reverse(URL), {"report_files": [_txt("甲.txt"), _txt("乙.txt")]})
    job = DeskJob.objects.get()
    page_url = reverse("reports:review_desk_job", args=[job.pk])
    assert resp.status_code == 302 and resp["Location"] == page_url
    assert job.state == RenderState.QUEUED and job.total == 2 and job.uploads.count() == 2
    page = client.get(page_url).content.decode()
    assert "已排队，等待后台审查（共 2 份）" in page and 'role="progressbar"' in page
    fragment = client.get(page_url, HTTP_HX_REQUEST="true").content.decode()
    assert f'hx-get="{page_url}"' in fragment and 'aria-valuenow="0"' in fragment

    assert desk_jobs.review_batch.call(job.pk) == RenderState.DONE  # what db_worker does
    job.refresh_from_db()
    assert job.done == 2 and job.percent == 100
    assert not DeskUpload.objects.exists()  # the files are not kept
    refresh = client.get(page_url, HTTP_HX_REQUEST="true")
    assert refresh["HX-Refresh"] == "true"
    page = client.get(page_url)
    result = page.context["result"]
    assert [f.file_name for f in result.files] == ["甲.txt", "乙.txt"]
    # the same report twice: its issuer and year, the second told apart
    assert [f.label for f in result.files] == [
        "示例县人民政府 2024年",
        "示例县人民政府 2024年（2）",
    ]
    assert "审查结果（2 份）" in page.content.decode()
    # another batch uploaded from the result page goes to the desk, not to this job
    assert f'action="{reverse(URL)}"' in page.content.decode()


def test_only_the_requester_sees_a_batch(
    client, coordinator, county, justice_bureau, settings
) -> None:  # noqa: ANN001
    settings.TASKS = DATABASE
    client.force_login(coordinator)
    client.post(reverse(URL), {"report_files": [_txt("甲.txt")]})
    job = DeskJob.objects.get()
    from fazhi.org.models import Role

    other = make_user("other_coord", Role.COORDINATOR, county, justice_bureau)
    client.force_login(other)
    assert client.get(reverse("reports:review_desk_job", args=[job.pk])).status_code == 404


def test_a_pdf_bomb_is_a_finding_for_that_file_not_a_500(client, coordinator, settings) -> None:  # noqa: ANN001
    settings.TASKS = IMMEDIATE
    bomb = pdf_bomb()
    assert len(bomb) < 200_000
    client.force_login(coordinator)
    page = client.post(
        reverse(URL),
        {"report_files": [SimpleUploadedFile("炸弹.pdf", bomb), _txt("正常.txt")]},
        follow=True,
    )
    assert page.status_code == 200
    bombed, fine = page.context["result"].files
    assert [f.message for f in bombed.findings] == [
        "PDF 文件中的内容流解压后超过上限，无法读取；请检查文件，或改为上传 Word 或文本版"
    ]
    assert fine.report.figures and "PDF 文件中的内容流解压后超过上限" in page.content.decode()


def test_a_file_past_its_cpu_budget_is_stopped_and_reported(
    client, coordinator, settings, monkeypatch
) -> None:  # noqa: ANN001
    settings.TASKS = IMMEDIATE
    monkeypatch.setattr(desk_jobs, "CPU_SECONDS", 1)
    real = desk_jobs.analyse_source

    def slow_for_one(name, data, catalog):  # noqa: ANN001, ANN202
        while name == "慢.txt":  # super-linear work, as a 10 MB repeated report once was
            pass
        return real(name, data, catalog)

    monkeypatch.setattr(desk_jobs, "analyse_source", slow_for_one)
    client.force_login(coordinator)
    page = client.post(
        reverse(URL), {"report_files": [_txt("慢.txt"), _txt("快.txt")]}, follow=True
    )
    slow, quick = page.context["result"].files
    assert [f.message for f in slow.findings] == [desk_jobs.OVER_CPU.format(seconds=1)]
    assert quick.report.figures and not quick.report.problems


def test_the_comparison_workbook_writes_formula_like_names_as_text(
    client, coordinator, settings
) -> None:  # noqa: ANN001
    settings.TASKS = IMMEDIATE
    client.force_login(coordinator)
    # the columns are the reports' own titles when no issuer is recognised
    titles = [
        '=HYPERLINK("evil","x")关于2024年度法治政府建设情况的报告',
        "@SUM(1)2024年度法治政府建设工作报告",
    ]
    files = [
        _txt(f"{n}.txt", REPORT.replace(REPORT.split("\n")[0], t)) for n, t in enumerate(titles)
    ]
    page = client.post(reverse(URL), {"report_files": files}, follow=True)
    result = page.context["result"]
    assert result.comparison.sources == titles
    book = zipfile.ZipFile(io.BytesIO(result.xlsx))
    sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    assert "=HYPERLINK(" in book.read("xl/sharedStrings.xml").decode()


def test_a_batch_whose_worker_died_is_queued_again_then_failed(
    client, coordinator, settings
) -> None:  # noqa: ANN001
    settings.TASKS = DATABASE
    client.force_login(coordinator)
    client.post(reverse(URL), {"report_files": [_txt("甲.txt")]})
    job = DeskJob.objects.get()
    stale = timezone.now() - dt.timedelta(minutes=5)
    DeskJob.objects.filter(pk=job.pk).update(
        state=RenderState.RUNNING, heartbeat_at=stale, attempts=1
    )
    url = reverse("reports:review_desk_job", args=[job.pk])
    client.get(url)
    job.refresh_from_db()
    assert job.state == RenderState.QUEUED
    DeskJob.objects.filter(pk=job.pk).update(
        state=RenderState.RUNNING, heartbeat_at=stale, attempts=2
    )
    page = client.get(url).content.decode()
    job.refresh_from_db()
    assert job.state == RenderState.FAILED and "后台审查进程意外中止（已尝试2次）" in page
    assert not DeskUpload.objects.exists()
