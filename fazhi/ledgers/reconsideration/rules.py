"""Object permissions for 行政复议 cases.

The 复议机构 (handling department) staff and the coordinating office edit a case; the
respondent department's staff see cases against them but cannot act on them. 延期 and the switch
to the ordinary procedure are approved by the 行政复议机构负责人 (2023 Arts. 55, 62(1)): read as a
leader (role LEADER) of the case's handling department, since the org model has no separate flag;
for a 2017 case 延期 is approved by the 复议机关负责人 (2017 Art. 31): a leader of the government
itself (role LEADER with no department) of the case's jurisdiction. Not a coordinator, not a
leader of another department."""

from __future__ import annotations

from typing import Any

import rules

from fazhi.org.rules import (
    is_admin,
    is_coordinator,
    is_department_staff,
    is_leader,
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


@rules.predicate
def heads_case(user: Any, case: Any) -> bool:
    """The 复议机构负责人 (2023) or the 复议机关负责人 (2017) for this case."""
    if case is None or not is_leader(user):
        return False
    if getattr(case, "law_version", "") == "2017":
        return bool(user.department_id is None and user.jurisdiction_id == case.jurisdiction_id)
    return bool(
        user.department_id is not None and user.department_id == case.handling_department_id
    )


@rules.predicate
def answers_case(user: Any, case: Any) -> bool:
    """Staff of the respondent department (部门录入员 or 法制员) answer for it (Art. 48)."""
    return (
        case is not None
        and user.department_id is not None
        and user.department_id == case.respondent_department_id
    )


can_change_case = (
    is_admin | (is_coordinator & same_jurisdiction) | (is_department_staff & handles_case)
)
can_add_case = is_admin | is_coordinator | (is_department_staff & in_legal_office)

rules.add_perm("reconsideration.view_case", rules.always_allow)  # visibility is visible_to()
rules.add_perm("reconsideration.change_case", can_change_case)
rules.add_perm("reconsideration.approve_case", is_admin | heads_case)
rules.add_perm("reconsideration.add_case", can_add_case)
rules.add_perm("reconsideration.answer_case", is_department_staff & answers_case)
