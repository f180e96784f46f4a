"""End to end in headless Chromium: the government's report from 审核 through 定稿, 报送 to each
recipient, 保密审查 and 公开, with the buttons and forms on its page only (no hand-made POST)."""

from __future__ import annotations

import pytest

from fazhi.reports import workflow
from fazhi.reports.draft import draft
from fazhi.reports.models import AnnualReport, Status
from tests.browser_support import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_report_definitive_to_published_through_its_page(  # noqa: ANN001
    live_server, fake, county, coordinator, head, page
):
    report = draft(county, 2025, by=coordinator)
    workflow.submit_for_review(report, by=coordinator)
    base, url = live_server.url, live_server.url + report.get_absolute_url()

    log_in(page, base, "head")
    page.goto(url)
    for box in page.locator("#reconciliation input[name^='reason:']").all():
        box.fill("已核实")
    with page.expect_navigation():
        page.click("#reconciliation button:has-text('定稿')")
    assert "定稿" in page.inner_text("h1")

    page.context.clear_cookies()
    log_in(page, base, "coordinator")
    page.goto(url)
    assert page.locator("#submission li").count() == 5
    for _ in range(5):
        with page.expect_navigation():
            page.locator("#submission button:has-text('登记报送')").first.click()
    assert "报送" in page.inner_text("h1")
    assert page.locator("#submission .text-success").count() == 5
    assert page.locator("#publication").count() == 0  # 保密审查 comes first

    page.context.clear_cookies()
    log_in(page, base, "head")
    page.goto(url)
    with page.expect_navigation():
        page.click("#secrecy button:has-text('登记保密审查')")
    assert "赵科长于" in page.inner_text("#secrecy")

    page.context.clear_cookies()
    log_in(page, base, "coordinator")
    page.goto(url)
    page.fill("#publish-url", "https://www.example.gov.cn/fzzfjs/2025.html")
    with page.expect_navigation():
        page.click("#publication button:has-text('登记公开')")
    assert "https://www.example.gov.cn/fzzfjs/2025.html" in page.inner_text("#publication")
    report = AnnualReport.objects.get(pk=report.pk)
    assert report.status == Status.PUBLISHED and report.secrecy_checked_by == head
    assert report.recipients.filter(sent_on__isnull=True).count() == 0
    page.click("text=公开页面")
    assert "示例县人民政府关于2025年度法治政府建设情况的报告" in page.content()
