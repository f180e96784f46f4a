"""Form helpers every ledger uses: Bootstrap classes on widgets, the date widget, the action
form built from a transition's declared inputs, and the 案号 field check."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Mapping
from typing import Any

from django import forms
from django.utils import timezone

from fazhi.casework.transitions import Transition, horizon
from fazhi.lib.cn_date import cn_date
from fazhi.widgets import bootstrap

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BootstrapMixin:
    """For ModelForms and FilterSets' forms: Bootstrap classes after the fields are built."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bootstrap(self.fields)


class BaseActionForm(forms.Form):
    """The inputs of one transition: `on` and `note`, plus the ones it declares."""

    on = forms.DateField(label="日期", widget=DATE)
    note = forms.CharField(
        label="说明", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(
        self,
        *args: Any,
        transition: Transition,
        extra_fields: Mapping[str, forms.Field],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.transition = t = transition

        for name in t.inputs:
            if name in ("on", "note"):
                continue
            source = t.fields.get(name) or extra_fields.get(name)
            if source is None:
                raise KeyError(f"操作“{t.label}”的输入项 {name} 没有声明表单字段")
            self.fields[name] = copy.deepcopy(source)
        for name in list(self.fields):
            if name not in t.inputs:
                del self.fields[name]
        if "on" in self.fields:
            self.fields["on"].label = t.date_label
            self.fields["on"].initial = timezone.localdate()
        if t.note_required and "note" in self.fields:
            self.fields["note"].required = True
            self.fields["note"].label = "理由"
            self.fields["note"].error_messages["required"] = t.note_required
        bootstrap(self.fields)

    def clean_on(self) -> dt.date:
        """What a transition records has happened by today; what it schedules, within a year."""
        on: dt.date = self.cleaned_data["on"]
        label = self.transition.date_label
        if self.transition.ahead:
            if on > horizon():
                raise forms.ValidationError(
                    f"{label}最迟只能安排在一年以内（{cn_date(horizon())}之前）"
                )
        elif on > timezone.localdate():
            raise forms.ValidationError(f"{label}不能晚于今天")
        return on

    def clean(self) -> dict[str, Any]:
        """Other dates a transition takes (a notice sent) have happened by today too, unless the
        field is marked `ahead = True` (a new deadline an extension sets)."""
        data = super().clean() or {}
        today = timezone.localdate()
        for name, f in self.fields.items():
            value = data.get(name)
            if getattr(f, "ahead", False):
                continue
            if name != "on" and isinstance(f, forms.DateField) and value and value > today:
                self.add_error(name, f"{str(f.label).split('（')[0]}不能晚于今天")
        return data

    def kwargs(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


def limit_choices(form: forms.BaseForm, name: str, queryset: Any) -> None:
    """Narrow a model-choice field's options (to the form's jurisdiction)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


def past_date(value: dt.date | None, label: str) -> dt.date | None:
    """A form's date of something that has happened: not after today."""
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(f"{label}不能晚于今天")
    return value


def clean_case_number(form: Any, spec_numbering: Any) -> str:
    """The 案号 field of a ledger's case form: blank on a new row (numbered on save), never
    blank on an existing one, unique in the jurisdiction, and of the ledger's format."""
    number = (form.cleaned_data.get("case_number") or "").strip()
    instance = form.instance
    if not number:
        if instance.pk:
            raise forms.ValidationError("案号不能为空")
        return ""
    taken = type(instance)._default_manager.filter(
        jurisdiction=form.jurisdiction, case_number=number
    )
    if instance.pk:
        taken = taken.exclude(pk=instance.pk)
    if taken.exists():
        raise forms.ValidationError(f"案号“{number}”已被使用，请改用其他案号或留空由系统编号")
    if spec_numbering.parse(number) is None:
        raise forms.ValidationError(f"案号格式应为“{spec_numbering.example()}”")
    return number
