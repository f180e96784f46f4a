"""Excel in and out: the template (with drop-down lists), reading an upload, exporting rows.

Templates and exports are written with xlsxwriter (exports in constant-memory mode, so a
100,000-row list does not sit in memory twice); uploads are read with python-calamine.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from typing import IO, Any

import xlsxwriter
from python_calamine import CalamineError, CalamineWorkbook

from fazhi.imports.sheet import SheetSpec
from fazhi.imports.xlsx_guard import XlsxRefused, check_xlsx, too_large

LISTS_SHEET = "可选项"


class WorkbookError(ValueError):
    """The upload is not a readable Excel workbook."""


# Text a spreadsheet would run as a formula (or a DDE command) if written as one: "=HYPERLINK(…)",
# "+cmd|…", "-2+3", "@SUM(…)". Data from users always goes in as a text cell.
FORMULA_STARTS = ("=", "+", "-", "@")
# Every workbook we write from data: xlsxwriter's write() would otherwise turn "=…" into a formula
# and "{=…}" into an array formula.
SAFE_WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False}


def write_value(ws: Any, row: int, col: int, value: Any, fmt: Any = None) -> None:
    """Write one exported value: numbers as numbers, dates as dates, anything else as a text cell,
    never as a formula, whatever it begins with."""
    if isinstance(value, bool) or not isinstance(value, (int, float, dt.date)):
        ws.write_string(row, col, str(value), fmt)
    elif isinstance(value, dt.datetime):
        ws.write_datetime(row, col, value, fmt)
    elif isinstance(value, dt.date):
        ws.write_datetime(row, col, dt.datetime.combine(value, dt.time()), fmt)
    else:
        ws.write_number(row, col, value, fmt)


def template_bytes(spec: SheetSpec) -> bytes:
    """A workbook whose first sheet has the headers, required ones marked, with drop-down
    lists for choice and yes/no columns and date validation for date columns."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = wb.add_worksheet(spec.title[:31])
    lists = wb.add_worksheet(LISTS_SHEET)
    head = wb.add_format(
        {"bold": True, "bg_color": "#F2DCDB", "border": 1, "text_wrap": True, "valign": "vcenter"}
    )
    head_req = wb.add_format(
        {
            "bold": True,
            "bg_color": "#E6B8B7",
            "border": 1,
            "text_wrap": True,
            "valign": "vcenter",
            "font_color": "#9C0006",
        }
    )
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    last_row = 10000
    list_col = 0
    for i, col in enumerate(spec.columns):
        ws.write(
            0, i, col.header + ("*" if col.required else ""), head_req if col.required else head
        )
        ws.set_column(i, i, col.width, date_fmt if col.kind == "date" else None)
        if col.comment:
            ws.write_comment(0, i, col.comment)
        if col.kind == "date":
            ws.data_validation(
                1,
                i,
                last_row,
                i,
                {
                    "validate": "date",
                    "criteria": "between",
                    "minimum": dt.date(1990, 1, 1),
                    "maximum": dt.date(2100, 12, 31),
                    "error_title": "日期格式错误",
                    "error_message": "请填写日期，如 2025-03-01",
                },
            )
        elif col.kind in ("choice", "bool"):
            labels = col.labels if col.kind == "choice" else ["是", "否"]
            # Lists live on a second sheet: an inline list is capped at 255 characters.
            lists.write(0, list_col, col.header)
            for r, label in enumerate(labels, start=1):
                lists.write(r, list_col, label)
            letter = xlsxwriter.utility.xl_col_to_name(list_col)
            ws.data_validation(
                1,
                i,
                last_row,
                i,
                {
                    "validate": "list",
                    "source": f"='{LISTS_SHEET}'!${letter}$2:${letter}${len(labels) + 1}",
                    "error_title": "请从下拉列表中选择",
                    "error_message": "可选：" + "、".join(labels)[:200],
                },
            )
            list_col += 1
    ws.freeze_panes(1, 0)
    ws.set_row(0, 32)
    if spec.example:
        for i, col in enumerate(spec.columns):
            value = spec.example.get(col.key, "")
            if isinstance(value, dt.date):
                ws.write_datetime(1, i, dt.datetime.combine(value, dt.time()), date_fmt)
            else:
                ws.write(1, i, value)
    if spec.instructions:
        notes = wb.add_worksheet("填写说明")
        notes.set_column(0, 0, 100)
        for r, line in enumerate(spec.instructions):
            notes.write(r, 0, line)
    wb.close()
    return buf.getvalue()


def read_csv_rows(data: bytes) -> list[list[Any]]:
    """The rows of a CSV export (platforms write UTF-8, with or without BOM, or GB18030/GBK);
    every cell a string, as the columns' parsers accept."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        break
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise WorkbookError("无法识别CSV文件的编码，请另存为UTF-8编码后重新上传")
    if "\x00" in text:
        raise WorkbookError("无法读取该文件，请上传 .xlsx 或 .csv 文件")
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as exc:
        raise WorkbookError(f"CSV文件格式有误：{exc}") from exc


def read_rows(
    upload: IO[bytes] | bytes, *, allow_csv: bool = False
) -> tuple[list[str], list[list[Any]]]:
    """(headers, data rows) of the first sheet, or with `allow_csv` of a CSV file (anything that
    is not a zip); trailing empty rows dropped."""
    data = upload if isinstance(upload, bytes) else upload.read()
    if allow_csv and not data.startswith(b"PK"):
        rows = read_csv_rows(data)
        if not rows:
            raise WorkbookError("文件是空的，第1行应为列名")
        return _headers_and_body(rows)
    # A tiny file whose one cell sits far down and right expands to rows × columns in memory as
    # soon as calamine opens the sheet: look inside the zip first, bounded (xlsx_guard).
    try:
        check_xlsx(data)
    except XlsxRefused as exc:
        raise WorkbookError(str(exc)) from exc
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet = wb.get_sheet_by_index(0)
        if (message := too_large(sheet.total_height, sheet.total_width)) is not None:
            raise WorkbookError(message)
        rows = sheet.to_python(skip_empty_area=False)
    except WorkbookError:
        raise
    except (
        CalamineError,
        ValueError,
        OSError,
    ) as exc:  # calamine raises its own errors and ValueError
        raise WorkbookError("无法读取该文件，请上传由模板填写的 .xlsx 文件") from exc
    if not rows:
        raise WorkbookError("文件是空的，第1行应为列名")
    return _headers_and_body(rows)


def _headers_and_body(rows: list[list[Any]]) -> tuple[list[str], list[list[Any]]]:
    headers = [str(h).strip().rstrip("*").strip() for h in rows[0]]
    while headers and headers[-1] == "":
        headers.pop()
    body = rows[1:]
    while body and all(c is None or str(c).strip() == "" for c in body[-1]):
        body.pop()
    return headers, body


def export_bytes(spec: SheetSpec, objects: Iterable[Any]) -> bytes:
    """Every object as a row in the template's columns, so an export can be edited and
    imported elsewhere."""
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(
        buf, {"constant_memory": True, "in_memory": True, **SAFE_WORKBOOK_OPTIONS}
    )
    ws = wb.add_worksheet(spec.title[:31])
    head = wb.add_format({"bold": True, "bg_color": "#F2DCDB", "border": 1})
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    columns = [*spec.columns, *spec.shown]
    for i, col in enumerate(columns):
        ws.write_string(0, i, col.header, head)
        ws.set_column(i, i, col.width)
    for r, obj in enumerate(objects, start=1):
        for i, col in enumerate(columns):
            value = col.export(obj)
            if value is None or value == "":
                continue
            write_value(ws, r, i, value, date_fmt if isinstance(value, dt.date) else None)
    wb.close()
    return buf.getvalue()
