"""End to end in headless Chromium: a decision registered by the 司法局, a comment window that is
too short refused on the page, the gate's message while steps are missing, the decision made."""

from __future__ import annotations

import pytest

from tests.browser_support import act, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_decision_through_the_gates(live_server, coordinator, police, justice_bureau, page):  # noqa: ANN001
    log_in(page, live_server.url, "coordinator")
    page.goto(live_server.url + "/ledgers/major_decisions/")
    page.click("text=登记决策事项")
    page.fill("#id_title", "城区停车收费标准调整")
    page.select_option("#id_sponsor_department", label="公安局")
    page.fill("#id_listed_on", "2025-02-10")
    page.check("#id_risk_assessment_required")
    page.click("#case-form button[type=submit]")
    page.wait_for_selector("#case-state")
    assert page.inner_text("h1") == "示决策〔2025〕1号"
    gate = page.inner_text("#decision-gate")
    assert gate.startswith("尚未完成公众参与（公开征求意见）、风险评估、合法性审查、集体讨论")

    page.click('[data-action="open_consultation"]')
    form = page.locator("#action-open_consultation")
    form.wait_for()
    form.locator("[name=on]").fill("2025-03-03")
    form.locator("[name=comment_until]").fill("2025-03-20")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("text=截止日期不得早于2025年4月2日")
    page.screenshot(path="/tmp/md-refused.png", full_page=True)

    page.goto(page.url.split("#")[0])
    act(page, "open_consultation", on="2025-03-03", comment_until="2025-04-02")
    assert "公开征求意见中" in page.inner_text("#case-state")
    assert "2025年4月2日" in page.inner_text("#clocks")
    act(page, "close_consultation", on="2025-04-02", comments_received="8")
    act(page, "risk_assessment", on="2025-04-03", note="低风险")
    act(page, "submit_review", on="2025-04-07", review_deadline="2025-04-16")
    act(
        page,
        "record_review",
        on="2025-04-15",
        legality_result="lawful",
        counsel_kind="legal_adviser",
        counsel_name="刘律师",
        note="合法",
    )
    assert "尚未完成集体讨论" in page.inner_text("#decision-gate")
    act(
        page,
        "discuss",
        on="2025-04-20",
        meeting_name="县政府第8次常务会议",
        attendees="县长、副县长",
    )
    act(page, "decide", on="2025-04-20", head_decision="县长：同意")
    assert "已决定" in page.inner_text("#case-state")
    page.screenshot(path="/tmp/md-decided.png", full_page=True)
