"""How the case page labels its clocks where the kernel's status would mislead.

`fazhi.clocks` knows only "met" or "late" for a stopped clock. Two clocks of this ledger bind
the applicant, not the 复议机关, and a stopped one means something else:
- `correction_response` stopped by the lapse (视为放弃) is stopped on its last day, which the
  kernel reads as 按期办结; it is shown as 逾期未补正.
- `application_period` is stopped on receipt; it is shown as 在申请期限内 / 超过申请期限.
The rows wrap the kernel's `Clock` and override only `status_label` and `badge`, so the shared
template `clocks/_clocks.html` renders them unchanged.
"""

from __future__ import annotations

from typing import Any

from fazhi import clocks
from fazhi.clocks.models import Clock, State
from fazhi.ledgers.reconsideration.models import ReconsiderationCase

LAPSED_LABEL = "逾期未补正（视为放弃）"
IN_TIME_LABEL = "在申请期限内"
LATE_LABEL = "超过申请期限"


class ClockRow:
    """A `Clock` as the case page shows it."""

    def __init__(self, clock: Clock, status_label: str = "", badge: str = "") -> None:
        self._clock = clock
        self.status_label = status_label or clock.status_label
        self.badge = badge or clock.badge

    def __getattr__(self, name: str) -> Any:
        return getattr(self._clock, name)


def clock_row(case: ReconsiderationCase, clock: Clock) -> ClockRow:
    if clock.state == State.STOPPED and clock.stopped_on is not None:
        if clock.name == "correction_response" and case.deemed_abandoned:
            return ClockRow(clock, LAPSED_LABEL, "danger")
        if clock.name == "application_period" and clock.due_on is not None:
            if clock.stopped_on > clock.due_on:
                return ClockRow(clock, LATE_LABEL, "danger")
            return ClockRow(clock, IN_TIME_LABEL, "success")
    return ClockRow(clock)


def clock_rows(case: ReconsiderationCase) -> list[ClockRow]:
    return [clock_row(case, c) for c in clocks.clocks_for(case)]
