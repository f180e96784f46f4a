"""我的待办 for the annual report: a report waiting for my 审核, a 定稿 report to 报送, and the
statutory deadlines of last year's report within 30 days (or passed) while not yet met."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi import todo
from fazhi.reports.deadlines import deadlines
from fazhi.reports.models import AnnualReport, Status
from fazhi.reports.views import APPROVERS, WRITERS
from fazhi.reports.workflow import drafters

WARN_DAYS = 30


@todo.register
def report_items(user: Any, today: dt.date) -> list[todo.Item]:
    if not user.jurisdiction_id or not (user.is_superuser or user.role in APPROVERS):
        return []
    out: list[todo.Item] = []
    mine = AnnualReport.objects.visible_to(user).filter(
        jurisdiction_id=user.jurisdiction_id, department__isnull=True
    )
    for report in mine.filter(status=Status.REVIEW):
        if user.pk in drafters(report):
            continue  # 定稿 is a second person's: the drafter is not offered it
        out.append(
            todo.Item(
                f"report:{report.pk}:review",
                "approval",
                f"待审核：{report.title}",
                report.get_absolute_url(),
            )
        )
    if user.is_superuser or user.role in WRITERS:
        for report in mine.filter(status=Status.FINAL):
            out.append(
                todo.Item(
                    f"report:{report.pk}:submit",
                    "report",
                    f"已定稿待报送：{report.title}",
                    report.get_absolute_url(),
                )
            )
        for report in mine.filter(status=Status.SUBMITTED):
            out.append(
                todo.Item(
                    f"report:{report.pk}:secrecy",
                    "report",
                    f"已报送待保密审查：{report.title}",
                    report.get_absolute_url(),
                )
            )
        for report in mine.filter(status=Status.SECRECY_CHECKED):
            out.append(
                todo.Item(
                    f"report:{report.pk}:publish",
                    "report",
                    f"已保密审查待公开：{report.title}",
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
                f"report-deadline:{user.jurisdiction_id}:{year}:{deadline.label}",
                "report",
                f"{year}年度法治政府建设年度报告：{deadline.describe(today)}",
                report.get_absolute_url() if report else "/reports/",
                due_on=deadline.due_on,
                days_overdue=max(-left, 0),
            )
        )
    return out
