"""Home-page panel: the 延期 requests waiting for the user's approval (the 复议机构负责人)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from fazhi import dashboard
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.workflow.review import EXTENDABLE, refuse_extension
from fazhi.org.access import visible


def pending_extension_requests(user: object) -> list[ReconsiderationCase]:
    """Cases with a 延期 request this user may approve or refuse."""
    qs = (
        visible(ReconsiderationCase, user)
        .filter(
            state__in=list(EXTENDABLE),
            extension_requested_on__isnull=False,
            extended_on__isnull=True,
        )
        .select_related("extension_requested_by")
        .order_by("decision_due_on", "id")
    )
    perm = "reconsideration." + refuse_extension.perm + "_case"
    return [c for c in qs if user.has_perm(perm, c)]  # type: ignore[attr-defined]


@dashboard.register(order=20)
def extension_requests(request: HttpRequest) -> str | None:
    if not request.user.is_authenticated:
        return None
    cases = pending_extension_requests(request.user)
    if not cases:
        return None
    return render_to_string("reconsideration/_extension_panel.html", {"cases": cases})
