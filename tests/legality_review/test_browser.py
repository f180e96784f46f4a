"""End to end in headless Chromium: a department sends a contract, the 司法局 accepts it, returns
it for supplements, the department supplies them, the 司法局 answers, the department reports
back — each side reading the same page and state."""

from __future__ import annotations

import pytest

from fazhi.org.models import Role
from tests.browser_support import act, log_in
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _as(page, live_server, username: str) -> None:  # noqa: ANN001
    page.context.clear_cookies()
    log_in(page, live_server.url, username)


def test_request_opinion_result(live_server, county, police, justice_bureau, officer, page):  # noqa: ANN001
    make_user("police_lo", Role.LEGAL_OFFICER, county, police, full_name="陈法制")
    _as(page, live_server, "police_lo")
    page.goto(live_server.url + "/ledgers/legality_review/")
    page.click("text=送审")
    page.select_option("#id_kind", label="合同")
    page.fill("#id_title", "执法记录仪采购合同")
    page.fill("#id_counterparty", "城关科技有限公司")
    page.fill("#id_amount_fen", "1234.567")
    page.fill("#id_submitted_on", "2025-03-03")
    page.click("#case-form button[type=submit]")
    assert "金额小数超过两位" in page.content()
    page.fill("#id_amount_fen", "1,280,000.50")
    page.click("#case-form button[type=submit]")
    page.wait_for_selector("#case-state")
    url = page.url
    assert page.inner_text("h1") == "示合审〔2025〕1号"
    assert "1,280,000.50元" in page.inner_text("#amount")
    assert page.locator('[data-action="accept"]').count() == 0  # the 司法局's step

    _as(page, live_server, "officer")
    page.goto(url)
    act(page, "accept", on="2025-03-03")
    assert page.inner_text("#review-due").startswith("2025年3月10日")
    act(page, "return_for_supplement", on="2025-03-05", note="请补充预算批复")

    _as(page, live_server, "police_lo")
    page.goto(url)
    assert "退回补充材料" in page.inner_text("#case-state")
    assert "请补充预算批复" in page.inner_text("#case-facts")
    act(page, "resupply", on="2025-03-10")
    assert page.inner_text("#review-due").startswith("2025年3月14日")

    _as(page, live_server, "officer")
    page.goto(url)
    act(
        page,
        "give_opinion",
        on="2025-03-12",
        result="approved_with_changes",
        opinion_count="3",
        reviewer_kind="legal_adviser",
        reviewer_name="刘律师",
        note="建议完善违约责任条款",
    )
    page.screenshot(path="/tmp/lr-reviewed.png", full_page=True)

    _as(page, live_server, "police_lo")
    page.goto(url)
    assert "建议完善违约责任条款" in page.inner_text("#opinion")
    act(page, "close", on="2025-03-14", adoption="adopted")
    assert "已办结" in page.inner_text("#case-state")
