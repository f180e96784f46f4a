"""List filters of the 12345热线 ledger (search, overdue, drill-down come from the kit)."""

from __future__ import annotations

import django_filters

from fazhi.casework.filters import AllYesNoWidget, year_filter
from fazhi.casework.filters import CaseFilter as BaseFilter
from fazhi.ledgers.hotline.models import HotlineTicket
from fazhi.ledgers.hotline.states import Category, Channel, Rating, State
from fazhi.org.models import Department


class TicketFilter(BaseFilter):
    search_fields = ("case_number", "title", "requester_name")
    year_field = "received_on"

    state = django_filters.ChoiceFilter(label="状态", choices=State.choices, empty_label="全部状态")
    category = django_filters.ChoiceFilter(
        label="诉求类型", choices=Category.choices, empty_label="全部类型"
    )
    channel = django_filters.ChoiceFilter(
        label="来源渠道", choices=Channel.choices, empty_label="全部渠道"
    )
    rating = django_filters.ChoiceFilter(
        label="评价结果", choices=Rating.choices, empty_label="全部评价"
    )
    department = django_filters.ModelChoiceFilter(
        label="承办单位", queryset=Department.objects.none(), empty_label="全部承办单位"
    )
    rehandled = django_filters.BooleanFilter(
        label="重办过", method="by_rehandled", widget=AllYesNoWidget()
    )
    year = year_filter("受理年度")

    class Meta:
        model = HotlineTicket
        fields: list[str] = []

    def by_rehandled(self, qs, name, value):  # type: ignore[no-untyped-def]
        if value is True:
            return qs.filter(rehandle_count__gt=0)
        if value is False:
            return qs.filter(rehandle_count=0)
        return qs
