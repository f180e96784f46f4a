"""List filters of the 法律援助 ledger."""

from __future__ import annotations

import django_filters

from fazhi.casework.filters import CaseFilter as BaseFilter
from fazhi.casework.filters import year_filter
from fazhi.ledgers.legal_aid.models import LegalAidCase
from fazhi.ledgers.legal_aid.states import Channel, MatterType, State


class CaseFilter(BaseFilter):
    search_fields = ("case_number", "applicant", "matter", "provider")
    year_field = "received_on"

    state = django_filters.ChoiceFilter(label="状态", choices=State.choices, empty_label="全部状态")
    channel = django_filters.ChoiceFilter(
        label="来源", choices=Channel.choices, empty_label="全部来源"
    )
    matter_type = django_filters.ChoiceFilter(
        label="案件类别", choices=MatterType.choices, empty_label="全部类别"
    )
    year = year_filter("收案年度")

    class Meta:
        model = LegalAidCase
        fields: list[str] = []
