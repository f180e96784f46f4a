"""End to end in headless Chromium: a certificate registered and reviewed, then a decision by an
officer whose certificate has expired refused on the form, with nothing saved."""

from __future__ import annotations

import pytest

from tests.browser_support import act, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_certificate_review_and_a_refused_decision(live_server, coordinator, police, page):  # noqa: ANN001
    from fazhi.ledgers.enforcement.models import EnforcementDecision

    log_in(page, live_server.url, "coordinator")
    page.goto(live_server.url + "/ledgers/enforcement/")
    page.click("text=登记执法证件")
    page.fill("#id_certificate_number", "99010220250001")
    page.fill("#id_holder_name", "张三")
    page.select_option("#id_department", label="公安局")
    page.fill("#id_issued_on", "2020-03-03")
    page.fill("#id_valid_until", "2025-03-02")
    page.click("#case-form button[type=submit]")
    page.wait_for_selector("#case-state")
    assert page.inner_text("h1") == "示执证〔2020〕1号"
    assert "执法证年审" in page.inner_text("#clocks")
    act(page, "pass_review", on="2024-02-20", trained=True)
    assert "2024年2月20日" in page.inner_text("#facts")
    page.screenshot(path="/tmp/enf-certificate.png", full_page=True)

    page.goto(live_server.url + "/ledgers/enforcement/")
    page.click("text=登记执法证件")
    page.fill("#id_certificate_number", "99010220250002")
    page.fill("#id_holder_name", "李四")
    page.select_option("#id_department", label="公安局")
    page.fill("#id_issued_on", "2021-03-03")
    page.fill("#id_valid_until", "2026-03-02")
    page.click("#case-form button[type=submit]")
    page.wait_for_selector("#case-state")

    page.goto(live_server.url + "/ledgers/enforcement_decisions/new/")
    page.select_option("#id_department", label="公安局")
    page.fill("#id_decided_on", "2025-04-01")
    page.fill("#id_party", "某公司")
    page.fill("#id_summary", "无证经营")
    page.select_option("#id_officer", label="张三（99010220250001）")
    page.select_option("#id_second_officer", label="李四（99010220250002）")
    page.fill("#id_penalty_fen", "5000")
    page.click("#case-form button[type=submit]")
    page.wait_for_selector("#case-form .text-danger.small")
    assert "已于2025年3月2日到期，2025年4月1日不具有执法资格" in page.content()
    page.screenshot(path="/tmp/enf-decision-refused.png", full_page=True)
    assert EnforcementDecision.objects.count() == 0
