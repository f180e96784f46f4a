"""The lawsuit list table."""

from __future__ import annotations

import django_tables2 as tables

from fazhi.casework.tables import TABLE_ATTRS, DateColumn, DueColumn
from fazhi.ledgers.litigation.models import LitigationCase
from fazhi.ledgers.litigation.workflow import DUE


class CaseTable(tables.Table):
    case_number = tables.Column(verbose_name="案号", linkify=True)
    court_name = tables.Column(verbose_name="法院")
    trial_level = tables.Column(verbose_name="审级")
    plaintiffs = tables.Column(verbose_name="原告")
    defendant_name = tables.Column(verbose_name="被告")
    complaint_received_on = DateColumn(verbose_name="收到起诉状副本")
    state = tables.Column(verbose_name="状态")
    disposition = tables.Column(verbose_name="裁判结果")
    answer_due_on = DueColumn(DUE, verbose_name="答辩举证期限")

    class Meta:
        model = LitigationCase
        fields = (
            "case_number",
            "court_name",
            "trial_level",
            "plaintiffs",
            "defendant_name",
            "complaint_received_on",
            "state",
            "disposition",
            "answer_due_on",
        )
        attrs = TABLE_ATTRS
        empty_text = "没有符合条件的行政诉讼案件。"
        order_by = ("-complaint_received_on", "-id")
