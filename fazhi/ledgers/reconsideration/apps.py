"""行政复议 ledger, under 《行政复议法》 (2023 revision, in force 2024-01-01). Cases received earlier
keep the 2017 rules (`law_version`). Declared on the casework kit in `ledger.py`."""

from __future__ import annotations

from django.apps import AppConfig


class ReconsiderationConfig(AppConfig):
    name = "fazhi.ledgers.reconsideration"
    label = "reconsideration"
    verbose_name = "行政复议"
