"""List filters of the 规范性文件 ledger (search, drill-down come from the kit)."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone

from fazhi.casework.filters import CaseFilter as BaseFilter
from fazhi.casework.filters import year_filter
from fazhi.clocks.models import OPEN_STATES, Clock
from fazhi.ledgers.normative_documents.clocks import EVALUATION, FILING
from fazhi.ledgers.normative_documents.models import NormativeDocument
from fazhi.ledgers.normative_documents.states import State
from fazhi.org.models import Department

OVERDUE_CLOCKS = [s.name for s in FILING.values()] + [EVALUATION.name]


class CaseFilter(BaseFilter):
    search_fields = ("case_number", "document_number", "title", "issuing_body")
    year_field = "drafted_on"

    state = django_filters.ChoiceFilter(label="状态", choices=State.choices, empty_label="全部状态")
    drafting_department = django_filters.ModelChoiceFilter(
        label="起草单位", queryset=Department.objects.none(), empty_label="全部起草单位"
    )
    year = year_filter("登记年度")

    class Meta:
        model = NormativeDocument
        fields: list[str] = []

    def by_overdue(self, qs: QuerySet[Any], name: str, value: bool | None) -> QuerySet[Any]:
        """Overdue: the review period, or a filing or the pre-expiry evaluation not done."""
        if not value:
            return qs
        late = Clock.objects.filter(
            ledger="normative_documents",
            name__in=OVERDUE_CLOCKS,
            state__in=OPEN_STATES,
            due_on__lt=timezone.localdate(),
        ).values("object_id")
        assert self.spec is not None and self.spec.due_cache is not None
        return qs.filter(self.spec.due_cache.overdue_q() | Q(pk__in=late))
