"""期限看板 (HTML and JSON) and the home-page panel."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone

from fazhi import dashboard
from fazhi.clocks import board
from fazhi.clocks.models import Clock
from fazhi.org.models import Department, Jurisdiction

PAGE_SIZE = 50


class CountedPaginator(Paginator):  # type: ignore[type-arg]
    """A paginator told its row count (from `board.summary`), so it never runs COUNT(*)."""

    def __init__(self, object_list: Any, per_page: int, *, count: int) -> None:
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


def _params(request: HttpRequest) -> dict[str, Any]:
    group = request.GET.get("group", "")
    ledger = request.GET.get("ledger", "")
    try:
        department = int(request.GET.get("department") or 0) or None
    except ValueError:
        department = None
    if department is not None and not 0 < department < 2**63:
        department = None  # beyond any key: SQLite would overflow rather than find nothing
    raw = request.GET.get("jurisdiction", "")
    jurisdiction = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 19 else None
    return {
        "group": group if group in board.GROUPS else "",
        "ledger": ledger,
        "department": department,
        "jurisdiction": jurisdiction or None,
    }


def _board(request: HttpRequest) -> dict[str, Any]:
    today = timezone.localdate()
    params = _params(request)
    limit, exact = board.soon_limit(today)
    summary = board.summary(request.user, today, limit, **params)
    qs = board.filtered(request.user, today, **params).select_related("department", "jurisdiction")
    page = CountedPaginator(qs, PAGE_SIZE, count=summary.matching).get_page(request.GET.get("page"))
    return {
        "today": today,
        "params": params,
        "summary": summary,
        "counts": summary.counts,
        "soon_exact": exact,
        "page": page,
        "rows": [board.row(c, today) for c in page.object_list],
    }


@login_required
def board_page(request: HttpRequest) -> HttpResponse:
    ctx = _board(request)
    summary = ctx["summary"]
    ctx["ledgers"] = summary.ledgers
    several = len(summary.jurisdiction_ids) > 1  # the city viewer: a 区划 column and filter
    ctx["several"] = several
    ctx["jurisdictions"] = Jurisdiction.objects.filter(id__in=summary.jurisdiction_ids).order_by(
        "code"
    )
    ctx["departments"] = [
        (d.pk, f"{d.jurisdiction.name}{d.name}" if several else d.name)
        for d in Department.objects.filter(id__in=summary.department_ids)
        .select_related("jurisdiction")
        .order_by("jurisdiction__code", "name")
    ]
    ctx["groups"] = board.GROUPS
    ctx["rows_html"] = board.rows_html(ctx["rows"], with_jurisdiction=several)
    return render(request, "clocks/board.html", ctx)


@login_required
def board_json(request: HttpRequest) -> JsonResponse:
    ctx = _board(request)
    page = ctx["page"]
    return JsonResponse(
        {
            "today": ctx["today"].isoformat(),
            "counts": ctx["counts"],
            "filters": ctx["params"],
            "page": page.number,
            "num_pages": page.paginator.num_pages,
            "count": page.paginator.count,
            "results": ctx["rows"],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@dashboard.register(order=10)
def deadline_panel(request: HttpRequest) -> str | None:
    if not request.user.is_authenticated:
        return None
    today = timezone.localdate()
    limit, _ = board.soon_limit(today)
    counts = board.counts(board.open_clocks(request.user), today, limit)
    return render_to_string(
        "clocks/_panel.html", {"counts": counts, "groups": board.GROUPS}, request=request
    )


LEADER_ROLES = ("leader", "coordinator", "superior_viewer")


@dashboard.register(order=15)
def overdue_by_department(request: HttpRequest) -> str | None:
    """For leaders and the coordinating office: the jurisdiction's overdue deadlines counted by
    department (and county, for the city), each linked to the board filtered to it."""
    user: Any = request.user
    if not user.is_authenticated or user.role not in LEADER_ROLES:
        return None
    today = timezone.localdate()
    rows = list(
        board.open_clocks(user)
        .filter(due_on__lt=today)
        .order_by()
        .values("jurisdiction__name", "department_id", "department__name")
        .annotate(n=Count("id"))
        .order_by("-n", "jurisdiction__name", "department__name")
    )
    several = len({r["jurisdiction__name"] for r in rows}) > 1
    return render_to_string(
        "clocks/_overdue_by_department.html",
        {"rows": rows, "several": several, "total": sum(r["n"] for r in rows)},
        request=request,
    )


def clocks_table(clocks: list[Clock]) -> str:
    """HTML of `clocks/_clocks.html` for a list of clocks (e.g. `clocks_for(obj)`)."""
    return render_to_string("clocks/_clocks.html", {"clocks": clocks})
