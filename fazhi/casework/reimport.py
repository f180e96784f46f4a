"""Every ledger's export imports again: the kit tells the sheet how to find a row by its 案号
and which columns an import may change (`fazhi.imports.matching` does the comparing).

The columns an import may change are the row's own free-text fields (事由, 当事人, 备注…):
not a date, a choice, a number or a department, which the workflow, its clocks and who may see
the row follow; those change on the row's page, through its transitions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models

from fazhi.org.access import visible

if TYPE_CHECKING:
    from fazhi.casework.registry import LedgerSpec

CHUNK = 500  # numbers per query (SQLite's parameter limit)
NOTE = (
    "案号已在台账中的行（如本台账导出的表格）：内容相同的不作改动；只改了{names}的，更新该记录；"
    "日期、结果、部门等办理信息与台账不同的不予导入，请在该记录的页面办理。"
)


def updatable(spec: LedgerSpec) -> list[str]:
    """The sheet's columns that are free-text fields of the ledger's own row."""
    out = []
    for col in spec.sheet.columns:
        if col.key == "case_number" or col.kind != "text" or col.getter is not None:
            continue
        try:
            f = spec.model._meta.get_field(col.key)
        except FieldDoesNotExist:
            continue
        if isinstance(f, (models.CharField, models.TextField)) and not f.choices and not f.null:
            out.append(col.key)
    return out


def by_number(spec: LedgerSpec) -> None:
    """Give the ledger's sheet `existing` (rows of the importer's jurisdiction that the importer
    can see, read as the export reads them), its updatable columns and the template's note."""
    sheet = spec.sheet

    def existing(numbers: list[str], by: Any, context: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for i in range(0, len(numbers), CHUNK):
            qs = visible(spec.model, by).filter(
                jurisdiction=context["jurisdiction"], case_number__in=numbers[i : i + CHUNK]
            )
            rows = spec.export_rows(qs) if spec.export_rows else qs
            out.update((row.case_number, row) for row in rows)
        return out

    sheet.existing = existing
    sheet.updatable = updatable(spec)
    names = "、".join(c.header for c in sheet.columns if c.key in set(sheet.updatable))
    note = NOTE.format(names=names or "文字说明")
    if note not in sheet.instructions:
        sheet.instructions = [*sheet.instructions, note]
