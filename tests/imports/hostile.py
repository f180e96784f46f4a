"""Hand-built hostile files: .xlsx zips of a few hundred bytes that ask a reader for gigabytes,
and a PDF whose content stream inflates to tens of megabytes."""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterable

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="{target}"/>'
    "</Relationships>"
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def inline(ref: str | None, text: str) -> str:
    r = f' r="{ref}"' if ref else ""
    return f'<c{r} t="inlineStr"><is><t>{text}</t></is></c>'


def xlsx(
    sheet_body: str | Iterable[bytes],
    *,
    dimension: str | None = None,
    target: str = "worksheets/sheet1.xml",
    extra: dict[str, Iterable[bytes]] | None = None,
) -> bytes:
    """A minimal workbook whose first sheet's <sheetData> holds `sheet_body` (text, or chunks of
    bytes written one at a time so that a large sheet is never whole in memory)."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    chunks = [sheet_body.encode()] if isinstance(sheet_body, str) else sheet_body
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", ROOT_RELS)
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(target=target))
        with z.open("xl/" + target, "w", force_zip64=True) as sheet:
            sheet.write(SHEET_HEAD.encode() + dim.encode() + b"<sheetData>")
            for chunk in chunks:
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
        for name, parts in (extra or {}).items():
            with z.open(name, "w", force_zip64=True) as member:
                for part in parts:
                    member.write(part)
    return buf.getvalue()


def corner_cells(far: str) -> bytes:
    """Cells A1 and `far`, with a dimension that declares the same span (1.6 KB)."""
    return xlsx(
        f'<row r="1">{inline("A1", "案号")}</row>'
        f'<row r="{far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}">{inline(far, "x")}</row>',
        dimension=f"A1:{far}",
    )


def corner_cells_undeclared(far: str) -> bytes:
    """The same two cells with no <dimension>: only the cell references tell the span."""
    return xlsx(
        f'<row r="1">{inline("A1", "案号")}</row>'
        f'<row r="{far.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}">{inline(far, "x")}</row>'
    )


def grid_without_refs(rows: int, columns: int) -> bytes:
    """rows × columns numeric cells with no r= attributes (positions implied)."""
    row = b"<row>" + b"<c><v>1</v></c>" * columns + b"</row>"
    return xlsx(row * 100 for _ in range(rows // 100))


def inflating_member(megabytes: int) -> bytes:
    """A normal sheet plus a part that inflates to `megabytes` MB of spaces."""
    return xlsx(
        f'<row r="1">{inline("A1", "案号")}</row>',
        extra={"xl/padding.xml": (b" " * (1024 * 1024) for _ in range(megabytes))},
    )


def pdf_bomb(megabytes: int = 80) -> bytes:
    """One page whose content stream is a line of text and `megabytes` MB of spaces, deflated to
    about 80 KB."""
    content = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET\n" + b" " * (megabytes * 1024 * 1024)
    stream = zlib.compress(content, 9)
    objects = [
        b"<</Type/Catalog/Pages 2 0 R>>",
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
        b"/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>>>",
        b"<</Length %d/Filter/FlateDecode>>stream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()
