"""The 建议提案 list table."""

from __future__ import annotations

import django_tables2 as tables

from fazhi.casework.tables import TABLE_ATTRS, DueColumn
from fazhi.ledgers.proposals.models import Proposal
from fazhi.ledgers.proposals.workflow import DUE


class CaseTable(tables.Table):
    case_number = tables.Column(verbose_name="登记编号", linkify=True)
    kind = tables.Column(verbose_name="类别")
    proposal_number = tables.Column(verbose_name="建议（提案）号")
    title = tables.Column(verbose_name="标题")
    authors = tables.Column(verbose_name="领衔代表（提案人）")
    lead_department = tables.Column(verbose_name="主办单位")
    state = tables.Column(verbose_name="状态")
    rating = tables.Column(verbose_name="评价")
    reply_due_on = DueColumn(DUE, verbose_name="答复期限")

    class Meta:
        model = Proposal
        fields = (
            "case_number",
            "kind",
            "proposal_number",
            "title",
            "authors",
            "lead_department",
            "state",
            "rating",
            "reply_due_on",
        )
        attrs = TABLE_ATTRS
        empty_text = "没有符合条件的建议提案。"
        order_by = ("-received_on", "-id")
