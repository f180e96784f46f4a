"""The 政府信息公开工作年度报告 rendered: docx through the kernel's 公文 helper (the tables as real
docx tables), PDF through LibreOffice (`fazhi.reports.pdf`), HTML for the public page, and JSON."""

from __future__ import annotations

import json

from django.template.loader import render_to_string

from fazhi.ledgers.disclosure.annual import COLUMNS, Report, table3_rows
from fazhi.lib import gongwen
from fazhi.lib.gongwen import Heading1, Paragraph, Table

RESULTS = [
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
]
PARTS4 = [
    ("review", "行政复议"),
    ("direct", "行政诉讼·未经复议直接起诉"),
    ("after_review", "行政诉讼·复议后起诉"),
]


def title(report: Report) -> str:
    return f"{report.organ}{report.year}年政府信息公开工作年度报告"


# Header spans of table 三 (rows 0–2): 申请人情况 over the seven columns, 法人或其他组织 over its
# five kinds, and 自然人 / 总计 / the row-label column down the header rows.
TABLE3_MERGES = ((0, 0, 2, 0), (0, 1, 0, 7), (1, 1, 2, 1), (1, 2, 1, 6), (1, 7, 2, 7))
TABLE4_MERGES = ((0, 0, 0, 4), (0, 5, 0, 9), (0, 10, 0, 14))
TABLE2_MERGES = ((0, 0, 0, 3), (4, 0, 4, 3), (7, 0, 7, 3), (11, 0, 11, 3))


def table3_grid(report: Report) -> list[list[str]]:
    head1 = [
        "",
        "申请人情况",
        "",
        "",
        "",
        "",
        "",
        "",
    ]
    head2 = ["", "自然人", "法人或其他组织", "", "", "", "", "总计"]
    head3 = ["", "", *[label for _, label in COLUMNS[1:]], ""]
    grid = [head1, head2, head3]
    keys = [k for k, _ in COLUMNS] + ["total"]
    for row in table3_rows():
        label = f"{row.group} {row.label}".strip() if row.group.startswith("（") else row.label
        grid.append([label, *[str(report.table3[row.key][k]) for k in keys]])
    return grid


def table4_grid(report: Report) -> list[list[str]]:
    head1: list[str] = []
    head2: list[str] = []
    for _, part_label in PARTS4:
        head1 += [part_label] + [""] * (len(RESULTS) - 1)
        head2 += [label for _, label in RESULTS]
    values = [str(report.table4[part][k]) for part, _ in PARTS4 for k, _ in RESULTS]
    return [head1, head2, values]


def issue_lines(report: Report) -> list[str]:
    if not report.issues:
        return [
            "表格勾稽核对：各行之和与总计相符；本年新收 + 上年结转 = 办理结果总计 + 结转下年度。"
        ]
    return [f"表格勾稽核对发现问题：{i.message}" for i in report.issues]


def to_docx(report: Report) -> bytes:
    blocks: list[gongwen.Block] = [
        Paragraph(
            f"本报告根据《中华人民共和国政府信息公开条例》和国务院办公厅政府信息与政务公开办公室印发的"
            f"《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）编制。"
            f"报告所列数据的统计期限为{report.year}年1月1日至12月31日。"
        ),
        Heading1("一、总体情况"),
        *[Paragraph(p) for p in report.overview],
        Heading1("二、主动公开政府信息情况"),
        Table(
            report.table2,
            header=False,
            widths_mm=(52, 40, 32, 32),
            merges=TABLE2_MERGES,
            font_pt=12,
        ),
        Heading1("三、收到和处理政府信息公开申请情况"),
        Table(
            table3_grid(report),
            widths_mm=(65, 13, 13, 13, 13, 13, 13, 13),
            merges=TABLE3_MERGES,
            header_rows=3,
            font_pt=10.5,
        ),
        Heading1("四、政府信息公开行政复议、行政诉讼情况"),
        Table(
            table4_grid(report),
            widths_mm=(10.4,) * 15,
            merges=TABLE4_MERGES,
            header_rows=2,
            font_pt=9,
        ),
        Heading1("五、存在的主要问题及改进情况"),
        *[Paragraph(p) for p in report.problems],
        Heading1("六、其他需要报告的事项"),
        *[Paragraph(p) for p in report.other_matters],
    ]
    return gongwen.build(
        title(report), blocks=blocks, signer=report.organ, date_text="　　年　　月　　日"
    )


def to_pdf(report: Report) -> bytes:
    from fazhi.reports.pdf import docx_to_pdf

    return docx_to_pdf(to_docx(report))


def spans(
    grid: list[list[str]], merges: tuple[tuple[int, int, int, int], ...]
) -> list[list[tuple[str, int, int]]]:
    """The grid as HTML rows of (text, colspan, rowspan), the cells a merge covers left out."""
    covered: set[tuple[int, int]] = set()
    start: dict[tuple[int, int], tuple[int, int]] = {}
    for r0, c0, r1, c1 in merges:
        start[(r0, c0)] = (c1 - c0 + 1, r1 - r0 + 1)
        covered |= {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - {(r0, c0)}
    return [
        [(text, *start.get((i, j), (1, 1))) for j, text in enumerate(row) if (i, j) not in covered]
        for i, row in enumerate(grid)
    ]


def to_html(report: Report) -> str:
    return render_to_string(
        "disclosure/annual_report.html",
        {
            "report": report,
            "title": title(report),
            "table2": spans(report.table2, TABLE2_MERGES),
            "table3": spans(table3_grid(report), TABLE3_MERGES),
            "table4": spans(table4_grid(report), TABLE4_MERGES),
            "issues": issue_lines(report),
        },
    )


def to_json(report: Report) -> str:
    return json.dumps(report.as_json(), ensure_ascii=False, indent=2)
