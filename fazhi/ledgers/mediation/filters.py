"""List filters of the 人民调解 ledger (search, overdue, drill-down come from the kit)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet

from fazhi.casework.filters import CaseFilter as BaseFilter
from fazhi.casework.filters import year_filter
from fazhi.ledgers.mediation.models import MediationCase, MediationCommittee, MediationParty
from fazhi.ledgers.mediation.states import DisputeType, State


class CaseFilter(BaseFilter):
    search_fields = ("case_number", "summary", "committee__name")
    year_field = "received_on"

    state = django_filters.ChoiceFilter(label="状态", choices=State.choices, empty_label="全部状态")
    dispute_type = django_filters.ChoiceFilter(
        label="纠纷类型", choices=DisputeType.choices, empty_label="全部类型"
    )
    committee = django_filters.ModelChoiceFilter(
        label="调解组织", queryset=MediationCommittee.objects.none(), empty_label="全部调解组织"
    )
    is_major = django_filters.BooleanFilter(label="重大疑难")
    year = year_filter("受理年度")

    def limit_departments(self, user: Any) -> None:
        """The committee choices: the user's jurisdiction's (the kit's would be departments)."""
        jurisdiction_id = getattr(user, "jurisdiction_id", None)
        qs = MediationCommittee.objects.all()
        if jurisdiction_id:
            qs = qs.filter(jurisdiction_id=jurisdiction_id)
        self.filters["committee"].queryset = qs

    def search(self, qs: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        """Also by a party's name (a subquery: a join would list a row once per party)."""
        value = value.strip()
        if not value:
            return qs
        q = Q(pk__in=MediationParty.objects.filter(name__contains=value).values("case_id"))
        for f in self.search_fields:
            q |= Q(**{f"{f}__contains": value})
        return qs.filter(q)

    class Meta:
        model = MediationCase
        fields: list[str] = []
