"""The case list table (django-tables2)."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from django.utils.html import format_html

from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.lib.cn_date import cn_date


class CaseTable(tables.Table):
    case_number = tables.Column(verbose_name="案号", linkify=True)
    applicant_names = tables.Column(verbose_name="申请人")
    respondent_name = tables.Column(verbose_name="被申请人")
    act_category = tables.Column(verbose_name="行为类别")
    received_on = tables.Column(verbose_name="收到申请")
    state = tables.Column(verbose_name="状态")
    outcome = tables.Column(verbose_name="结案方式")
    # empty_values=(): render a null date too, as "2027年日历未确认" when that is why.
    decision_due_on = tables.Column(verbose_name="审理期限届满", empty_values=())
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
        attrs = {"class": "table table-sm table-hover", "id": "case-table"}
        empty_text = "没有符合条件的行政复议案件。"
        order_by = ("-received_on", "-id")

    def render_received_on(self, value: Any) -> str:
        return cn_date(value)

    def render_decision_due_on(self, value: Any, record: ReconsiderationCase) -> Any:
        from fazhi.ledgers.reconsideration.workflow import is_open

        text = record.decision_due_text
        if is_open(record) and value is not None:
            from django.utils import timezone

            if value < timezone.localdate():
                return format_html('<span class="clock-overdue">{}（已超期）</span>', text)
        return text

    def render_law_version(self, value: Any, record: ReconsiderationCase) -> str:
        return f"{record.law_version}版"
