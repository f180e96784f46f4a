"""History of every ledger row: who changed what, when, and by which transition.

Ledger models declare `history = HistoricalRecords(...)` (django-simple-history). Code changes
rows with `save(update_fields=...)` or, for a transition that must win a race, with
`update_if`, which writes the history row that a bare `QuerySet.update()` would lose.
"""

from __future__ import annotations

from fazhi.audit.api import audited_models, history_entries, record, transitions, update_if

__all__ = ["audited_models", "history_entries", "record", "transitions", "update_if"]
