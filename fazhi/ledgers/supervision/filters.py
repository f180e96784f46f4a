"""List filters of the 督查督办 ledger (search, 仅看超期, drill-down come from the kit)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet

from fazhi.casework.filters import CaseFilter as BaseFilter
from fazhi.casework.filters import year_filter
from fazhi.ledgers.supervision.models import SupervisionItem
from fazhi.ledgers.supervision.states import Area, Kind, Source, State
from fazhi.org.models import Department


class CaseFilter(BaseFilter):
    search_fields = ("case_number", "task", "finding", "notice__notice_number", "notice__title")
    year_field = "assigned_on"

    kind = django_filters.ChoiceFilter(label="类型", choices=Kind.choices, empty_label="全部类型")
    source = django_filters.ChoiceFilter(
        label="来源", choices=Source.choices, empty_label="全部来源", method="by_source"
    )
    area = django_filters.ChoiceFilter(
        label="问题领域", choices=Area.choices, empty_label="全部领域"
    )
    state = django_filters.ChoiceFilter(label="状态", choices=State.choices, empty_label="全部状态")
    lead_department = django_filters.ModelChoiceFilter(
        label="责任单位", queryset=Department.objects.none(), empty_label="全部责任单位"
    )
    year = year_filter("交办年度")

    class Meta:
        model = SupervisionItem
        fields: list[str] = []

    def by_source(self, qs: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return qs.filter(notice__source=value) if value else qs
