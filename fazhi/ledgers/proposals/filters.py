"""List filters of the 建议提案 ledger (search, overdue, drill-down come from the kit)."""

from __future__ import annotations

import django_filters

from fazhi.casework.filters import CaseFilter as BaseFilter
from fazhi.casework.filters import year_filter
from fazhi.ledgers.proposals.models import Proposal
from fazhi.ledgers.proposals.states import Category, Kind, Rating, State
from fazhi.org.models import Department


class CaseFilter(BaseFilter):
    search_fields = ("case_number", "title", "authors", "proposal_number", "session")
    year_field = "received_on"

    kind = django_filters.ChoiceFilter(label="类别", choices=Kind.choices, empty_label="全部类别")
    state = django_filters.ChoiceFilter(label="状态", choices=State.choices, empty_label="全部状态")
    category = django_filters.ChoiceFilter(
        label="答复类别", choices=Category.choices, empty_label="全部答复类别"
    )
    rating = django_filters.ChoiceFilter(
        label="评价", choices=Rating.choices, empty_label="全部评价"
    )
    lead_department = django_filters.ModelChoiceFilter(
        label="主办单位", queryset=Department.objects.none(), empty_label="全部主办单位"
    )
    year = year_filter("收到年度")

    class Meta:
        model = Proposal
        fields: list[str] = []
