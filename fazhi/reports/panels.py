"""Home panel: the annual report's deadlines and how far away they are."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from fazhi import dashboard
from fazhi.reports.deadlines import progress
from fazhi.reports.models import AnnualReport
from fazhi.reports.views import UNIT_WRITERS, WRITERS, own_department

WARN_DAYS = 30


@dashboard.register(order=40)
def report_deadlines(request: HttpRequest) -> str | None:
    user = request.user
    if not user.is_authenticated or getattr(user, "jurisdiction_id", None) is None:
        return None
    today = timezone.localdate()
    year = today.year - 1  # the report on last year is the one due this spring
    # A department's staff and leaders: their department's own report (it has the same
    # deadlines, statutes §13); everyone else: the government's.
    department = own_department(user)
    mine = AnnualReport.objects.visible_to(user).filter(jurisdiction_id=user.jurisdiction_id)
    report = (
        (mine.filter(department=department) if department else mine.filter(department__isnull=True))
        .filter(year=year)
        .first()
    )
    rows = []
    for deadline, done, done_on in progress(report, year):
        left = deadline.days_left(today)
        rows.append(
            {
                "text": deadline.describe(today, done_on),
                "level": "success"
                if done
                else ("danger" if left < 0 else ("warning" if left <= WARN_DAYS else "secondary")),
                "basis": deadline.basis,
            }
        )
    return render_to_string(
        "reports/_panel.html",
        {
            "year": year,
            "report": report,
            "rows": rows,
            "whose": department.name if department else getattr(user.jurisdiction, "name", ""),
            # Only those who may draft are offered the link (not the city viewer).
            "can_draft": user.is_superuser
            or user.role in (UNIT_WRITERS if department else WRITERS),
        },
        request=request,
    )
