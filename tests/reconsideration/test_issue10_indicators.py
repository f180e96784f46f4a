"""Issue 10, report sentence: the "其中…" parts add up to the received total, and the 纠错率's
口径 says whether 调解书 cases are in its denominator."""

from __future__ import annotations

import datetime as dt

import pytest

from fazhi.indicators.scope import Scope
from fazhi.ledgers.reconsideration import indicators, workflow

D = dt.date.fromisoformat
pytestmark = pytest.mark.django_db
PARTS = (
    "accepted",
    "not_accepted",
    "withdrawn_before_acceptance",
    "redirected",
    "correction_requested",
)


def test_the_received_breakdown_names_every_part_and_adds_up(new_case, officer, county):
    a = new_case(D("2025-03-03"))
    workflow.accept(a, on=D("2025-03-05"), by=officer)
    b = new_case(D("2025-04-01"))
    workflow.refuse(b, on=D("2025-04-02"), by=officer, note="不属于受理范围")
    c = new_case(D("2025-05-06"))
    workflow.redirect(c, on=D("2025-05-07"), by=officer)
    d = new_case(D("2025-06-02"))
    workflow.withdraw(d, on=D("2025-06-03"), by=officer)
    e = new_case(D("2025-12-29"))
    workflow.request_correction(e, on=D("2025-12-30"), by=officer, note="身份证明")
    scope = Scope(frozenset({county.pk}), D("2025-01-01"), D("2026-01-01"))
    counts = indicators.counts(scope)
    assert counts["reconsideration.received"] == 5
    assert sum(counts["reconsideration." + p] for p in PARTS) == 5
    first, second = indicators.build_section(scope)
    head = first.split("，上年结转")[0]
    for part in PARTS:
        assert "{{fig:reconsideration." + part + "}}" in head
    assert "告知或转送{{fig:reconsideration.redirected}}件" in head
    assert "按收到申请日期统计" in head
    assert "纠错率{{fig:reconsideration.correction_rate}}" in second
    assert "实体审结含以调解书结案的案件" in second
