"""Bulk writes that keep the audit trail: one history row per created object, labelled
with a transition event, as `fazhi.audit.record` would write it one by one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.db import models
from simple_history.utils import bulk_create_with_history

from fazhi.audit.api import EVENT_PREFIX

M = TypeVar("M", bound=models.Model)


def bulk_create_audited(
    objs: Sequence[M], *, by: Any, event: str, batch_size: int = 2000
) -> list[M]:
    if not objs:
        return []
    model = type(objs[0])
    user = by if getattr(by, "is_authenticated", False) else None
    return bulk_create_with_history(  # type: ignore[no-any-return]
        list(objs),
        model,
        batch_size=batch_size,
        default_user=user,
        default_change_reason=EVENT_PREFIX + event,
    )
