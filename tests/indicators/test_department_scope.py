"""Kit: a Scope narrowed to departments counts only the rows placed with them (a department's own
annual report), through the model's scope_departments; the compiled path is bypassed for it."""

from __future__ import annotations

from django.db.models import Q

from fazhi.casework.indicators import ModelLedger
from fazhi.indicators.scope import Scope
from tests.testapp.models import Matter


def test_department_scope_counts_only_that_departments_rows(
    county, police, market, justice_bureau
) -> None:
    for dept, other in ((police, None), (police, market), (market, None), (justice_bureau, police)):
        Matter.objects.create(
            title="m", jurisdiction=county, department=dept, other_department=other
        )
    ledger = ModelLedger(Matter, lambda scope: {"reconsideration.received": Q()}, list_url="x")
    year = Scope.year(county, 2025)
    assert ledger.counts(year)["reconsideration.received"] == 4
    assert ledger.counts(Scope.department_year(police, 2025))["reconsideration.received"] == 3
    assert ledger.counts(Scope.department_year(market, 2025))["reconsideration.received"] == 2
    assert (
        ledger.rows("reconsideration.received", Scope.department_year(justice_bureau, 2025)).count()
        == 1
    )
