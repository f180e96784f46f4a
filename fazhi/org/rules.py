"""Object permissions (django `rules`). Ledgers register their own perms with these predicates,
e.g. `rules.add_perm("reconsideration.change_case", can_edit_record)`."""

from __future__ import annotations

from typing import Any

import rules

from fazhi.org.models import Role


def _jurisdiction_id(obj: Any) -> int | None:
    field = getattr(type(obj), "scope_jurisdiction", "jurisdiction")
    target = obj
    for part in field.split("__")[:-1]:
        target = getattr(target, part)
    return getattr(target, field.split("__")[-1] + "_id", None)


def _department_ids(obj: Any) -> set[int]:
    ids: set[int] = set()
    for field in getattr(type(obj), "scope_departments", ("department",)):
        target = obj
        parts = field.split("__")
        for part in parts[:-1]:
            target = getattr(target, part, None)
            if target is None:
                break
        if target is not None:
            value = getattr(target, parts[-1] + "_id", None)
            if value is not None:
                ids.add(value)
    return ids


@rules.predicate
def is_admin(user: Any) -> bool:
    return bool(user.is_authenticated and (user.is_superuser or user.role == Role.ADMIN))


@rules.predicate
def is_coordinator(user: Any) -> bool:
    return bool(user.is_authenticated and user.role == Role.COORDINATOR)


@rules.predicate
def is_leader(user: Any) -> bool:
    return bool(user.is_authenticated and user.role == Role.LEADER)


@rules.predicate
def is_department_staff(user: Any) -> bool:
    return bool(user.is_authenticated and user.role in (Role.LEGAL_OFFICER, Role.CLERK))


@rules.predicate
def is_legal_officer(user: Any) -> bool:
    return bool(user.is_authenticated and user.role == Role.LEGAL_OFFICER)


@rules.predicate
def same_jurisdiction(user: Any, obj: Any) -> bool:
    return (
        obj is not None
        and user.jurisdiction_id is not None
        and _jurisdiction_id(obj) == user.jurisdiction_id
    )


@rules.predicate
def same_department(user: Any, obj: Any) -> bool:
    return (
        obj is not None
        and user.department_id is not None
        and user.department_id in _department_ids(obj)
    )


# Editing a ledger row: the coordinating office of the jurisdiction, or staff of a department
# the row belongs to. Leaders read and approve; superior viewers only read.
can_edit_record = (
    is_admin | (is_coordinator & same_jurisdiction) | (is_department_staff & same_department)
)
# Approvals that the law gives to a head (延期 by the 复议机构负责人, report sign-off).
can_approve = is_admin | ((is_leader | is_coordinator) & same_jurisdiction)
can_create = is_admin | is_coordinator | is_department_staff
