"""Where ledgers plug their figures in. A ledger's `indicators.py` calls `register(...)` once; the
kernel finds those modules with `autodiscover_modules("indicators")` and never names a ledger.

    register(ledger="reconsideration", counts=counts, rows=rows, drilldown_url=drilldown_url)

`counts(scope) -> dict[str, int]` returns every count id the ledger computes (amounts as integers
in the catalog unit's base, durations may be Decimal). Rates are never returned: the kernel divides
the numerator and denominator ids (口径 per jurisdiction and year, see `models.RateDefinition`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from fazhi.indicators.scope import Scope

Number = int | Decimal
CountsFn = Callable[[Scope], Mapping[str, Number]]
RowsFn = Callable[[str, Scope], Any]  # -> QuerySet
UrlFn = Callable[[str, Scope], str]


@dataclass(frozen=True)
class Registration:
    ledger: str
    counts: CountsFn
    rows: RowsFn
    drilldown_url: UrlFn
    source: str = "台账"  # shown beside the figure: 台账, or 填报 for a supplement


_REGISTRY: dict[str, Registration] = {}
# Sources that fill ids no ledger computes (填报: values units submit with evidence). A ledger's
# figure always wins: a supplement's value for an id a registered ledger computes is never used.
_SUPPLEMENTS: dict[str, Registration] = {}


class RegistryError(ValueError):
    pass


def register(*, ledger: str, counts: CountsFn, rows: RowsFn, drilldown_url: UrlFn) -> Registration:
    """Register a ledger's figures. Registering the same ledger again replaces it (autoreload)."""
    from fazhi.indicators.catalog import get_catalog

    catalog = get_catalog()
    if ledger not in catalog.ledgers:
        raise RegistryError(f"指标目录中没有台账“{ledger}”，请先在 indicators.json 中登记")
    reg = Registration(ledger=ledger, counts=counts, rows=rows, drilldown_url=drilldown_url)
    _REGISTRY[ledger] = reg
    return reg


def register_supplement(
    *, name: str, counts: CountsFn, rows: RowsFn, drilldown_url: UrlFn, source: str
) -> Registration:
    """Register a source for ids without a ledger (`name` is not a catalog ledger)."""
    reg = Registration(
        ledger=name, counts=counts, rows=rows, drilldown_url=drilldown_url, source=source
    )
    _SUPPLEMENTS[name] = reg
    return reg


def supplements() -> list[Registration]:
    return list(_SUPPLEMENTS.values())


def ledger_computing(indicator_id: str) -> str | None:
    """The registered ledger that computes this id (its catalog family), at run time; None if no
    ledger does (the id may then come from a supplement such as 填报)."""
    from fazhi.indicators.catalog import get_catalog

    catalog = get_catalog()
    if indicator_id not in catalog.indicators:
        return None
    family = catalog[indicator_id].ledger
    return family if family in _REGISTRY else None


def unregister(ledger: str) -> None:
    _REGISTRY.pop(ledger, None)


def registrations() -> list[Registration]:
    return list(_REGISTRY.values())


def get(ledger: str) -> Registration | None:
    return _REGISTRY.get(ledger)


@contextmanager
def replaced(*regs: Registration) -> Iterator[None]:
    """Tests: run with exactly these registrations, then restore the real ones."""
    saved = dict(_REGISTRY)
    _REGISTRY.clear()
    for reg in regs:
        _REGISTRY[reg.ledger] = reg
    try:
        yield
    finally:
        _REGISTRY.clear()
        _REGISTRY.update(saved)
