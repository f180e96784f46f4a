"""Object permissions of the 行政执法 ledgers: the legal office (coordinator) and the staff of the
row's department edit; leaders and the city read."""

from __future__ import annotations

import rules

from fazhi.org.rules import can_create, can_edit_record

for key in ("enforcement", "enforcement_decisions", "enforcement_powers", "case_file_reviews"):
    rules.add_perm(f"{key}.view_case", rules.always_allow)  # visibility is visible_to()
    rules.add_perm(f"{key}.change_case", can_edit_record)
    rules.add_perm(f"{key}.add_case", can_create)
