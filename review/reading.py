"""Read a report file (.txt, .docx, .pdf, .html) into normalised text."""

from __future__ import annotations

import html
import io
import itertools
import logging
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from lxml import etree

from review.chinese import GARBLED_SHARE, common_share, garbled_share, looks_like_prose
from review.normalize import join_hard_breaks, normalize, remove_cjk_spaces

logger = logging.getLogger(__name__)

MAX_BYTES = 50 * 1024 * 1024
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")

# What zipfile, lxml and pypdf raise on truncated or corrupt files.
_CORRUPT: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    etree.XMLSyntaxError,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    AssertionError,
    EOFError,
    OSError,
    RecursionError,
    NotImplementedError,
    UnicodeDecodeError,
)


class ReadError(Exception):
    """A file that cannot be read as a report; the message is shown to the user."""


@dataclass
class Document:
    source: str
    text: str
    format: str
    problems: list[str] = field(default_factory=list)


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


# A .docx is a zip: its main XML part is decompressed only up to this size. A report of
# a few hundred pages has a document.xml of a few MB; a zip bomb declares (or, with a
# forged header, hides) hundreds of MB or more.
MAX_DOCX_XML = 32 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_OFFICE_DOCUMENT = "/officeDocument"


def _docx_main_part(zf: zipfile.ZipFile) -> str:
    """The name of the main document part (word/document.xml unless _rels/.rels says else)."""
    try:
        info = zf.getinfo("_rels/.rels")
    except KeyError:
        return "word/document.xml"
    if info.file_size > 1024 * 1024:
        return "word/document.xml"
    rels = etree.fromstring(zf.read(info), _xml_parser())
    for rel in rels:
        if str(rel.get("Type", "")).endswith(_OFFICE_DOCUMENT):
            return str(rel.get("Target", "")).lstrip("/") or "word/document.xml"
    return "word/document.xml"


def _xml_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _too_large(size: int) -> ReadError:
    return ReadError(
        f"Word 文件解压后的正文过大（超过 {size // 1024 // 1024} MB，"
        f"上限 {MAX_DOCX_XML // 1024 // 1024} MB），可能是恶意构造的压缩文件，已拒绝读取；"
        "请确认文件来源，或另存为 .txt 后再审查"
    )


def _docx_xml(data: bytes) -> bytes:
    """The main XML part of a .docx, read with its size checked before and while inflating."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        name = _docx_main_part(zf)
        info = zf.getinfo(name)
        if info.file_size > MAX_DOCX_XML:
            raise _too_large(info.file_size)
        chunks: list[bytes] = []
        total = 0
        with zf.open(info) as part:
            # the declared size can be forged: count what is actually inflated
            while chunk := part.read(1024 * 1024):
                total += len(chunk)
                if total > MAX_DOCX_XML:
                    raise _too_large(total)
                chunks.append(chunk)
        return b"".join(chunks)


def _text_of(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{_W}t"))


def _read_docx(data: bytes) -> str:
    try:
        xml = _docx_xml(data)
        root = etree.fromstring(xml, _xml_parser())
    except _CORRUPT as exc:
        raise ReadError(
            f"无法打开 Word 文件（文件损坏、被截断或不是 .docx 格式）：{type(exc).__name__}"
        ) from exc
    body = root.find(f"{_W}body")
    if body is None:
        raise ReadError("无法打开 Word 文件（文件损坏、被截断或不是 .docx 格式）：没有正文")
    lines: list[str] = []
    for child in body.iterchildren():
        if child.tag == f"{_W}p":
            lines.append(_text_of(child))
        elif child.tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                lines.append("\t".join(_text_of(cell) for cell in row if cell.tag == f"{_W}tc"))
    return "\n".join(lines)


def _quotes_displaced(text: str) -> bool:
    """An empty pair (“ ”) or two opening or closing marks in a row."""
    if re.search(r"“\s*”", text):
        return True
    marks = re.findall(r"[“”]", text)
    return any(a == b for a, b in zip(marks, marks[1:], strict=False))


def _read_pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except LimitReachedError as exc:
        # A content stream that inflates past pypdf's limit (a PDF bomb): say so, do not crash.
        raise ReadError(
            "PDF 文件中的内容流解压后超过上限，无法读取；请检查文件，或改为上传 Word 或文本版"
        ) from exc
    except _CORRUPT + (PdfReadError,) as exc:
        raise ReadError(f"无法读取 PDF 文件（文件损坏或被截断）：{type(exc).__name__}") from exc
    text = "\n".join(pages)
    # page numbers such as —1— or - 2 - on their own line
    text = re.sub(r"(?m)^[ \t]*[—\-－–][ \t]*\d+[ \t]*[—\-－–][ \t]*$", "", text)
    # Quote marks set in another font come out of place (下放66“”项): drop the
    # strays next to digits and empty pairs, they would split a figure from its unit.
    text = re.sub(r"(?<=\d)(?:[ ]*[“”‘’])+[ ]*", "", text)
    if _quotes_displaced(text):
        # 坚定 ” “ 四个自信: once some marks are out of place none can be trusted, and
        # a stray mark inside a word (谁主管谁普”法) would break keyword matching.
        text = re.sub(r"[“”]", "", text)
    text = remove_cjk_spaces(text)
    return join_hard_breaks(text)


class _HTMLText(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _read_html(data: bytes) -> str:
    raw = decode_text(data)
    m = re.search(r"charset=[\"']?([A-Za-z0-9_-]+)", raw[:2000])
    if m and m.group(1).lower() in ("gbk", "gb2312", "gb18030"):
        raw = data.decode("gb18030", errors="replace")
    parser = _HTMLText()
    parser.feed(raw)
    parser.close()
    text = html.unescape("".join(parser.parts))
    text = re.sub(r"[ \t]*\n[ \t\n]*", "\n", text)
    return text.strip("\n")


def sniff_format(name: str, data: bytes) -> str:
    suffix = Path(name).suffix.lower()
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if suffix in (".pdf", ".docx"):
        return suffix[1:]
    if suffix in (".html", ".htm"):
        return "html"
    head = data[:500].lower()
    if b"<html" in head or b"<!doctype html" in head:
        return "html"
    return "txt"


def read_bytes(name: str, data: bytes) -> Document:
    """Read the bytes of a report. Raises ReadError with a Chinese message."""
    if len(data) > MAX_BYTES:
        raise ReadError(f"文件过大（{len(data) // 1024 // 1024} MB），请拆分后再审查")
    fmt = sniff_format(name, data)
    if fmt == "docx":
        text = _read_docx(data)
    elif fmt == "pdf":
        text = _read_pdf(data)
    elif fmt == "html":
        text = _read_html(data)
    else:
        if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise ReadError(
                "文件不是文本文件（含二进制内容），请提供 .txt、.docx、.pdf 或 .html 格式的报告"
            )
        text = decode_text(data)
    text = normalize(text)
    if not looks_like_prose(text):
        cjk, share = common_share(text)
        if garbled_share(text) > GARBLED_SHARE:
            raise ReadError(
                "文件内容无法识别为文字（大量乱码或控制字符），可能是二进制文件、加密文件或编码不对，"
                "请提供 .txt、.docx、.pdf 或 .html 格式的报告"
            )
        raise ReadError(
            f"文件内容不是中文文字：{cjk} 个汉字中常用字只占 {share:.0%}（正常文字约占 50% 以上），"
            "可能是二进制文件、加密文件或编码不对，请提供 .txt、.docx、.pdf 或 .html 格式的报告"
        )
    doc = Document(source=Path(name).name, text=text, format=fmt)
    # counted up to 20 only: a list of every character of a 50 MB file would take GBs
    cjk = sum(1 for _ in itertools.islice(_CJK_CHAR.finditer(text), 20))
    if fmt == "pdf" and cjk < 20:
        doc.problems.append(
            "PDF 文件没有可提取的文字层（可能是扫描件），请提供带文字层的 PDF 或 Word 版本"
        )
    elif cjk < 20:
        doc.problems.append("文件中几乎没有中文文字，不像是一份法治政府建设年度报告")
    elif not re.search(r"法治|依法行政|法制", text):
        doc.problems.append("文件中未出现“法治”“依法行政”等词语，可能不是法治政府建设年度报告")
    return doc


def read_document(path: str | Path) -> Document:
    """Read a report file. Raises ReadError (Chinese message) when it cannot be read."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError(f"找不到文件：{p}") from exc
    except IsADirectoryError as exc:
        raise ReadError(f"{p} 是一个文件夹，请指定报告文件") from exc
    except PermissionError as exc:
        raise ReadError(f"没有权限读取文件：{p}") from exc
    return read_bytes(p.name, data)
