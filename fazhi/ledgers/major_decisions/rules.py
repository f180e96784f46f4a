"""Object permissions: the 承办单位 and the 司法局 edit a decision; only the reviewing office (or
the jurisdiction's coordinators) records the legality opinion; the city reads."""

from __future__ import annotations

from typing import Any

import rules

from fazhi.org.rules import can_create, can_edit_record, is_admin, is_coordinator, same_jurisdiction


@rules.predicate
def works_in_review_office(user: Any, obj: Any) -> bool:
    return bool(
        obj is not None
        and user.is_authenticated
        and user.department_id is not None
        and user.department_id == getattr(obj, "review_office_id", None)
        and user.role in ("legal_officer", "clerk")
    )


can_review = is_admin | (is_coordinator & same_jurisdiction) | works_in_review_office

rules.add_perm("major_decisions.view_case", rules.always_allow)  # visibility is visible_to()
rules.add_perm("major_decisions.change_case", can_edit_record)
rules.add_perm("major_decisions.review_case", can_review)
rules.add_perm("major_decisions.add_case", can_create)
