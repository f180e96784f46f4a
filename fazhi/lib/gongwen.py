"""A 公文 (GB/T 9704-2012 layout) written with python-docx, without Django.

Everything that shapes the page is set explicitly — page size, margins, the styles we use, and the
fonts of every run — because python-docx's bundled template is US Letter with Calibri/Cambria and a
document that leans on it looks wrong in Word and WPS. Chinese fonts are named in ``w:eastAsia`` as
well as ``w:ascii``/``w:hAnsi``: Word picks the East Asian slot for CJK characters and ignores the
others, so a font named only in ``w:ascii`` silently falls back to 宋体.

Usage::

    data = build("示例县人民政府关于2025年度法治政府建设情况的报告",
                 doc_number="示政〔2026〕1号", recipient="示例市人民政府",
                 blocks=[Heading1("一、主要举措和成效"), Paragraph("全年共收到…")],
                 signer="示例县人民政府", date_text="2026年2月10日")
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

# Font names as the 公文 standard and every government template spell them. On a machine without
# them, fonts/fazhi-fonts.conf maps them to installed Noto CJK / AR PL fonts for LibreOffice.
FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_H1 = "黑体"
FONT_H2 = "楷体_GB2312"
FONT_PAGE = "宋体"

SIZE_TITLE = Pt(22)  # 2号
SIZE_BODY = Pt(16)  # 3号
SIZE_PAGE = Pt(14)  # 4号
SIZE_TABLE = Pt(14)  # 4号: tables are allowed a smaller size than the body
SIZE_RED_HEAD = Pt(36)  # 发文机关标志: 小标宋 in red, larger than the title
LINE_EXACT = Pt(28)  # 22 lines per page on the 版心

MARGIN_TOP = Mm(37)
MARGIN_BOTTOM = Mm(35)
MARGIN_LEFT = Mm(28)
MARGIN_RIGHT = Mm(26)

STYLE_BODY = "GW Body"
STYLE_TITLE = "GW Title"
STYLE_H1 = "GW Heading 1"
STYLE_H2 = "GW Heading 2"
STYLE_PLAIN = "GW Plain"  # body font, no indent: 主送机关, signature, date
STYLE_TABLE = "GW Table"
STYLE_FOOTER = "GW Page Number"


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Heading1:
    """一、…  (黑体)"""

    text: str


@dataclass(frozen=True)
class Heading2:
    """（一）…  (楷体)"""

    text: str


@dataclass(frozen=True)
class Table:
    rows: Sequence[Sequence[str]]
    header: bool = True
    widths_mm: Sequence[float] = field(default_factory=tuple)


Block = Paragraph | Heading1 | Heading2 | Table

RED = "FF0000"
# The 版心 is 156 mm wide: 20 characters of 2号 (22 pt) on a title line, 28 of 3号 on a body line.
TITLE_CHARS = 20.0


@dataclass(frozen=True)
class Colophon:
    """版记 (GB/T 9704 §7.4): 抄送机关, 印发机关 and 印发日期, between rules on the last page."""

    copy_to: str = ""
    printer: str = ""
    printed_on: str = ""  # "2026年2月10日"


def _width(text: str) -> float:
    """Width in full-width characters: Latin letters and digits take half a character."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


# Where a long title may break (after the marker), best first; a title never breaks inside a
# word or a fixed phrase such as "法治政府建设" (GB/T 9704 §7.3.3: 回行时词意完整、排列对称).
_TITLE_BREAK_AFTER = ("年度", "关于", "人民政府", "委员会", "办公室", "局")
_TITLE_KEEP = ("法治政府建设", "法治政府", "情况的报告", "工作年度报告", "年度报告")


def title_lines(title: str, capacity: float = TITLE_CHARS) -> list[str]:
    """The title as the lines it is set in: one line when it fits, otherwise two lines broken
    after a meaningful marker (…关于2025年度 / 法治政府建设情况的报告), the first line not shorter
    than the second where that is possible. An explicit newline in the title is kept as given."""
    if "\n" in title:
        return [line for line in title.split("\n") if line]
    if _width(title) <= capacity:
        return [title]
    kept = [(m.start(), m.end()) for k in _TITLE_KEEP for m in re.finditer(re.escape(k), title)]
    best: tuple[tuple[int, int, float], int] | None = None
    for rank, marker in enumerate(_TITLE_BREAK_AFTER):
        for m in re.finditer(re.escape(marker), title):
            cut = m.end()
            if cut >= len(title) or any(a < cut < b for a, b in kept):
                continue
            first, second = _width(title[:cut]), _width(title[cut:])
            if first > capacity or second > capacity:
                continue
            # Prefer: both lines fit; the first not shorter (正梯形 reads as one unit); balance;
            # then the marker's rank.
            score = (0 if first >= second else 1, rank, abs(first - second))
            if best is None or score < best[0]:
                best = (score, cut)
    if best is None:
        return [title]  # no meaningful break fits: let the word processor wrap it
    return [title[: best[1]], title[best[1] :]]


def set_run_fonts(run_or_style_element: object, font: str, size: Pt | None = None) -> None:
    """Name ``font`` in ascii, hAnsi, eastAsia and cs of a run or style (and its size)."""
    r_pr = run_or_style_element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), font)
    fonts.set(qn("w:hint"), "eastAsia")
    if size is not None:
        half_points = str(int(size.pt * 2))
        for tag in ("w:sz", "w:szCs"):
            el = r_pr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                r_pr.append(el)
            el.set(qn("w:val"), half_points)


def _first_line_chars(paragraph_format_element: object, chars: int, size: Pt) -> None:
    """First-line indent in characters (w:firstLineChars), with the twips fallback for old readers."""
    p_pr = paragraph_format_element
    ind = p_pr.find(qn("w:ind"))  # type: ignore[attr-defined]
    if ind is None:
        ind = OxmlElement("w:ind")
        p_pr.append(ind)  # type: ignore[attr-defined]
    ind.set(qn("w:firstLineChars"), str(chars * 100))
    ind.set(qn("w:firstLine"), str(int(size.pt * 20 * chars)))


def _add_style(
    doc: DocxDocument,
    name: str,
    font: str,
    size: Pt,
    *,
    align: int | None,
    indent_chars: int,
    bold: bool = False,
    exact: bool = True,
) -> None:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = None
    style.quick_style = True
    set_run_fonts(style.element, font, size)
    style.font.bold = bold
    pf = style.paragraph_format
    if exact:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = LINE_EXACT
    else:
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.widow_control = False
    if align is not None:
        pf.alignment = align
    if indent_chars:
        _first_line_chars(style.element.get_or_add_pPr(), indent_chars, size)
    _no_auto_space(style.element.get_or_add_pPr())


def _no_auto_space(p_pr: object) -> None:
    """Word and LibreOffice add a visible gap between CJK and Latin text or digits by default
    ("247 件"); a 公文 sets "247件" solid, so both autoSpace switches are turned off."""
    # Readers follow the schema's element order: the switches go before w:bidi … w:jc.
    later = {qn(t) for t in _PPR_AFTER_AUTOSPACE}
    anchor = next((c for c in p_pr if c.tag in later), None)  # type: ignore[attr-defined]
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        el = p_pr.find(qn(tag))  # type: ignore[attr-defined]
        if el is None:
            el = OxmlElement(tag)
            if anchor is not None:
                anchor.addprevious(el)
            else:
                p_pr.append(el)  # type: ignore[attr-defined]
        el.set(qn("w:val"), "0")


_PPR_AFTER_AUTOSPACE = (
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def _setup(doc: DocxDocument) -> None:
    # Document defaults: the fallback any unstyled text uses is the body font, not Calibri.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        r_pr_default = defaults.find(qn("w:rPrDefault"))
        if r_pr_default is not None:
            r_pr = r_pr_default.find(qn("w:rPr"))
            if r_pr is not None:
                for child in list(r_pr):
                    r_pr.remove(child)
                fonts = OxmlElement("w:rFonts")
                for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                    fonts.set(qn(slot), FONT_BODY)
                r_pr.append(fonts)
                for tag in ("w:sz", "w:szCs"):
                    el = OxmlElement(tag)
                    el.set(qn("w:val"), str(int(SIZE_BODY.pt * 2)))
                    r_pr.append(el)
                lang = OxmlElement("w:lang")
                lang.set(qn("w:val"), "en-US")
                lang.set(qn("w:eastAsia"), "zh-CN")
                r_pr.append(lang)
        p_pr_default = defaults.find(qn("w:pPrDefault"))
        if p_pr_default is None:
            p_pr_default = OxmlElement("w:pPrDefault")
            defaults.append(p_pr_default)
        p_pr = p_pr_default.find(qn("w:pPr"))
        if p_pr is None:
            p_pr = OxmlElement("w:pPr")
            p_pr_default.append(p_pr)
        _no_auto_space(p_pr)
    normal = doc.styles["Normal"]
    set_run_fonts(normal.element, FONT_BODY, SIZE_BODY)
    _no_auto_space(normal.element.get_or_add_pPr())

    _add_style(
        doc, STYLE_BODY, FONT_BODY, SIZE_BODY, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_chars=2
    )
    _add_style(
        doc,
        STYLE_TITLE,
        FONT_TITLE,
        SIZE_TITLE,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        indent_chars=0,
        exact=False,
    )
    _add_style(doc, STYLE_H1, FONT_H1, SIZE_BODY, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_chars=2)
    _add_style(doc, STYLE_H2, FONT_H2, SIZE_BODY, align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent_chars=2)
    _add_style(
        doc, STYLE_PLAIN, FONT_BODY, SIZE_BODY, align=WD_ALIGN_PARAGRAPH.LEFT, indent_chars=0
    )
    _add_style(
        doc,
        STYLE_TABLE,
        FONT_BODY,
        SIZE_TABLE,
        align=WD_ALIGN_PARAGRAPH.CENTER,
        indent_chars=0,
        exact=False,
    )
    _add_style(doc, STYLE_FOOTER, FONT_PAGE, SIZE_PAGE, align=None, indent_chars=0, exact=False)
    # The title keeps 2号 with a comfortable exact spacing of its own (two-line titles).
    title_pf = doc.styles[STYLE_TITLE].paragraph_format
    title_pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    title_pf.line_spacing = Pt(35)

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(210)
    section.page_height = Mm(297)
    section.top_margin = MARGIN_TOP
    section.bottom_margin = MARGIN_BOTTOM
    section.left_margin = MARGIN_LEFT
    section.right_margin = MARGIN_RIGHT
    section.header_distance = Mm(15)
    section.footer_distance = Mm(28)  # 页码位于版心下边缘之下一行 (GB/T 9704 7.5)
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(int(LINE_EXACT.pt * 20)))

    # Odd pages: number at the right; even pages: at the left (w:evenAndOddHeaders).
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _styled_run(paragraph: object, text: str, font: str, size: Pt) -> object:
    run = paragraph.add_run(text)  # type: ignore[attr-defined]
    set_run_fonts(run._r, font, size)
    return run


def _page_number(footer: object, align: int) -> None:
    footer.is_linked_to_previous = False  # type: ignore[attr-defined]
    p = footer.paragraphs[0]  # type: ignore[attr-defined]
    p.style = STYLE_FOOTER
    p.alignment = align
    # 一字线 on both sides, one character in from the outer edge.
    if align == WD_ALIGN_PARAGRAPH.RIGHT:
        p.paragraph_format.right_indent = SIZE_PAGE
    else:
        p.paragraph_format.left_indent = SIZE_PAGE
    _styled_run(p, "— ", FONT_PAGE, SIZE_PAGE)
    for kind, text in (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        run = _styled_run(p, "", FONT_PAGE, SIZE_PAGE)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)  # type: ignore[attr-defined]
        elif kind == "text":
            run.text = text  # type: ignore[attr-defined]
        else:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)  # type: ignore[attr-defined]
    _styled_run(p, " —", FONT_PAGE, SIZE_PAGE)


_BLOCK_STYLE = {
    Paragraph: (STYLE_BODY, FONT_BODY),
    Heading1: (STYLE_H1, FONT_H1),
    Heading2: (STYLE_H2, FONT_H2),
}


def _add_text(doc: DocxDocument, text: str, style: str, font: str, size: Pt = SIZE_BODY) -> object:
    p = doc.add_paragraph(style=style)
    _no_auto_space(p._p.get_or_add_pPr())  # LibreOffice reads the switch per paragraph only
    _styled_run(p, text, font, size)
    return p


def _add_table(doc: DocxDocument, block: Table) -> None:
    rows = [list(r) for r in block.rows]
    if not rows:
        return
    ncols = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=ncols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "000000")
        borders.append(el)
    tbl_pr.append(borders)
    for i, row in enumerate(rows):
        for j in range(ncols):
            cell = table.cell(i, j)
            if block.widths_mm and j < len(block.widths_mm):
                cell.width = Mm(block.widths_mm[j])
            p = cell.paragraphs[0]
            p.style = STYLE_TABLE
            run = _styled_run(
                p,
                row[j] if j < len(row) else "",
                FONT_H1 if (block.header and i == 0) else FONT_BODY,
                SIZE_TABLE,
            )
            del run
    doc.add_paragraph(style=STYLE_PLAIN)  # keep the next paragraph off the table's bottom border


def build(
    title: str,
    *,
    doc_number: str = "",
    recipient: str = "",
    blocks: Sequence[Block] = (),
    signer: str = "",
    date_text: str = "",
    signatory: str = "",
    red_head: str = "",
    colophon: Colophon | None = None,
) -> bytes:
    """The whole 公文 as .docx bytes.

    `signatory` (签发人) makes it a 上行文: the 发文字号 goes left and "签发人：<name>" right on one
    line (GB/T 9704 §7.2.4). `red_head` is the 发文机关标志 printed in red above the red rule
    (the 红头 layout); without it the document starts at the 发文字号. `colophon` is the 版记."""
    doc = Document()
    # Drop the template's empty first paragraph so the page starts where we say.
    body = doc.element.body
    for p in list(body.findall(qn("w:p"))):
        body.remove(p)
    _setup(doc)
    doc.core_properties.title = title
    doc.core_properties.author = signer or "fazhi"
    doc.core_properties.language = "zh-CN"

    if red_head:
        p = _add_text(doc, red_head, STYLE_TITLE, FONT_TITLE, SIZE_RED_HEAD)
        p.paragraph_format.line_spacing = Pt(SIZE_RED_HEAD.pt * 1.25)  # type: ignore[attr-defined]
        for run in p.runs:  # type: ignore[attr-defined]
            _colour(run._r, RED)
        doc.add_paragraph(style=STYLE_PLAIN)
    if doc_number or signatory:
        p = _number_line(doc, doc_number, signatory)
        if red_head:
            _border(p, "bottom", RED, 12)  # the red 分隔线 under the 发文字号
        doc.add_paragraph(style=STYLE_PLAIN)
    for line in title_lines(title):
        _add_text(doc, line, STYLE_TITLE, FONT_TITLE, SIZE_TITLE)
    doc.add_paragraph(style=STYLE_PLAIN)  # 标题下空一行
    if recipient:
        _add_text(doc, recipient.rstrip("：:") + "：", STYLE_PLAIN, FONT_BODY)
    for block in blocks:
        if isinstance(block, Table):
            _add_table(doc, block)
            continue
        style, font = _BLOCK_STYLE[type(block)]
        _add_text(doc, block.text, style, font)
    if signer or date_text:
        doc.add_paragraph(style=STYLE_PLAIN)
        doc.add_paragraph(style=STYLE_PLAIN)
        # 成文日期右空四字; the 署名 is centred above the date.
        for text in (signer, date_text):
            if not text:
                continue
            p = _add_text(doc, text, STYLE_PLAIN, FONT_BODY)
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT  # type: ignore[attr-defined]
            pad = max(0, (len(date_text) - len(text)) // 2) if text == signer and date_text else 0
            p.paragraph_format.right_indent = Pt(SIZE_BODY.pt * (4 + pad))  # type: ignore[attr-defined]
    if colophon is not None:
        _add_colophon(doc, colophon)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _colour(r: object, rgb: str) -> None:
    r_pr = r.get_or_add_rPr()  # type: ignore[attr-defined]
    color = OxmlElement("w:color")
    color.set(qn("w:val"), rgb)
    r_pr.append(color)


def _border(paragraph: object, edge: str, rgb: str, eighths: int) -> None:
    """A rule along one edge of a paragraph; `eighths` is its width in eighths of a point."""
    p_pr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    borders = p_pr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        p_pr.append(borders)
    el = OxmlElement(f"w:{edge}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(eighths))
    el.set(qn("w:space"), "1")
    el.set(qn("w:color"), rgb)
    borders.append(el)


def _split_line(doc: DocxDocument, size: Pt) -> DocxParagraph:
    """A paragraph with a right-aligned tab stop one character in from the right edge of the 版心."""
    from docx.enum.text import WD_TAB_ALIGNMENT

    p = doc.add_paragraph(style=STYLE_PLAIN)
    width = Mm(210) - MARGIN_LEFT - MARGIN_RIGHT
    p.paragraph_format.left_indent = size
    p.paragraph_format.tab_stops.add_tab_stop(width - size, WD_TAB_ALIGNMENT.RIGHT)
    return p


def _number_line(doc: DocxDocument, doc_number: str, signatory: str) -> object:
    if not signatory:  # 下行文 and 平行文: the 发文字号 centred
        p = _add_text(doc, doc_number, STYLE_PLAIN, FONT_BODY)
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER  # type: ignore[attr-defined]
        return p
    p = _split_line(doc, SIZE_BODY)
    _styled_run(p, doc_number + "\t签发人：", FONT_BODY, SIZE_BODY)
    _styled_run(p, signatory, FONT_H2, SIZE_BODY)  # the name in 楷体
    return p


def _add_colophon(doc: DocxDocument, colophon: Colophon) -> None:
    """版记: 抄送 and 印发 lines in 4号仿宋 between a thick rule above, a thin rule between them and
    a thick rule below (GB/T 9704 §7.4)."""
    doc.add_paragraph(style=STYLE_PLAIN)
    lines: list[DocxParagraph] = []
    if colophon.copy_to:
        p = _split_line(doc, SIZE_PAGE)
        p.paragraph_format.right_indent = SIZE_PAGE
        _styled_run(p, "抄送：" + colophon.copy_to.rstrip("。") + "。", FONT_BODY, SIZE_PAGE)
        lines.append(p)
    if colophon.printer or colophon.printed_on:
        p = _split_line(doc, SIZE_PAGE)
        printed = f"{colophon.printed_on}印发" if colophon.printed_on else ""
        _styled_run(p, f"{colophon.printer}\t{printed}", FONT_BODY, SIZE_PAGE)
        lines.append(p)
    for i, line in enumerate(lines):
        _border(line, "top", "000000", 8 if i == 0 else 4)
    if lines:
        _border(lines[-1], "bottom", "000000", 8)


def docx_text(data: bytes) -> str:
    """The paragraphs (and table cells) of a .docx as plain text, one paragraph a line."""
    doc = Document(io.BytesIO(data))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append("\t".join(c.text for c in row.cells))
    return "\n".join(lines)
