"""The decision list table."""

from __future__ import annotations

import django_tables2 as tables

from fazhi.casework.tables import TABLE_ATTRS, DateColumn, DueColumn
from fazhi.ledgers.major_decisions.models import MajorDecision
from fazhi.ledgers.major_decisions.workflow import DUE


class CaseTable(tables.Table):
    case_number = tables.Column(verbose_name="编号", linkify=True)
    title = tables.Column(verbose_name="决策事项")
    sponsor_department = tables.Column(verbose_name="承办单位")
    listed_on = DateColumn(verbose_name="列入目录")
    state = tables.Column(verbose_name="状态")
    decided_on = DateColumn(verbose_name="作出决定")
    review_due_on = DueColumn(DUE, verbose_name="合法性审查期间")

    class Meta:
        model = MajorDecision
        fields = (
            "case_number",
            "title",
            "sponsor_department",
            "listed_on",
            "state",
            "decided_on",
            "review_due_on",
        )
        attrs = TABLE_ATTRS
        empty_text = "没有符合条件的重大行政决策事项。"
        order_by = ("-listed_on", "-id")
