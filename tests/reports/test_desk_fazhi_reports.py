"""报告审查台 over reports already in fazhi (issue 18): the jurisdiction's own reports of two years
drafted from the (fake) ledgers, a unit's uploaded report and a city viewer's counties, picked
from the checklist, rendered as for download, reviewed by the same background job and compared
under labels of issuer and year; a report the user cannot see is refused and nothing is queued."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fazhi.reports import desk_jobs, review_desk
from fazhi.reports.draft import draft
from fazhi.reports.models import AnnualReport, DeskJob, FigureToken, Status
from fazhi.reports.unit_reports import upload
from tests.reports.test_units import GOOD

URL = "reports:review_desk"
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
RECEIVED = "reconsideration.received"


@pytest.fixture(autouse=True)
def _review_right_away(settings) -> None:  # noqa: ANN001
    settings.TASKS = IMMEDIATE


@pytest.fixture
def two_years(fake, county, coordinator) -> tuple[AnnualReport, AnnualReport]:  # noqa: ANN001
    """The county's 2024 and 2025 reports, drafted from the fake 复议 ledger (2024: 30 received,
    2025: 12)."""
    fake.set(county.pk, 2024, {RECEIVED: 30, "reconsideration.accepted": 25})
    return draft(county, 2024, by=coordinator), draft(county, 2025, by=coordinator)


def _frozen(report: AnnualReport, indicator: str) -> Decimal:
    value = FigureToken.objects.get(report=report, indicator_id=indicator).value
    assert value is not None
    return value


def _chart(html: str) -> list[dict]:
    m = re.search(r'id="chart-data"[^>]*>(.*?)</script>', html, re.S)
    assert m, "no chart data on the page"
    return json.loads(m.group(1))


def test_checklist_shows_every_visible_report_with_title_issuer_year_state(
    client, coordinator, county, other_county, police, two_years
) -> None:
    upload(county, 2025, department=police, name="ga.txt", data=GOOD.encode(), by=coordinator)
    hidden = draft(other_county, 2025)
    client.force_login(coordinator)
    html = client.get(reverse(URL)).content.decode()
    pick = html.split('id="report-pick"')[1].split("</fieldset>")[0]
    for r in (*two_years, AnnualReport.objects.get(department=police)):
        assert f'name="reports" value="{r.pk}"' in pick
        assert r.title in pick and r.unit_name in pick and r.get_status_display() in pick
    assert "2025年度（2 份）" in pick and "2024年度（1 份）" in pick  # grouped by year
    assert "示例县公安局 · 2025年 · 部门" in pick and "上传</span>" in pick
    assert f'value="{hidden.pk}"' not in pick and "样板县" not in pick
    assert 'id="pick-filter"' in pick and "desk-pick.js" in html


def test_two_years_of_the_county_are_compared_under_their_years(
    client, coordinator, two_years
) -> None:
    old, new = two_years
    assert (_frozen(old, RECEIVED), _frozen(new, RECEIVED)) == (30, 12)
    client.force_login(coordinator)
    resp = client.post(reverse(URL), {"reports": [new.pk, old.pk]}, follow=True)
    assert resp.status_code == 200
    job = DeskJob.objects.get()
    assert job.report_ids == [old.pk, new.pk] and job.total == 2  # oldest year first
    result = resp.context["result"]
    labels = ["示例县人民政府 2024年", "示例县人民政府 2025年"]
    assert [f.label for f in result.files] == labels
    assert [f.state for f in result.files] == ["起草", "起草"]
    assert result.comparison.sources == labels
    row = next(r for r in result.table if r["indicator"] == RECEIVED)
    assert [c.value for c in row["cells"]] == [
        30,
        12,
    ]  # the frozen figures, in their years' columns
    html = resp.content.decode()
    head = html.split('id="comparison-table"')[1].split("</thead>")[0]
    assert "<th>示例县人民政府 2024年</th><th>示例县人民政府 2025年</th>" in head
    body = html.split('id="comparison-table"')[1].split("</table>")[0]
    cells = body.split(">收到行政复议申请</td>")[1].split("</tr>")[0]
    assert re.findall(r"<td[^>]*>([^<]*)</td>", cells)[1:] == ["30", "12"]  # after the unit
    # No indicator or identity id on screen (the chart's data and the workbook keep them).
    seen = re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", html, flags=re.S))
    assert not re.findall(r"\b(?:reconsideration|litigation)\.[a-z_]+", seen)
    received = next(c for c in _chart(html) if c["id"] == RECEIVED)
    assert received["x"] == labels and received["y"] == [30, 12]
    assert ".txt" not in "".join(received["x"])
    # the report's page is linked, and the checklist keeps the two ticked for another run
    assert f'href="{new.get_absolute_url()}"' in html
    assert html.count("checked") >= 2


def test_a_units_report_and_an_upload_go_together(
    client, coordinator, county, police, two_years, shared_dir
) -> None:
    unit = upload(
        county, 2025, department=police, name="ga.txt", data=GOOD.encode(), by=coordinator
    )
    seed = shared_dir / "seeds" / "003_42ba359424287cad.txt"
    client.force_login(coordinator)
    resp = client.post(
        reverse(URL),
        {
            "reports": [unit.pk],
            "report_files": [SimpleUploadedFile(seed.name, seed.read_bytes(), "text/plain")],
        },
        follow=True,
    )
    result = resp.context["result"]
    assert [(f.label, f.file_name, f.state) for f in result.files] == [
        ("示例县公安局 2025年", "", "定稿"),
        ("确山县人民政府 2022年", seed.name, ""),
    ]
    police_figures = {f.indicator: f.value for f in result.files[0].report.figures}
    assert police_figures["enforcement.penalty_cases"] == 320  # GOOD: 行政处罚案件320件
    html = resp.content.decode()
    head = html.split('id="comparison-table"')[1].split("</thead>")[0]
    assert (
        f'确山县人民政府 2022年<br><span class="fw-normal text-muted text-break">{seed.name}</span>'
        in head
    )
    assert "<th>示例县公安局 2025年</th>" in head  # no file name under a report in fazhi


def test_a_report_the_user_cannot_see_is_refused_and_nothing_is_queued(
    client, coordinator, county, other_county, two_years
) -> None:
    theirs = draft(other_county, 2025)
    client.force_login(coordinator)
    resp = client.post(reverse(URL), {"reports": [two_years[0].pk, theirs.pk]})
    assert resp.status_code == 422
    assert f"所选的报告（编号 {theirs.pk}）不存在或您无权查看，未开始审查" in resp.content.decode()
    assert not DeskJob.objects.exists()
    resp = client.post(reverse(URL), {"reports": ["x"]})
    assert resp.status_code == 422 and "“x”不是有效的报告编号" in resp.content.decode()
    assert not DeskJob.objects.exists()


def test_the_worker_looks_again_through_the_requesters_eyes(
    coordinator, other_county, two_years
) -> None:
    """A job queued with a report its requester cannot see (or no longer can) reviews the rest
    and says so for that one; the report's text never reaches the result."""
    theirs = draft(other_county, 2025)
    job = desk_jobs.start([], reports=[two_years[1], theirs], by=coordinator)
    result = desk_jobs.load_result(DeskJob.objects.get(pk=job.pk))
    assert result is not None
    mine, refused = result.files
    assert mine.label == "示例县人民政府 2025年" and mine.report.figures
    assert [f.message for f in refused.findings] == [desk_jobs.GONE.format(pk=theirs.pk)]
    assert refused.report.text == "" and result.comparison is None


def test_an_empty_submission_says_what_to_do(client, coordinator) -> None:
    client.force_login(coordinator)
    resp = client.post(reverse(URL), {})
    assert resp.status_code == 422
    assert review_desk.EMPTY in resp.content.decode()
    assert not DeskJob.objects.exists()


def test_too_many_reports_in_total_are_refused(client, coordinator, two_years, monkeypatch) -> None:
    monkeypatch.setattr(review_desk, "MAX_FILES", 2)
    client.force_login(coordinator)
    files = [SimpleUploadedFile("甲.txt", GOOD.encode(), "text/plain")]
    resp = client.post(reverse(URL), {"reports": [r.pk for r in two_years], "report_files": files})
    assert resp.status_code == 422
    assert "一次最多审查 2 份报告，您选择了 3 份" in resp.content.decode()


def test_a_city_viewer_compares_its_counties(
    client, reader, county, other_county, fake, coordinator
) -> None:
    fake.set(other_county.pk, 2025, {RECEIVED: 7})
    ours, theirs = draft(county, 2025, by=coordinator), draft(other_county, 2025)
    client.force_login(reader)
    pick = client.get(reverse(URL)).content.decode().split('id="report-pick"')[1]
    assert "示例县人民政府 · 2025年 · 下级政府" in pick and "样板县人民政府 · 2025年" in pick
    resp = client.post(reverse(URL), {"reports": [ours.pk, theirs.pk]}, follow=True)
    result = resp.context["result"]
    assert result.comparison.sources == ["示例县人民政府 2025年", "样板县人民政府 2025年"]
    row = next(r for r in result.table if r["indicator"] == RECEIVED)
    assert [c.value for c in row["cells"]] == [12, 7]
    assert Status.DRAFT.label in {f.state for f in result.files}
