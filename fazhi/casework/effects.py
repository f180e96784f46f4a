"""Clock effects transitions share."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi import clocks
from fazhi.clocks.engine import KIND_ADVANCE_NOTICE
from fazhi.clocks.spec import ClockSpec


def stop_if_open(
    obj: Any,
    spec: ClockSpec | None,
    *,
    on: dt.date,
    by: Any,
    outcome: str = "",
    outcome_label: str = "",
) -> None:
    """Stop a clock that is running or paused; one already stopped (or never started) stays.
    `outcome`/`outcome_label` as in `clocks.stop` (e.g. a lapsed period)."""
    if spec is None:
        return
    clock = clocks.get(obj, spec)
    if clock is not None and clock.is_open:
        # A deadline cannot be closed before it started (a restart later than `on`); an
        # advance notice counts back from a future event, so it closes on the day itself.
        began = clock.restart_on or clock.start_on
        if clock.kind != KIND_ADVANCE_NOTICE and began is not None:
            on = max(on, began)
        clocks.stop(obj, spec, on=on, by=by, outcome=outcome, outcome_label=outcome_label)


def schedule_notice(
    obj: Any, spec: ClockSpec | None, *, event_on: dt.date, notice_on: dt.date | None, by: Any
) -> None:
    """An advance-notice clock for a scheduled event (a hearing): counted back from `event_on`;
    moved with the event while the notice is not recorded; stopped on `notice_on` if given. Once
    a notice is on record the clock stays as it was (the history keeps the move)."""
    if spec is None:
        return
    clock = clocks.get(obj, spec)
    if clock is None or clock.start_on is None:
        clocks.start(obj, spec, on=event_on, by=by)
    elif clock.is_open:
        clocks.restart(obj, spec, on=event_on, by=by)
    else:
        return
    if notice_on is not None:
        clocks.stop(obj, spec, on=notice_on, by=by)
