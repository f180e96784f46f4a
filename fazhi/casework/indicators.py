"""`ModelLedger`: a ledger's figures from its model in one place — counts (one compiled aggregate
of `Count(filter=Q)` per scope, with the ORM path kept as the reference), the rows behind each id,
the drill-down URL, and (in `casework.filters`) the parser of that URL's parameters.

    FIGURES = ModelLedger(Lawsuit, definitions, list_url="litigation:list")
    FIGURES.register("litigation")

`definitions(scope) -> {indicator id: Q}` is the only place a figure is defined: the count is
`Count("pk", filter=q)` and the drill-down lists `filter(q)`, so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.urls import get_script_prefix, get_urlconf, reverse

from fazhi.indicators.compiled import ScopedAggregate
from fazhi.indicators.registry import Registration, register
from fazhi.indicators.scope import Scope

Definitions = Callable[[Scope], dict[str, Q]]


@dataclass
class ModelLedger:
    model: Any
    definitions: Definitions
    list_url: str  # URL name of the ledger's list, e.g. "litigation:list"
    # Rows that can matter for a scope (a pre-filter for the aggregate's WHERE).
    relevant: Callable[[Scope], Q] | None = None
    # ids counted by a query of their own: their Q holds a date the scope does not (a subquery).
    separate: frozenset[str] = frozenset()
    # More aggregate expressions (sums, letters), and the figures derived from the result row.
    extra_aggregates: Callable[[Scope, dict[str, Q]], dict[str, Any]] | None = None
    derive: Callable[[Mapping[str, Any], dict[str, Any]], dict[str, Any]] | None = None
    # Rows of ids that are not a plain definition (derived figures): id -> Q or None.
    extra_rows: Callable[[str, Scope, dict[str, Q]], Q | None] | None = None
    # Counts of `separate` ids taken from another model (hearings of cases): scope -> {id: n}.
    other_counts: Callable[[Scope], dict[str, Any]] | None = None
    jurisdiction_field: str = "jurisdiction"
    # Figures that add up a column of the rows a Q selects (persons reached, 罚没金额 in 分):
    # scope -> {id: (column, Q)}; the drill-down lists the rows added up.
    sums: Callable[[Scope], dict[str, tuple[str, Q]]] | None = None

    # --- queries -------------------------------------------------------------------------------
    def base(self, scope: Scope) -> QuerySet[Any]:
        qs: QuerySet[Any] = self.model._default_manager.filter(
            **{f"{self.jurisdiction_field}_id__in": scope.ids}
        )
        if scope.department_ids:
            # A department's own figures: the rows placed with it (the model's scope_departments).
            q = Q()
            for f in getattr(self.model, "scope_departments", ("department",)):
                q |= Q(**{f"{f}_id__in": sorted(scope.department_ids)})
            qs = qs.filter(q)
        return qs

    def _aggregate(self, scope: Scope) -> tuple[QuerySet[Any], dict[str, Any]]:
        defs = {k: q for k, q in self.definitions(scope).items() if k not in self.separate}
        aggregates: dict[str, Any] = {_alias(k): Count("pk", filter=q) for k, q in defs.items()}
        if self.extra_aggregates is not None:
            aggregates.update(self.extra_aggregates(scope, defs))
        for k, (column, q) in (self.sums(scope) if self.sums is not None else {}).items():
            aggregates[_alias(k)] = Coalesce(Sum(column, filter=q), 0)
        qs = self.base(scope)
        if self.relevant is not None:
            qs = qs.filter(self.relevant(scope))
        return qs, aggregates

    @cached_property
    def compiled(self) -> ScopedAggregate:
        # Compiled to SQL once per process (fazhi/indicators/compiled.py); `.orm` is the reference.
        return ScopedAggregate(self.model, self._aggregate)

    def counts(self, scope: Scope) -> dict[str, Any]:
        if scope.department_ids:  # the compiled SQL has no department placeholder
            return self.counts_orm(scope)
        return self._figures(self.compiled(scope), scope)

    def counts_orm(self, scope: Scope) -> dict[str, Any]:
        """`counts` through the ORM on every call: the reference the compiled path is tested
        against."""
        return self._figures(self.compiled.orm(scope), scope)

    def _figures(self, row: Mapping[str, Any], scope: Scope) -> dict[str, Any]:
        defs = self.definitions(scope)
        out: dict[str, Any] = {k: row[_alias(k)] for k in defs if k not in self.separate}
        for k in self.sums(scope) if self.sums is not None else {}:
            out[k] = int(row[_alias(k)])
        other = self.other_counts(scope) if self.other_counts is not None else {}
        for k in self.separate:
            out[k] = other[k] if k in other else self.base(scope).filter(defs[k]).count()
        if self.derive is not None:
            out.update(self.derive(row, out))
        return out

    def rows(self, indicator_id: str, scope: Scope) -> QuerySet[Any]:
        defs = self.definitions(scope)
        q = defs.get(indicator_id)
        if q is None and self.sums is not None and indicator_id in self.sums(scope):
            q = self.sums(scope)[indicator_id][1]
        if q is None and self.extra_rows is not None:
            q = self.extra_rows(indicator_id, scope, defs)
        if q is None:
            return self.model._default_manager.none()  # type: ignore[no-any-return]
        return self.base(scope).filter(q)

    # --- links ---------------------------------------------------------------------------------
    def drilldown_url(self, indicator_id: str, scope: Scope) -> str:
        return (
            _list_url(self.list_url, get_script_prefix(), get_urlconf())
            + "?"
            + urlencode({"indicator": indicator_id})
            + "&"
            + _scope_query(scope)
        )

    def ids(self, scope: Scope) -> set[str]:
        """Every id this model's figures give (for a ledger whose figures span several models)."""
        sums = self.sums(scope) if self.sums is not None else {}
        return set(self.definitions(scope)) | set(sums) | set(self.separate)

    def owns(self, indicator_id: str, scope: Scope) -> bool:
        if indicator_id in self.ids(scope):
            return True
        extra = self.extra_rows
        return extra is not None and extra(indicator_id, scope, self.definitions(scope)) is not None

    def register(self, ledger: str) -> Registration:
        return register(
            ledger=ledger, counts=self.counts, rows=self.rows, drilldown_url=self.drilldown_url
        )


def _alias(indicator_id: str) -> str:
    return indicator_id.replace(".", "__")


@lru_cache(maxsize=64)
def _list_url(name: str, script_prefix: str, urlconf: str | None) -> str:
    """`reverse()` once per prefix and URLconf: the kernel asks for a link per id."""
    return reverse(name, urlconf=urlconf)


@lru_cache(maxsize=256)
def _scope_query(scope: Scope) -> str:
    """The scope's part of a drill-down link, built once per scope (the kernel asks for ~35 ids)."""
    return urlencode(
        {
            "start": scope.start.isoformat(),
            "end": scope.end.isoformat(),
            "j": ",".join(str(i) for i in sorted(scope.ids)),
        }
    )


@dataclass
class Ledgers:
    """One catalog ledger whose figures come from several models (执法证, 执法决定, 案卷评查…):
    each id is counted, listed and linked by the model that defines it. `more(scope)` adds figures
    read through another ledger's api (ids not defined here have no rows of their own: `rows` gives
    the first part's empty queryset and the link goes to `more_url`)."""

    parts: tuple[ModelLedger, ...]
    more: Callable[[Scope], dict[str, Any]] | None = None
    more_url: Callable[[str, Scope], str] | None = None

    def _owner(self, indicator_id: str, scope: Scope) -> ModelLedger | None:
        for part in self.parts:
            if part.owns(indicator_id, scope):
                return part
        return None

    def counts(self, scope: Scope) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for part in self.parts:
            out.update(part.counts(scope))
        if self.more is not None:
            out.update(self.more(scope))
        return out

    def rows(self, indicator_id: str, scope: Scope) -> Any:
        owner = self._owner(indicator_id, scope)
        if owner is None:
            return self.parts[0].model._default_manager.none()
        return owner.rows(indicator_id, scope)

    def drilldown_url(self, indicator_id: str, scope: Scope) -> str:
        owner = self._owner(indicator_id, scope)
        if owner is None and self.more_url is not None:
            return self.more_url(indicator_id, scope)
        return (owner or self.parts[0]).drilldown_url(indicator_id, scope)

    def register(self, ledger: str) -> Registration:
        return register(
            ledger=ledger, counts=self.counts, rows=self.rows, drilldown_url=self.drilldown_url
        )
