"""The review desk's comparison workbook, written through the kernel's export writer so that a
file name or any text beginning with =, +, - or @ is a text cell, never a formula (the uploaded
file names are the column headers). Same layout as `review.compare.write_xlsx`."""

from __future__ import annotations

import io

import xlsxwriter

from fazhi.imports.excel import SAFE_WORKBOOK_OPTIONS, write_value
from review.compare import Comparison


def comparison_xlsx(comparison: Comparison) -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, **SAFE_WORKBOOK_OPTIONS})
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    plain = wb.add_format({"border": 1})
    computed = wb.add_format({"border": 1, "italic": True, "font_color": "#555555"})
    outlier = wb.add_format({"border": 1, "bg_color": "#F8CBAD", "bold": True})
    for title, rows in (("指标对比", comparison.rows), ("每万人", comparison.per_capita)):
        if not rows and title == "每万人":
            continue
        ws = wb.add_worksheet(title)
        for c, text in enumerate(["指标代码", "指标", "单位", *comparison.sources]):
            write_value(ws, 0, c, text, head)
        ws.set_column(0, 0, 38)
        ws.set_column(1, 1, 28)
        ws.set_column(3, 3 + len(comparison.sources), 16)
        for r, row in enumerate(rows, start=1):
            for c, text in enumerate([row.indicator, row.name, row.unit]):
                write_value(ws, r, c, text, plain)
            for c, src in enumerate(comparison.sources, start=3):
                cell = row.cells.get(src)
                if cell is None:
                    ws.write_blank(r, c, None, plain)
                    continue
                fmt = outlier if cell.outlier else computed if cell.computed else plain
                write_value(ws, r, c, cell.value, fmt)
                if cell.outlier:
                    ws.write_comment(r, c, "异常值：与各报告中位数相差超过3倍中位数绝对偏差")
                elif cell.computed:
                    ws.write_comment(r, c, "报告未直接写明，由分子分母计算")
        ws.freeze_panes(1, 3)
    notes = wb.add_worksheet("说明")
    notes.write_string(
        0, 0, "斜体灰字：由报告中的分子、分母计算所得；红底：异常值（偏离中位数超过3倍MAD）。"
    )
    wb.close()
    return buf.getvalue()
