"""Object permissions: the submitting department and the 司法局 both change a row (request,
supplements, feedback); only the 司法局 (its staff, or the jurisdiction's coordinators) accepts,
returns and gives the opinion; the level above reads."""

from __future__ import annotations

from typing import Any

import rules

from fazhi.org.rules import can_create, can_edit_record, is_admin, is_coordinator, same_jurisdiction


@rules.predicate
def works_in_reviewing_office(user: Any, obj: Any) -> bool:
    return bool(
        obj is not None
        and user.is_authenticated
        and user.department_id is not None
        and user.department_id == getattr(obj, "reviewing_office_id", None)
        and user.role in ("legal_officer", "clerk")
    )


rules.add_perm("legality_review.view_case", rules.always_allow)  # visibility is visible_to()
rules.add_perm("legality_review.change_case", can_edit_record)
rules.add_perm(
    "legality_review.review_case",
    is_admin | (is_coordinator & same_jurisdiction) | works_in_reviewing_office,
)
rules.add_perm("legality_review.add_case", can_create)
