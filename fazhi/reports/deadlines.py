"""The report's two fixed deadlines (statutes.md §13): to the level above before 1 March, published
before 1 April of the next year. "3月1日前" means the last allowed day is 28 (or 29) February."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fazhi.lib.cn_date import cn_date
from fazhi.reports.models import AnnualReport, Status

# A report in these states has been sent to the level above (the 报送 deadline is met).
SUBMITTED_STATES = (Status.SUBMITTED, Status.SECRECY_CHECKED, Status.PUBLISHED)


@dataclass(frozen=True)
class Deadline:
    label: str
    due_on: dt.date  # last allowed day
    basis: str

    def days_left(self, today: dt.date) -> int:
        return (self.due_on - today).days

    def describe(self, today: dt.date, done_on: dt.date | None = None) -> str:
        if done_on is not None:
            late = "（逾期）" if done_on > self.due_on else ""
            return f"{self.label}：已于{cn_date(done_on)}完成{late}，期限{cn_date(self.due_on)}"
        left = self.days_left(today)
        if left > 0:
            return f"{self.label}：截至{cn_date(self.due_on)}，还有{left}天"
        if left == 0:
            return f"{self.label}：今天（{cn_date(self.due_on)}）是最后一天"
        return f"{self.label}：已逾期{-left}天（期限{cn_date(self.due_on)}）"


def deadlines(year: int) -> tuple[Deadline, Deadline]:
    """For the report on `year`."""
    march_first = dt.date(year + 1, 3, 1)
    april_first = dt.date(year + 1, 4, 1)
    return (
        Deadline("报送上级", march_first - dt.timedelta(days=1), "3月1日前报送上一级党委和政府"),
        Deadline(
            "向社会公开", april_first - dt.timedelta(days=1), "4月1日前通过报刊、网站等向社会公开"
        ),
    )


def progress(report: AnnualReport | None, year: int) -> list[tuple[Deadline, bool, dt.date | None]]:
    """The two deadlines of the report on `year`, each with whether the report has met it (报送:
    SUBMITTED_STATES, 公开: published) and the day it did; a report not yet drafted meets none."""
    submit, publish = deadlines(year)
    if report is None:
        return [(submit, False, None), (publish, False, None)]
    sent = report.status in SUBMITTED_STATES
    published = report.status == Status.PUBLISHED
    return [
        (submit, sent, report.submitted_on if sent else None),
        (publish, published, report.published_on if published else None),
    ]
