"""Object permissions for 建议提案, and the configurable parts: which ratings count as 满意 and the
wording of the A/B/C reply classes.

The 交办 office (政府办 / the coordinating office) and the lead department's staff edit a row;
marking an item difficult (six months instead of three) is the 交办 office's approval."""

from __future__ import annotations

from typing import Any

import rules
from django.conf import settings

from fazhi.ledgers.proposals.states import Category, Rating
from fazhi.org.rules import can_approve, can_create, can_edit_record

rules.add_perm("proposals.view_case", rules.always_allow)  # visibility is visible_to()
rules.add_perm("proposals.change_case", can_edit_record)
rules.add_perm("proposals.add_case", can_create)
rules.add_perm("proposals.approve_case", can_approve)

CATEGORY_DEFAULT = {
    Category.A: "A类（已解决或基本解决）",
    Category.B: "B类（正在解决或列入计划解决）",
    Category.C: "C类（因条件限制暂不能解决，已作解释说明）",
}


def satisfied_ratings() -> tuple[str, ...]:
    """满意率's numerator: 满意 and 基本满意 by default (the usual “满意和基本满意” of the reports);
    `settings.PROPOSALS_BASICALLY_SATISFIED_COUNTS = False` counts 满意 only."""
    if getattr(settings, "PROPOSALS_BASICALLY_SATISFIED_COUNTS", True):
        return (Rating.SATISFIED, Rating.BASICALLY_SATISFIED)
    return (Rating.SATISFIED,)


def satisfied_basis() -> str:
    """The 口径 words printed beside the 满意率."""
    if Rating.BASICALLY_SATISFIED in satisfied_ratings():
        return "满意件数含“满意”和“基本满意”"
    return "满意件数仅含“满意”，不含“基本满意”"


def category_labels() -> dict[str, str]:
    """答复类别 → the words of the 答复函: `settings.PROPOSALS_CATEGORY_LABELS` overrides."""
    configured: Any = getattr(settings, "PROPOSALS_CATEGORY_LABELS", None) or {}
    return {str(k): str(configured.get(str(k), v)) for k, v in CATEGORY_DEFAULT.items()}
