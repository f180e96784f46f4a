"""The 督办事项 list table."""

from __future__ import annotations

import django_tables2 as tables

from fazhi.casework.tables import TABLE_ATTRS, DateColumn, DueColumn
from fazhi.ledgers.supervision.models import SupervisionItem
from fazhi.ledgers.supervision.workflow import DUE


class CaseTable(tables.Table):
    case_number = tables.Column(verbose_name="督办编号", linkify=True)
    notice = tables.Column(verbose_name="督办通知")
    kind = tables.Column(verbose_name="类型")
    task = tables.Column(verbose_name="督办事项（整改任务）")
    lead_department = tables.Column(verbose_name="责任单位")
    assigned_on = DateColumn(verbose_name="交办日期")
    state = tables.Column(verbose_name="状态")
    due_on = DueColumn(DUE, verbose_name="办结时限")

    class Meta:
        model = SupervisionItem
        fields = (
            "case_number",
            "notice",
            "kind",
            "task",
            "lead_department",
            "assigned_on",
            "state",
            "due_on",
        )
        attrs = TABLE_ATTRS
        empty_text = "没有符合条件的督办事项。"
        order_by = ("-assigned_on", "-id")
