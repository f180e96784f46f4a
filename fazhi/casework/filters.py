"""The list filters every ledger has (search, state, year, overdue, 承办人) and the drill-down
from an indicator (`?indicator=…&start=…&end=…&j=…`), with its parameter parser."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from fazhi.indicators.scope import Scope
from fazhi.widgets import bootstrap

# Years (and drill-down periods) a ledger can hold; anything else in a querystring was typed.
MIN_YEAR, MAX_YEAR = 1990, 2100
ID = re.compile(r"[0-9]{1,19}")  # ASCII digits only: int() would also read "１" or "٣"
MAX_ID = 2**63 - 1  # a bigint primary key; SQLite raises OverflowError beyond it


class AllYesNoWidget(django_filters.widgets.BooleanWidget):
    """Yes/no with "全部" (not django-filter's "未知") for the empty choice."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.choices = [("", "全部"), ("true", "是"), ("false", "否")]


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField  # "1e5" and "20.5" are not years


def year_filter(label: str) -> YearFilter:
    message = f"{label}应为{MIN_YEAR}至{MAX_YEAR}之间的年份"
    return YearFilter(
        label=label,
        method="by_year",
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        error_messages={
            "invalid": message,
            "min_value": message,
            "max_value": message,
        },
    )


class CaseFilter(django_filters.FilterSet):
    """Subclasses set `search_fields`, `year_field`, and the spec (for the overdue rule)."""

    search_fields: ClassVar[tuple[str, ...]] = ("case_number",)
    year_field: ClassVar[str] = "created_at"
    spec: ClassVar[Any] = None  # set by the registry when the ledger registers

    q = django_filters.CharFilter(label="搜索", method="search")
    mine = django_filters.BooleanFilter(label="我承办的", method="by_mine", widget=AllYesNoWidget())
    overdue = django_filters.BooleanFilter(
        label="仅看超期", method="by_overdue", widget=AllYesNoWidget()
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        visible = self.queryset
        # Jurisdictions with rows this user sees: more than one (the city viewer) adds the 区划
        # filter, the 区划 column, and the county's name to each department choice.
        self.jurisdictions = _jurisdictions_of(visible)
        self.several = len(self.jurisdictions) > 1
        if self.several:
            self.filters["jurisdiction"] = _choice_filter(
                "区划", "jurisdiction", self.jurisdictions, lambda j: j.name
            )
        if hasattr(self.Meta.model, "handler_id"):
            self.filters["handler"] = _choice_filter(
                "承办人", "handler", _handlers_of(visible), _person
            )
        else:
            self.filters.pop("mine", None)
        self.limit_departments(user)
        bootstrap(self.form.fields)

    def limit_departments(self, user: Any) -> None:
        """Department choices: the departments of the jurisdictions whose rows the user sees,
        each listed once; with several jurisdictions each is named with its county
        (示例县司法局, 样板县司法局), not "司法局" twice."""
        from fazhi.org.models import Department

        ids = [j.pk for j in self.jurisdictions]
        if not ids and user is not None and getattr(user, "jurisdiction_id", None):
            ids = [user.jurisdiction_id]
        for field in self.form.fields.values():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            if field.queryset is None or field.queryset.model is not Department:
                continue
            field.queryset = (
                Department.objects.filter(jurisdiction_id__in=ids)
                .select_related("jurisdiction")
                .order_by("jurisdiction__code", "name")
            )
            if self.several:
                field.label_from_instance = _with_county  # type: ignore[method-assign,assignment]

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        # A criterion the form refused (its message is shown by the field) matches nothing:
        # dropping it silently would list every row as if it matched.
        if self.form.errors:
            return queryset.none()
        return super().filter_queryset(queryset)  # type: ignore[no-any-return]

    def search(self, qs: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        value = value.strip()
        if not value:
            return qs
        # Case-sensitive `contains`: Chinese has no case, and LIKE without UPPER() is several
        # times faster over a county's 100,000 rows.
        q = Q()
        for f in self.search_fields:
            q |= Q(**{f"{f}__contains": value})
        return qs.filter(q)

    def by_year(self, qs: QuerySet[Any], name: str, value: Any) -> QuerySet[Any]:
        year = int(value)
        return qs.filter(
            **{
                f"{self.year_field}__gte": dt.date(year, 1, 1),
                f"{self.year_field}__lt": dt.date(year + 1, 1, 1),
            }
        )

    def by_overdue(self, qs: QuerySet[Any], name: str, value: bool | None) -> QuerySet[Any]:
        if value:
            from fazhi.casework.due import overdue_q

            return qs.filter(overdue_q(qs.model))
        return qs

    def by_mine(self, qs: QuerySet[Any], name: str, value: bool | None) -> QuerySet[Any]:
        if value and self.user is not None:
            return qs.filter(handler_id=self.user.pk)
        return qs


def _jurisdictions_of(qs: QuerySet[Any]) -> list[Any]:
    from fazhi.org.models import Jurisdiction

    model = qs.model
    field = getattr(model, "scope_jurisdiction", "jurisdiction")
    if not any(f.name == field for f in model._meta.get_fields()):
        return []
    return list(Jurisdiction.objects.filter(pk__in=qs.order_by().values(field)).order_by("code"))


def _with_county(department: Any) -> str:
    return f"{department.jurisdiction.name}{department.name}"


def _handlers_of(qs: QuerySet[Any]) -> list[Any]:
    from django.contrib.auth import get_user_model

    ids = qs.order_by().exclude(handler_id=None).values("handler_id")
    return list(get_user_model().objects.filter(pk__in=ids).order_by("username"))


def _person(user: Any) -> str:
    return str(user.get_full_name() or user.get_username())


def _choice_filter(label: str, field: str, objects: list[Any], text: Any) -> Any:
    """A single-choice filter over a fixed list, its options labelled by `text`."""
    by_pk = {str(o.pk): o for o in objects}

    def method(qs: QuerySet[Any], name: str, value: Any) -> QuerySet[Any]:
        return qs.filter(**{f"{field}_id": int(value)}) if value else qs

    f = django_filters.ChoiceFilter(
        label=label,
        choices=[(pk, text(o)) for pk, o in by_pk.items()],
        method=method,
        empty_label="全部",
    )
    f.field.error_messages["invalid_choice"] = f"{label}不在可选范围内"
    return f


class DrilldownError(ValueError):
    pass


def parse_scope(params: Any) -> Scope:
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
    return Scope(frozenset(int(x) for x in parts), start, end)


def indicator_filter(qs: QuerySet[Any], params: Any, rows: Any) -> tuple[QuerySet[Any], str]:
    """Apply a drill-down from the indicators page; `rows(indicator_id, scope)` is the ledger's.
    `qs` is already limited to what the user sees, so rows of other jurisdictions never show;
    impossible parameters give no rows and say why, in Chinese."""
    indicator_id = params.get("indicator")
    if not indicator_id:
        return qs, ""
    try:
        scope = parse_scope(params)
    except DrilldownError as exc:
        return qs.none(), f"指标下钻参数有误：{exc}，请从指标页面重新进入"
    from fazhi.indicators.catalog import get_catalog
    from fazhi.lib.cn_date import cn_date

    indicator = get_catalog().indicators.get(indicator_id)
    name = f"“{indicator.name_zh}”" if indicator else "该指标"
    caption = f"指标{name}（{cn_date(scope.start)}至{cn_date(scope.end - dt.timedelta(days=1))}）"
    return qs.filter(pk__in=rows(indicator_id, scope).values("pk")), caption
