"""What the generic suites over every ledger share: a fresh row of any ledger."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from fazhi.casework.registry import LedgerSpec
from fazhi.org.models import Department, Jurisdiction, User

MARCH_3 = dt.date(2025, 3, 3)


@pytest.fixture
def make(
    county: Jurisdiction, justice_bureau: Department, police: Department, coordinator: User
) -> Any:
    """make(spec, on) -> a row of that ledger, registered through its `sample` on `on`."""

    def make_row(spec: LedgerSpec, on: dt.date = MARCH_3) -> Any:
        assert spec.sample is not None, f"台账 {spec.key} 没有提供 sample，通用测试无法运行"
        return spec.sample(county, justice_bureau, police, coordinator, on)

    return make_row
