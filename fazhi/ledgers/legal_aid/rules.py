"""Object permissions for legal-aid cases: the jurisdiction's coordinating office and the staff
of the legal-aid body's department edit; leaders read; the city reads its counties'."""

from __future__ import annotations

import rules

from fazhi.org.rules import can_create, can_edit_record

rules.add_perm("legal_aid.view_case", rules.always_allow)  # visibility is visible_to()
rules.add_perm("legal_aid.change_case", can_edit_record)
rules.add_perm("legal_aid.add_case", can_create)
