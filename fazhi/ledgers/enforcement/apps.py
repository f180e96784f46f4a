"""行政执法 ledger: enforcement officers' certificates (行政执法证 / 行政执法监督证) with their 年度审验
and 注销, the enforcement decisions they sign (a decision by an officer without a valid certificate
on its date is refused: 行政处罚法 2021 Arts. 42, 52, 55), the 重大执法决定 with their 法制审核
(Art. 58: a first review by someone holding the 法律职业资格), penalty amounts, the 权责清单 with
what is delegated to townships, and 案卷评查 campaigns scored on a locally configured sheet
(statutes.md §12). Certificates are a workflow on the casework kit; the rest are registers."""

from __future__ import annotations

from django.apps import AppConfig


class EnforcementConfig(AppConfig):
    name = "fazhi.ledgers.enforcement"
    label = "enforcement"
    verbose_name = "行政执法"
