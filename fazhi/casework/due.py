"""The due date a list shows, cached on the row and kept equal to its clock, whoever moved the
clock: a transition, or `clocks.recompute_open` after a calendar edit. A ledger declares which
clock(s) feed the cache with a `DueCache` on its LedgerSpec; this one receiver serves them all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone

from fazhi import audit
from fazhi.casework.transitions import quiet_save
from fazhi.clocks.engine import FLAG_UNCONFIRMED
from fazhi.clocks.models import Clock
from fazhi.clocks.signals import due_changed
from fazhi.lib.cn_date import cn_date


@dataclass(frozen=True)
class DueCache:
    clocks: frozenset[str]  # clock names that feed the cache
    field: str  # the DateField on the row, e.g. "decision_due_on"
    flag_field: str  # the year whose calendar is unconfirmed, e.g. "decision_due_flag_year"
    label: str  # "审理期限"
    # The states in which the row still waits on that clock: only there is it overdue.
    states: frozenset[str] = frozenset()
    # The clock that currently feeds the cache, when several could (a procedure switch).
    current: Callable[[Any], str] | None = None

    def values(self, clock: Clock | None) -> dict[str, Any]:
        if clock is None:
            return {self.field: None, self.flag_field: None}
        unconfirmed = clock.flag == FLAG_UNCONFIRMED and clock.due_on is None
        return {
            self.field: clock.due_on,
            self.flag_field: clock.flag_year if unconfirmed else None,
        }

    def text(self, obj: Any) -> str:
        """For pages: a date, "2027年日历未确认", or "—"."""
        due: dt.date | None = getattr(obj, self.field)
        if due is not None:
            return cn_date(due)
        year = getattr(obj, self.flag_field)
        return f"{year}年日历未确认" if year else "—"

    def overdue_q(self, today: dt.date | None = None) -> Q:
        """Rows past the cached due date and still waiting on its clock."""
        today = today or timezone.localdate()
        return Q(state__in=sorted(self.states), **{f"{self.field}__lt": today})

    def is_overdue(self, obj: Any, today: dt.date | None = None) -> bool:
        due = getattr(obj, self.field)
        return (
            obj.state in self.states and due is not None and due < (today or timezone.localdate())
        )

    def refresh(self, obj: Any) -> None:
        """The receiver wrote the row through the clock's own copy of it; bring `obj` up to date
        without writing the row a second time."""
        obj.refresh_from_db(fields=[self.field, self.flag_field])


def overdue_q(model: Any, today: dt.date | None = None) -> Q:
    """Rows with at least one open clock past its due date: what the deadline board lists as
    已逾期, counted by row. The list's 仅看超期 and the home panel use this, so they agree with
    the board (a case whose 送达副本 clock has run out is overdue even when its 审理期限 is not)."""
    today = today or timezone.localdate()
    return Q(pk__in=_late_clocks(model, today).values("object_id"))


def late_clock_labels(model: Any, ids: list[Any], today: dt.date | None = None) -> dict[int, str]:
    """For the rows `ids`, the label of each one's earliest overdue open clock."""
    out: dict[int, str] = {}
    late = _late_clocks(model, today or timezone.localdate()).filter(object_id__in=ids)
    for object_id, label in late.order_by("due_on").values_list("object_id", "label"):
        out.setdefault(object_id, label)
    return out


def _late_clocks(model: Any, today: dt.date) -> Any:
    from django.contrib.contenttypes.models import ContentType

    from fazhi.clocks.models import OPEN_Q

    ct = ContentType.objects.get_for_model(model)
    return Clock.objects.filter(OPEN_Q, content_type=ct, due_on__lt=today)


def _text(due: Any, flag: str, year: int | None) -> str:
    if due is not None:
        return cn_date(due)
    if flag == FLAG_UNCONFIRMED and year:
        return f"“{year}年日历未确认”"
    return "—"


@receiver(due_changed, sender=Clock, dispatch_uid="casework_due_cache")
def due_moved(sender: Any, clock: Clock, event: str = "", **kwargs: Any) -> None:
    from fazhi.casework.registry import get

    spec = get(clock.ledger)
    cache = spec.due_cache if spec is not None else None
    if cache is None or clock.name not in cache.clocks:
        return
    obj = spec.model._default_manager.filter(pk=clock.object_id).first()  # type: ignore[union-attr]
    if obj is None or (cache.current is not None and cache.current(obj) != clock.name):
        return  # e.g. the simplified clock of a case switched to the ordinary procedure
    values = cache.values(clock)
    if all(getattr(obj, k) == v for k, v in values.items()):
        return
    old = _text(getattr(obj, cache.field), FLAG_UNCONFIRMED, getattr(obj, cache.flag_field))
    for k, v in values.items():
        setattr(obj, k, v)
    quiet_save(obj, list(values))
    if event == "recomputed":
        # A transition records its own single history entry; a calendar edit has none, so
        # the move of the row's deadline gets one here.
        new = _text(clock.due_on, clock.flag, clock.flag_year)
        audit.record(
            obj, event="due_recomputed", by=None, note=f"日历调整：{cache.label}由{old}改为{new}"
        )
