"""重大行政决策 ledger: the annual decision catalog (目录) and each major administrative decision's
procedure under 《重大行政决策程序暂行条例》 (国务院令第713号, in force 2019-09-01): 公众参与,
专家论证, 风险评估, 合法性审查, 集体讨论决定, 决策后评估. Declared on the casework kit."""

from __future__ import annotations

from django.apps import AppConfig


class MajorDecisionsConfig(AppConfig):
    name = "fazhi.ledgers.major_decisions"
    label = "major_decisions"
    verbose_name = "重大行政决策"
