"""Object permissions of the 普法/学法, 法律顾问 and 履职 registers: the legal office (coordinator)
and the staff of the row's department edit; leaders and the city read."""

from __future__ import annotations

import rules

from fazhi.org.rules import can_create, can_edit_record

KEYS = (
    "legal_education",
    "publicity_venues",
    "legal_literates",
    "study_sessions",
    "villages",
    "legal_counsel",
    "counsel_work",
    "leader_duties",
)
for key in KEYS:
    rules.add_perm(f"{key}.view_case", rules.always_allow)  # visibility is visible_to()
    rules.add_perm(f"{key}.change_case", can_edit_record)
    rules.add_perm(f"{key}.add_case", can_create)
