"""Rates are rounded once, from the exact quotient."""

from __future__ import annotations

from decimal import Decimal

from fazhi.lib.ratio import Ratio


def test_percent_text_rounds_the_exact_quotient_once() -> None:
    r = Ratio(2469, 20000)  # 12.345 %
    assert r.percent == Decimal("12.35")
    assert r.percent_text(1) == "12.3%"
    assert Ratio(1, 3).percent_text(0) == "33%"
    assert Ratio(2, 3).percent_text(2) == "66.67%"
    assert Ratio(0, 0).percent_text() == "—" and Ratio(0, 0).percent is None


def test_roll_up_adds_parts() -> None:
    assert (Ratio(1, 4) + Ratio(3, 4)).percent_text() == "50.0%"
