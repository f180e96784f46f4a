"""Home panel: the annual report's deadlines and how far away they are."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from fazhi import dashboard
from fazhi.reports.deadlines import deadlines
from fazhi.reports.models import AnnualReport, Status
from fazhi.reports.views import UNIT_APPROVERS, UNIT_WRITERS, WRITERS

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
    department = user.department if user.role in (*UNIT_WRITERS, *UNIT_APPROVERS) else None
    mine = AnnualReport.objects.visible_to(user).filter(jurisdiction_id=user.jurisdiction_id)
    report = (
        (mine.filter(department=department) if department else mine.filter(department__isnull=True))
        .filter(year=year)
        .first()
    )
    submit, publish = deadlines(year)
    rows = []
    for deadline, done_on, done_states in (
        (
            submit,
            report.submitted_on if report else None,
            (Status.SUBMITTED, Status.SECRECY_CHECKED, Status.PUBLISHED),
        ),
        (publish, report.published_on if report else None, (Status.PUBLISHED,)),
    ):
        done = report is not None and report.status in done_states
        left = deadline.days_left(today)
        rows.append(
            {
                "text": deadline.describe(today, done_on if done else None),
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
