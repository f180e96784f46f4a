"""Object permissions for tickets: the hotline office (受理机构) and the member unit the ticket is
dispatched to edit it, with the coordinating office; leaders read; the city reads its counties'."""

from __future__ import annotations

import rules

from fazhi.org.rules import can_create, can_edit_record

rules.add_perm("hotline.view_case", rules.always_allow)  # visibility is visible_to()
rules.add_perm("hotline.change_case", can_edit_record)
rules.add_perm("hotline.add_case", can_create)
