"""What other ledgers may know of lawsuits (style.md: ledgers link only through api.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LawsuitRef:
    case_number: str
    label: str  # "一审·示例县人民法院·已判决/裁定（未生效）"
    url: str


def lawsuits_after_reconsideration(reconsideration_pk: int) -> list[LawsuitRef]:
    """The lawsuits that followed a 行政复议 case (shown on its page)."""
    from fazhi.ledgers.litigation.models import LitigationCase

    qs = LitigationCase.objects.filter(reconsideration_case_id=reconsideration_pk).order_by("id")
    return [
        LawsuitRef(
            c.case_number,
            f"{c.get_trial_level_display()}·{c.court_name}·{c.get_state_display()}",
            c.get_absolute_url(),
        )
        for c in qs
    ]
