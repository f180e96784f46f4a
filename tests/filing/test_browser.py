"""End to end in headless Chromium: a township submits a value with evidence, the office returns
it, the township corrects it, the office approves, and the county's indicator page shows it
marked 填报 with the evidence one click away."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi.filing import services
from fazhi.filing.models import FiledValue, ValueState
from tests.browser_support import log_in
from tests.filing.conftest import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _card(page, name: str):  # noqa: ANN001, ANN202
    return page.locator(".card", has_text=name).first


def test_township_value_returned_corrected_approved_and_shown(  # noqa: ANN001
    live_server, county, township, police, coordinator, town_clerk, tmp_path, page
):
    rnd = services.open_round(
        county,
        year=2025,
        title="2025年度无台账指标填报",
        deadline=dt.date.today() + dt.timedelta(days=5),
        indicator_ids=["petitions.total", "emergency.drills"],
        units=[(None, township), (police, None)],
        by=coordinator,
    )
    scan = tmp_path / "信访统计表.pdf"
    scan.write_bytes(PDF)
    base = live_server.url

    log_in(page, base, "town")
    page.goto(base + "/filing/")
    page.click(f"text={rnd.title}")
    card = _card(page, "信访总量")
    card.locator("[name=value]").fill("12")
    card.locator("[name=evidence]").set_input_files(str(scan))
    card.locator("[name=note]").fill("含网上信访")
    with page.expect_navigation():
        card.locator("button", has_text="报送").click()
    assert "待审核" in _card(page, "信访总量").inner_text()

    page.context.clear_cookies()
    log_in(page, base, "coordinator")
    page.goto(base + f"/filing/{rnd.pk}/")
    page.click("text=城关镇人民政府")
    card = _card(page, "信访总量")
    card.locator("[name=reason]").fill("与信访系统导出数不符，应为14件")
    with page.expect_navigation():
        card.locator("button", has_text="退回").click()
    assert "退回理由：与信访系统导出数不符，应为14件" in _card(page, "信访总量").inner_text()

    page.context.clear_cookies()
    log_in(page, base, "town")
    page.goto(base + "/filing/")
    page.click(f"text={rnd.title}")
    card = _card(page, "信访总量")
    assert "已退回" in card.inner_text()
    card.locator("[name=value]").fill("14")
    with page.expect_navigation():
        card.locator("button", has_text="修改后重新报送").click()
    assert "待审核" in _card(page, "信访总量").inner_text()

    page.context.clear_cookies()
    log_in(page, base, "coordinator")
    page.goto(base + f"/filing/{rnd.pk}/")
    page.click("text=城关镇人民政府")
    with page.expect_navigation():
        _card(page, "信访总量").locator("button", has_text="审核通过").click()
    assert "已通过" in _card(page, "信访总量").inner_text()
    value = FiledValue.objects.get()
    assert (value.state, value.value, value.reviewed_by) == (ValueState.APPROVED, 14, coordinator)

    page.goto(base + "/indicators/?j=990102&year=2025")
    row = page.locator("tr", has_text="信访总量").first
    assert "14件" in row.inner_text() and "填报" in row.inner_text()
    page.screenshot(path=str(tmp_path / "indicators.png"), full_page=True)
    with page.expect_navigation():
        row.locator("a", has_text="14件").click()
    assert "城关镇人民政府" in page.content() and "信访统计表.pdf" in page.content()
