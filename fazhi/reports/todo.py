"""我的待办 for the annual report: a report waiting for my 审核, a 定稿 report to 报送, 保密审查 and
公开, and the statutory deadlines of last year's report within 30 days (or passed) while not yet
met; for the government's report its office and leaders, for a department's own its staff."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi import todo
from fazhi.reports.deadlines import deadlines
from fazhi.reports.models import AnnualReport, Status
from fazhi.reports.views import APPROVERS, UNIT_APPROVERS, UNIT_WRITERS, WRITERS, _may
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
    if user.department_id and user.role in (*UNIT_WRITERS, *UNIT_APPROVERS):
        own = AnnualReport.objects.filter(department_id=user.department_id)
        out += _items(user, today, own, whose=f"d{user.department_id}:", unit="本部门")
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
    submit, publish = deadlines(year)
    for deadline, done in (
        (
            submit,
            report is not None
            and report.status in (Status.SUBMITTED, Status.SECRECY_CHECKED, Status.PUBLISHED),
        ),
        (publish, report is not None and report.status == Status.PUBLISHED),
    ):
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
