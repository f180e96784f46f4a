"""The document list table."""

from __future__ import annotations

from typing import Any

import django_tables2 as tables

from fazhi.casework.tables import TABLE_ATTRS, DateColumn, DueColumn
from fazhi.ledgers.normative_documents.models import NormativeDocument
from fazhi.ledgers.normative_documents.workflow import DUE


class CaseTable(tables.Table):
    case_number = tables.Column(verbose_name="登记号", linkify=True)
    document_number = tables.Column(verbose_name="文号")
    title = tables.Column(verbose_name="文件名称")
    drafting_department = tables.Column(verbose_name="起草单位")
    published_on = DateColumn(verbose_name="公布日期")
    expires_on = DateColumn(verbose_name="有效期至")
    state = tables.Column(verbose_name="状态")
    filings = tables.Column(verbose_name="报备", empty_values=(), orderable=False)
    review_due_on = DueColumn(DUE, verbose_name="合法性审核期限")

    class Meta:
        model = NormativeDocument
        fields = (
            "case_number",
            "document_number",
            "title",
            "drafting_department",
            "published_on",
            "expires_on",
            "state",
            "filings",
            "review_due_on",
        )
        attrs = TABLE_ATTRS
        empty_text = "没有符合条件的规范性文件。"
        order_by = ("-drafted_on", "-id")

    def __init__(self, data: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(data.prefetch_related("filings"), *args, **kwargs)

    def render_filings(self, record: NormativeDocument) -> Any:
        rows = list(record.filings.all())
        if not rows:
            return "—"
        done = sum(1 for f in rows if f.filed_on is not None)
        return f"{done}/{len(rows)}"
