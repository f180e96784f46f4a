"""Signals of the clock kernel.

`due_changed(sender=Clock, clock=..., old_due=..., new_due=..., old_flag=..., new_flag=...,
event=...)` is sent inside the transaction that saved the clock, whenever its due date or its
calendar flag changed: by every API function (`event` is the clock event, e.g.
"clock_started") and by `recompute_open` after a calendar edit (`event="recomputed"`). A ledger
that caches a due date on its own row (for a fast list) connects a receiver in its
`AppConfig.ready()` and filters on `clock.ledger` and `clock.name`; the kernel never names a
ledger."""

from __future__ import annotations

from django.dispatch import Signal

due_changed = Signal()
