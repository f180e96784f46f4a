"""规范性文件 ledger: administrative normative documents from drafting to cleanup — 起草, 征求意见,
合法性审核 (国办发〔2018〕115号), 集体审议, 公布 under one registration number (统一登记、统一编号),
报备 to the government one level up and the 人大常委会 (监督法 2024 Arts. 39–40), validity (default
5 years) with an evaluation 6 months before expiry, and 清理 batches (statutes.md §5, §15 item 4).
Declared on the casework kit."""

from __future__ import annotations

from django.apps import AppConfig


class NormativeDocumentsConfig(AppConfig):
    name = "fazhi.ledgers.normative_documents"
    label = "normative_documents"
    verbose_name = "规范性文件"
