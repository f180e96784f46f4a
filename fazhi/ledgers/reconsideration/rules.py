"""Object permissions for 行政复议 cases.

The 复议机构 (handling department) staff and the coordinating office edit a case; the
respondent department's staff see cases against them but cannot act on them; extensions are
approved by the head (a leader or the coordinating office of the same jurisdiction)."""

from __future__ import annotations

from typing import Any

import rules

from fazhi.org.rules import (
    can_approve,
    is_admin,
    is_coordinator,
    is_department_staff,
    same_jurisdiction,
)


@rules.predicate
def handles_case(user: Any, case: Any) -> bool:
    return (
        case is not None
        and user.department_id is not None
        and user.department_id == case.handling_department_id
    )


@rules.predicate
def in_legal_office(user: Any) -> bool:
    dept = getattr(user, "department", None)
    return bool(dept is not None and dept.is_legal_office)


can_change_case = (
    is_admin | (is_coordinator & same_jurisdiction) | (is_department_staff & handles_case)
)
can_add_case = is_admin | is_coordinator | (is_department_staff & in_legal_office)

rules.add_perm("reconsideration.view_case", rules.always_allow)  # visibility is visible_to()
rules.add_perm("reconsideration.change_case", can_change_case)
rules.add_perm("reconsideration.approve_case", can_approve)
rules.add_perm("reconsideration.add_case", can_add_case)
