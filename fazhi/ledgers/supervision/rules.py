"""Object permissions for 督办事项: the assigning office and the lead department's staff edit an item;
an extension and a 销号 are the assigning office's approval (coordinators and leaders of the
jurisdiction), never the lead department's own."""

from __future__ import annotations

import rules

from fazhi.org.rules import can_approve, can_create, can_edit_record

rules.add_perm("supervision.view_case", rules.always_allow)  # visibility is visible_to()
rules.add_perm("supervision.change_case", can_edit_record)
rules.add_perm("supervision.add_case", can_create)
rules.add_perm("supervision.approve_case", can_approve)
