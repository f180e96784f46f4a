"""The case list table (django-tables2)."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables

from fazhi.casework.tables import TABLE_ATTRS, DateColumn, DueColumn
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.workflow.base import DUE


class CaseTable(tables.Table):
    case_number = tables.Column(verbose_name="案号", linkify=True)
    applicant_names = tables.Column(verbose_name="申请人")
    respondent_name = tables.Column(verbose_name="被申请人")
    act_category = tables.Column(verbose_name="行为类别")
    received_on = DateColumn(verbose_name="收到申请")
    state = tables.Column(verbose_name="状态")
    outcome = tables.Column(verbose_name="结案方式")
    decision_due_on = DueColumn(DUE, verbose_name="审理期限届满")
    law_version = tables.Column(verbose_name="法律版本")

    class Meta:
        model = ReconsiderationCase
        fields = (
            "case_number",
            "applicant_names",
            "respondent_name",
            "act_category",
            "received_on",
            "state",
            "outcome",
            "decision_due_on",
            "law_version",
        )
        attrs = TABLE_ATTRS
        empty_text = "没有符合条件的行政复议案件。"
        order_by = ("-received_on", "-id")

    def render_law_version(self, value: Any, record: ReconsiderationCase) -> str:
        return f"{record.law_version}版"
