"""The disclosure-request list table."""

from __future__ import annotations

import django_tables2 as tables

from fazhi.casework.tables import TABLE_ATTRS, DateColumn, DueColumn
from fazhi.ledgers.disclosure.models import DisclosureRequest
from fazhi.ledgers.disclosure.workflow import DUE


class CaseTable(tables.Table):
    case_number = tables.Column(verbose_name="编号", linkify=True)
    applicant_name = tables.Column(verbose_name="申请人")
    subject = tables.Column(verbose_name="申请公开的政府信息")
    department = tables.Column(verbose_name="受理机关")
    received_on = DateColumn(verbose_name="收到申请")
    state = tables.Column(verbose_name="状态")
    reply_type = tables.Column(verbose_name="处理结果")
    reply_due_on = DueColumn(DUE, verbose_name="答复期限")

    class Meta:
        model = DisclosureRequest
        fields = (
            "case_number",
            "applicant_name",
            "subject",
            "department",
            "received_on",
            "state",
            "reply_type",
            "reply_due_on",
        )
        attrs = TABLE_ATTRS
        empty_text = "没有符合条件的政府信息公开申请。"
        order_by = ("-received_on", "-id")
