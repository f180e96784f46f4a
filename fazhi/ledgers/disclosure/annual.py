"""The 政府信息公开工作年度报告 (条例 Arts. 49–50) in the national format of 国办公开办函〔2021〕30号,
computed for a jurisdiction (its government and departments together) or one department and a
year: 一 总体情况 (text), 二 主动公开 (table, entered figures), 三 收到和处理申请 (the table, from the
request rows), 四 复议、诉讼 (from the 行政复议 and 行政应诉 ledgers through their api), 五 and 六
(text, 收费 included). The table arithmetic is checked and every failed check is a `Issue`.

Counting rules of table 三 (per applicant column):
- 本年新收: receipt date in the year; 上年结转: received before the year, not closed before it.
- each result row: requests (新收 or 结转) closed in the year with that type and ground;
- 总计: the sum of the result rows; 结转下年度: 新收 + 结转 not closed by 31 December.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

from django.db.models import Q

from fazhi.ledgers.disclosure.models import AnnualFigures, DisclosureRequest, ProactiveItem
from fazhi.ledgers.disclosure.states import (
    CLOSED,
    GROUNDS,
    STATUTORY_CATEGORIES,
    ApplicantKind,
    Ground,
    ReplyType,
)
from fazhi.lib.money import fen_to_yuan_text
from fazhi.org.models import Department, Jurisdiction

# Table 三's columns: 自然人, then 法人或其他组织 (five kinds), then 总计.
COLUMNS: list[tuple[str, str]] = [(k.value, k.label.split("（")[0]) for k in ApplicantKind]
COLUMN_KEYS = [k for k, _ in COLUMNS]


@dataclass(frozen=True)
class Row:
    key: str  # "new", "carried", "disclosed", "withheld:state_secret", "total", "carry_forward"
    label: str
    group: str = ""  # "三、本年度办理结果", "（三）不予公开"


def result_rows() -> list[Row]:
    """The result rows in the table's order: 予以公开, 部分公开, then each type's grounds."""
    numerals = "一二三四五六"
    out = []
    for i, reply_type in enumerate(ReplyType):
        grounds = GROUNDS[reply_type] if reply_type != ReplyType.PARTIALLY_DISCLOSED else ()
        head = f"（{numerals[i]}）{reply_type.label}"
        if reply_type == ReplyType.PARTIALLY_DISCLOSED:
            head += "（区分处理的，只计这一情形，不计其他情形）"
        if not grounds:
            out.append(Row(reply_type.value, head, "三、本年度办理结果"))
            continue
        for j, g in enumerate(grounds, 1):
            out.append(Row(f"{reply_type.value}:{g}", f"{j}.{Ground(g).label}", head))
    return out


def table3_rows() -> list[Row]:
    return [
        Row("new", "一、本年新收政府信息公开申请数量"),
        Row("carried", "二、上年结转政府信息公开申请数量"),
        *result_rows(),
        Row("total", "（七）总计", "三、本年度办理结果"),
        Row("carry_forward", "四、结转下年度继续办理"),
    ]


@dataclass
class Issue:
    """A failed check of the table arithmetic (a reconciliation issue)."""

    check: str
    message: str


@dataclass
class Report:
    jurisdiction: str
    organ: str
    year: int
    overview: list[str]
    table2: list[list[str]]
    table3: dict[str, dict[str, int]]  # row key → column key (+ "total") → count
    table4: dict[str, dict[str, int]]  # "review" / "direct" / "after_review" → result → count
    problems: list[str]
    other_matters: list[str]
    issues: list[Issue] = field(default_factory=list)
    deadline: str = ""

    def as_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["table3_rows"] = [asdict(r) for r in table3_rows()]
        out["table3_columns"] = [{"key": k, "label": v} for k, v in COLUMNS] + [
            {"key": "total", "label": "总计"}
        ]
        return out


def _key(reply_type: str, ground: str) -> str:
    if reply_type in (ReplyType.DISCLOSED, ReplyType.PARTIALLY_DISCLOSED):
        return reply_type
    return f"{reply_type}:{ground}"


def compute_table3(rows: Any, year: int) -> dict[str, dict[str, int]]:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    keys = [r.key for r in table3_rows()]
    table = {k: dict.fromkeys([*COLUMN_KEYS, "total"], 0) for k in keys}

    def add(row_key: str, column: str) -> None:
        table[row_key][column] += 1
        table[row_key]["total"] += 1

    qs = rows.filter(
        Q(received_on__lte=end) & (Q(replied_on__isnull=True) | Q(replied_on__gte=start))
    )
    for kind, received_on, state, replied_on, reply_type, ground in qs.values_list(
        "applicant_kind", "received_on", "state", "replied_on", "reply_type", "reply_ground"
    ):
        add("new" if received_on >= start else "carried", kind)
        if state in CLOSED and replied_on is not None and replied_on <= end:
            add(_key(reply_type, ground), kind)
            add("total", kind)
        else:
            add("carry_forward", kind)
    return table


def check_table3(table: dict[str, dict[str, int]]) -> list[Issue]:
    """Rows add to 总计 (each row's columns, and the result rows per column); 新收 + 上年结转 =
    办理结果总计 + 结转下年度 per column."""
    issues: list[Issue] = []
    labels = {r.key: r.label for r in table3_rows()}
    for key, cells in table.items():
        s = sum(cells[c] for c in COLUMN_KEYS)
        if s != cells["total"]:
            issues.append(
                Issue(
                    "row_total",
                    f"“{labels.get(key, key)}”各类申请人之和为{s}，总计栏为{cells['total']}",
                )
            )
    names = dict(COLUMNS) | {"total": "总计"}
    for c in [*COLUMN_KEYS, "total"]:
        results = sum(table[r.key][c] for r in result_rows())
        if results != table["total"][c]:
            issues.append(
                Issue(
                    "results_total",
                    f"{names[c]}栏：各项办理结果之和为{results}，“（七）总计”为{table['total'][c]}",
                )
            )
        left = table["new"][c] + table["carried"][c]
        right = table["total"][c] + table["carry_forward"][c]
        if left != right:
            issues.append(
                Issue(
                    "balance",
                    f"{names[c]}栏：本年新收{table['new'][c]} + 上年结转{table['carried'][c]} = {left}，"
                    f"而办理结果总计{table['total'][c]} + 结转下年度{table['carry_forward'][c]} = {right}",
                )
            )
    return issues


def check_table4(table: dict[str, dict[str, int]]) -> list[Issue]:
    names = {"review": "行政复议", "direct": "未经复议直接起诉", "after_review": "复议后起诉"}
    issues = []
    for part, cells in table.items():
        s = sum(cells[k] for k in ("upheld", "corrected", "other", "pending"))
        if s != cells["total"]:
            issues.append(
                Issue("table4_total", f"{names[part]}：各结果之和为{s}，总计为{cells['total']}")
            )
    return issues


def _figures(jurisdiction: Jurisdiction, department: Department | None, year: int) -> AnnualFigures:
    found = AnnualFigures.objects.filter(
        jurisdiction=jurisdiction, department=department, year=year
    ).first()
    return found or AnnualFigures(jurisdiction=jurisdiction, department=department, year=year)


def compute_table2(f: AnnualFigures) -> list[list[str]]:
    """Section 二 as the national format lays it out (条例第二十条各项)."""
    return [
        ["第二十条第（一）项", "", "", ""],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", str(f.rules_issued), str(f.rules_repealed), str(f.rules_in_force)],
        [
            "行政规范性文件",
            str(f.normative_issued),
            str(f.normative_repealed),
            str(f.normative_in_force),
        ],
        ["第二十条第（五）项", "", "", ""],
        ["信息内容", "本年处理决定数量", "", ""],
        ["行政许可", str(f.licensing_decisions), "", ""],
        ["第二十条第（六）项", "", "", ""],
        ["信息内容", "本年处理决定数量", "", ""],
        ["行政处罚", str(f.penalty_decisions), "", ""],
        ["行政强制", str(f.coercion_decisions), "", ""],
        ["第二十条第（八）项", "", "", ""],
        ["信息内容", "本年收费金额（单位：万元）", "", ""],
        ["行政事业性收费", f"{f.fees_fen / 1_000_000:.4f}".rstrip("0").rstrip("."), "", ""],
    ]


def build(jurisdiction: Jurisdiction, year: int, department: Department | None = None) -> Report:
    from fazhi.ledgers.litigation.api import disclosure_results as suits
    from fazhi.ledgers.reconsideration.api import disclosure_results as reviews

    rows = DisclosureRequest.objects.filter(jurisdiction=jurisdiction)
    if department is not None:
        rows = rows.filter(department=department)
    table3 = compute_table3(rows, year)
    dept_id = department.pk if department is not None else None
    table4 = {
        "review": reviews([jurisdiction.pk], year, dept_id),
        **suits([jurisdiction.pk], year, dept_id),
    }
    f = _figures(jurisdiction, department, year)
    organ = (
        f"{jurisdiction.name}{department.name}"
        if department is not None
        else jurisdiction.government_name
    )
    proactive = ProactiveItem.objects.filter(
        jurisdiction=jurisdiction, department=department, year=year
    )
    statutory = sum(p.count for p in proactive if p.category in STATUTORY_CATEGORIES)
    news = sum(p.count for p in proactive if p.category not in STATUTORY_CATEGORIES)
    t = table3
    answered = t["total"]["total"]
    on_time = rows.filter(state__in=CLOSED, replied_on__year=year, answered_on_time=True).count()
    overview = [
        f"{year}年，{organ}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
        f"全年主动公开政府信息{statutory}条，发布政策类、动态类信息{news}条。",
        f"全年新收政府信息公开申请{t['new']['total']}件，上年结转{t['carried']['total']}件，办结{answered}件"
        f"（其中按期答复{on_time}件），结转下年度继续办理{t['carry_forward']['total']}件。",
    ]
    if f.overview:
        overview.append(f.overview)
    fees = rows.filter(fee_paid_on__year=year, fee_fen__isnull=False)
    fee_total = sum(fees.values_list("fee_fen", flat=True))
    other = [
        f"本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费"
        f"{fees.count()}件，共{fen_to_yuan_text(fee_total)}。"
        if fee_total
        else "本年度未收取信息处理费。"
    ]
    if f.other_matters:
        other.append(f.other_matters)
    problems = [f.problems] if f.problems else ["（请填写存在的主要问题及改进情况）"]
    report = Report(
        jurisdiction=jurisdiction.name,
        organ=organ,
        year=year,
        overview=overview,
        table2=compute_table2(f),
        table3=table3,
        table4=table4,
        problems=problems,
        other_matters=other,
        deadline=deadline_text(year, department is not None),
    )
    report.issues = check_table3(table3) + check_table4(table4)
    return report


def deadline(year: int, department: bool) -> dt.date:
    """条例第四十九、五十条: departments by 31 January, governments by 31 March of the next year."""
    return dt.date(year + 1, 1, 31) if department else dt.date(year + 1, 3, 31)


def deadline_text(year: int, department: bool) -> str:
    from fazhi.lib.cn_date import cn_date

    who = "部门向本级政府信息公开工作主管部门报送并公布" if department else "人民政府向社会公布"
    return f"{who}：{cn_date(deadline(year, department))}前（条例第{'四十九' if department else '五十'}条）"
