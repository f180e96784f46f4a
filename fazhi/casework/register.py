"""Registers: ledgers whose rows are records, not cases (权责清单, 普法活动, 学法记录, 述法…).

A register is a `LedgerSpec` like any other — list, detail with history, create/edit, Excel
import and export, permissions, the generic tests — but its form, table, filter, intake and sheet
are read off the model's fields instead of written by hand:

    SPEC = register_ledger(RegisterDecl(key="enforcement_powers", model=Power, title="权责清单",
        noun="权责事项", numbering=Numbering("权责"), date_field="listed_on",
        fields=("department", "item", "kind", "legal_basis", "delegated"), ...))

Rules a row must keep (a certificate valid on the act date, a score within the sheet's range)
live in the model's `problems()` → {field: message}; the form shows them next to the field and
the import reports them per row, so the two can never disagree. Counts are non-negative: an
integer field's form and import both refuse a negative number with the field's own name.
A register may still declare transitions (a certificate's 年审 and 注销): then it is a ledger
with a workflow whose pages are generated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import django_filters
import django_tables2 as tables
from django import forms
from django.db import models
from django.http import Http404

from fazhi.casework.filters import CaseFilter, year_filter
from fazhi.casework.forms import DATE, BootstrapMixin, clean_case_number, past_date
from fazhi.casework.numbering import Numbering, number_rows, register_row
from fazhi.casework.registry import LedgerSpec, register
from fazhi.casework.sheets import case_number_problems, date_problems, legal_office, model_columns
from fazhi.casework.tables import TABLE_ATTRS, DateColumn, DueColumn, MoneyColumn, YesNoColumn
from fazhi.casework.transitions import TransitionError
from fazhi.imports import registry as sheets
from fazhi.imports.history import insert_values_audited
from fazhi.imports.sheet import Problem, SheetSpec
from fazhi.lib.cn_date import cn_date
from fazhi.lib.money import MoneyError, fen_to_yuan_text, parse_yuan_to_fen
from fazhi.org.models import Department


@dataclass
class RegisterDecl:
    key: str
    model: Any
    title: str
    noun: str
    numbering: Numbering
    date_field: str  # the row's date: its 编号 year, the year filter, the indicators' period
    fields: Sequence[str]  # form, sheet and fact-table fields, in order
    list_fields: Sequence[str]  # the list's columns after the 编号
    search_fields: Sequence[str] = ()
    required: Sequence[str] = ()  # sheet columns that must be filled (the form follows the model)
    filter_choices: Sequence[str] = ()  # choice fields offered as list filters
    order: int = 100
    create_label: str = "登记"
    sample: Callable[..., Any] | None = None
    figures: Any = None
    docs: str = ""
    nav_parent: str = ""  # reached from that ledger's list (a tab), not the top nav
    instructions: Sequence[str] = ()
    example: dict[str, Any] | None = None
    department_field: str = "department"  # the owning department (scope); chosen by name
    # Money columns (`*_fen`): typed and shown in 元.
    # A field → a queryset narrowing its choices to the form's jurisdiction: (form, jur) -> qs.
    limit: Mapping[str, Callable[[Any], Any]] = field(default_factory=dict)
    # More LedgerSpec arguments (transitions, open_states, due_cache, receive, after_receive…).
    spec_kwargs: Mapping[str, Any] = field(default_factory=dict)
    after_receive: Callable[[Any, Any], None] | None = None  # (row, by): start clocks
    sheet_extra: Mapping[str, dict[str, Any]] = field(default_factory=dict)
    # Dates that lie ahead by nature (a certificate's 有效期至): not held to "not after today".
    future_dates: Sequence[str] = ()
    # A foreign key's sheet cell names the related row by this field (default: its 编号).
    lookups: Mapping[str, str] = field(default_factory=dict)


def problems_of(obj: Any) -> dict[str, str]:
    """The model's own rules: `problems()` → {field name or "": message}."""
    fn = getattr(obj, "problems", None)
    return dict(fn()) if fn is not None else {}


# --- form ------------------------------------------------------------------------------------------
def money_label(label: str) -> str:
    """ "罚没金额（分）" → "罚没金额（元）": amounts are stored in 分 and typed in 元."""
    return label.replace("（分）", "") + "（元）"


class YuanField(forms.CharField):
    """An amount typed in 元 ("1234.5"), cleaned to integer 分; never rounded, never negative."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int):
            return f"{value // 100}.{value % 100:02d}"
        return value

    def to_python(self, value: Any) -> int:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return 0
        try:
            fen = parse_yuan_to_fen(text)
        except MoneyError as exc:
            raise forms.ValidationError(str(exc)) from exc
        if fen < 0:
            raise forms.ValidationError(f"{str(self.label).split('（')[0]}不能为负数")
        return fen


class RegisterForm(BootstrapMixin, forms.ModelForm):  # type: ignore[type-arg]
    decl: RegisterDecl

    def __init__(self, *args: Any, jurisdiction: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        if "case_number" in self.fields:
            self.fields["case_number"].required = False
            self.fields[
                "case_number"
            ].help_text = f"新登记时可留空，由系统按“{self.decl.numbering.example()}”自动编号"
        for name in [n for n in self.fields if n.endswith("_fen")]:
            old = self.fields[name]
            self.fields[name] = YuanField(
                label=money_label(str(old.label)),
                required=False,
                help_text="单位：元，可保留两位小数",
            )
            self.fields[name].widget.attrs.update(old.widget.attrs)
        for name, f in self.fields.items():
            if isinstance(f, forms.IntegerField):
                f.error_messages["min_value"] = f"{f.label}不能为负数"
            if isinstance(f, forms.ModelChoiceField) and f.queryset is not None:
                related: Any = f.queryset.model
                if name in self.decl.limit:
                    f.queryset = self.decl.limit[name](jurisdiction)
                elif related is Department:
                    f.queryset = Department.objects.filter(jurisdiction=jurisdiction)
                elif any(x.name == "jurisdiction" for x in related._meta.fields):
                    f.queryset = f.queryset.filter(jurisdiction=jurisdiction)

    def clean_case_number(self) -> str:
        return clean_case_number(self, self.decl.numbering)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, f in self.fields.items():
            if name in self.decl.future_dates:
                continue
            if isinstance(f, forms.DateField) and data.get(name) and name not in self.errors:
                try:
                    past_date(data[name], str(f.label))
                except forms.ValidationError as exc:
                    self.add_error(name, exc)
        return data

    def _post_clean(self) -> None:
        super()._post_clean()  # type: ignore[misc]  # ModelForm's, untyped in the stubs
        if self.errors:
            return
        for name, message in problems_of(self.instance).items():
            self.add_error(name if name in self.fields else None, message)


def _form(decl: RegisterDecl) -> Any:
    date_fields = [
        f.name
        for f in decl.model._meta.fields
        if isinstance(f, models.DateField) and f.name in decl.fields
    ]
    widgets: dict[str, Any] = {n: DATE for n in date_fields}
    for f in decl.model._meta.fields:
        if isinstance(f, models.TextField) and f.name in decl.fields:
            widgets[f.name] = forms.Textarea(attrs={"rows": 2})
    meta = type("Meta", (), {"model": decl.model, "fields": ["case_number", *decl.fields]})
    meta.widgets = widgets  # type: ignore[attr-defined]
    return type(f"{decl.model.__name__}Form", (RegisterForm,), {"Meta": meta, "decl": decl})


# --- table and filter ------------------------------------------------------------------------------
def _table(decl: RegisterDecl) -> Any:
    attrs: dict[str, Any] = {"case_number": tables.Column(verbose_name="编号", linkify=True)}
    due = decl.spec_kwargs.get("due_cache")
    for name in decl.list_fields:
        f = decl.model._meta.get_field(name)
        label = str(f.verbose_name)
        if due is not None and name == due.field:
            attrs[name] = DueColumn(due, verbose_name=label)
        elif isinstance(f, models.DateField):
            attrs[name] = DateColumn(verbose_name=label)
        elif name.endswith("_fen"):
            attrs[name] = MoneyColumn(verbose_name=money_label(label))
        elif isinstance(f, models.BooleanField):
            attrs[name] = YesNoColumn(verbose_name=label)
        else:
            attrs[name] = tables.Column(verbose_name=label)
    attrs["Meta"] = type(
        "Meta",
        (),
        {
            "model": decl.model,
            "fields": ("case_number", *decl.list_fields),
            "attrs": TABLE_ATTRS,
            "empty_text": f"没有符合条件的{decl.noun}。",
            "order_by": (f"-{decl.date_field}", "-id"),
        },
    )
    return type(f"{decl.model.__name__}Table", (tables.Table,), attrs)


def _filter(decl: RegisterDecl) -> Any:
    attrs: dict[str, Any] = {
        "search_fields": ("case_number", *decl.search_fields),
        "year_field": decl.date_field,
        "year": year_filter("年度"),
    }
    for name in decl.filter_choices:
        f = decl.model._meta.get_field(name)
        if isinstance(f, models.BooleanField):
            from fazhi.casework.filters import AllYesNoWidget

            attrs[name] = django_filters.BooleanFilter(
                label=str(f.verbose_name), widget=AllYesNoWidget()
            )
        else:
            attrs[name] = django_filters.ChoiceFilter(
                label=str(f.verbose_name), choices=f.choices, empty_label="全部"
            )
    attrs["Meta"] = type("Meta", (), {"model": decl.model, "fields": []})
    return type(f"{decl.model.__name__}Filter", (CaseFilter,), attrs)


# --- intake ----------------------------------------------------------------------------------------
def _receive(decl: RegisterDecl) -> Callable[..., Any]:
    def receive(obj: Any, *, by: Any, children: Sequence[Any] = ()) -> Any:
        found = problems_of(obj)
        if found:
            raise TransitionError("；".join(found.values()))
        register_row(obj, decl.numbering, year=getattr(obj, decl.date_field).year, by=by)
        if decl.after_receive is not None:
            decl.after_receive(obj, by)
        return obj

    return receive


def _new_instance(decl: RegisterDecl) -> Callable[[Any], Any]:
    def new(user: Any) -> Any:
        if user.jurisdiction is None:
            raise Http404("请先为您的账号指定所属区划")
        department = user.department or legal_office(user)
        if department is None:
            raise Http404("本区划尚未设置司法行政部门")
        return decl.model(jurisdiction=user.jurisdiction, **{decl.department_field: department})

    return new


def facts(obj: Any, names: Sequence[str]) -> list[tuple[str, str]]:
    """(label, text) of each field, for the generic fact table: dates through `cn_date`, money
    in 元, choices by label, booleans 是/否."""
    out = [("编号", obj.case_number)]
    for name in names:
        f = obj._meta.get_field(name)
        value = getattr(obj, name)
        if f.choices:
            text = getattr(obj, f"get_{name}_display")()
        elif isinstance(value, bool):
            text = "是" if value else "否"
        elif isinstance(value, dt.date):
            text = cn_date(value)
        elif name.endswith("_fen"):
            text = fen_to_yuan_text(value)
        else:
            text = "" if value is None else str(value)
        label = money_label(str(f.verbose_name)) if name.endswith("_fen") else str(f.verbose_name)
        out.append((label, text or "—"))
    return out


# --- sheet -----------------------------------------------------------------------------------------
def _sheet(decl: RegisterDecl) -> SheetSpec:
    names = ["case_number", *decl.fields]
    extra: dict[str, dict[str, Any]] = {"case_number": {"header": "编号", "comment": "可留空"}}
    for name in decl.fields:
        f = decl.model._meta.get_field(name)
        if isinstance(f, models.ForeignKey) and f.related_model is Department:
            extra[name] = {"comment": "本区划部门全称"}
        elif isinstance(f, models.ForeignKey):
            by = decl.lookups.get(name, "case_number")
            label = getattr(f.related_model._meta.get_field(by), "verbose_name", by)
            extra[name] = {
                "comment": f"填写{f.verbose_name}的{label}",
                "getter": lambda obj, n=name, b=by: str(getattr(getattr(obj, n), b, "") or ""),
            }
        if name.endswith("_fen"):
            extra[name] = {
                "header": money_label(str(f.verbose_name)),
                "kind": "text",
                "comment": "单位：元，可保留两位小数",
                "getter": lambda obj, n=name: (
                    f"{getattr(obj, n) // 100}.{getattr(obj, n) % 100:02d}"
                ),
            }
    for k, v in decl.sheet_extra.items():
        extra[k] = {**extra.get(k, {}), **v}
    columns = model_columns(decl.model, names, required=decl.required, **extra)
    headers = {c.key: c.header for c in columns}
    fks = {
        f.name: f
        for f in decl.model._meta.fields
        if isinstance(f, models.ForeignKey) and f.name in decl.fields
    }

    def context(user: Any) -> dict[str, Any] | None:
        if not user.has_perm(f"{decl.key}.add_case") or user.jurisdiction_id is None:
            return None
        departments = {
            d.name: d for d in Department.objects.filter(jurisdiction_id=user.jurisdiction_id)
        }
        own = user.department or legal_office(user)
        if own is None:
            return None
        return {"jurisdiction": user.jurisdiction, "departments": departments, "own": own}

    def resolve(
        v: dict[str, Any], ctx: dict[str, Any]
    ) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        """The row's field values with related rows looked up, and what could not be found."""
        values: dict[str, Any] = {}
        missing: list[tuple[str, str]] = []
        for name in decl.fields:
            raw = v.get(name)
            if name in fks:
                rel = fks[name].related_model
                if rel is Department:
                    if not raw:
                        values[name] = ctx["own"] if name == decl.department_field else None
                    elif raw in ctx["departments"]:
                        values[name] = ctx["departments"][raw]
                    else:
                        missing.append((name, f"本区划没有名为“{raw}”的部门"))
                elif raw:
                    by = decl.lookups.get(name, "case_number")
                    qs = rel._default_manager.filter(jurisdiction=ctx["jurisdiction"])
                    found = qs.filter(**{by: str(raw).strip()}).first()
                    if found is None:
                        label = getattr(rel._meta.get_field(by), "verbose_name", by)
                        missing.append(
                            (name, f"本区划没有{label}为“{raw}”的{rel._meta.verbose_name}")
                        )
                    values[name] = found
                else:
                    values[name] = None
            elif name.endswith("_fen"):
                try:
                    values[name] = parse_yuan_to_fen(raw) if raw not in (None, "") else 0
                except MoneyError as exc:
                    missing.append((name, str(exc)))
                    continue
                if values[name] < 0:
                    missing.append((name, f"{headers[name].split('（')[0]}不能为负数"))
            elif raw is None and not decl.model._meta.get_field(name).null:
                default = decl.model._meta.get_field(name).get_default()
                values[name] = default if default is not None else raw
            else:
                values[name] = raw
        return values, missing

    def check_all(rows: list[tuple[int, dict[str, Any]]], ctx: Any) -> list[Problem]:
        return case_number_problems(rows, decl.model, ctx["jurisdiction"], decl.numbering)

    def check_row(n: int, v: dict[str, Any], ctx: Any) -> list[Problem]:
        dates = [
            (c.key, c.header)
            for c in columns
            if c.kind == "date" and c.key not in decl.future_dates
        ]
        out = date_problems(n, v, (), also_past=dates)
        for c in columns:
            if c.kind == "int" and v.get(c.key) is not None and v[c.key] < 0:
                out.append(Problem(n, c.header, f"{c.header}不能为负数"))
        if out:
            return out
        values, missing = resolve(v, ctx)
        for name, message in missing:
            out.append(Problem(n, headers[name], message))
        if out:
            return out
        probe = decl.model(jurisdiction=ctx["jurisdiction"], **values)
        for name, message in problems_of(probe).items():
            out.append(Problem(n, headers.get(name, ""), message))
        return out

    def create(rows: list[dict[str, Any]], by: Any, ctx: Any) -> int:
        jurisdiction = ctx["jurisdiction"]
        numbers = number_rows(
            decl.numbering, decl.model, jurisdiction, rows, date_key=decl.date_field
        )
        values = []
        for v, number in zip(rows, numbers, strict=True):
            resolved, _ = resolve(v, ctx)
            row = {**number, "jurisdiction_id": jurisdiction.pk}
            for name, value in resolved.items():
                if name in fks:
                    row[f"{name}_id"] = value.pk if value is not None else None
                else:
                    row[name] = value
            values.append(row)
        ids = insert_values_audited(decl.model, values, by=by, event="imported")
        if decl.after_receive is not None:
            for obj in decl.model._default_manager.filter(pk__in=ids).order_by("id"):
                decl.after_receive(obj, by)
        return len(ids)

    return sheets.register(
        SheetSpec(
            key=decl.key,
            title=decl.title,
            columns=columns,
            check_row=check_row,
            check_all=check_all,
            create=create,
            context=context,
            instructions=[
                *decl.instructions,
                "带*的列必填；日期不得晚于今天；人数、场次、份数等不得为负数。",
                "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
            ],
            example=decl.example,
        )
    )


def register_ledger(decl: RegisterDecl) -> LedgerSpec:
    """Build the register's pieces from its model and register it with the kit."""
    decl.model.ledger_key = decl.key  # its rows' URLs are under /ledgers/<key>/
    fks = [
        f.name
        for f in decl.model._meta.fields
        if isinstance(f, models.ForeignKey) and f.name in decl.fields
    ]
    kwargs: dict[str, Any] = {
        "list_related": ("jurisdiction", *fks),
        # One query for the export whatever its size: the related rows come with the rows.
        "export_rows": lambda qs: qs.select_related(*fks).iterator(chunk_size=2000),
        "transitions": (),
        "receive": _receive(decl),
        "detail_context": lambda request, obj: {"facts": facts(obj, decl.fields)},
        **decl.spec_kwargs,
    }
    return register(
        LedgerSpec(
            key=decl.key,
            model=decl.model,
            title=decl.title,
            noun=decl.noun,
            order=decl.order,
            create_label=decl.create_label,
            numbering=decl.numbering,
            table=_table(decl),
            filterset=_filter(decl),
            form=_form(decl),
            new_instance=_new_instance(decl),
            facts_template="casework/_register_facts.html",
            sheet=_sheet(decl),
            figures=decl.figures,
            sample=decl.sample,
            docs=decl.docs,
            nav_parent=decl.nav_parent,
            **kwargs,
        )
    )
