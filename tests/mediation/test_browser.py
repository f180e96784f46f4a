"""Keyboard-only quick entry in headless Chromium: the township clerk's form has the focus on
its first field, Tab walks the fields in order, Enter saves and opens a fresh form that keeps the
committee — no mouse anywhere."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi.ledgers.mediation.models import MediationCase, MediationCommittee, Mediator
from tests.browser_support import log_in


def tab_to(page, element_id: str, most: int = 3) -> None:  # noqa: ANN001
    """Press Tab until `element_id` has the focus (a date field's segments take extra Tabs)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"Tab 未能到达 {element_id}")


pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_keyboard_only_quick_entry(live_server, coordinator, justice_bureau, county, page):  # noqa: ANN001
    committee = MediationCommittee.objects.create(
        jurisdiction=county,
        department=justice_bureau,
        name="城关镇人民调解委员会",
        kind="township",
        established_on=dt.date(2015, 1, 1),
    )
    Mediator.objects.create(
        committee=committee, name="王调解", kind="full_time", appointed_on=dt.date(2015, 1, 1)
    )
    log_in(page, live_server.url, "coordinator")
    page.goto(live_server.url + "/ledgers/mediation/new/")
    kb = page.keyboard
    # The date has the focus and today's date; type the receipt date over it.
    assert page.input_value("#id_received_on") == dt.date.today().isoformat()
    assert page.evaluate("document.activeElement.id") == "id_received_on"
    kb.type("03102025")  # Chromium's date field: month, day, year segments
    assert page.input_value("#id_received_on") == "2025-03-10"
    tab_to(page, "id_committee")  # a date field takes one more Tab to leave its segments
    kb.press("ArrowDown")  # the only committee
    kb.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_mediator"
    kb.press("ArrowDown")
    kb.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_dispute_type"
    kb.press("Tab")  # 邻里纠纷 is the default
    kb.press("Tab")  # source: 当事人申请
    kb.press("Tab")  # 重大疑难: no
    assert page.evaluate("document.activeElement.id") == "id_summary"
    kb.type("宅基地滴水纠纷")
    kb.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_parties_text"
    kb.type("张三、李四")
    kb.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_outcome"
    kb.press("ArrowDown")  # 调解成功：口头协议
    kb.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_concluded_on"
    kb.type("03112025")
    with page.expect_navigation():
        kb.press("Enter")
    assert "已登记矛盾纠纷，案号 示调〔2025〕1号" in page.content()
    page.screenshot(path="/tmp/mediation-quick-entry.png", full_page=True)
    # A fresh form, the committee and mediator kept, the focus back on the first field.
    assert page.evaluate("document.activeElement.id") == "id_received_on"
    assert page.input_value("#id_committee") == str(committee.pk)
    assert page.input_value("#id_parties_text") == ""
    case = MediationCase.objects.get()
    assert (case.received_on, case.concluded_on) == (dt.date(2025, 3, 10), dt.date(2025, 3, 11))
    assert case.state == "resolved" and case.party_names == "张三、李四"
    assert case.mediator is not None and case.mediator.name == "王调解"
