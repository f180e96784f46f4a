"""What other ledgers may know of a 行政复议 case (style.md: ledgers link only through api.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CaseRef:
    pk: int
    jurisdiction_id: int
    case_number: str
    url: str


def get_ref(pk: int) -> CaseRef | None:
    from fazhi.ledgers.reconsideration.models import ReconsiderationCase

    case = (
        ReconsiderationCase.objects.filter(pk=pk)
        .only("pk", "jurisdiction_id", "case_number")
        .first()
    )
    if case is None:
        return None
    return CaseRef(case.pk, case.jurisdiction_id, case.case_number, case.get_absolute_url())


def find(jurisdiction_id: int, case_number: str) -> CaseRef | None:
    from fazhi.ledgers.reconsideration.models import ReconsiderationCase

    case = (
        ReconsiderationCase.objects.filter(jurisdiction_id=jurisdiction_id, case_number=case_number)
        .only("pk", "jurisdiction_id", "case_number")
        .first()
    )
    return get_ref(case.pk) if case else None


def cases_in(jurisdiction_id: int, year: int) -> list[CaseRef]:
    """Concluded cases of a year (the demo links lawsuits to them)."""
    from fazhi.ledgers.reconsideration.models import ReconsiderationCase

    qs = ReconsiderationCase.objects.filter(
        jurisdiction_id=jurisdiction_id, closed_on__year=year, outcome__isnull=False
    ).exclude(outcome="")
    return [CaseRef(c.pk, c.jurisdiction_id, c.case_number, c.get_absolute_url()) for c in qs]
