"""What the 行政复议 transitions share: the row's clock set and the decision-due cache."""

from __future__ import annotations

from fazhi.casework.due import DueCache
from fazhi.casework.effects import stop_if_open
from fazhi.casework.transitions import TransitionError, not_after_today, not_before
from fazhi.ledgers.reconsideration.clocks import DECISION_CLOCKS, specs_for
from fazhi.ledgers.reconsideration.states import OPEN

DUE = DueCache(
    clocks=DECISION_CLOCKS,
    field="decision_due_on",
    flag_field="decision_due_flag_year",
    label="审理期限",
    states=frozenset(OPEN),
    current=lambda case: specs_for(case).decision.name,
)


def sync_decision_due(case: object) -> None:
    """Bring the in-memory case's cached 审理期限届满日 up to date (the receiver wrote the row)."""
    DUE.refresh(case)


__all__ = [
    "DUE",
    "TransitionError",
    "not_after_today",
    "not_before",
    "stop_if_open",
    "sync_decision_due",
]
