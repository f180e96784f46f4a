"""How views fetch objects: only through `visible_to`, so another department's row is a 404."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.shortcuts import get_object_or_404

M = TypeVar("M", bound=Model)


def visible(model_or_qs: type[M] | QuerySet[M], user: Any) -> QuerySet[M]:
    qs = model_or_qs if isinstance(model_or_qs, QuerySet) else model_or_qs._default_manager.all()
    if not hasattr(qs, "visible_to"):
        raise TypeError(f"{qs.model.__name__} 的管理器没有 visible_to()，不能在视图中直接取用")
    return qs.visible_to(user)  # type: ignore[no-any-return]


def get_visible_or_404(model_or_qs: type[M] | QuerySet[M], user: Any, **lookup: Any) -> M:
    """The only getter views use for ledger objects."""
    return get_object_or_404(visible(model_or_qs, user), **lookup)


def require(user: Any, perm: str, obj: Model) -> None:
    """Object permission check on an object the user can already see (fetched through
    `get_visible_or_404`, so its existence is no secret): a refusal is 403 with the Chinese
    无权限 page, which says whom to ask. A row the user cannot see stays a 404."""
    if not user.has_perm(perm, obj):
        raise PermissionDenied("无权限办理该事项")
