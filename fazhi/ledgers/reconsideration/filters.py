"""List filters of the 行政复议 ledger: status, outcome, respondent, year, category, law version,
procedure (search, overdue, 承办人 and the indicator drill-down come from the kit)."""

from __future__ import annotations

import django_filters

from fazhi.casework.filters import CaseFilter as BaseFilter
from fazhi.casework.filters import year_filter
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import ActCategory, LawVersion, Outcome, Procedure, State
from fazhi.org.models import Department


class CaseFilter(BaseFilter):
    search_fields = ("case_number", "applicant_names", "respondent_name", "act_description")
    year_field = "received_on"

    state = django_filters.ChoiceFilter(label="状态", choices=State.choices, empty_label="全部状态")
    outcome = django_filters.ChoiceFilter(
        label="结案方式", choices=Outcome.choices, empty_label="全部结案方式"
    )
    respondent_department = django_filters.ModelChoiceFilter(
        label="被申请人", queryset=Department.objects.none(), empty_label="全部被申请人"
    )
    year = year_filter("收案年度")
    act_category = django_filters.ChoiceFilter(
        label="行为类别", choices=ActCategory.choices, empty_label="全部类别"
    )
    law_version = django_filters.ChoiceFilter(
        label="法律版本", choices=LawVersion.choices, empty_label="全部版本"
    )
    procedure = django_filters.ChoiceFilter(
        label="程序", choices=Procedure.choices, empty_label="全部程序"
    )

    class Meta:
        model = ReconsiderationCase
        fields: list[str] = []
