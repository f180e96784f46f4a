"""List filters of the 行政应诉 ledger (search, overdue, 承办人, drill-down come from the kit)."""

from __future__ import annotations

import django_filters

from fazhi.casework.filters import CaseFilter as BaseFilter
from fazhi.casework.filters import year_filter
from fazhi.ledgers.litigation.models import LitigationCase
from fazhi.ledgers.litigation.states import Disposition, Instance, State
from fazhi.org.models import Department


class CaseFilter(BaseFilter):
    search_fields = (
        "case_number",
        "court_case_number",
        "plaintiffs",
        "defendant_name",
        "act_description",
    )
    year_field = "complaint_received_on"

    state = django_filters.ChoiceFilter(label="状态", choices=State.choices, empty_label="全部状态")
    trial_level = django_filters.ChoiceFilter(
        label="审级", choices=Instance.choices, empty_label="全部审级"
    )
    disposition = django_filters.ChoiceFilter(
        label="裁判结果", choices=Disposition.choices, empty_label="全部结果"
    )
    defendant_department = django_filters.ModelChoiceFilter(
        label="被告", queryset=Department.objects.none(), empty_label="全部被告"
    )
    year = year_filter("收案年度")

    class Meta:
        model = LitigationCase
        fields: list[str] = []
