"""The mailbox letter list table."""

from __future__ import annotations

import django_tables2 as tables

from fazhi.casework.tables import TABLE_ATTRS, DateColumn, DueColumn
from fazhi.ledgers.mailbox.models import MailboxLetter
from fazhi.ledgers.mailbox.workflow import DUE


class CaseTable(tables.Table):
    case_number = tables.Column(verbose_name="编号", linkify=True)
    subject = tables.Column(verbose_name="标题")
    writer_name = tables.Column(verbose_name="写信人")
    department = tables.Column(verbose_name="承办单位")
    received_on = DateColumn(verbose_name="收信日期")
    state = tables.Column(verbose_name="状态")
    reply_due_on = DueColumn(DUE, verbose_name="回复期限")

    class Meta:
        model = MailboxLetter
        fields = (
            "case_number",
            "subject",
            "writer_name",
            "department",
            "received_on",
            "state",
            "reply_due_on",
        )
        attrs = TABLE_ATTRS
        empty_text = "没有符合条件的信件。"
        order_by = ("-received_on", "-id")
