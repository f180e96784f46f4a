"""Build small .xlsx files in memory for import tests (dates written as real Excel dates)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import xlsxwriter


def workbook_bytes(headers: list[str], rows: list[dict[str, Any]]) -> bytes:
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet()
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, headers)
    for r, row in enumerate(rows, start=1):
        for i, h in enumerate(headers):
            value = row.get(h)
            if isinstance(value, dt.date):
                ws.write_datetime(r, i, dt.datetime.combine(value, dt.time()), date_fmt)
            elif value is not None:
                ws.write(r, i, value)
    wb.close()
    return buf.getvalue()
