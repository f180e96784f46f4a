"""Report pages: 404 outside one's jurisdiction, htmx part editing, the public page, the dashboard."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from fazhi.reports import workflow
from fazhi.reports.draft import draft
from fazhi.reports.models import Status

R = "reconsideration."


def test_report_of_another_jurisdiction_is_404(
    client, fake, county, other_county_officer, outsider
) -> None:
    report = draft(county, 2025)
    client.force_login(other_county_officer)
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 404
    assert client.get(reverse("reports:download", args=[report.pk, "docx"])).status_code == 404
    client.force_login(outsider)  # another department of the same county
    assert client.get(reverse("reports:detail", args=[report.pk])).status_code == 404


def test_coordinator_drafts_and_edits_a_part_with_htmx(client, fake, county, coordinator) -> None:
    client.force_login(coordinator)
    resp = client.post(reverse("reports:draft"), {"jurisdiction": "990102", "year": "2025"})
    report = (
        county
        and coordinator
        and __import__("fazhi.reports.models", fromlist=["x"]).AnnualReport.objects.get()
    )
    assert resp.status_code == 302 and resp["Location"] == report.get_absolute_url()
    page = client.get(report.get_absolute_url()).content.decode()
    assert "一、主要举措和成效" in page and ">12件</a>" in page and "法定内容缺失或未填写" in page
    url = reverse("reports:part_edit", args=[report.pk, 4])
    bad = client.post(
        url, {"text": "力争{{fig:reconsideration.recieved}}。"}, HTTP_HX_REQUEST="true"
    )
    assert bad.status_code == 422
    assert "{{fig:reconsideration.recieved}}" in bad.content.decode()
    ok = client.post(
        url,
        {"text": "## 加强复议工作\n继续办理{{fig:reconsideration.received}}。"},
        HTTP_HX_REQUEST="true",
    )
    assert ok.status_code == 200
    assert (
        "<h3" in ok.content.decode()
        and "继续办理" in ok.content.decode()
        and ">12件</a>" in ok.content.decode()
    )
    assert report.parts.get(number=4).history.count() == 2


def test_pdf_download_without_libreoffice_offers_the_docx(
    client, fake, county, coordinator, settings
) -> None:
    settings.SOFFICE_BINARY = "/nonexistent/soffice"
    report = draft(county, 2025)
    client.force_login(coordinator)
    resp = client.get(reverse("reports:download", args=[report.pk, "pdf"]))
    assert resp.status_code == 503
    html = resp.content.decode()
    assert (
        "libreoffice-writer-nogui" in html
        and reverse("reports:download", args=[report.pk, "docx"]) in html
    )
    docx = client.get(reverse("reports:download", args=[report.pk, "docx"]))
    assert docx.status_code == 200 and docx.content[:2] == b"PK"


def test_public_page_only_when_published_and_without_login(
    client, fake, county, coordinator, head
) -> None:
    report = draft(county, 2025)
    url = reverse("reports:public", args=["990102", 2025])
    assert client.get(url).status_code == 404
    workflow.submit_for_review(report, by=coordinator)
    workflow.approve(
        report,
        by=head,
        reasons={i: "已核实" for i in ("part:3", "part:4", "part:5")},
        today=dt.date(2026, 2, 10),
    )
    workflow.submit(report, by=coordinator, on=dt.date(2026, 2, 20))
    workflow.secrecy_check(report, by=head, on=dt.date(2026, 3, 2), note="不涉密，同意公开")
    workflow.publish(
        report, by=coordinator, on=dt.date(2026, 3, 20), url="https://www.example.gov.cn/r/1"
    )
    assert report.status == Status.PUBLISHED
    resp = client.get(url)  # anonymous
    html = resp.content.decode()
    assert resp.status_code == 200 and "示例县人民政府关于2025年度法治政府建设情况的报告" in html
    assert ">12件</span>" in html and "/fake/" not in html  # no links into the ledgers


def test_dashboard_shows_report_deadlines(client, coordinator) -> None:
    client.force_login(coordinator)
    html = client.get(reverse("home")).content.decode()
    year = dt.date.today().year - 1
    assert f"{year}年度法治政府建设报告 · 期限" in html
    assert "报送上级：" in html and "向社会公开：" in html
    assert f"{dt.date(year + 1, 3, 1) - dt.timedelta(days=1):%Y}年" in html


def test_a_department_clerk_is_not_offered_the_draft_form_and_is_refused_with_no_permission(
    client, county, outsider
) -> None:
    client.force_login(outsider)
    html = client.get("/reports/").content.decode()
    assert "起草初稿" not in html
    resp = client.post("/reports/draft/", {"jurisdiction": county.code, "year": "2025"})
    assert resp.status_code == 403 and "无权限" in resp.content.decode()
