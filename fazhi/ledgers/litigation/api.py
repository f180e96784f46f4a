"""What other ledgers may know of lawsuits (style.md: ledgers link only through api.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


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


@dataclass(frozen=True)
class AppearanceRef:
    """One court session the defendant organ's 正职 (its principal leader) attended in person."""

    held_on: date
    appearer_name: str
    appearer_title: str
    defendant_name: str
    case_number: str
    url: str


def principal_appearances(
    jurisdiction_ids: Iterable[int], start: date, end: date
) -> list[AppearanceRef]:
    """Sessions held in [start, end) at which the defendant organ's own 正职 appeared with identity
    proved (a subset of the 负责人出庭 of `LEADER_Q`): the leader's court appearances for report
    part 3, read here rather than entered twice."""
    from fazhi.ledgers.litigation.models import LEADER_Q, Hearing
    from fazhi.ledgers.litigation.states import Role

    qs = (
        Hearing.objects.filter(
            LEADER_Q,
            role=Role.PRINCIPAL,
            case__jurisdiction_id__in=list(jurisdiction_ids),
            held_on__gte=start,
            held_on__lt=end,
        )
        .select_related("case")
        .order_by("held_on", "id")
    )
    return [
        AppearanceRef(
            h.held_on,  # type: ignore[arg-type]  # filtered on held_on
            h.appearer_name,
            h.appearer_title,
            h.case.defendant_name,
            h.case.case_number,
            h.case.get_absolute_url(),
        )
        for h in qs
    ]
