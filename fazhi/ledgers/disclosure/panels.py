"""Home-page panel: the 政府信息公开工作年度报告's own deadlines (条例 Arts. 49–50): departments by
31 January, governments by 31 March of the next year."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from fazhi import dashboard
from fazhi.ledgers.disclosure.annual import deadline
from fazhi.reports.deadlines import Deadline


def report_year(today: Any) -> int:
    """The year whose report is being prepared: last year's until its 31 March, then this one's."""
    return today.year - 1 if today <= deadline(today.year - 1, False) else today.year


def deadlines(year: int) -> tuple[Deadline, Deadline]:
    return (
        Deadline("部门报送并公布", deadline(year, True), "条例第四十九条：每年1月31日前"),
        Deadline("人民政府向社会公布", deadline(year, False), "条例第五十条：每年3月31日前"),
    )


@dashboard.register(order=45)
def annual_report_deadlines(request: HttpRequest) -> str | None:
    user: Any = request.user
    if not user.is_authenticated or user.jurisdiction is None:
        return None
    today = timezone.localdate()
    year = report_year(today)
    lines = [d.describe(today) for d in deadlines(year)]
    url = f"{reverse('disclosure:annual')}?j={user.jurisdiction.code}&year={year}"
    return format_html(
        '<div class="card mb-3" id="disclosure-deadlines"><div class="card-body py-2 small">'
        '<div class="fw-semibold">{}年政府信息公开工作年度报告</div><div>{}</div><div>{}</div>{}</div></div>',
        year,
        lines[0],
        lines[1],
        format_html('<a href="{}">查看{}年报告</a>', url, year) if year < today.year else "",
    )
