"""Bulk writes that keep the audit trail: one history row per created object, labelled with a
transition event, as `fazhi.audit.record` would write it one by one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.db import connection, models, transaction
from django.utils import timezone

from fazhi.audit.api import EVENT_PREFIX
from fazhi.imports.fast import _converters, create_objects, insert, insert_values

M = TypeVar("M", bound=models.Model)


@transaction.atomic
def bulk_create_audited(objs: Sequence[M], *, by: Any, event: str) -> list[M]:
    """Insert `objs` (setting their pks) and one "+" history row each with reason event:<event>."""
    if not objs:
        return []
    model = type(objs[0])
    create_objects(objs)
    history_model = getattr(model, model._meta.simple_history_manager_attribute).model  # type: ignore[attr-defined]
    tracked = {f.attname for f in history_model.tracked_fields}
    own = [f for f in model._meta.concrete_fields if f.attname in tracked]
    hfields = {f.attname: f for f in history_model._meta.concrete_fields}
    fields = [hfields[f.attname] for f in own] + [
        hfields["history_date"],
        hfields["history_change_reason"],
        hfields["history_type"],
        hfields["history_user_id"],
    ]
    now = timezone.now()
    user_id = by.pk if getattr(by, "is_authenticated", False) else None
    reason = EVENT_PREFIX + event
    rows = ([getattr(o, f.attname) for f in own] + [now, reason, "+", user_id] for o in objs)
    insert(history_model, fields, rows)
    return list(objs)


def _history_fields(
    model: type[models.Model],
) -> tuple[Any, list[str], list[models.Field[Any, Any]]]:
    history_model = getattr(model, model._meta.simple_history_manager_attribute).model  # type: ignore[attr-defined]
    tracked = {f.attname for f in history_model.tracked_fields}
    own = [f.attname for f in model._meta.concrete_fields if f.attname in tracked]
    hfields = {f.attname: f for f in history_model._meta.concrete_fields}
    fields = [hfields[a] for a in own] + [
        hfields["history_date"],
        hfields["history_change_reason"],
        hfields["history_type"],
        hfields["history_user_id"],
    ]
    return history_model, own, fields


@transaction.atomic
def insert_values_audited(
    model: type[models.Model], values: Sequence[dict[str, Any]], *, by: Any, event: str
) -> list[int]:
    """`fast.insert_values` plus one "+" history row per row, reason event:<event>; returns pks."""
    ids = insert_values(model, values)
    if not ids:
        return ids
    history_model, own, fields = _history_fields(model)
    now = timezone.now()
    user_id = by.pk if getattr(by, "is_authenticated", False) else None
    reason = EVENT_PREFIX + event
    insert(
        history_model, fields, ([v[a] for a in own] + [now, reason, "+", user_id] for v in values)
    )
    return ids


UPDATE_CHUNK = 500  # ids per re-read of updated rows (SQLite's 999-parameter limit)


@transaction.atomic
def update_values_audited(
    model: type[models.Model],
    values: Sequence[dict[str, Any]],
    *,
    fields: Sequence[str],
    by: Any,
    event: str,
) -> int:
    """Set `fields` (attnames) of existing rows given as {pk: id, field: value, …} dicts with one
    executemany UPDATE, and write one "~" history row each (reason event:<event>) holding the row
    as it now is — what `save()` would record, without instances or per-row queries. Returns the
    number of rows given."""
    if not values:
        return 0
    meta = model._meta
    pk = str(meta.pk.attname)
    fobjs: list[models.Field[Any, Any]] = []
    for name in fields:
        f = meta.get_field(name)
        assert isinstance(f, models.Field), name  # a concrete column, not a reverse relation
        fobjs.append(f)
    qn = connection.ops.quote_name
    sets = ", ".join(f"{qn(str(f.column))} = %s" for f in fobjs)
    sql = f"UPDATE {qn(meta.db_table)} SET {sets} WHERE {qn(str(meta.pk.column))} = %s"  # noqa: S608 - names, not data
    conv = _converters(fobjs)
    rows = [
        [
            c(v[f.attname]) if c is not None else v[f.attname]
            for c, f in zip(conv, fobjs, strict=True)
        ]
        + [v[pk]]
        for v in values
    ]
    with connection.cursor() as cur:
        cur.executemany(sql, rows)
    history_model, own, hfields = _history_fields(model)
    now = timezone.now()
    user_id = by.pk if getattr(by, "is_authenticated", False) else None
    reason = EVENT_PREFIX + event
    ids = [v[pk] for v in values]
    for i in range(0, len(ids), UPDATE_CHUNK):
        current = model._base_manager.filter(pk__in=ids[i : i + UPDATE_CHUNK]).values_list(*own)
        insert(history_model, hfields, ([*row, now, reason, "~", user_id] for row in current))
    return len(values)
