"""List filters of the 依申请公开 ledger (search, overdue, 承办人, drill-down come from the kit)."""

from __future__ import annotations

import django_filters

from fazhi.casework.filters import CaseFilter as BaseFilter
from fazhi.casework.filters import year_filter
from fazhi.ledgers.disclosure.models import DisclosureRequest
from fazhi.ledgers.disclosure.states import ApplicantKind, Channel, ReplyType, State
from fazhi.org.models import Department


class CaseFilter(BaseFilter):
    search_fields = ("case_number", "applicant_name", "subject")
    year_field = "received_on"

    state = django_filters.ChoiceFilter(label="状态", choices=State.choices, empty_label="全部状态")
    reply_type = django_filters.ChoiceFilter(
        label="处理结果", choices=ReplyType.choices, empty_label="全部结果"
    )
    applicant_kind = django_filters.ChoiceFilter(
        label="申请人类别", choices=ApplicantKind.choices, empty_label="全部申请人"
    )
    channel = django_filters.ChoiceFilter(
        label="提交方式", choices=Channel.choices, empty_label="全部方式"
    )
    department = django_filters.ModelChoiceFilter(
        label="受理机关", queryset=Department.objects.none(), empty_label="全部机关"
    )
    year = year_filter("收到年度")

    class Meta:
        model = DisclosureRequest
        fields: list[str] = []
