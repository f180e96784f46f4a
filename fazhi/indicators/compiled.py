"""A ledger's `aggregate()` for a Scope, compiled to SQL once per process and run with each scope's
dates and jurisdiction ids.

Building and compiling a thirty-filter `aggregate(Count(filter=Q(...)), ...)` costs Django about
10 ms of Python per call, several times what the database needs to answer it. The SQL only depends
on the scope through its two dates and its jurisdiction ids (one placeholder each), so we compile
the queryset once with sentinel values, note where the sentinels landed among the parameters, and
afterwards execute that SQL with the real values through a cursor, applying Django's own result
converters. One compiled statement is kept per database and number of jurisdiction ids (an `IN`
list has one placeholder per id).

A shape is trusted only if two compilations with different sentinels produce the same SQL and the
same parameters everywhere except at the sentinel positions; otherwise (or if Django cannot compile
the query, as for an empty id list) the ORM runs the query as before. `orm(scope)` is always the
reference, and the tests compare the two.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections, router
from django.db.models import Model, QuerySet

from fazhi.indicators.scope import Scope

BuildFn = Callable[[Scope], tuple["QuerySet[Any]", Mapping[str, Any]]]

# Dates and ids no real scope uses; two sets, to check that the SQL does not depend on the values.
_SENTINELS = (
    (dt.date(1801, 2, 3), dt.date(1802, 3, 4), -1_000_000_000),
    (dt.date(1803, 4, 5), dt.date(1804, 5, 6), -2_000_000_000),
)
MAX_SHAPES = 64


class NotCacheable(Exception):
    """The query's SQL depends on the scope in a way the sentinels cannot capture."""


@dataclass(frozen=True)
class _Plan:
    sql: str
    params: tuple[Any, ...]
    start_at: tuple[int, ...]
    end_at: tuple[int, ...]
    id_at: tuple[tuple[int, int], ...]  # (parameter position, index into scope.ids)
    aliases: tuple[str, ...]
    converters: tuple[tuple[int, tuple[Any, ...], Any], ...]  # (column, functions, expression)


_Slots = tuple[tuple[int, ...], tuple[int, ...], tuple[tuple[int, int], ...]]


def _sentinel_scope(which: int, n: int) -> Scope:
    start, end, base = _SENTINELS[which]
    return Scope(frozenset(base + i for i in range(n)), start, end)


def _compile(qs: QuerySet[Any], aggregates: Mapping[str, Any]) -> tuple[str, tuple[Any, ...], Any]:
    """The SQL `qs.aggregate(**aggregates)` sends, without running it (the simple branch of
    `Query.get_aggregation`: no existing annotations, grouping, slicing or distinct)."""
    query = qs.query.chain()
    if (
        query.annotations
        or query.group_by is not None
        or query.is_sliced
        or query.distinct
        or query.combinator
    ):
        raise NotCacheable("query has annotations, grouping, slicing or distinct")
    resolved = {}
    for alias, expr in aggregates.items():
        query.check_alias(alias)
        agg = expr.resolve_expression(query, allow_joins=True, reuse=None, summarize=True)
        if not agg.contains_aggregate or agg.get_refs():
            raise NotCacheable(f"{alias} is not a plain aggregate")
        resolved[alias] = agg
    query.select = ()
    query.default_cols = False
    query.extra = {}
    query.annotations = resolved
    query.set_annotation_mask(resolved)
    query.clear_ordering(force=True)
    query.select_for_update = False
    query.select_related = False
    compiler = query.get_compiler(qs.db)
    sql, params = compiler.as_sql()
    cols = list(query.annotation_select.values())
    if compiler.has_composite_fields(cols):
        raise NotCacheable("composite fields")
    return sql, tuple(params), (compiler.get_converters(cols), tuple(query.annotation_select))


class ScopedAggregate:
    """`build(scope) -> (queryset, {alias: aggregate})`, run as `qs.aggregate(**aggregates)`.

    The queryset and the aggregates must use the scope only through `scope.start`, `scope.end` and
    `scope.ids` (e.g. `filter(jurisdiction_id__in=scope.ids)`)."""

    def __init__(self, model: type[Model], build: BuildFn) -> None:
        self.model = model
        self.build = build
        self._plans: dict[tuple[str, str, int], _Plan | None] = {}
        self._lock = threading.Lock()
        self.compilations = 0  # for tests: how often a shape was compiled

    def orm(self, scope: Scope) -> dict[str, Any]:
        """The reference path: build the queryset for this scope and let the ORM run it."""
        qs, aggregates = self.build(scope)
        return qs.aggregate(**aggregates)

    def __call__(self, scope: Scope) -> dict[str, Any]:
        alias = router.db_for_read(self.model)
        connection = connections[alias]
        ids = scope.ids
        key = (alias, connection.vendor, len(ids))
        try:
            plan = self._plans[key]
        except KeyError:
            plan = self._plan(connection.ops, len(ids))
            with self._lock:
                if len(self._plans) >= MAX_SHAPES:
                    self._plans.clear()
                self._plans[key] = plan
        if plan is None:
            return self.orm(scope)
        params = list(plan.params)
        ops = connection.ops
        start = ops.adapt_datefield_value(scope.start)
        end = ops.adapt_datefield_value(scope.end)
        for i in plan.start_at:
            params[i] = start
        for i in plan.end_at:
            params[i] = end
        for i, k in plan.id_at:
            params[i] = ids[k]
        with connection.cursor() as cur:
            cur.execute(plan.sql, params)
            row = cur.fetchone()
        values = list(row)
        for col, functions, expression in plan.converters:
            value = values[col]
            for fn in functions:
                value = fn(value, expression, connection)
            values[col] = value
        return dict(zip(plan.aliases, values, strict=True))

    def clear(self) -> None:
        with self._lock:
            self._plans.clear()

    def _plan(self, ops: Any, n: int) -> _Plan | None:
        if n == 0:
            return None  # `IN ()`: the ORM knows the answer without asking the database
        try:
            compiled = [self._compile_with(ops, which, n) for which in (0, 1)]
        except (EmptyResultSet, FullResultSet, NotCacheable):
            return None
        self.compilations += 1
        (sql_a, params_a, slots_a, extra), (sql_b, params_b, slots_b, _) = compiled
        if sql_a != sql_b or len(params_a) != len(params_b) or slots_a != slots_b:
            return None
        filled = {i for group in slots_a[:2] for i in group} | {i for i, _ in slots_a[2]}
        if any(params_a[i] != params_b[i] for i in range(len(params_a)) if i not in filled):
            return None
        if not slots_a[0] or not slots_a[1] or len({k for _, k in slots_a[2]}) != n:
            return None
        converters, aliases = extra
        return _Plan(
            sql=sql_a,
            params=params_a,
            start_at=slots_a[0],
            end_at=slots_a[1],
            id_at=slots_a[2],
            aliases=aliases,
            converters=tuple((col, tuple(fns), expr) for col, (fns, expr) in converters.items()),
        )

    def _compile_with(
        self, ops: Any, which: int, n: int
    ) -> tuple[str, tuple[Any, ...], _Slots, Any]:
        scope = _sentinel_scope(which, n)
        qs, aggregates = self.build(scope)
        sql, params, extra = _compile(qs, aggregates)
        start = ops.adapt_datefield_value(scope.start)
        end = ops.adapt_datefield_value(scope.end)
        id_index = {v: k for k, v in enumerate(scope.ids)}
        start_at: list[int] = []
        end_at: list[int] = []
        id_at: list[tuple[int, int]] = []
        for i, p in enumerate(params):
            if type(p) is type(start) and p == start:
                start_at.append(i)
            elif type(p) is type(end) and p == end:
                end_at.append(i)
            elif type(p) is int and p in id_index:
                id_at.append((i, id_index[p]))
        return sql, params, (tuple(start_at), tuple(end_at), tuple(id_at)), extra
