"""Which jurisdictions' figures a user may look at: their own and everything below it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from fazhi.org.models import Jurisdiction, Role


def visible_jurisdictions(user: Any) -> QuerySet[Jurisdiction]:
    if not getattr(user, "is_authenticated", False):
        return Jurisdiction.objects.none()
    if user.is_superuser or user.role == Role.ADMIN:
        return Jurisdiction.objects.all()
    if user.jurisdiction_id is None:
        return Jurisdiction.objects.none()
    subtree: QuerySet[Jurisdiction] = user.jurisdiction.subtree()
    return subtree


def get_visible_jurisdiction_or_404(user: Any, code: str) -> Jurisdiction:
    """A jurisdiction the user may not see is a 404, like any other object."""
    return get_object_or_404(visible_jurisdictions(user), code=code)
