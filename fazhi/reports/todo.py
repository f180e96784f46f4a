"""我的待办 for the annual report: a report waiting for my 审核, a 定稿 report to 报送, 保密审查 and
公开, and the statutory deadlines of last year's report within 30 days (or passed) while not yet
met; for the government's report its office and leaders, for a department's own its staff."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi import todo
from fazhi.reports.deadlines import progress
from fazhi.reports.models import AnnualReport, Status
from fazhi.reports.views import APPROVERS, WRITERS, _may, own_department
from fazhi.reports.workflow import drafters

WARN_DAYS = 30


@todo.register
def report_items(user: Any, today: dt.date) -> list[todo.Item]:
    out: list[todo.Item] = []
    if user.jurisdiction_id and (user.is_superuser or user.role in APPROVERS):
        government = AnnualReport.objects.visible_to(user).filter(
            jurisdiction_id=user.jurisdiction_id, department__isnull=True
        )
        out += _items(user, today, government, whose="", unit="")
    department = own_department(user)
    if department is not None:
        own = AnnualReport.objects.filter(department=department)
        out += _items(user, today, own, whose=f"d{department.pk}:", unit="本部门")
    return out


def _items(user: Any, today: dt.date, mine: Any, *, whose: str, unit: str) -> list[todo.Item]:
    """The steps of these reports the user may take now, and their deadlines."""
    out: list[todo.Item] = []
    for report in mine.filter(status=Status.REVIEW):
        if user.pk in drafters(report) or not _may(user, report, APPROVERS):
            continue  # 定稿 is a second person's: the drafter is not offered it
        out.append(
            todo.Item(
                f"report:{report.pk}:review",
                "approval",
                f"待审核：{report.title}",
                report.get_absolute_url(),
            )
        )
    steps = (
        (Status.FINAL, "submit", "已定稿待报送"),
        (Status.SUBMITTED, "secrecy", "已报送待保密审查"),
        (Status.SECRECY_CHECKED, "publish", "已保密审查待公开"),
    )
    for status, step, label in steps:
        for report in mine.filter(status=status):
            if _may(user, report, WRITERS):
                out.append(
                    todo.Item(
                        f"report:{report.pk}:{step}",
                        "report",
                        f"{label}：{report.title}",
                        report.get_absolute_url(),
                    )
                )
    year = today.year - 1
    report = mine.filter(year=year).first()
    for deadline, done, _ in progress(report, year):
        left = deadline.days_left(today)
        if done or left > WARN_DAYS:
            continue
        out.append(
            todo.Item(
                f"report-deadline:{user.jurisdiction_id}:{whose}{year}:{deadline.label}",
                "report",
                f"{year}年度{unit}法治政府建设年度报告：{deadline.describe(today)}",
                report.get_absolute_url() if report else "/reports/",
                due_on=deadline.due_on,
                days_overdue=max(-left, 0),
            )
        )
    return out
