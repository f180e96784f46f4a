"""What every transition shares: the error users see, date guards, the guarded write."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from fazhi import audit
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import State
from fazhi.lib.cn_date import cn_date


class TransitionError(Exception):
    """A refused transition; the message is shown next to the button."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def not_before(on: dt.date | None, earlier: dt.date | None, what: str, earlier_what: str) -> None:
    if on is None:
        raise TransitionError(f"请填写{what}")
    if earlier is not None and on < earlier:
        raise TransitionError(
            f"{what}（{cn_date(on)}）不能早于{earlier_what}（{cn_date(earlier)}）"
        )


def not_after_today(on: dt.date | None, what: str) -> None:
    """Everything a transition records has already happened. Besides wrong figures (indicators
    count by these dates), a far-future date would overflow the clocks' date arithmetic."""
    today = timezone.localdate()
    if on is not None and on > today:
        raise TransitionError(f"{what}（{cn_date(on)}）不能晚于今天（{cn_date(today)}）")


def hearing_horizon(today: dt.date | None = None) -> dt.date:
    """The latest day a hearing may be scheduled for: one year ahead (29 Feb → 28 Feb)."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


def require_state(case: ReconsiderationCase, allowed: tuple[str, ...], action: str) -> None:
    if case.state not in allowed:
        label = State(case.state).label
        if case.state == State.SUSPENDED:
            raise TransitionError(f"案件处于中止状态，请先恢复审理再{action}")
        raise TransitionError(f"案件当前为“{label}”，不能{action}")


def write(
    case: ReconsiderationCase,
    *,
    allowed: tuple[str, ...],
    changes: dict[str, Any],
    by: Any,
    event: str,
    note: str = "",
    expect: dict[str, Any] | None = None,
) -> None:
    """The guarded UPDATE: one history row for the winner, a clear message for the loser.
    `expect` adds the conditions of the transition's own guards (e.g. no hearing recorded yet)
    to the WHERE clause, so two people pressing at once cannot both pass a guard checked in
    memory."""
    if not audit.update_if(
        case,
        expect={"state__in": list(allowed), **(expect or {})},
        changes=changes,
        by=by,
        event=event,
        note=note,
    ):
        raise TransitionError("该案件已被他人处理，请刷新页面后重试")


def quiet_save(case: ReconsiderationCase, fields: list[str]) -> None:
    """Save derived columns (cached due dates) without a history row of their own."""
    case.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        case.save(update_fields=fields)
    finally:
        del case.skip_history_when_saving  # type: ignore[attr-defined]


def stop_if_open(
    case: ReconsiderationCase,
    spec: Any,
    *,
    on: dt.date,
    by: Any,
    outcome: str = "",
    outcome_label: str = "",
) -> None:
    """Stop a clock that is running or paused; one already stopped (or never started) stays.
    `outcome`/`outcome_label` as in `clocks.stop` (e.g. a lapsed period)."""
    from fazhi import clocks
    from fazhi.clocks.engine import KIND_ADVANCE_NOTICE

    if spec is None:
        return
    clock = clocks.get(case, spec)
    if clock is not None and clock.is_open:
        # A deadline cannot be closed before it started (a restart later than `on`); an
        # advance notice counts back from a future event, so it closes on the day itself.
        if clock.kind != KIND_ADVANCE_NOTICE:
            on = max(on, clock.restart_on or clock.start_on)
        clocks.stop(
            case,
            spec,
            on=on,
            by=by,
            outcome=outcome,
            outcome_label=outcome_label,
        )
