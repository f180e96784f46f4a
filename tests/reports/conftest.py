"""A fake 行政复议 ledger and two report sections, so the report can be tested without the real
ledger (which registers its own counts and sections; both are replaced while a test runs)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fazhi.indicators import registry
from fazhi.indicators.sections import Section, replaced_sections, token
from fazhi.indicators.testing import FakeLedger

R = "reconsideration."

COUNTS = {
    "received": 12,
    "accepted": 9,
    "not_accepted": 2,
    "withdrawn_before_acceptance": 1,
    "carried_over": 3,
    "caseload": 12,
    "concluded": 10,
    "pending": 2,
    "upheld": 4,
    "revoked": 1,
    "changed": 1,
    "confirmed_illegal": 1,
    "confirmed_invalid": 0,
    "ordered_to_perform": 0,
    "claims_rejected": 1,
    "application_dismissed": 0,
    "terminated": 2,
    "mediated": 0,
    "corrected": 3,
    "concluded_on_merits": 8,
    "concluded_on_time": 10,
}


def _part1(scope):
    return [
        f"全年共收到行政复议申请{token(R + 'received')}，受理{token(R + 'accepted')}，"
        f"审结{token(R + 'concluded')}件，纠错率{token(R + 'correction_rate')}。",
        f"依法纠正违法或不当行政行为{token(R + 'corrected')}。",
    ]


def _part2(scope):
    return [f"行政复议按期审结率为{token(R + 'on_time_rate')}，仍有{token(R + 'pending')}未审结。"]


SECTIONS = (
    Section("reconsideration", 1, 30, "（五）依法化解行政争议", _part1),
    Section("reconsideration", 2, 10, "行政争议化解", _part2),
)


@pytest.fixture
def fake(county) -> Iterator[FakeLedger]:
    ledger = FakeLedger("reconsideration")
    ledger.set(county.pk, 2025, {R + k: v for k, v in COUNTS.items()})
    with registry.replaced(ledger.registration()), replaced_sections(*SECTIONS):
        yield ledger
