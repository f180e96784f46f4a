"""人大代表建议、政协提案 ledger: suggestions of deputies and proposals of CPPCC members assigned
(交办) to the government's departments. The handling body replies within three months of 交办, six
for items marked difficult in advance (《代表法》第四十二条, 2025年修正后第五十一条; 政协提案 by the
same default, statutes.md §9), after meeting the deputy (见面沟通); the deputy rates the reply and an
unsatisfactory one is handled again. Declared on the casework kit."""

from __future__ import annotations

from django.apps import AppConfig


class ProposalsConfig(AppConfig):
    name = "fazhi.ledgers.proposals"
    label = "proposals"
    verbose_name = "人大建议/政协提案"
