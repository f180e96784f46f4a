"""The ledger's own pages: the department league table (排名) a 政府办 leader reads, and the choice
of a platform's column mapping before an upload."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.utils import timezone

from fazhi.indicators.scope import Scope
from fazhi.ledgers.hotline.indicators import category_counts, league_table, satisfaction_basis
from fazhi.ledgers.hotline.mapping import mapping_problems
from fazhi.ledgers.hotline.models import PlatformMapping
from fazhi.org.models import Jurisdiction


def _jurisdiction(request: HttpRequest) -> Jurisdiction:
    """The user's jurisdiction, or one below it chosen with ?j=<code> (a city reads a county)."""
    own = request.user.jurisdiction  # type: ignore[union-attr]
    if own is None:
        raise Http404("请先为您的账号指定所属区划")
    code = request.GET.get("j", "").strip()
    if not code or code == own.code:
        return own  # type: ignore[no-any-return]
    found = own.subtree().filter(code=code).first()
    if found is None:
        raise Http404("没有该区划，或您无权查看")
    return found  # type: ignore[no-any-return]


def _year(request: HttpRequest) -> int:
    text = request.GET.get("year", "")
    today = timezone.localdate()
    if not text:
        return today.year
    if not text.isdigit() or not 2000 <= int(text) <= today.year:
        raise Http404(f"年度应为2000至{today.year}之间的年份")
    return int(text)


@login_required
def league(request: HttpRequest) -> HttpResponse:
    jurisdiction = _jurisdiction(request)
    year = _year(request)
    scope = Scope.year(jurisdiction, year)
    rows = league_table(scope, jurisdiction, timezone.localdate())
    _, basis = satisfaction_basis(jurisdiction, year)
    totals = {
        k: sum(getattr(r, k) for r in rows)
        for k in ("received", "concluded", "rated", "satisfied", "rehandlings", "returns")
    }
    context = {
        "jurisdiction": jurisdiction,
        "year": year,
        "years": list(range(timezone.localdate().year, 2019, -1)),
        "rows": rows,
        "totals": totals,
        "basis": basis,
        "categories": category_counts(scope),
        "children": list(jurisdiction.subtree().exclude(pk=jurisdiction.pk).order_by("code")),
    }
    return render(request, "hotline/league.html", context)


@login_required
def choose_mapping(request: HttpRequest) -> HttpResponse:
    """The saved mappings usable in the user's jurisdiction, each with what is wrong with it."""
    j = request.user.jurisdiction  # type: ignore[union-attr]
    codes = [c for c in ((j.path if j else "") or "").split("/") if c]
    mappings = PlatformMapping.objects.filter(
        Q(jurisdiction__isnull=True) | Q(jurisdiction__code__in=codes)
    ).order_by("name", "id")
    items = [(m, mapping_problems(m.columns, m.values), f"hotline__{m.pk}") for m in mappings]
    return render(request, "hotline/import.html", {"items": items})


def urls() -> list[Any]:
    return [
        path("league/", league, name="league"),
        path("import/", choose_mapping, name="import"),
    ]
