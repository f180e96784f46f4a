"""Import checks every ledger's sheet needs: where the rows go, typed 案号, dates in order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.http import Http404
from django.utils import timezone

from fazhi.casework.numbering import Numbering
from fazhi.imports.columns import Column
from fazhi.imports.sheet import Problem
from fazhi.org.models import Department


def legal_office(user: Any) -> Department | None:
    """The user's own department if it is the 司法行政部门, else the jurisdiction's."""
    if user.department is not None and user.department.is_legal_office:
        return user.department  # type: ignore[no-any-return]
    return Department.objects.filter(
        jurisdiction_id=user.jurisdiction_id, is_legal_office=True
    ).first()


def legal_office_or_404(user: Any) -> Department:
    """For a new row: the 司法行政部门 that handles it, or a 404 that says what is missing."""
    if user.jurisdiction is None:
        raise Http404("请先为您的账号指定所属区划")
    office = legal_office(user)
    if office is None:
        raise Http404("本区划尚未设置司法行政部门")
    return office


def import_context(user: Any, add_perm: str) -> dict[str, Any] | None:
    """Rows go to the user's jurisdiction and its legal office; departments by name for the
    department columns. None (the upload page is a 404) if the user may not register rows."""
    if not user.has_perm(add_perm) or user.jurisdiction_id is None:
        return None
    handling = legal_office(user)
    if handling is None:
        return None
    departments = {
        d.name: d for d in Department.objects.filter(jurisdiction_id=user.jurisdiction_id)
    }
    return {"jurisdiction": user.jurisdiction, "handling": handling, "departments": departments}


def case_number_problems(
    rows: list[tuple[int, dict[str, Any]]],
    model: Any,
    jurisdiction: Any,
    numbering: Numbering | None = None,
) -> list[Problem]:
    """Typed 案号: not twice in the file, not in use; of the ledger's format if `numbering`."""
    numbers = [v["case_number"] for _, v in rows if v["case_number"]]
    taken = (
        set(
            model._default_manager.filter(
                jurisdiction=jurisdiction, case_number__in=numbers
            ).values_list("case_number", flat=True)
        )
        if numbers
        else set()
    )
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for n, v in rows:
        number = v["case_number"]
        if not number:
            continue
        if number in seen:
            problems.append(Problem(n, "案号", f"案号“{number}”与第{seen[number]}行重复"))
        seen.setdefault(number, n)
        if number in taken:
            problems.append(Problem(n, "案号", f"案号“{number}”已被使用"))
        elif numbering is not None and numbering.parse(number) is None:
            problems.append(Problem(n, "案号", f"案号格式应为“{numbering.example()}”"))
    return problems


def date_problems(
    n: int,
    v: dict[str, Any],
    order: Sequence[tuple[str, str]],
    *,
    also_past: Sequence[tuple[str, str]] = (),
) -> list[Problem]:
    """The row's dates in the workflow's order, and none after today (Shanghai's day)."""
    out: list[Problem] = []
    last_label, last = "", None
    for key, label in order:
        d: dt.date | None = v.get(key)
        if d is None:
            continue
        if last is not None and d < last:
            out.append(Problem(n, label, f"{label}早于{last_label}"))
        last_label, last = label, d
    today = timezone.localdate()
    for key, label in (*order, *also_past):
        d = v.get(key)
        if d is not None and d > today:
            out.append(Problem(n, label, f"{label}晚于今天"))
    return out


def model_columns(
    model: Any, names: Sequence[str], *, required: Sequence[str] = (), **extra: dict[str, Any]
) -> list[Column]:
    """Sheet columns read off the model's fields: header = verbose_name, the kind and drop-down
    list from the field, its max_length; a foreign key is written as the related row's name.
    `extra[name]` adds or overrides Column arguments (header, comment, width, getter…)."""
    from django.db import models as m

    out = []
    for name in names:
        f = model._meta.get_field(name)
        kw: dict[str, Any] = {"required": name in required}
        if f.choices:
            kw.update(kind="choice", choices=[(str(k), str(v)) for k, v in f.choices])
        elif isinstance(f, m.DateField):
            kw["kind"] = "date"
        elif isinstance(f, m.BooleanField):
            kw["kind"] = "bool"
        elif isinstance(f, m.IntegerField):
            kw["kind"] = "int"
        elif isinstance(f, m.ForeignKey):
            kw["max_length"] = 80
            kw["getter"] = lambda obj, n=name: str(getattr(obj, n) or "")
        elif getattr(f, "max_length", None):
            kw["max_length"] = f.max_length
        if isinstance(f, (m.TextField,)) or kw.get("max_length", 0) >= 100:
            kw["width"] = 24
        kw.update(extra.get(name, {}))
        out.append(Column(name, kw.pop("header", str(f.verbose_name)), **kw))
    return out
