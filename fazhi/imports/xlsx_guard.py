"""Look inside an uploaded .xlsx before anything builds a grid from it.

An .xlsx is a zip of XML files. calamine allocates the whole rectangle a sheet spans, so a 1.6 KB
file holding cells A1 and XFD1048576 asks for 17 billion cells and aborts the process; a sheet of
cells without `r=` attributes, or a zip member that inflates to gigabytes, does the same more
slowly. `check_xlsx` reads the archive with the standard library, bounded: every member's real
inflated size (the declared size can lie: a member is read until its end, the CRC is checked),
then each worksheet's XML streamed with iterparse, checking the declared `<dimension>` and every
row and cell position (explicit or implied) against the limits. Only a file that passes is handed
to calamine.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from posixpath import dirname, join, normpath
from xml.etree.ElementTree import Element, ParseError, iterparse

MAX_ROWS = 200_000
MAX_COLUMNS = 100
# Rows × columns of the rectangle calamine will allocate: 1.5 million cells of text read in about
# 300 MB (measured: tests/imports/test_hostile_xlsx.py); 46,000 rows of the 32-column 复议 sheet.
MAX_CELLS = 1_500_000
MAX_MEMBER_BYTES = 200 * 1024 * 1024  # one inflated XML part
MAX_TOTAL_BYTES = 400 * 1024 * 1024  # all parts together
MAX_MEMBERS = 1_000
CHUNK = 1024 * 1024

REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORKSHEET_REL = REL_NS + "/worksheet"
_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")


class XlsxRefused(ValueError):
    """The file is not one we will read; the message is for the user."""


@dataclass(frozen=True)
class Extent:
    rows: int
    columns: int


def column_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n


def parse_ref(ref: str) -> tuple[int, int]:
    """ "XFD1048576" → (1048576, 16384): 1-based row and column."""
    m = _REF.match(ref.strip())
    if m is None:
        raise XlsxRefused(f"文件中的单元格位置“{ref[:20]}”无法识别，请上传由模板填写的 .xlsx 文件")
    return int(m.group(2)), column_number(m.group(1))


def too_large(rows: int, columns: int) -> str | None:
    if rows > MAX_ROWS + 1 or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        return (
            f"表格过大（{rows}行×{columns}列）；一次最多导入{MAX_ROWS}行、{MAX_COLUMNS}列，"
            f"且行数×列数不超过{MAX_CELLS}，请拆分后分批导入"
        )
    return None


def check_xlsx(data: bytes) -> None:
    """Raise XlsxRefused unless every part of the workbook is within the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise XlsxRefused("无法读取该文件，请上传由模板填写的 .xlsx 文件") from exc
    with archive:
        infos = archive.infolist()
        if "xl/workbook.xml" not in archive.namelist():
            raise XlsxRefused("只能导入 .xlsx 文件，请用导入模板填写后上传")
        if len(infos) > MAX_MEMBERS:
            raise XlsxRefused("文件内部结构异常（部件过多），请上传由模板填写的 .xlsx 文件")
        total = 0
        for info in infos:
            total += _inflated_size(archive, info)
            if total > MAX_TOTAL_BYTES:
                raise XlsxRefused(_inflates_message(MAX_TOTAL_BYTES))
        for name in _worksheet_names(archive):
            _check_sheet(archive, name)


def _inflates_message(limit: int) -> str:
    return (
        f"文件解压后超过{limit // (1024 * 1024)}MB，不像是正常的台账表格，"
        "请检查后重新导出，或拆分后分批导入"
    )


def _inflated_size(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    if info.file_size > MAX_MEMBER_BYTES:
        raise XlsxRefused(_inflates_message(MAX_MEMBER_BYTES))
    size = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(CHUNK):
                size += len(chunk)
                if size > MAX_MEMBER_BYTES:
                    raise XlsxRefused(_inflates_message(MAX_MEMBER_BYTES))
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
        # A CRC mismatch (the member is longer or other than declared), encryption, an unknown
        # compression method.
        raise XlsxRefused("文件已损坏或已加密，请上传由模板填写的 .xlsx 文件") from exc
    return size


def _worksheet_names(archive: zipfile.ZipFile) -> list[str]:
    """Every worksheet part: those the workbook's relationships point to, and any under
    xl/worksheets/ (so a sheet cannot hide behind an unusual path)."""
    names = {n for n in archive.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")}
    rels = "xl/_rels/workbook.xml.rels"
    if rels in archive.namelist():
        for elem in _elements(archive, rels):
            if elem.tag.endswith("}Relationship") and elem.get("Type") == WORKSHEET_REL:
                target = elem.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else join("xl", target)
                names.add(normpath(path))
    present = set(archive.namelist())
    return sorted(n for n in names if n in present and dirname(n) != "")


def _elements(archive: zipfile.ZipFile, name: str) -> Iterator[Element]:
    try:
        with archive.open(name) as stream:
            for _event, elem in iterparse(stream, events=("end",)):
                yield elem
                elem.clear()
    except ParseError as exc:
        raise XlsxRefused("文件内容不是有效的 Excel 表格，请上传由模板填写的 .xlsx 文件") from exc


# The fast path: a sheet as Excel, WPS and xlsxwriter write it (every row and cell with `r=` as its
# first attribute, no namespace prefixes on them) is checked with a few C-speed scans of its bytes
# instead of 1.5 million iterparse events (100,000 rows × 14 columns: ~40 s → ~1 s). Anything else
# takes the streaming path below. Comments or CDATA that look like cells only make the extent
# larger, never smaller.
FAST_MAX_BYTES = 120 * 1024 * 1024
_PREFIXED_CELL = re.compile(rb"<[A-Za-z_][\w.\-]*:(?:c|row)[\s/>]")
_UNUSUAL_TAG = re.compile(rb"<(?:c|row)[>/\t\n\r]")  # no attribute, or not a space before it
_CELL_ROWS = re.compile(rb'<c r="[A-Za-z]{1,3}([0-9]{1,7})"')
_CELL_COLUMNS = re.compile(rb'<c r="([A-Za-z]{1,3})[0-9]')
_ROW_NUMBERS = re.compile(rb'<row r="([0-9]{1,7})"')
_DIMENSION = re.compile(rb'<dimension ref="([^"]*)"')


def _fast_extent(xml: bytes) -> Extent | None:
    """(rows, columns) the sheet spans, or None if it is not in the plain shape."""
    if _PREFIXED_CELL.search(xml) or _UNUSUAL_TAG.search(xml):
        return None
    rows = _ROW_NUMBERS.findall(xml)
    if len(rows) != xml.count(b"<row "):
        return None
    cell_rows = _CELL_ROWS.findall(xml)
    if len(cell_rows) != xml.count(b"<c "):
        return None
    max_row = max(map(int, rows), default=0)
    max_row = max(max_row, max(map(int, cell_rows), default=0))
    del cell_rows
    letters = set(_CELL_COLUMNS.findall(xml))
    max_col = max((column_number(x.decode()) for x in letters), default=0)
    return Extent(max_row, max_col)


def _check_sheet(archive: zipfile.ZipFile, name: str) -> None:
    info = archive.getinfo(name)
    if info.file_size <= FAST_MAX_BYTES:
        with archive.open(info) as stream:
            xml = stream.read(FAST_MAX_BYTES + 1)
        if len(xml) <= FAST_MAX_BYTES:
            dimension = _DIMENSION.search(xml)
            if dimension is not None and (
                last := dimension.group(1).decode(errors="replace").split(":")[-1]
            ):
                rows, cols = parse_ref(last)
                if (message := too_large(rows, cols)) is not None:
                    raise XlsxRefused(message)
            extent = _fast_extent(xml)
            del xml
            if extent is not None:
                if (message := too_large(extent.rows, extent.columns)) is not None:
                    raise XlsxRefused(message)
                return
    _stream_sheet(archive, name)


def _stream_sheet(archive: zipfile.ZipFile, name: str) -> None:
    """Stream the sheet: the declared dimension, then every row and cell, explicit `r=` or
    implied by position (calamine places a cell without `r=` after the previous one)."""
    max_row = max_col = 0
    row = 0
    col = 0
    sheet_data = None
    try:
        with archive.open(name) as stream:
            for event, elem in iterparse(stream, events=("start", "end")):
                tag = elem.tag.rpartition("}")[2]
                if event == "start":
                    if tag == "sheetData":
                        sheet_data = elem
                    elif tag == "dimension":
                        ref = elem.get("ref", "")
                        last = ref.split(":")[-1]
                        if last:
                            rows, cols = parse_ref(last)
                            if (message := too_large(rows, cols)) is not None:
                                raise XlsxRefused(message)
                    elif tag == "row":
                        r = elem.get("r")
                        row = int(r) if r and r.isdigit() else row + 1
                        col = 0
                    elif tag == "c":
                        ref = elem.get("r")
                        if ref:
                            row_of_cell, col = parse_ref(ref)
                            row = max(row, row_of_cell)
                        else:
                            col += 1
                        if row > max_row or col > max_col:
                            max_row, max_col = max(max_row, row), max(max_col, col)
                            if (message := too_large(max_row, max_col)) is not None:
                                raise XlsxRefused(message)
                elif tag == "row" and sheet_data is not None:
                    sheet_data.clear()  # keep memory flat: nothing of a passed row is kept
    except ParseError as exc:
        raise XlsxRefused("文件内容不是有效的 Excel 表格，请上传由模板填写的 .xlsx 文件") from exc
