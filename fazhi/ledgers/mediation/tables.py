"""The dispute list table."""

from __future__ import annotations

import django_tables2 as tables

from fazhi.casework.tables import TABLE_ATTRS, DateColumn, DueColumn
from fazhi.ledgers.mediation.models import MediationCase
from fazhi.ledgers.mediation.workflow import DUE


class CaseTable(tables.Table):
    case_number = tables.Column(verbose_name="案号", linkify=True)
    committee = tables.Column(verbose_name="调解组织")
    dispute_type = tables.Column(verbose_name="纠纷类型")
    received_on = DateColumn(verbose_name="受理日期")
    state = tables.Column(verbose_name="状态")
    agreement_form = tables.Column(verbose_name="协议形式")
    is_major = tables.BooleanColumn(verbose_name="重大疑难", yesno="是,")
    mediation_due_on = DueColumn(DUE, verbose_name="调解期限")

    class Meta:
        model = MediationCase
        fields = (
            "case_number",
            "committee",
            "dispute_type",
            "received_on",
            "state",
            "agreement_form",
            "is_major",
            "mediation_due_on",
        )
        attrs = TABLE_ATTRS
        empty_text = "没有符合条件的矛盾纠纷。"
        order_by = ("-received_on", "-id")
