"""Approved 填报 values as an indicator source (`registry.register_supplement`): summed over the
units in a scope, used only for ids no registered ledger computes, marked 填报 on every page, and
each figure links to the values behind it with their evidence."""

from __future__ import annotations

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.db.models import Q, QuerySet, Sum
from django.urls import reverse

from fazhi.filing.models import FiledValue, ValueState
from fazhi.indicators.registry import Number, register_supplement
from fazhi.indicators.scope import Scope

SOURCE = "填报"


def approved(scope: Scope) -> QuerySet[FiledValue]:
    years = range(scope.start.year, scope.last_day.year + 1)
    ids = scope.ids
    qs = FiledValue.objects.filter(state=ValueState.APPROVED, unit__round__year__in=list(years))
    qs = qs.filter(
        Q(unit__township_id__in=ids)
        | Q(unit__township__isnull=True, unit__round__jurisdiction_id__in=ids)
    )
    if scope.department_ids:
        qs = qs.filter(unit__department_id__in=sorted(scope.department_ids))
    return qs


def counts(scope: Scope) -> dict[str, Number]:
    out: dict[str, Number] = {}
    for row in approved(scope).values("indicator_id").annotate(total=Sum("value")):
        total: Decimal = row["total"]
        out[row["indicator_id"]] = int(total) if total == total.to_integral_value() else total
    return out


def rows(indicator_id: str, scope: Scope) -> QuerySet[Any]:
    return approved(scope).filter(indicator_id=indicator_id)


def drilldown_url(indicator_id: str, scope: Scope) -> str:
    query = {
        "indicator": indicator_id,
        "start": scope.start.isoformat(),
        "end": scope.end.isoformat(),
        "j": ",".join(str(i) for i in scope.ids),
    }
    if scope.department_ids:
        query["d"] = ",".join(str(i) for i in sorted(scope.department_ids))
    return reverse("filing:values") + "?" + urlencode(query)


register_supplement(
    name="filing", counts=counts, rows=rows, drilldown_url=drilldown_url, source=SOURCE
)
