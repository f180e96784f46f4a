"""List filters of the 合同及涉法文件审核 ledger (search, overdue, drill-down come from the kit)."""

from __future__ import annotations

import django_filters

from fazhi.casework.filters import CaseFilter as BaseFilter
from fazhi.casework.filters import year_filter
from fazhi.ledgers.legality_review.models import LegalityReview
from fazhi.ledgers.legality_review.states import Kind, Result, State
from fazhi.org.models import Department


class CaseFilter(BaseFilter):
    search_fields = ("case_number", "title", "counterparty", "opinion")
    year_field = "submitted_on"

    state = django_filters.ChoiceFilter(label="状态", choices=State.choices, empty_label="全部状态")
    kind = django_filters.ChoiceFilter(label="类别", choices=Kind.choices, empty_label="全部类别")
    result = django_filters.ChoiceFilter(
        label="审核结论", choices=Result.choices, empty_label="全部结论"
    )
    submitting_department = django_filters.ModelChoiceFilter(
        label="送审单位", queryset=Department.objects.none(), empty_label="全部送审单位"
    )
    year = year_filter("送审年度")

    class Meta:
        model = LegalityReview
        fields: list[str] = []
