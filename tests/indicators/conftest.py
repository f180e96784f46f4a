from __future__ import annotations

from collections.abc import Iterator

import pytest

from fazhi.indicators import registry
from fazhi.indicators.testing import FakeLedger


@pytest.fixture
def fake() -> Iterator[FakeLedger]:
    """A fake 行政复议 ledger, the only registration while the test runs."""
    ledger = FakeLedger("reconsideration")
    with registry.replaced(ledger.registration()):
        yield ledger
