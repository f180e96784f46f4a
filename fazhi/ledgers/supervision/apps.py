"""督查督办 and 整改台账 ledger: matters put under supervision by a 督办通知 (上级督察反馈, 领导批示,
会议议定, 巡视巡察, 审计) and the rectification tasks of the findings of a 法治督察 or an inspection.
There is no statutory clock (statutes.md §7): the due date is the 办结时限 of the notice (a date or
N working days), extended only with the assigning office's approval; an item is 销号 (closed) on
evidence, with the office's approval. The open rectifications feed part 2 of the annual report."""

from __future__ import annotations

from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "fazhi.ledgers.supervision"
    label = "supervision"
    verbose_name = "督查督办"
