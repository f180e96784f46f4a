"""Object permissions for lawsuits, and the configurable 败诉 set.

The coordinating office (司法局/法制机构) and the defendant department's staff edit a lawsuit;
leaders read it; the city reads its counties'."""

from __future__ import annotations

from typing import Any

import rules
from django.conf import settings

from fazhi.ledgers.litigation.states import LOSS_DEFAULT
from fazhi.org.rules import can_create, can_edit_record

rules.add_perm("litigation.view_case", rules.always_allow)  # visibility is visible_to()
rules.add_perm("litigation.change_case", can_edit_record)
rules.add_perm("litigation.add_case", can_create)


def loss_dispositions() -> tuple[str, ...]:
    """Which 裁判结果 count as 败诉: `settings.LITIGATION_LOSS_DISPOSITIONS`, else the default."""
    configured: Any = getattr(settings, "LITIGATION_LOSS_DISPOSITIONS", None)
    return tuple(configured) if configured else tuple(LOSS_DEFAULT)
