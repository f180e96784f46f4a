"""12345热线 ledger: the tickets (工单) of the 12345 government service hotline, under 国办发〔2020〕53号
(受理 → 派单 → 办理 → 回复 → 回访 → 评价 → 办结, with 退回 and 重办). No national rule gives day
counts: the clocks use the Shandong 2020 defaults of statutes.md §8 (reply within 5 working days,
extension at most 10, a misrouted ticket returned within 2), configurable per jurisdiction
(`HotlineRules`). Tickets mostly arrive as the platform's export, imported idempotently by ticket
number. Declared on the casework kit."""

from __future__ import annotations

from django.apps import AppConfig


class HotlineConfig(AppConfig):
    name = "fazhi.ledgers.hotline"
    label = "hotline"
    verbose_name = "12345热线"
