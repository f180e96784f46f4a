"""The indicators page: one jurisdiction-year with every figure, its 口径 and rows, a trend chart
and the subordinate jurisdictions side by side."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from fazhi.indicators.access import get_visible_jurisdiction_or_404, visible_jurisdictions
from fazhi.indicators.catalog import get_catalog
from fazhi.indicators.compute import for_jurisdiction_year, side_by_side, trend

TREND_YEARS = 5


def _year(raw: str | None, default: int) -> int:
    try:
        year = int(raw) if raw else default
    except ValueError as exc:
        raise Http404("年度格式不正确") from exc
    if not 2000 <= year <= 2100:
        raise Http404("年度超出范围")
    return year


@login_required
def page(request: HttpRequest) -> HttpResponse:
    jurisdictions = list(visible_jurisdictions(request.user).order_by("path"))
    if not jurisdictions:
        raise Http404("您没有可查看的区划")
    code = request.GET.get("j") or (
        getattr(getattr(request.user, "jurisdiction", None), "code", None) or jurisdictions[0].code
    )
    jur = get_visible_jurisdiction_or_404(request.user, code)
    this_year = timezone.localdate().year
    year = _year(request.GET.get("y"), this_year - 1)
    snap = for_jurisdiction_year(jur, year)
    catalog = get_catalog()

    chart_id = request.GET.get("chart") or ""
    if chart_id not in catalog:
        chart_id = next((f.id for f in snap.figures.values() if f.has_source), "")
    chart: dict[str, object] = {}
    if chart_id:
        ind = catalog[chart_id]
        years = list(range(year - TREND_YEARS + 1, year + 1))
        series = trend(jur, years, [chart_id])
        children = side_by_side(jur, year, [chart_id])
        chart = {
            "id": chart_id,
            "name": ind.name_zh,
            "unit": ind.unit,
            "trend": [
                {"label": f"{y}年", "value": _chart_value(s[chart_id]), "url": s[chart_id].url}
                for y, s in series
            ],
            "children": [
                {"label": c.name, "value": _chart_value(s[chart_id]), "url": s[chart_id].url}
                for c, s in children
            ],
        }
    groups: dict[str, list[Any]] = {}
    no_source = [fig for fig in snap.figures.values() if not fig.has_source]
    for fig in snap.figures.values():
        if not fig.has_source:
            continue  # folded away behind one line: "另有 N 项无数据来源"
        groups.setdefault(
            catalog.ledgers.get(fig.indicator.ledger, fig.indicator.ledger), []
        ).append(fig)
    return render(
        request,
        "indicators/page.html",
        {
            "jurisdiction": jur,
            "jurisdictions": jurisdictions,
            "year": year,
            "years": list(range(this_year, this_year - 8, -1)),
            "snapshot": snap,
            "groups": groups,
            "no_source": no_source,
            "chart": chart,
            "chart_choices": [f for f in snap.figures.values() if f.has_source],
        },
    )


def _chart_value(fig: object) -> float | None:
    value = getattr(fig, "value", None)
    if not getattr(fig, "has_source", False) or value is None:
        return None
    return float(value)
