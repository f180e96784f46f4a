"""The 公文 builder, read back with python-docx: page, fonts (w:eastAsia), sizes, spacing, footers."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from fazhi.lib import gongwen
from fazhi.lib.gongwen import Heading1, Heading2, Paragraph, Table


def _doc() -> Document:
    data = gongwen.build(
        "示例县人民政府关于2025年度法治政府建设情况的报告",
        doc_number="示政〔2026〕3号",
        recipient="示例市人民政府",
        blocks=[
            Heading1("一、主要举措和成效"),
            Heading2("（一）行政复议"),
            Paragraph("全年共收到行政复议申请12件。"),
            Table([["指标", "数值"], ["收到申请", "12件"]]),
        ],
        signer="示例县人民政府",
        date_text="2026年2月10日",
    )
    assert data[:2] == b"PK"
    return Document(io.BytesIO(data))


def _para(doc: Document, text: str):
    return next(p for p in doc.paragraphs if p.text == text)


def _east_asia(run) -> str:
    return run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_page_is_a4_with_gongwen_margins() -> None:
    s = _doc().sections[0]
    assert (round(s.page_width.mm), round(s.page_height.mm)) == (210, 297)
    # Stored in twips, so within 0.05 mm of the standard.
    for got, want in (
        (s.top_margin, 37),
        (s.bottom_margin, 35),
        (s.left_margin, 28),
        (s.right_margin, 26),
    ):
        assert abs(got - Mm(want)) < Mm(0.05), (got.mm, want)


def test_title_font_size_and_centring() -> None:
    doc = _doc()
    p = _para(doc, "示例县人民政府关于2025年度")
    assert [q.text for q in doc.paragraphs if q.style.name == gongwen.STYLE_TITLE] == [
        "示例县人民政府关于2025年度",
        "法治政府建设情况的报告",
    ]
    assert (
        p.alignment == WD_ALIGN_PARAGRAPH.CENTER
        or p.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    )
    run = p.runs[0]
    assert _east_asia(run) == "方正小标宋简体"
    assert run.font.name == "方正小标宋简体"  # w:ascii
    assert run.font.size == Pt(22)


def test_body_fangsong_exact_28pt_two_char_indent() -> None:
    doc = _doc()
    p = _para(doc, "全年共收到行政复议申请12件。")
    run = p.runs[0]
    assert _east_asia(run) == "仿宋_GB2312"
    assert run.font.size == Pt(16)
    pf = p.style.paragraph_format
    assert pf.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert pf.line_spacing == Pt(28)
    ind = p.style.element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"
    assert pf.first_line_indent == Pt(32)
    # The style itself names the East Asian font too (Word and WPS read styles first).
    style_fonts = p.style.element.rPr.find(qn("w:rFonts"))
    assert style_fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"


def test_heading_fonts() -> None:
    doc = _doc()
    assert _east_asia(_para(doc, "一、主要举措和成效").runs[0]) == "黑体"
    assert _east_asia(_para(doc, "（一）行政复议").runs[0]) == "楷体_GB2312"


def test_every_run_names_an_east_asian_font() -> None:
    doc = _doc()
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [
        r
        for t in doc.tables
        for row in t.rows
        for c in row.cells
        for p in c.paragraphs
        for r in p.runs
    ]
    assert runs
    for run in runs:
        assert _east_asia(run), run.text


def test_page_numbers_outer_corners_odd_right_even_left() -> None:
    doc = _doc()
    settings = doc.settings.element
    assert settings.find(qn("w:evenAndOddHeaders")) is not None
    s = doc.sections[0]
    odd, even = s.footer.paragraphs[0], s.even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for p in (odd, even):
        assert p.text == "— 1 —"
        assert " PAGE " in "".join(t.text for t in p._p.iter(qn("w:instrText")))
        for run in p.runs:
            assert _east_asia(run) == "宋体"
            assert run.font.size == Pt(14)


def test_signature_and_table() -> None:
    doc = _doc()
    assert _para(doc, "示例市人民政府：").runs[0].font.size == Pt(16)
    assert _para(doc, "2026年2月10日").alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert doc.tables[0].cell(1, 1).text == "12件"
    assert "全年共收到行政复议申请12件。" in gongwen.docx_text(
        gongwen.build("t", blocks=[Paragraph("全年共收到行政复议申请12件。")])
    )


def test_title_breaks_between_words_never_inside_a_phrase() -> None:
    lines = gongwen.title_lines
    assert lines("示例县人民政府关于2025年度法治政府建设情况的报告") == [
        "示例县人民政府关于2025年度",
        "法治政府建设情况的报告",
    ]
    assert lines("示例县人民政府2025年度政府信息公开工作年度报告") == [
        "示例县人民政府2025年度",
        "政府信息公开工作年度报告",
    ]
    # 20 full-width characters fit on one line (digits count half): no break.
    assert lines("示例县公安局2025年度法治政府建设情况报告") == [
        "示例县公安局2025年度法治政府建设情况报告"
    ]
    assert lines("第一行\n第二行") == ["第一行", "第二行"]  # a break the user typed is kept


def _upward(layout_red: bool) -> Document:
    data = gongwen.build(
        "示例县人民政府关于2025年度法治政府建设情况的报告",
        doc_number="示政〔2026〕3号",
        recipient="示例市人民政府",
        blocks=[Paragraph("全年共收到行政复议申请12件。")],
        signer="示例县人民政府",
        date_text="2026年2月10日",
        signatory="王建国",
        red_head="示例县人民政府文件" if layout_red else "",
        colophon=gongwen.Colophon(
            copy_to="县委依法治县办", printer="示例县人民政府办公室", printed_on="2026年2月10日"
        ),
    )
    return Document(io.BytesIO(data))


def _colour(run) -> str | None:
    el = run._r.rPr.find(qn("w:color"))
    return None if el is None else el.get(qn("w:val"))


def test_upward_document_prints_signatory_red_head_and_colophon() -> None:
    doc = _upward(layout_red=True)
    texts = [p.text for p in doc.paragraphs]
    head = _para(doc, "示例县人民政府文件")
    assert _colour(head.runs[0]) == gongwen.RED and head.runs[0].font.size == Pt(36)
    number = next(p for p in doc.paragraphs if p.text.startswith("示政〔2026〕3号"))
    assert number.text == "示政〔2026〕3号\t签发人：王建国"
    assert _east_asia(number.runs[-1]) == "楷体_GB2312"  # the name in 楷体
    rule = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:color")) == gongwen.RED  # the red 分隔线
    assert (
        texts.index("示例县人民政府文件")
        < texts.index(number.text)
        < texts.index("示例县人民政府关于2025年度")
    )
    # 版记 last: 抄送 then 印发机关 and 印发日期, between rules.
    assert texts[-2:] == ["抄送：县委依法治县办。", "示例县人民政府办公室\t2026年2月10日印发"]
    last = doc.paragraphs[-1]._p.pPr.find(qn("w:pBdr"))
    assert last.find(qn("w:bottom")).get(qn("w:sz")) == "8"


def test_plain_layout_has_no_red_head_but_keeps_signatory() -> None:
    doc = _upward(layout_red=False)
    assert "示例县人民政府文件" not in [p.text for p in doc.paragraphs]
    assert any(p.text == "示政〔2026〕3号\t签发人：王建国" for p in doc.paragraphs)


def test_no_automatic_gap_between_digits_and_chinese() -> None:
    doc = _doc()
    body = doc.styles[gongwen.STYLE_BODY].element.pPr
    assert body.find(qn("w:autoSpaceDE")).get(qn("w:val")) == "0"
    assert body.find(qn("w:autoSpaceDN")).get(qn("w:val")) == "0"
