"""List filters of the 政府信箱 ledger."""

from __future__ import annotations

import django_filters

from fazhi.casework.filters import CaseFilter as BaseFilter
from fazhi.casework.filters import year_filter
from fazhi.ledgers.mailbox.models import MailboxLetter, Route, State
from fazhi.org.models import Department


class CaseFilter(BaseFilter):
    search_fields = ("case_number", "writer_name", "subject")
    year_field = "received_on"

    state = django_filters.ChoiceFilter(label="状态", choices=State.choices, empty_label="全部状态")
    route = django_filters.ChoiceFilter(label="转办去向", choices=Route.choices, empty_label="全部")
    department = django_filters.ModelChoiceFilter(
        label="承办单位", queryset=Department.objects.none(), empty_label="全部单位"
    )
    year = year_filter("收信年度")

    class Meta:
        model = MailboxLetter
        fields: list[str] = []
