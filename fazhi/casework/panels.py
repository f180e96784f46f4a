"""Nav entries and home-page panels for every registered ledger."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest
from django.template.loader import render_to_string

from fazhi import dashboard
from fazhi.casework.due import overdue_q
from fazhi.casework.registry import ledgers
from fazhi.org.access import visible


@dashboard.register(order=40)
def ledger_panels(request: HttpRequest) -> str | None:
    """Per ledger the user sees: rows still being handled, and how many are overdue."""
    if not request.user.is_authenticated:
        return None
    out = []
    for spec in ledgers():
        if not spec.open_states:
            continue  # a register: no row is ever "being handled"
        qs = visible(spec.model, request.user).filter(state__in=list(spec.open_states))
        figures = qs.aggregate(open=Count("pk"), overdue=Count("pk", filter=overdue_q(spec.model)))
        if figures["open"]:
            out.append(render_to_string("casework/_panel.html", {"spec": spec, **figures}))
    return "".join(out) or None
