"""record(), update_if(), transitions() and history_entries() with field-level diffs in Chinese."""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import timezone

from fazhi.lib.cn_date import cn_date

# Set while update_if runs its UPDATE, so the guard in tests can tell it from a bare update().
_in_update_if: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "fazhi_in_update_if", default=False
)

EVENT_PREFIX = "event:"


_EVENT_LABELS: dict[str, dict[str, str]] = {}


def register_event_labels(app_label: str, labels: dict[str, str]) -> None:
    """An app names its events (code → Chinese) for the history pages."""
    _EVENT_LABELS[app_label] = dict(labels)


def event_labels_for(app_label: str) -> dict[str, str]:
    return _EVENT_LABELS.get(app_label, {})


def is_audited(model: type[models.Model]) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


def audited_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if is_audited(m)]


def _history_model(obj: models.Model) -> Any:
    attr = obj._meta.simple_history_manager_attribute  # type: ignore[attr-defined]
    return getattr(type(obj), attr).model


def record(obj: models.Model, *, event: str, by: Any, note: str = "") -> Any:
    """Write one history row for `obj` as it is now, labelled with a transition event."""
    history_model = _history_model(obj)
    attrs = {f.attname: getattr(obj, f.attname) for f in history_model.tracked_fields}
    reason = EVENT_PREFIX + event + ((" " + note) if note else "")
    return history_model.objects.create(
        history_date=timezone.now(),
        history_type="~",
        history_user=by if getattr(by, "is_authenticated", False) else None,
        history_change_reason=reason,
        **attrs,
    )


@contextmanager
def allow_update() -> Iterator[None]:
    token = _in_update_if.set(True)
    try:
        yield
    finally:
        _in_update_if.reset(token)


def update_if(
    obj: models.Model,
    *,
    expect: dict[str, Any],
    changes: dict[str, Any],
    by: Any,
    event: str,
    note: str = "",
) -> bool:
    """Conditional UPDATE … WHERE pk=… AND expect; returns whether it won. The winner
    writes exactly one history row; the loser changes nothing."""
    with allow_update():
        n = type(obj)._default_manager.filter(pk=obj.pk, **expect).update(**changes)
    if n == 1:
        obj.refresh_from_db(fields=list(changes))
        record(obj, event=event, by=by, note=note)
    return n == 1


def transitions(obj: models.Model) -> list[str]:
    """Events recorded for `obj`, oldest first."""
    history_model = _history_model(obj)
    reasons = (
        history_model.objects.filter(**{obj._meta.pk.attname: obj.pk})
        .order_by("history_date", "history_id")
        .values_list("history_change_reason", flat=True)
    )
    return [
        r[len(EVENT_PREFIX) :].split(" ", 1)[0] for r in reasons if r and r.startswith(EVENT_PREFIX)
    ]


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    at: Any
    user: str
    kind: str  # 创建 / 修改 / 删除
    event: str  # the transition code, or ""
    note: str
    changes: list[FieldChange] = field(default_factory=list)


def _display(
    model_field: models.Field[Any, Any], value: Any, related: dict[tuple[Any, Any], str]
) -> str:
    """`related` caches foreign-key labels for one history listing (each changed FK shows its old
    and new value in every entry; without it that is two queries an entry)."""
    if value is None or value == "":
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return "是" if value else "否"
    if isinstance(model_field, models.DateField) and not isinstance(
        model_field, models.DateTimeField
    ):
        return cn_date(value)
    if isinstance(model_field, models.ForeignKey):
        target = model_field.related_model
        key = (target, value)
        if key not in related:
            obj = target._default_manager.filter(pk=value).first()
            related[key] = str(obj) if obj is not None else f"#{value}"
        return related[key]
    return str(value)


KIND = {"+": "创建", "~": "修改", "-": "删除"}


def history_entries(
    obj: models.Model, *, event_labels: dict[str, str] | None = None
) -> list[HistoryEntry]:
    """Newest first, each with the fields that changed from the previous version, labelled
    with their Chinese verbose_name and shown through their choice labels."""
    history_model = _history_model(obj)
    rows = list(
        history_model.objects.filter(**{obj._meta.pk.attname: obj.pk})
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    fields = [
        f
        for f in type(obj)._meta.concrete_fields
        if f.attname in {t.attname for t in history_model.tracked_fields}
    ]
    labels = event_labels or {}
    related: dict[tuple[Any, Any], str] = {}
    out: list[HistoryEntry] = []
    prev = None
    for row in rows:
        changes: list[FieldChange] = []
        if prev is not None:
            for f in fields:
                old, new = getattr(prev, f.attname), getattr(row, f.attname)
                if old != new:
                    changes.append(
                        FieldChange(
                            str(f.verbose_name),
                            _display(f, old, related),
                            _display(f, new, related),
                        )
                    )
        reason = row.history_change_reason or ""
        event, note = "", reason
        if reason.startswith(EVENT_PREFIX):
            event, _, note = reason[len(EVENT_PREFIX) :].partition(" ")
        user = row.history_user
        out.append(
            HistoryEntry(
                at=row.history_date,
                user=str(user) if user else "系统",
                kind=KIND.get(row.history_type, row.history_type),
                event=labels.get(event, event),
                note=note,
                changes=changes,
            )
        )
        prev = row
    out.reverse()
    return out
