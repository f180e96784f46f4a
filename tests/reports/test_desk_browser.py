"""The 报告审查台 in headless Chromium at 1440 px and 390 px: reports in fazhi ticked in the
checklist beside an upload with a hashed file name, reviewed, and the result read without a clipped
cell (every visible th/td has `scrollWidth <= clientWidth + 1`: its content is not cut by the
cell's box), without the page scrolling sideways, and with the chart's x axis naming the reports
by their labels: every label drawn in full (no "…"), inside the chart, no two overlapping.
Screenshots go to /tmp/desk-1440.png and /tmp/desk-390.png."""

from __future__ import annotations

import pytest

from fazhi.reports.draft import draft
from fazhi.reports.unit_reports import upload
from tests.browser_support import log_in
from tests.reports.test_units import GOOD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LABELS = [
    "示例县人民政府 2024年",
    "示例县人民政府 2025年",
    "示例县公安局 2025年",
    "确山县人民政府 2022年",
]

CLIPPED = """sel => [...document.querySelectorAll(sel)]
  .filter(c => c.offsetParent !== null && c.scrollWidth > c.clientWidth + 1)
  .map(c => c.tagName + ' ' + c.scrollWidth + '>' + c.clientWidth + ' ' + c.innerText.slice(0, 30))"""

# The x axis labels as drawn (SVG renderer): one <text> per line, grouped back into labels by
# their category (bar centre), with their boxes relative to the chart's.
AXIS_LABELS = """() => {
  const el = document.getElementById('desk-chart');
  const chart = echarts.getInstanceByDom(el);
  const data = chart.getOption().xAxis[0].data;
  const frame = el.getBoundingClientRect();
  const grid = chart.getModel().getComponent('grid').coordinateSystem.getRect();
  const texts = [...el.querySelectorAll('svg text')].map(t => ({t: t.textContent, r: t.getBoundingClientRect()}))
    .filter(o => o.r.top - frame.top > grid.y + grid.height);  // below the plot: the x axis
  const xAxis = chart.getModel().getComponent('xAxis').axis;
  const boxes = data.map((_, i) => {
    const centre = xAxis.toGlobalCoord(xAxis.dataToCoord(i));
    const mine = texts.filter(o => Math.abs(o.r.left + o.r.width / 2 - frame.left - centre) < 2);
    return {text: mine.map(o => o.t).join(''),
            left: Math.min(...mine.map(o => o.r.left)) - frame.left,
            right: Math.max(...mine.map(o => o.r.right)) - frame.left,
            bottom: Math.max(...mine.map(o => o.r.bottom)) - frame.top};
  });
  return {data, boxes, width: frame.width, height: frame.height};
}"""


def test_desk_result_fits_and_names_reports_by_label(  # noqa: ANN001
    live_server, settings, fake, county, police, coordinator, shared_dir, page
):
    settings.TASKS = IMMEDIATE
    fake.set(county.pk, 2024, {"reconsideration.received": 30, "reconsideration.accepted": 25})
    draft(county, 2024, by=coordinator)
    draft(county, 2025, by=coordinator)
    upload(county, 2025, department=police, name="ga.txt", data=GOOD.encode(), by=coordinator)
    seed = shared_dir / "seeds" / "003_42ba359424287cad.txt"
    base = live_server.url
    log_in(page, base, "coordinator")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(base + "/reports/review/")
    page.click("summary:has-text('2024年度')")
    for text in (
        "示例县人民政府关于2024年度",
        "示例县人民政府关于2025年度",
        "示例县公安局关于2025年度",
    ):
        page.check(f"#report-pick label:has-text('{text}')")
    assert page.inner_text("#pick-count") == "（已勾选 3 份）"
    page.fill("#pick-filter", "公安局")
    assert page.locator("#report-pick .pick-item:visible").count() == 1
    page.fill("#pick-filter", "")
    page.set_input_files("#id_report_files", str(seed))
    with page.expect_navigation():
        page.click("button:has-text('开始审查')")
    page.wait_for_selector("#comparison-table")
    result_url = page.url
    assert "/reports/review/" in result_url

    for width, height in ((1440, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(result_url)
        page.wait_for_function("document.querySelector('#desk-chart svg text') !== null")
        overflow = page.evaluate("document.body.scrollWidth - window.innerWidth")
        assert overflow <= 0, (width, overflow)
        for table in ("#desk-summary", "#comparison-table", ".findings", ".figures"):
            clipped = page.evaluate(CLIPPED, f"{table} th, {table} td")
            assert clipped == [], (width, table, clipped)
        options = page.locator("#chart-pick option").count()
        assert options >= 2
        for i in range(options):  # every indicator the chart offers
            page.select_option("#chart-pick", str(i))
            chart = page.evaluate(AXIS_LABELS)
            data, boxes = chart["data"], chart["boxes"]
            assert len(data) >= 2 and data == [x for x in LABELS if x in data], (width, data)
            assert [b["text"] for b in boxes] == [x.replace(" ", "") for x in data] or [
                b["text"] for b in boxes
            ] == data, (width, boxes)  # drawn in full, lines joined back
            for b in boxes:
                assert 0 <= b["left"] and b["right"] <= chart["width"], (width, b)
                assert b["bottom"] <= chart["height"], (width, b)
            for one, next_one in zip(boxes, boxes[1:], strict=False):
                assert one["right"] <= next_one["left"], (width, one, next_one)  # no overlap
        page.select_option("#chart-pick", "0")
        if width == 1440:  # the label, then the upload's file name small beneath it
            heads = page.evaluate(
                "[...document.querySelectorAll('#comparison-table thead th')]"
                ".map(th => [th.firstChild.textContent, th.querySelector('span')?.textContent])"
            )
            assert heads[2:] == [[x, None] for x in LABELS[:3]] + [[LABELS[3], seed.name]]
        else:  # a phone: one card per indicator, each value named by its report's label
            assert (
                page.evaluate(
                    "getComputedStyle(document.querySelector('#comparison-table thead')).display"
                )
                == "none"
            )
            labels = page.locator("#comparison-table tbody tr").first.locator("td")
            assert [labels.nth(i).get_attribute("data-label") for i in range(2, 6)] == LABELS
        page.screenshot(path=f"/tmp/desk-{width}.png", full_page=True)
        # the units' compare page shares the comparison partial: it fits as well
        page.goto(base + "/reports/units/compare/?year=2025")
        page.wait_for_selector("#comparison-table")
        assert page.evaluate("document.body.scrollWidth - window.innerWidth") <= 0, width
        assert page.evaluate(CLIPPED, "#comparison-table th, #comparison-table td") == [], width
