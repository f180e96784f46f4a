"""Keep the case row's cached 审理期限届满日 (`decision_due_on`, `decision_due_flag_year`) equal
to the decision clock's, whoever moved it: a transition, or `clocks.recompute_open` after a
calendar edit. Connected in `ReconsiderationConfig.ready()`."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from fazhi import audit
from fazhi.clocks.engine import FLAG_UNCONFIRMED
from fazhi.clocks.models import Clock
from fazhi.clocks.signals import due_changed
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.lib.cn_date import cn_date

DECISION_CLOCKS = frozenset({"decision_ordinary", "decision_simplified"})


def cached_values(clock: Clock | None) -> dict[str, Any]:
    if clock is None:
        return {"decision_due_on": None, "decision_due_flag_year": None}
    unconfirmed = clock.flag == FLAG_UNCONFIRMED and clock.due_on is None
    return {
        "decision_due_on": clock.due_on,
        "decision_due_flag_year": clock.flag_year if unconfirmed else None,
    }


def _text(due: Any, flag: str, year: int | None) -> str:
    if due is not None:
        return cn_date(due)
    if flag == FLAG_UNCONFIRMED and year:
        return f"“{year}年日历未确认”"
    return "—"


@receiver(due_changed, sender=Clock, dispatch_uid="reconsideration_decision_due")
def decision_due_changed(sender: Any, clock: Clock, event: str = "", **kwargs: Any) -> None:
    if clock.ledger != ReconsiderationCase._meta.app_label or clock.name not in DECISION_CLOCKS:
        return
    case = ReconsiderationCase.objects.filter(pk=clock.object_id).first()
    if case is None or specs_for(case).decision.name != clock.name:
        return  # e.g. the simplified clock of a case switched to the ordinary procedure
    values = cached_values(clock)
    if all(getattr(case, k) == v for k, v in values.items()):
        return
    old = _text(case.decision_due_on, FLAG_UNCONFIRMED, case.decision_due_flag_year)
    for k, v in values.items():
        setattr(case, k, v)
    case.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        case.save(update_fields=list(values))
    finally:
        del case.skip_history_when_saving  # type: ignore[attr-defined]
    if event == "recomputed":
        # A transition records its own single history entry; a calendar edit has none, so
        # the move of the case's deadline gets one here.
        new = _text(clock.due_on, clock.flag, clock.flag_year)
        audit.record(
            case, event="due_recomputed", by=None, note=f"日历调整：审理期限由{old}改为{new}"
        )
