"""Object permissions for mediated disputes: the jurisdiction's coordinating office and the staff
of the guiding department (司法局/司法所) edit; leaders read; the city reads its counties'."""

from __future__ import annotations

import rules

from fazhi.org.rules import can_create, can_edit_record

rules.add_perm("mediation.view_case", rules.always_allow)  # visibility is visible_to()
rules.add_perm("mediation.change_case", can_edit_record)
rules.add_perm("mediation.add_case", can_create)
