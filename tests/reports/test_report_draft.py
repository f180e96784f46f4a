"""Drafting from the ledgers, the docx read back, every number in the text equal to its indicator."""

from __future__ import annotations

import io
import re
from decimal import Decimal

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from fazhi.indicators.compute import for_jurisdiction_year
from fazhi.indicators.sections import PARTS
from fazhi.reports import render
from fazhi.reports.draft import PLACEHOLDER_RE, draft

R = "reconsideration."


def test_draft_has_title_opening_and_five_parts_in_order(fake, county) -> None:
    report = draft(county, 2025)
    assert report.title == "示例县人民政府关于2025年度法治政府建设情况的报告"
    assert report.recipient == "示例市人民政府" and report.signer == "示例县人民政府"
    assert "示例县2025年度法治政府建设情况报告如下" in report.opening
    parts = list(report.parts.order_by("number"))
    assert [p.title for p in parts] == [
        "一、主要举措和成效",
        "二、存在的不足和原因",
        "三、党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的情况",
        "四、下一年度工作安排",
        "五、其他需要报告的事项",
    ]
    # The kernel numbers the level-2 headings; the ledger's own ordinal is dropped.
    assert parts[0].text.splitlines()[0] == "## （一）依法化解行政争议"
    assert "{{fig:reconsideration.received}}" in parts[0].text
    # Parts no ledger feeds: an explicit placeholder, never invented text.
    for p in parts[2:]:
        assert PLACEHOLDER_RE.fullmatch(p.text), p.text
    assert PARTS[3] in parts[2].text
    frozen = {t.indicator_id: t for t in report.figures.all()}
    assert frozen[R + "received"].value == 12 and frozen[R + "received"].text == "12件"
    assert frozen[R + "received"].row_count == 1 and frozen[R + "received"].url.startswith("/fake/")
    rate = frozen[R + "correction_rate"]
    assert (rate.numerator, rate.denominator, rate.value) == (3, 8, Decimal("37.5"))
    assert rate.text == "37.5%（纠错3件 ÷ 实体审结8件）"


def test_rendered_text_uses_the_unit_once(fake, county) -> None:
    report = draft(county, 2025)
    paras = [p.text for p in render.paragraphs(report)]
    assert (
        "全年共收到行政复议申请12件，受理9件，审结10件，纠错率37.5%（纠错3件 ÷ 实体审结8件）。"
        in paras
    )


def test_docx_reads_back_with_gongwen_fonts_and_margins(fake, county) -> None:
    doc = Document(io.BytesIO(render.to_docx(draft(county, 2025))))
    s = doc.sections[0]
    assert abs(s.top_margin - Mm(37)) < Mm(0.05) and abs(s.left_margin - Mm(28)) < Mm(0.05)
    assert abs(s.bottom_margin - Mm(35)) < Mm(0.05) and abs(s.right_margin - Mm(26)) < Mm(0.05)
    by_text = {p.text: p for p in doc.paragraphs}
    title = by_text["示例县人民政府关于2025年度"]  # the first of the two title lines
    assert title.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "方正小标宋简体"
    assert title.runs[0].font.size == Pt(22)
    h1 = by_text["一、主要举措和成效"]
    assert h1.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"
    h2 = by_text["（一）依法化解行政争议"]
    assert h2.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "楷体_GB2312"
    body = next(p for p in doc.paragraphs if p.text.startswith("全年共收到"))
    assert body.runs[0]._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body.runs[0].font.size == Pt(16)
    assert body.style.paragraph_format.line_spacing == Pt(28)
    assert doc.settings.element.find(qn("w:evenAndOddHeaders")) is not None


NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def test_every_number_in_the_rendered_text_equals_its_indicator(fake, county) -> None:
    report = draft(county, 2025)
    frozen = {t.indicator_id: t for t in report.figures.all()}
    docx_paras = [p.text for p in Document(io.BytesIO(render.to_docx(report))).paragraphs]
    live = for_jurisdiction_year(county, 2025)
    checked = 0
    for para in render.paragraphs(report):
        if para.kind != "p" or not para.text:
            continue
        assert para.text in docx_paras  # the docx carries exactly this text
        for m in NUMBER_RE.finditer(para.text):
            if para.text[m.end() : m.end() + 1] == "年":
                continue  # the report year in the opening sentence
            span = next((s for s in para.spans if s.start <= m.start() and m.end() <= s.end), None)
            assert span is not None, f"“{m.group()}” in “{para.text}” is not a figure token"
            tok = frozen[span.indicator_id]
            allowed = {v for v in (tok.value, tok.numerator, tok.denominator) if v is not None}
            assert Decimal(m.group()) in allowed, (m.group(), span.indicator_id)
            # …and the value is the indicator's, read now from the ledger.
            fig = live[span.indicator_id]
            assert Decimal(m.group()) in {
                v for v in (fig.value, fig.numerator, fig.denominator) if v is not None
            }
            checked += 1
    assert checked >= 9


def test_redrafting_keeps_parts_written_by_hand(fake, county) -> None:
    import pytest

    from fazhi.reports.draft import DraftError

    report = draft(county, 2025)
    part2 = report.parts.get(number=2)
    part2.text = "一是基层执法人员不足，二是复议案件增长较快。"
    part2.save(update_fields=["text"])
    part1_before = report.parts.get(number=1).text
    again = draft(county, 2025)
    assert again.pk == report.pk
    assert again.kept_parts == ["二、存在的不足和原因"]
    assert again.parts.get(number=2).text == "一是基层执法人员不足，二是复议案件增长较快。"
    # Parts nobody touched are rebuilt from the ledgers as before.
    assert again.parts.get(number=1).text == part1_before
    assert PLACEHOLDER_RE.fullmatch(again.parts.get(number=3).text)
    assert again.figures.filter(indicator_id=R + "received").exists()
    with pytest.raises(DraftError, match="报告年度应在2000年至"):
        draft(county, 9999)


def test_refreeze_refuses_unknown_indicators(fake, county) -> None:
    import pytest

    from fazhi.reports.workflow import TransitionError, refreeze

    report = draft(county, 2025)
    with pytest.raises(TransitionError, match="未知指标：nope.x"):
        refreeze(report, ["nope.x"], by=None)
    with pytest.raises(TransitionError, match="（未选择）"):
        refreeze(report, [], by=None)
    refreeze(report, [R + "received"], by=None)
    assert report.figures.get(indicator_id=R + "received").value == 12


def test_headings_past_ten_are_numbered_in_chinese() -> None:
    from fazhi.reports.draft import cn_ordinal

    assert [cn_ordinal(n) for n in (1, 9, 10, 11, 12, 20, 23)] == [
        "一",
        "九",
        "十",
        "十一",
        "十二",
        "二十",
        "二十三",
    ]
