"""The catalog pages: each year's 重大行政决策事项目录 of the user's jurisdiction (the city reads
its counties'), and the form the coordinating office keeps it with."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_http_methods

from fazhi.ledgers.major_decisions.forms import CatalogForm
from fazhi.ledgers.major_decisions.models import DecisionCatalog
from fazhi.org.models import Role


def visible_catalogs(user: Any) -> QuerySet[DecisionCatalog]:
    """A catalog is public once published, but the page lists only the user's own area."""
    if not user.is_authenticated or user.jurisdiction_id is None:
        return DecisionCatalog.objects.none()
    jur = user.jurisdiction
    q = Q(jurisdiction_id=jur.pk)
    if user.role == Role.SUPERIOR_VIEWER:
        q |= Q(jurisdiction__path__startswith=jur.path + "/")
    return DecisionCatalog.objects.filter(q).select_related("jurisdiction")


def may_keep(user: Any) -> bool:
    """The coordinating office (法治办/司法局) of a jurisdiction keeps its catalog."""
    return bool(
        user.is_authenticated
        and user.jurisdiction_id is not None
        and (user.is_superuser or user.role in (Role.ADMIN, Role.COORDINATOR))
    )


@login_required
@require_http_methods(["GET", "POST"])
def catalogs(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    form = None
    if may_keep(user):
        form = CatalogForm(request.POST or None, jurisdiction=user.jurisdiction)
    elif request.method == "POST":
        raise Http404("无权维护重大行政决策事项目录")
    if request.method == "POST" and form is not None:
        if form.is_valid():
            catalog = form.save(commit=False)
            catalog._history_user = user  # type: ignore[attr-defined]
            catalog.save()
            return redirect("major_decisions:catalogs")
        status = 422
    else:
        status = 200
    rows = list(visible_catalogs(user).prefetch_related("items__sponsor_department"))
    return render(
        request,
        "major_decisions/catalogs.html",
        {"catalogs": rows, "form": form, "editing": None},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def catalog_edit(request: HttpRequest, year: int) -> HttpResponse:
    user: Any = request.user
    if not may_keep(user):
        raise Http404("无权维护重大行政决策事项目录")
    catalog = get_object_or_404(DecisionCatalog, jurisdiction_id=user.jurisdiction_id, year=year)
    form = CatalogForm(request.POST or None, instance=catalog, jurisdiction=user.jurisdiction)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved._history_user = user  # type: ignore[attr-defined]
        saved.save()
        return redirect("major_decisions:catalogs")
    return render(
        request,
        "major_decisions/catalogs.html",
        {"catalogs": [], "form": form, "editing": catalog},
        status=422 if request.method == "POST" else 200,
    )


def urls() -> list[Any]:
    return [
        path("catalogs/", catalogs, name="catalogs"),
        path("catalogs/<int:year>/", catalog_edit, name="catalog_edit"),
    ]
