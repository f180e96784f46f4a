"""End to end in headless Chromium: log in, register, 补正, 受理, 答复, 决定, reading the due
dates the case page shows at each step."""

from __future__ import annotations

import os

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def page(live_server, calendar_seeded, officer, police):  # noqa: ANN001
    # The database fixtures come first: created inside Playwright's greenlet they would open a
    # connection in another context that nothing closes.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS, headless=True
        )
        pg = browser.new_page()
        pg.set_default_timeout(15000)
        yield pg
        browser.close()
    # Queries made while Playwright's greenlets ran may have opened a connection in another
    # context; close it, or PostgreSQL refuses to drop the test database afterwards.
    from django.db import connections

    connections.close_all()


def act(page, code: str, **fields: str) -> None:  # noqa: ANN001
    """Press an action button (htmx loads its form), fill it, confirm, wait for the reload."""
    page.click(f'[data-action="{code}"]')
    form = page.locator(f"#action-{code}")
    form.wait_for()
    for name, value in fields.items():
        if form.locator(f"select[name={name}]").count():
            form.locator(f"select[name={name}]").select_option(value)
        else:
            form.locator(f"[name={name}]").fill(value)
    with page.expect_navigation():
        form.locator("button[type=submit]").click()


def clock_row(page, label: str) -> str:  # noqa: ANN001
    return page.locator("table.clocks tr", has_text=label).first.inner_text()


def test_case_from_intake_to_decision(page, live_server, calendar_seeded, officer, police):  # noqa: ANN001
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", "pw-123456")
    page.click("button[type=submit]")
    page.goto(live_server.url + "/ledgers/reconsideration/")
    assert "没有符合条件的行政复议案件" in page.content()
    page.click("text=登记新申请")
    page.fill("#id_received_on", "2025-03-03")
    page.select_option("#id_respondent_department", label="公安局")
    page.fill("#id_respondent_name", "示例县公安局")
    page.select_option("#id_act_category", label="行政处罚")
    page.fill("#id_act_description", "作出的罚款二千元的行政处罚决定")
    page.fill("#id_applicants-0-name", "张三")
    page.click("#case-form button[type=submit]")
    page.wait_for_selector("#case-state")
    assert page.inner_text("h1") == "示政复〔2025〕1号"
    assert "待审查受理" in page.inner_text("#case-state")
    assert "2025年3月10日" in clock_row(page, "受理审查")  # 5 working days from 3 March

    act(page, "request_correction", on="2025-03-04", note="身份证明复印件")
    assert "补正中" in page.inner_text("#case-state")
    act(page, "serve_correction", on="2025-03-05", method="post")
    assert "2025年3月19日" in clock_row(page, "申请人补正")  # 10 working days from service
    act(page, "receive_correction", on="2025-03-10")
    assert "2025年3月17日" in clock_row(page, "受理审查")  # review runs again from the materials

    act(page, "accept", on="2025-03-11")
    assert "已受理" in page.inner_text("#case-state")
    assert page.inner_text("#decision-due") == "2025年5月12日"  # 60th day 10 May is a Saturday
    assert "2025年3月20日" in clock_row(page, "发送申请书副本")  # 7 working days

    act(page, "send_copy", on="2025-03-12", served_on="2025-03-12")
    assert "2025年3月26日" in clock_row(page, "被申请人答复")  # 10 working days
    act(page, "record_answer", on="2025-03-20")
    assert "审理中" in page.inner_text("#case-state")

    act(page, "hold_hearing", on="2025-04-01", form="opinions")
    act(page, "decide", on="2025-04-20", outcome="revoked")
    assert "已审结" in page.inner_text("#case-state")
    text = page.inner_text("main")
    assert "2025年4月20日，撤销" in text and "逾期审结" not in text
    assert "作出复议决定" in page.inner_text("#history")
    assert "按期办结" in clock_row(page, "作出复议决定")
