"""The legal-aid case list table."""

from __future__ import annotations

import django_tables2 as tables

from fazhi.casework.tables import TABLE_ATTRS, DateColumn, DueColumn
from fazhi.ledgers.legal_aid.models import LegalAidCase
from fazhi.ledgers.legal_aid.workflow import DUE


class CaseTable(tables.Table):
    case_number = tables.Column(verbose_name="案号", linkify=True)
    applicant = tables.Column(verbose_name="申请人")
    channel = tables.Column(verbose_name="来源")
    matter_type = tables.Column(verbose_name="类别")
    received_on = DateColumn(verbose_name="收到申请")
    state = tables.Column(verbose_name="状态")
    limitation_on = DateColumn(verbose_name="时效届满")
    due_on = DueColumn(DUE, verbose_name="当前期限")

    class Meta:
        model = LegalAidCase
        fields = (
            "case_number",
            "applicant",
            "channel",
            "matter_type",
            "received_on",
            "state",
            "limitation_on",
            "due_on",
        )
        attrs = TABLE_ATTRS
        empty_text = "没有符合条件的法律援助案件。"
        order_by = ("-received_on", "-id")
