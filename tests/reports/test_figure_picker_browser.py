"""插入数据 in headless Chromium: open a part's editor, search for an indicator in Chinese, press 插入
with the cursor inside a sentence, save, and read the ledger's value in the part; the editor fits a
phone (390 px) without horizontal scrolling."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi.casework.registry import get
from fazhi.reports.draft import draft
from tests.browser_support import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECEIVED = "{{fig:reconsideration.received}}"


def test_insert_a_figure_at_the_cursor_and_save(  # noqa: ANN001
    live_server, county, justice_bureau, police, coordinator, page
):
    for on in ("2025-03-03", "2025-04-01", "2025-05-06"):
        get("reconsideration").sample(
            county, justice_bureau, police, coordinator, dt.date.fromisoformat(on)
        )
    report = draft(county, 2025, by=coordinator)
    base = live_server.url
    log_in(page, base, "coordinator")
    page.goto(base + report.get_absolute_url())

    page.click("#part-4 button:has-text('修改本部分')")
    area = page.locator("#part-4 textarea[name=text]")
    area.wait_for()
    area.fill("全年办理行政复议申请。继续推进复议规范化建设。")
    # The cursor after 办理 (character 4), as a drafter would click there.
    area.evaluate("a => { a.focus(); a.setSelectionRange(4, 4); }")
    results = page.locator("#part-4 .figure-picker-results")
    results.locator("li[data-indicator]").first.wait_for()  # the default list
    page.fill("#part-4 input[type=search]", "收到行政复议")
    row = results.locator("li[data-indicator='reconsideration.received']")
    row.wait_for()
    page.wait_for_function(  # the debounced search has replaced the default list
        "() => document.querySelectorAll('#part-4 .figure-picker-results li[data-indicator]')"
        ".length < 20"
    )
    assert "收到行政复议申请" in row.inner_text() and "3件" in row.inner_text()
    row.locator("button:has-text('插入')").click()
    assert area.input_value() == f"全年办理{RECEIVED}行政复议申请。继续推进复议规范化建设。"
    cursor = area.evaluate("a => [a.selectionStart, a.selectionEnd, document.activeElement === a]")
    assert cursor == [4 + len(RECEIVED), 4 + len(RECEIVED), True]
    assert "已在光标处插入“收到行政复议申请”" in page.inner_text("#part-4 [data-picker-status]")

    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.body.scrollWidth - window.innerWidth") <= 0
    page.set_viewport_size({"width": 1440, "height": 900})

    page.click("#part-4 button:has-text('保存')")
    page.locator("#part-4 button:has-text('修改本部分')").wait_for()
    assert "全年办理3件行政复议申请。" in page.inner_text("#part-4")
    assert report.parts.get(number=4).text.startswith(f"全年办理{RECEIVED}行政复议申请")

    # A second editor swapped in later inserts into its own textarea.
    page.click("#part-5 button:has-text('修改本部分')")
    other = page.locator("#part-5 textarea[name=text]")
    other.wait_for()
    other.fill("")
    page.fill("#part-5 input[type=search]", "收到行政复议")
    page.locator("#part-5 li[data-indicator='reconsideration.received'] button").click()
    assert other.input_value() == RECEIVED
