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
class LawsuitLink:
    pk: int
    jurisdiction_id: int
    case_number: str
    url: str


@dataclass(frozen=True)
class AppearanceRef:
    """One court session the defendant organ's 正职 (its principal leader) attended in person."""

    held_on: date
    appearer_name: str
    appearer_title: str
    defendant_name: str
    case_number: str
    url: str


def get_lawsuit_ref(pk: int) -> LawsuitLink | None:
    from fazhi.ledgers.litigation.models import LitigationCase

    c = LitigationCase.objects.filter(pk=pk).first()
    if c is None:
        return None
    return LawsuitLink(c.pk, c.jurisdiction_id, c.case_number, c.get_absolute_url())


def disclosure_lawsuits(jurisdiction_id: int) -> list[LawsuitLink]:
    """First-instance lawsuits about 政府信息公开 (a disclosure request can be their origin)."""
    from fazhi.casework.choices import ActCategory
    from fazhi.ledgers.litigation.models import LitigationCase

    qs = LitigationCase.objects.filter(
        jurisdiction_id=jurisdiction_id,
        act_category=ActCategory.DISCLOSURE,
        trial_level="first_instance",
    )
    return [
        LawsuitLink(c.pk, c.jurisdiction_id, c.case_number, c.get_absolute_url())
        for c in qs.order_by("id")
    ]


def disclosure_results(
    jurisdiction_ids: list[int], year: int, department_id: int | None = None
) -> dict[str, dict[str, int]]:
    """The 政府信息公开工作年度报告's 第四部分 for lawsuits: first-instance suits about 政府信息公开
    filed (copy received) in `year`, split into suits without a prior 复议 (`direct`) and suits
    after one (`after_review`), by their result at the year's end: 维持 (驳回诉讼请求, 驳回上诉),
    纠正 (the configurable 败诉 set), 其他 (驳回起诉, 撤诉, other rulings), 尚未审结."""
    import datetime as dt

    from fazhi.casework.choices import ActCategory
    from fazhi.ledgers.litigation.models import LitigationCase
    from fazhi.ledgers.litigation.rules import loss_dispositions

    keys = ("upheld", "corrected", "other", "pending", "total")
    out = {"direct": dict.fromkeys(keys, 0), "after_review": dict.fromkeys(keys, 0)}
    qs = LitigationCase.objects.filter(
        jurisdiction_id__in=jurisdiction_ids,
        act_category=ActCategory.DISCLOSURE,
        trial_level="first_instance",
        complaint_received_on__year=year,
    )
    if department_id is not None:
        qs = qs.filter(defendant_department_id=department_id)
    end = dt.date(year, 12, 31)
    losses = set(loss_dispositions())
    for review, decided_on, disposition in qs.values_list(
        "reconsideration_case_id", "decided_on", "disposition"
    ):
        if decided_on is None or decided_on > end or not disposition:
            key = "pending"
        elif disposition in ("claims_rejected", "appeal_dismissed"):
            key = "upheld"
        elif disposition in losses:
            key = "corrected"
        else:
            key = "other"
        part = out["after_review" if review else "direct"]
        part[key] += 1
        part["total"] += 1
    return out


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
