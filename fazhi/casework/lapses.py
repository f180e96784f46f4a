"""The daily lapse run: every ledger's statutory effects of periods running out (视为受理,
视为放弃, …), registered as `Lapse`s on its LedgerSpec. Idempotent: a row already moved is no
longer in the state its lapse looks at."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from fazhi.casework.registry import ledgers


def each(
    model: Any,
    states: Iterable[str],
    fn: Callable[..., bool],
    *,
    today: dt.date,
    queryset: Any = None,
) -> int:
    """Run `fn(row, today=…, by=None)` over the rows in `states`; returns how many changed."""
    qs = queryset if queryset is not None else model._default_manager.all()
    n = 0
    for row in qs.filter(state__in=list(states)).order_by("id").iterator(chunk_size=500):
        if fn(row, today=today, by=None):
            n += 1
    return n


def run_all(today: dt.date) -> list[tuple[str, str, int]]:
    """(ledger title, lapse label, rows changed) for every registered lapse."""
    out = []
    for spec in ledgers():
        for lapse in spec.lapses:
            out.append((spec.title, lapse.label, lapse.apply(today=today)))
    return out
