"""What other ledgers may know of a 行政复议 case (style.md: ledgers link only through api.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CaseRef:
    pk: int
    jurisdiction_id: int
    case_number: str
    url: str
    respondent_department_id: int | None = None


def _ref(case: Any) -> CaseRef:
    return CaseRef(
        case.pk,
        case.jurisdiction_id,
        case.case_number,
        case.get_absolute_url(),
        case.respondent_department_id,
    )


def get_ref(pk: int) -> CaseRef | None:
    from fazhi.ledgers.reconsideration.models import ReconsiderationCase

    case = ReconsiderationCase.objects.filter(pk=pk).first()
    return _ref(case) if case is not None else None


def cases_in(jurisdiction_id: int, year: int) -> list[CaseRef]:
    """Cases concluded in a year (the demo links lawsuits to them)."""
    from fazhi.ledgers.reconsideration.models import ReconsiderationCase

    qs = ReconsiderationCase.objects.filter(
        jurisdiction_id=jurisdiction_id, closed_on__year=year
    ).exclude(outcome="")
    return [_ref(c) for c in qs.order_by("id")]


# The 政府信息公开工作年度报告's 第四部分 (国办公开办函〔2021〕30号): 结果维持 / 结果纠正 / 其他结果 /
# 尚未审结. 维持 counts 维持 and 驳回复议请求 (the act stands); 纠正 the corrective outcomes; the rest
# (驳回申请, 终止, 调解, and applications closed before acceptance) are 其他结果.
RESULT_KEYS = ("upheld", "corrected", "other", "pending", "total")


def disclosure_results(
    jurisdiction_ids: list[int], year: int, department_id: int | None = None
) -> dict[str, int]:
    """复议 cases about 政府信息公开 received in `year` by the respondent(s), by their result at
    the year's end."""
    import datetime as dt

    from fazhi.casework.choices import ActCategory
    from fazhi.ledgers.reconsideration.models import ReconsiderationCase
    from fazhi.ledgers.reconsideration.states import CORRECTIVE, Outcome

    qs = ReconsiderationCase.objects.filter(
        jurisdiction_id__in=jurisdiction_ids,
        act_category=ActCategory.DISCLOSURE,
        received_on__year=year,
    )
    if department_id is not None:
        qs = qs.filter(respondent_department_id=department_id)
    end = dt.date(year, 12, 31)
    out = dict.fromkeys(RESULT_KEYS, 0)
    for closed_on, outcome in qs.values_list("closed_on", "outcome"):
        if closed_on is None or closed_on > end:
            key = "pending"
        elif outcome in (Outcome.UPHELD, Outcome.CLAIMS_REJECTED):
            key = "upheld"
        elif outcome in CORRECTIVE:
            key = "corrected"
        else:
            key = "other"
        out[key] += 1
        out["total"] += 1
    return out


def disclosure_cases(jurisdiction_id: int) -> list[CaseRef]:
    """The jurisdiction's 复议 cases about 政府信息公开 (a disclosure request can be their origin)."""
    from fazhi.casework.choices import ActCategory
    from fazhi.ledgers.reconsideration.models import ReconsiderationCase

    qs = ReconsiderationCase.objects.filter(
        jurisdiction_id=jurisdiction_id, act_category=ActCategory.DISCLOSURE
    )
    return [_ref(c) for c in qs.order_by("id")]
