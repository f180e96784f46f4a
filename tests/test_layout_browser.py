"""The pages at a desktop width (1440 px) and a phone width (390 px), in headless Chromium: no
horizontal overflow (`document.body.scrollWidth <= innerWidth`), the menu collapses behind a
button on the phone and opens when pressed, and lists and the board become stacked cards whose
cells carry their column's name."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi.casework.registry import get
from tests.browser_support import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ("/", "/ledgers/reconsideration/", "/clocks/", "/indicators/", "/reports/", "/reminders/")


def _overflow(page) -> int:  # noqa: ANN001
    return int(page.evaluate("document.body.scrollWidth - window.innerWidth"))


def test_pages_fit_a_phone_and_a_desktop(  # noqa: ANN001
    live_server, county, justice_bureau, police, officer, page
):
    case = get("reconsideration").sample(
        county, justice_bureau, police, officer, dt.date(2024, 3, 4)
    )
    case.handler = officer
    case.save()
    base = live_server.url
    log_in(page, base, "officer")
    for width, height in ((1440, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        for path in PAGES:
            page.goto(base + path)
            assert _overflow(page) <= 0, (width, path, _overflow(page))
    # Phone: the menu is behind the button, and opens.
    page.goto(base + "/")
    assert not page.is_visible("#main-nav")
    page.click(".navbar-toggler")
    page.wait_for_selector("#main-nav.show")
    assert page.is_visible("#main-nav >> text=期限看板")
    # Phone: a list is stacked cards whose cells say which column they are.
    page.goto(base + "/ledgers/reconsideration/")
    assert page.locator("#case-table tbody tr td").first.get_attribute("data-label") == "案号"
    display = "getComputedStyle(document.querySelector('#case-table thead')).display"
    assert page.evaluate(display) == "none"
    page.goto(base + "/clocks/")
    assert page.locator("#board-table tbody td[data-label='届满日']").count() >= 1
    # Desktop again: the menu is in the bar, no button.
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(base + "/")
    assert page.is_visible("#main-nav") and not page.is_visible(".navbar-toggler")
