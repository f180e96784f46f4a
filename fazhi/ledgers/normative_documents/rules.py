"""Object permissions. The drafting department's staff and the legal office (司法局) edit a
document; only the legal office gives the 合法性审核 opinion and registers cleanup batches; the
city reads its counties'."""

from __future__ import annotations

from typing import Any

import rules

from fazhi.org.rules import can_create, can_edit_record, is_admin, is_coordinator, same_jurisdiction


@rules.predicate
def in_legal_office(user: Any, obj: Any = None) -> bool:
    department = getattr(user, "department", None)
    return bool(
        user.is_authenticated
        and department is not None
        and department.is_legal_office
        and (obj is None or same_jurisdiction(user, obj))
    )


can_review = is_admin | (is_coordinator & same_jurisdiction) | in_legal_office

rules.add_perm("normative_documents.view_case", rules.always_allow)  # visibility: visible_to()
rules.add_perm("normative_documents.change_case", can_edit_record)
rules.add_perm("normative_documents.add_case", can_create)
rules.add_perm("normative_documents.review_case", can_edit_record & can_review)
rules.add_perm("normative_documents.cleanup_case", is_admin | is_coordinator | in_legal_office)
