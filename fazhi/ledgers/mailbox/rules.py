"""Object permissions for mailbox letters: the 承办单位 and the coordinating office edit."""

from __future__ import annotations

import rules

from fazhi.org.rules import can_create, can_edit_record

rules.add_perm("mailbox.view_case", rules.always_allow)  # visibility is visible_to()
rules.add_perm("mailbox.change_case", can_edit_record)
rules.add_perm("mailbox.add_case", can_create)
