"""List filters of the 重大行政决策 ledger (search, overdue, drill-down come from the kit)."""

from __future__ import annotations

import django_filters

from fazhi.casework.filters import CaseFilter as BaseFilter
from fazhi.casework.filters import year_filter
from fazhi.ledgers.major_decisions.models import MajorDecision
from fazhi.ledgers.major_decisions.states import State
from fazhi.org.models import Department


class CaseFilter(BaseFilter):
    search_fields = ("case_number", "title", "summary", "meeting_name")
    year_field = "listed_on"

    state = django_filters.ChoiceFilter(label="状态", choices=State.choices, empty_label="全部状态")
    sponsor_department = django_filters.ModelChoiceFilter(
        label="承办单位", queryset=Department.objects.none(), empty_label="全部承办单位"
    )
    year = year_filter("列入年度")

    class Meta:
        model = MajorDecision
        fields: list[str] = []
