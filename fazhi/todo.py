"""我的待办: what a person has to do today. Apps register a provider that returns the items of
one kind for a user (the cases they handle that are due soon or overdue, approvals waiting for
them, reports and rounds due); the home page lists them and the daily reminder job sends them.
The kernel never names a ledger."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Kinds, most urgent first: the order of the home page's list.
KINDS = {
    "overdue": "已逾期",
    "soon": "即将届满",
    "approval": "待我审批",
    "report": "报告与填报",
    "calendar": "工作日历",
}


@dataclass(frozen=True)
class Item:
    key: str  # stable identity of the thing (reminders are sent once per key and day)
    kind: str  # one of KINDS
    text: str  # one line of Chinese: "行政复议 示复〔2025〕12号：审理期限，已逾期3日"
    url: str
    due_on: dt.date | None = None
    days_overdue: int = 0


Provider = Callable[[Any, dt.date], list[Item]]
_PROVIDERS: list[Provider] = []


def register(fn: Provider) -> Provider:
    _PROVIDERS.append(fn)
    return fn


def items_for(user: Any, today: dt.date) -> list[Item]:
    """Every provider's items for `user`, most urgent kind first, then by due date."""
    if not getattr(user, "is_authenticated", False):
        return []
    items = [item for fn in _PROVIDERS for item in fn(user, today)]
    order = list(KINDS)
    return sorted(
        items,
        key=lambda i: (order.index(i.kind), i.due_on or dt.date.max, i.text),
    )
