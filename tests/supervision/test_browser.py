"""End to end in headless Chromium: a rectification task registered with its 法治督察 notice,
signed for, refused 销号 without evidence, evidence uploaded, 销号 asked for and approved."""

from __future__ import annotations

import pytest

from tests.browser_support import act, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_rectification_from_finding_to_closing(live_server, coordinator, police, page, tmp_path):  # noqa: ANN001
    log_in(page, live_server.url, "coordinator")
    page.goto(live_server.url + "/ledgers/supervision/")
    assert "没有符合条件的督办事项" in page.content()
    page.click("text=登记督办事项")
    page.fill("#id_notice_number", "示督办〔2025〕7号")
    page.select_option("#id_notice_source", label="法治督察")
    page.fill("#id_notice_title", "关于法治政府建设督察反馈问题整改的通知")
    page.fill("#id_notice_issued_on", "2025-09-15")
    page.select_option("#id_kind", label="整改任务")
    page.select_option("#id_area", label="行政执法")
    page.fill("#id_finding", "部分执法案卷文书不规范")
    page.fill("#id_task", "开展案卷评查")
    page.select_option("#id_lead_department", label="公安局")
    page.fill("#id_assigned_on", "2025-09-15")
    page.select_option("#id_limit_kind", label="限定日期")
    page.fill("#id_time_limit_on", "2025-10-01")
    page.click("#case-form button[type=submit]")
    page.wait_for_selector("#case-state")
    assert page.inner_text("h1") == "示督〔2025〕1号"
    # 10-01 is National Day 2025: the limit rolls to Thursday 10-09.
    assert "届满日 2025年10月9日" in page.inner_text("#due")

    act(page, "acknowledge", on="2025-09-16")
    assert "办理中" in page.inner_text("#case-state")
    assert page.locator('[data-action="request_closure"]').count() == 0  # no evidence yet
    pdf = tmp_path / "整改报告.pdf"
    pdf.write_bytes(b"%PDF-1.4 evidence")
    page.click("text=上传佐证材料")
    page.set_input_files("#id_evidence", str(pdf))
    with page.expect_navigation():
        page.click("#evidence-form button[type=submit]")
    assert "整改报告.pdf" in page.inner_text("#evidence")
    act(page, "request_closure", on="2025-09-30", note="已完成案卷评查并整改")
    act(page, "close", on="2025-10-09")
    assert "已销号" in page.inner_text("#case-state")
    assert "2025年10月9日销号" in page.inner_text("#case-facts")
