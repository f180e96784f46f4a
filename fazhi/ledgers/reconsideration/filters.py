"""List filters: status, outcome, respondent, year, overdue, free-text search, and the
drill-down from an indicator (`?indicator=…&start=…&end=…&j=…`)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone

from fazhi.indicators.scope import Scope
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import (
    OPEN,
    ActCategory,
    LawVersion,
    Outcome,
    Procedure,
    State,
)
from fazhi.org.models import Department

# Years (and drill-down periods) the ledger can hold; anything else in a querystring was typed.
MIN_YEAR, MAX_YEAR = 1990, 2100
YEAR_MESSAGE = f"收案年度应为{MIN_YEAR}至{MAX_YEAR}之间的年份"
ID = re.compile(r"[0-9]{1,19}")  # ASCII digits only: int() would also read "１" or "٣"
MAX_ID = 2**63 - 1  # a bigint primary key; SQLite raises OverflowError beyond it


class AllYesNoWidget(django_filters.widgets.BooleanWidget):
    """Yes/no with "全部" (not django-filter's "未知") for the empty choice."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.choices = [("", "全部"), ("true", "是"), ("false", "否")]


def overdue_q(today: dt.date | None = None) -> Q:
    today = today or timezone.localdate()
    return Q(state__in=OPEN, decision_due_on__lt=today)


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField  # "1e5" and "20.5" are not years


class CaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label="搜索", method="search")
    state = django_filters.ChoiceFilter(label="状态", choices=State.choices, empty_label="全部状态")
    outcome = django_filters.ChoiceFilter(
        label="结案方式", choices=Outcome.choices, empty_label="全部结案方式"
    )
    respondent_department = django_filters.ModelChoiceFilter(
        label="被申请人", queryset=Department.objects.none(), empty_label="全部被申请人"
    )
    year = YearFilter(
        label="收案年度",
        method="by_year",
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        error_messages={
            "invalid": YEAR_MESSAGE,
            "min_value": YEAR_MESSAGE,
            "max_value": YEAR_MESSAGE,
        },
    )
    act_category = django_filters.ChoiceFilter(
        label="行为类别", choices=ActCategory.choices, empty_label="全部类别"
    )
    law_version = django_filters.ChoiceFilter(
        label="法律版本", choices=LawVersion.choices, empty_label="全部版本"
    )
    procedure = django_filters.ChoiceFilter(
        label="程序", choices=Procedure.choices, empty_label="全部程序"
    )
    overdue = django_filters.BooleanFilter(
        label="仅看超期", method="by_overdue", widget=AllYesNoWidget()
    )

    class Meta:
        model = ReconsiderationCase
        fields: list[str] = []

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user is not None and getattr(user, "jurisdiction_id", None):
            self.filters["respondent_department"].queryset = Department.objects.filter(
                jurisdiction_id=user.jurisdiction_id
            )
        else:
            self.filters["respondent_department"].queryset = Department.objects.all()
        from fazhi.ledgers.reconsideration.forms import bootstrap

        bootstrap(self.form.fields)

    def filter_queryset(
        self, queryset: QuerySet[ReconsiderationCase]
    ) -> QuerySet[ReconsiderationCase]:
        # A criterion the form refused (its message is shown by the field) matches nothing:
        # dropping it silently would list every case as if it matched.
        if self.form.errors:
            return queryset.none()
        return super().filter_queryset(queryset)  # type: ignore[no-any-return]

    def search(
        self, qs: QuerySet[ReconsiderationCase], name: str, value: str
    ) -> QuerySet[ReconsiderationCase]:
        value = value.strip()
        if not value:
            return qs
        # Case-sensitive `contains`: Chinese has no case, and LIKE without UPPER() is several
        # times faster over a county's 100,000 rows.
        return qs.filter(
            Q(case_number__contains=value)
            | Q(applicant_names__contains=value)
            | Q(respondent_name__contains=value)
            | Q(act_description__contains=value)
        )

    def by_year(
        self, qs: QuerySet[ReconsiderationCase], name: str, value: Any
    ) -> QuerySet[ReconsiderationCase]:
        year = int(value)
        return qs.filter(
            received_on__gte=dt.date(year, 1, 1), received_on__lt=dt.date(year + 1, 1, 1)
        )

    def by_overdue(
        self, qs: QuerySet[ReconsiderationCase], name: str, value: bool | None
    ) -> QuerySet[ReconsiderationCase]:
        if value:
            return qs.filter(overdue_q())
        return qs


class DrilldownError(ValueError):
    pass


def _scope(params: Any) -> tuple[frozenset[int], dt.date, dt.date]:
    """The drill-down's jurisdiction ids and [start, end), or DrilldownError with the reason."""
    try:
        start = dt.date.fromisoformat(params.get("start", ""))
        end = dt.date.fromisoformat(params.get("end", ""))
    except ValueError:
        raise DrilldownError("开始或结束日期无效") from None
    if not (dt.date(MIN_YEAR, 1, 1) <= start < end <= dt.date(MAX_YEAR + 1, 1, 1)):
        raise DrilldownError(f"统计期间应在{MIN_YEAR}年至{MAX_YEAR}年之间，且结束日期晚于开始日期")
    parts = [x.strip() for x in params.get("j", "").split(",") if x.strip()]
    if not parts or not all(ID.fullmatch(x) and 0 < int(x) <= MAX_ID for x in parts):
        raise DrilldownError("区划编号无效")
    return frozenset(int(x) for x in parts), start, end


def indicator_filter(
    qs: QuerySet[ReconsiderationCase], params: Any
) -> tuple[QuerySet[ReconsiderationCase], str]:
    """Apply a drill-down from the indicators page; returns the queryset and a caption. `qs` is
    already limited to what the user sees, so rows of other jurisdictions never show; impossible
    parameters give no rows and say why, in Chinese."""
    from fazhi.ledgers.reconsideration import indicators

    indicator_id = params.get("indicator")
    if not indicator_id:
        return qs, ""
    try:
        ids, start, end = _scope(params)
    except DrilldownError as exc:
        return qs.none(), f"指标下钻参数有误：{exc}，请从指标页面重新进入"
    scope = Scope(ids, start, end)
    rows = indicators.rows(indicator_id, scope)
    caption = (
        f"指标 {indicator_id}（{start.isoformat()} 至 {(end - dt.timedelta(days=1)).isoformat()}）"
    )
    return qs.filter(pk__in=rows.values("pk")), caption
