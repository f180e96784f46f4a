"""合同及涉法文件审核 ledger: the legality review of contracts, 行政协议, other legal documents and
meeting topics that departments send to the 司法局 (statutes.md §7: no national period; default
5 working days from complete materials, paused while supplements are awaited). The department
requests, the 司法局 accepts, returns for supplements, gives its opinion and result; the
department records whether it adopted them. Declared on the casework kit."""

from __future__ import annotations

from django.apps import AppConfig


class LegalityReviewConfig(AppConfig):
    name = "fazhi.ledgers.legality_review"
    label = "legality_review"
    verbose_name = "合同及涉法文件审核"
