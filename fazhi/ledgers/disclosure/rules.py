"""Object permissions for disclosure requests and the yearly counts: the request's 受理机关 and the
coordinating office edit; leaders read; the city reads its counties'."""

from __future__ import annotations

import rules

from fazhi.org.rules import can_create, can_edit_record

rules.add_perm("disclosure.view_case", rules.always_allow)  # visibility is visible_to()
rules.add_perm("disclosure.change_case", can_edit_record)
rules.add_perm("disclosure.add_case", can_create)
