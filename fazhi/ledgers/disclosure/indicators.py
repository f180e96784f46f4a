"""The `disclosure.*` figures for any Scope.

口径 (also in docs/ledgers/disclosure.md):
- `requests_received`: requests whose receipt date (Art. 31, derived from channel and evidence)
  falls in the period.
- `requests_answered`: requests closed in the period with any result of the national table,
  including 其他处理 (逾期不补正 deemed abandoned, 逾期未缴费).
- `requests_answered_on_time`: of those, closed on or before the reply clock's due date, which
  leaves out consultation (and, by default, fee) pauses and adds an approved extension.
- `proactive_items` / `news_items`: the yearly counts entered per category (`ProactiveItem`),
  statutory categories of Art. 20 / 政策类、动态类; a year counts when its 1 January is in the period.
- `new_media_accounts`: accounts open at some time in the period; `new_media_inspected`: accounts
  with at least one inspection dated in the period.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet, Sum

from fazhi.casework.indicators import ModelLedger
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token
from fazhi.ledgers.disclosure.models import (
    DisclosureRequest,
    NewMediaAccount,
    NewMediaInspection,
    ProactiveItem,
)
from fazhi.ledgers.disclosure.states import CLOSED, STATUTORY_CATEGORIES, ProactiveCategory

P = "disclosure."
NONE = Q(pk__in=[])
YEARLY = frozenset(
    {P + "proactive_items", P + "news_items", P + "new_media_accounts", P + "new_media_inspected"}
)


def definitions(scope: Scope) -> dict[str, Q]:
    """indicator id → the request rows it counts (one definition for counts and drill-down)."""
    start, end = scope.start, scope.end
    answered = Q(state__in=CLOSED, replied_on__gte=start, replied_on__lt=end)
    d = {
        "requests_received": Q(received_on__gte=start, received_on__lt=end),
        "requests_answered": answered,
        "requests_answered_on_time": answered & Q(answered_on_time=True),
    }
    out = {P + k: v for k, v in d.items()}
    # Counted from the yearly rows (`other_counts`); their rows are those rows (`rows`).
    out.update(dict.fromkeys(YEARLY, NONE))
    return out


def years_in(scope: Scope) -> list[int]:
    return [
        y
        for y in range(scope.start.year, scope.end.year + 1)
        if scope.start <= dt.date(y, 1, 1) < scope.end
    ]


def proactive_rows(scope: Scope, news: bool) -> QuerySet[Any]:
    qs = ProactiveItem.objects.filter(jurisdiction_id__in=scope.ids, year__in=years_in(scope))
    if news:
        return qs.filter(category=ProactiveCategory.NEWS)
    return qs.filter(category__in=STATUTORY_CATEGORIES)


def accounts(scope: Scope) -> QuerySet[Any]:
    return NewMediaAccount.objects.filter(
        Q(closed_on__isnull=True) | Q(closed_on__gte=scope.start),
        jurisdiction_id__in=scope.ids,
        opened_on__lt=scope.end,
    )


def inspected_accounts(scope: Scope) -> QuerySet[Any]:
    seen = NewMediaInspection.objects.filter(
        inspected_on__gte=scope.start, inspected_on__lt=scope.end
    ).values("account_id")
    return accounts(scope).filter(pk__in=seen)


def _yearly_counts(scope: Scope) -> dict[str, Any]:
    return {
        P + "proactive_items": proactive_rows(scope, False).aggregate(n=Sum("count"))["n"] or 0,
        P + "news_items": proactive_rows(scope, True).aggregate(n=Sum("count"))["n"] or 0,
        P + "new_media_accounts": accounts(scope).count(),
        P + "new_media_inspected": inspected_accounts(scope).count(),
    }


class DisclosureFigures(ModelLedger):
    """The request rows' figures, and the yearly counts' rows for their own ids."""

    def rows(self, indicator_id: str, scope: Scope) -> QuerySet[Any]:
        if indicator_id == P + "proactive_items":
            return proactive_rows(scope, False)
        if indicator_id == P + "news_items":
            return proactive_rows(scope, True)
        if indicator_id == P + "new_media_accounts":
            return accounts(scope)
        if indicator_id == P + "new_media_inspected":
            return inspected_accounts(scope)
        return super().rows(indicator_id, scope)

    def drilldown_url(self, indicator_id: str, scope: Scope) -> str:
        if indicator_id in YEARLY:
            from django.urls import reverse

            return reverse("disclosure:yearly") + f"?year={scope.start.year}"
        return super().drilldown_url(indicator_id, scope)


FIGURES = DisclosureFigures(
    DisclosureRequest,
    definitions,
    list_url="disclosure:list",
    separate=YEARLY,
    other_counts=_yearly_counts,
)
FIGURES.register("disclosure")


def build_section(scope: Scope) -> list[str]:
    """The 政务公开 paragraph of part 一."""
    f = {
        k: token(P + k)
        for k in (
            "proactive_items",
            "news_items",
            "requests_received",
            "requests_answered",
            "requests_answered_on_time",
            "on_time_rate",
            "new_media_accounts",
            "new_media_inspected",
        )
    }
    return [
        "坚持以公开为常态、不公开为例外，全面推进政务公开。全年主动公开政府信息"
        f"{f['proactive_items']}条，发布政策类、动态类信息{f['news_items']}条；收到政府信息公开申请"
        f"{f['requests_received']}件，办结答复{f['requests_answered']}件，其中按期答复"
        f"{f['requests_answered_on_time']}件，按期答复率{f['on_time_rate']}。加强政务新媒体监管，"
        f"对{f['new_media_accounts']}个政务新媒体开展检查{f['new_media_inspected']}个。"
    ]


register_section(
    ledger="disclosure", part=1, order=40, title="全面推进政务公开", build=build_section
)
