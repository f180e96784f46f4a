"""End to end in headless Chromium: a disclosure request received by signed-for post, a third
party consulted (the reply clock paused), and a 部分公开 reply — reading the request page at each
step."""

from __future__ import annotations

import pytest

from tests.browser_support import act, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_request_from_receipt_to_partial_disclosure(live_server, coordinator, police, page):  # noqa: ANN001
    log_in(page, live_server.url, "coordinator")
    page.goto(live_server.url + "/ledgers/disclosure/")
    assert "没有符合条件的政府信息公开申请" in page.content()
    page.click("text=登记申请")
    page.select_option("#id_department", label="司法局")
    page.fill("#id_applicant_name", "张三")
    page.select_option("#id_applicant_kind", label="自然人")
    page.fill("#id_subject", "2024年法律援助经费使用情况")
    page.select_option("#id_channel", label="邮寄（需签收）")
    page.fill("#id_submitted_on", "2025-03-03")
    page.fill("#id_evidence_on", "2025-03-05")
    page.click("#case-form button[type=submit]")
    page.wait_for_selector("#case-state")
    assert page.inner_text("h1") == "示依公开〔2025〕1号"
    # Received on the signing day, 5 March; 20 working days: 6 March … 2 April (清明 after).
    assert "以签收之日2025年3月5日为收到申请之日" in page.inner_text("#receipt-explanation")
    assert page.inner_text("#reply-due").startswith("2025年4月2日")

    act(page, "confirm_complete", on="2025-03-06")
    act(page, "consult", on="2025-03-10", consultee_kind="third_party", consultee_name="某建筑公司")
    assert "征求意见中" in page.inner_text("#case-state")
    # 10–20 March (nine working days) do not count: 3 April, then 清明 4–6 April, day 20 is 16 April.
    act(page, "record_opinion", on="2025-03-20", opinion="disagree")
    assert page.inner_text("#reply-due").startswith("2025年4月16日")
    act(
        page,
        "answer",
        on="2025-04-01",
        reply_type="partially_disclosed",
        reply_ground="third_party",
    )
    assert "已答复" in page.inner_text("#case-state")
    assert "部分公开（保护第三方合法权益）" in page.inner_text("#reply-result")
    assert page.locator("text=答复告知书").count() >= 1
    page.screenshot(path="/tmp/dis-e2e.png", full_page=True)
