"""A fake ledger for tests: counts from a table keyed by (jurisdiction id, year), summed over the
scope. Ledger engineers can use it too, to test report sections without their own rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from fazhi.indicators import registry
from fazhi.indicators.scope import Scope


@dataclass
class FakeLedger:
    ledger: str
    data: dict[tuple[int, int], dict[str, int | Decimal]] = field(default_factory=dict)
    calls: int = 0

    def set(self, jurisdiction_id: int, year: int, values: Mapping[str, int | Decimal]) -> None:
        self.data.setdefault((jurisdiction_id, year), {}).update(values)

    def counts(self, scope: Scope) -> dict[str, int | Decimal]:
        self.calls += 1
        out: dict[str, int | Decimal] = {}
        for (jid, year), values in self.data.items():
            if jid in scope.jurisdiction_ids and scope.start.year <= year < scope.end.year + (
                scope.end.month > 1
            ):
                for key, value in values.items():
                    out[key] = out.get(key, 0) + value
        return out

    def rows(self, indicator_id: str, scope: Scope) -> Any:
        from fazhi.org.models import Jurisdiction

        ids = [
            jid
            for (jid, year), v in self.data.items()
            if jid in scope.jurisdiction_ids and v.get(indicator_id)
        ]
        return Jurisdiction.objects.filter(pk__in=ids)

    def drilldown_url(self, indicator_id: str, scope: Scope) -> str:
        return f"/fake/{self.ledger}/{indicator_id}/?start={scope.start}&end={scope.end}"

    def registration(self) -> registry.Registration:
        return registry.Registration(self.ledger, self.counts, self.rows, self.drilldown_url)
