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
