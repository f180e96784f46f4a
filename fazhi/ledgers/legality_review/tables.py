"""The review list table; the amount in 元 from its 分."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables

from fazhi.casework.tables import TABLE_ATTRS, DateColumn, DueColumn
from fazhi.ledgers.legality_review.models import LegalityReview
from fazhi.ledgers.legality_review.workflow import DUE
from fazhi.lib.money import fen_to_yuan_text


class AmountColumn(tables.Column):
    def render(self, value: Any) -> str:
        return fen_to_yuan_text(value)


class CaseTable(tables.Table):
    case_number = tables.Column(verbose_name="编号", linkify=True)
    kind = tables.Column(verbose_name="类别")
    title = tables.Column(verbose_name="送审事项")
    submitting_department = tables.Column(verbose_name="送审单位")
    amount_fen = AmountColumn(verbose_name="金额")
    submitted_on = DateColumn(verbose_name="送审日期")
    state = tables.Column(verbose_name="状态")
    result = tables.Column(verbose_name="审核结论")
    review_due_on = DueColumn(DUE, verbose_name="审核期限")

    class Meta:
        model = LegalityReview
        fields = (
            "case_number",
            "kind",
            "title",
            "submitting_department",
            "amount_fen",
            "submitted_on",
            "state",
            "result",
            "review_due_on",
        )
        attrs = TABLE_ATTRS
        empty_text = "没有符合条件的审核事项。"
        order_by = ("-submitted_on", "-id")
