"""A coordinator's day in headless Chromium, with the pages' own links and buttons only (no
hand-made POST): sign in → 我的待办 lists an overdue case → open it → act on it; the report the
coordinator sent for 审核 waits on the leader's list (定稿 is a second person's), who 定稿s it →
the coordinator's list says 报送 → 报送 to each recipient → 保密审查 (the leader) → 公开 from the
list; afterwards the report is gone from the list."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi.casework.registry import get
from fazhi.reports import workflow
from fazhi.reports.draft import draft
from fazhi.reports.models import AnnualReport, Status
from tests.browser_support import act, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_coordinators_day(  # noqa: ANN001
    live_server, fake, county, justice_bureau, police, coordinator, head, page
):
    case = get("reconsideration").sample(
        county, justice_bureau, police, coordinator, dt.date(2025, 3, 3)
    )
    case.handler = coordinator
    case.save()
    report = draft(county, 2025, by=coordinator)
    workflow.submit_for_review(report, by=coordinator)
    base = live_server.url

    log_in(page, base, "coordinator")
    todo = page.locator("#todo")
    overdue = todo.locator(f"li.todo-overdue:has-text('{case.case_number}')").first
    assert "逾期" in overdue.inner_text()
    assert todo.locator(f"li:has-text('待审核：{report.title}')").count() == 0  # not the drafter's
    with page.expect_navigation():
        overdue.locator("a").click()
    assert page.inner_text("h1") == case.case_number
    act(page, "accept", on="2025-03-04")
    assert "已受理" in page.inner_text("#case-state")

    page.context.clear_cookies()
    log_in(page, base, "head")
    with page.expect_navigation():
        page.locator(f"#todo a:has-text('待审核：{report.title}')").click()
    for box in page.locator("#reconciliation input[name^='reason:']").all():
        box.fill("已核实")
    with page.expect_navigation():
        page.click("#reconciliation button:has-text('定稿')")
    assert "定稿" in page.inner_text("h1"), page.inner_text("main")[:300]

    page.context.clear_cookies()
    log_in(page, base, "coordinator")
    with page.expect_navigation():
        page.locator(f"#todo a:has-text('已定稿待报送：{report.title}')").click()
    recipients = page.locator("#submission li").count()
    for _ in range(recipients):
        with page.expect_navigation():
            page.locator("#submission button:has-text('登记报送')").first.click()
    assert "报送" in page.inner_text("h1")

    page.context.clear_cookies()
    log_in(page, base, "head")
    page.goto(base + report.get_absolute_url())
    with page.expect_navigation():
        page.click("#secrecy button:has-text('登记保密审查')")

    page.context.clear_cookies()
    log_in(page, base, "coordinator")
    assert page.locator(f"#todo li:has-text('待公开：{report.title}')").count() == 1
    with page.expect_navigation():
        page.locator(f"#todo a:has-text('待公开：{report.title}')").click()
    page.fill("#publish-url", "https://www.example.gov.cn/fzzfjs/2025.html")
    with page.expect_navigation():
        page.click("#publication button:has-text('登记公开')")
    assert AnnualReport.objects.get(pk=report.pk).status == Status.PUBLISHED
    page.goto(base + "/")
    assert page.locator(f"#todo li:has-text('{report.title}')").count() == 0
