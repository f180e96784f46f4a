"""The coordinating office's tracker: every unit of a jurisdiction (departments, townships) with its
report's progress against the fixed deadlines (statutes.md §13) and `review/`'s checks on it."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from fazhi.imports.excel import SAFE_WORKBOOK_OPTIONS, write_value
from fazhi.lib.cn_date import cn_date
from fazhi.org.models import Jurisdiction
from fazhi.reports.deadlines import SUBMITTED_STATES, deadlines
from fazhi.reports.models import AnnualReport, ReportReminder, Status
from fazhi.reports.unit_reports import ReviewResult, review_result
from fazhi.reports.units import Unit, units_of


def disclosure_report_deadline(year: int) -> dt.date:
    """A department's 政府信息公开工作年度报告 on `year`: by 31 January of the next year
    (《政府信息公开条例》第四十九条, statutes.md §13)."""
    return dt.date(year + 1, 1, 31)


@dataclass
class TrackerRow:
    unit: Unit
    report: AnnualReport | None
    submit_due: dt.date
    publish_due: dt.date
    gov_info_due: dt.date | None
    today: dt.date
    review: ReviewResult | None = None
    reminders: list[ReportReminder] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return self.report.get_status_display() if self.report else "未起草"

    @property
    def drafted(self) -> bool:
        return self.report is not None

    @property
    def submitted_on(self) -> dt.date | None:
        r = self.report
        return r.submitted_on if r is not None and r.status in SUBMITTED_STATES else None

    @property
    def published_on(self) -> dt.date | None:
        r = self.report
        return r.published_on if r is not None and r.status == Status.PUBLISHED else None

    @staticmethod
    def _timing(done: dt.date | None, due: dt.date, today: dt.date) -> str:
        if done is not None:
            return "按期" if done <= due else f"逾期{(done - due).days}天"
        if today > due:
            return f"已逾期{(today - due).days}天"
        return f"还有{(due - today).days}天"

    @property
    def submit_timing(self) -> str:
        return self._timing(self.submitted_on, self.submit_due, self.today)

    @property
    def publish_timing(self) -> str:
        return self._timing(self.published_on, self.publish_due, self.today)

    @property
    def submit_late(self) -> bool:
        return (self.submitted_on or self.today) > self.submit_due

    @property
    def publish_late(self) -> bool:
        return (self.published_on or self.today) > self.publish_due

    @property
    def review_text(self) -> str:
        if self.review is None:
            return "—"
        r = self.review
        parts = []
        if r.placeholder:
            parts.append("尚有【待补充】未撰写")
        if r.missing_parts:
            parts.append("缺少“" + "”“".join(r.missing_parts) + "”")
        if r.identity_errors:
            parts.append(f"勾稽关系不成立{r.identity_errors}处")
        if r.rates_over_100:
            parts.append(f"比率超过100%{r.rates_over_100}处")
        if r.vague:
            parts.append("不足部分空泛")
        if r.copied:
            parts.append(f"照搬上年段落{r.copied}段")
        return "；".join(parts) if parts else "五项法定内容齐全，未发现问题"

    @property
    def last_reminder(self) -> ReportReminder | None:
        return self.reminders[0] if self.reminders else None


SORTS: dict[str, Any] = {
    "unit": lambda r: (r.unit.department is None, r.unit.name),
    "status": lambda r: (r.report is not None, r.report.status if r.report else ""),
    "submitted": lambda r: (r.submitted_on is not None, r.submitted_on or dt.date.min),
    "published": lambda r: (r.published_on is not None, r.published_on or dt.date.min),
    "review": lambda r: r.review.problem_count if r.review else -1,
    "reminded": lambda r: len(r.reminders),
}


def rows_for(
    jur: Jurisdiction, year: int, *, today: dt.date | None = None, sort: str = "unit"
) -> list[TrackerRow]:
    today = today or timezone.localdate()
    submit, publish = deadlines(year)
    units = units_of(jur)
    reports = AnnualReport.objects.filter(year__in=(year, year - 1)).filter(
        jurisdiction_id__in={u.jurisdiction.pk for u in units}
    )
    by_key: dict[tuple[int, int | None, int], AnnualReport] = {
        (r.jurisdiction_id, r.department_id, r.year): r
        for r in reports.select_related("jurisdiction", "department")
    }
    reminders = list(
        ReportReminder.objects.filter(jurisdiction=jur, year=year).select_related("by")
    )
    rows = []
    for unit in units:
        dept_id = unit.department.pk if unit.department else None
        report = by_key.get((unit.jurisdiction.pk, dept_id, year))
        previous = by_key.get((unit.jurisdiction.pk, dept_id, year - 1))
        row = TrackerRow(
            unit=unit,
            report=report,
            submit_due=submit.due_on,
            publish_due=publish.due_on,
            gov_info_due=disclosure_report_deadline(year) if unit.department else None,
            today=today,
            review=review_result(report, previous) if report is not None else None,
            reminders=[
                m
                for m in reminders
                if (
                    m.department_id == dept_id if dept_id else m.township_id == unit.jurisdiction.pk
                )
            ],
        )
        rows.append(row)
    key = SORTS.get(sort.lstrip("-"), SORTS["unit"])
    rows.sort(key=key, reverse=sort.startswith("-"))
    return rows


HEADERS = [
    "单位",
    "类别",
    "状态",
    "报送期限",
    "报送日期",
    "报送是否按期",
    "公开期限",
    "公开日期",
    "公开网址",
    "公开是否按期",
    "政府信息公开年报期限",
    "审查结果",
    "催办次数",
    "最近催办",
]


def xlsx_bytes(jur: Jurisdiction, year: int, rows: list[TrackerRow]) -> bytes:
    import xlsxwriter

    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, **SAFE_WORKBOOK_OPTIONS})
    ws = wb.add_worksheet(f"{year}年度报告报送情况"[:31])
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, HEADERS, head)
    ws.set_column(0, 0, 24)
    ws.set_column(11, 11, 50)
    for i, row in enumerate(rows, start=1):
        last = row.last_reminder
        values = [
            row.unit.name,
            row.unit.kind_label,
            row.status_label,
            row.submit_due,
            row.submitted_on or "",
            row.submit_timing,
            row.publish_due,
            row.published_on or "",
            row.report.published_url if row.report and row.published_on else "",
            row.publish_timing,
            row.gov_info_due or "",
            row.review_text,
            len(row.reminders),
            f"{last.by}，{cn_date(timezone.localtime(last.at).date())}" if last else "",
        ]
        for c, value in enumerate(values):
            write_value(ws, i, c, value, date if isinstance(value, dt.date) else None)
    wb.close()
    return buf.getvalue()
