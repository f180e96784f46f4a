"""The ticket list table."""

from __future__ import annotations

import django_tables2 as tables

from fazhi.casework.tables import TABLE_ATTRS, DateColumn, DueColumn
from fazhi.ledgers.hotline.models import HotlineTicket
from fazhi.ledgers.hotline.workflow import DUE


class TicketTable(tables.Table):
    case_number = tables.Column(verbose_name="工单编号", linkify=True)
    received_on = DateColumn(verbose_name="受理日期")
    category = tables.Column(verbose_name="类型")
    title = tables.Column(verbose_name="诉求标题")
    department = tables.Column(verbose_name="承办单位")
    state = tables.Column(verbose_name="状态")
    rating = tables.Column(verbose_name="评价")
    rehandle_count = tables.Column(verbose_name="重办")
    reply_due_on = DueColumn(DUE, verbose_name="答复期限")

    class Meta:
        model = HotlineTicket
        fields = (
            "case_number",
            "received_on",
            "category",
            "title",
            "department",
            "state",
            "rating",
            "rehandle_count",
            "reply_due_on",
        )
        attrs = TABLE_ATTRS
        empty_text = "没有符合条件的工单。"
        order_by = ("-received_on", "-id")
