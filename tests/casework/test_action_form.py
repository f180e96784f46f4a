"""The kit's transition form: dates other than `on` are past dates unless marked `ahead`."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from fazhi.casework.forms import DATE, BaseActionForm
from fazhi.casework.transitions import Transition


def _form(field: forms.DateField, value: dt.date) -> BaseActionForm:
    t = Transition("x", "批准延期", ("a",), inputs=("on", "until"))
    today = timezone.localdate()
    return BaseActionForm(
        {"on": today.isoformat(), "until": value.isoformat()},
        transition=t,
        extra_fields={"until": field},
    )


def test_a_future_date_input_is_refused_unless_marked_ahead() -> None:
    later = timezone.localdate() + dt.timedelta(days=30)
    plain = _form(forms.DateField(label="送达日期", widget=DATE), later)
    assert not plain.is_valid() and plain.errors["until"] == ["送达日期不能晚于今天"]
    field = forms.DateField(label="延期至", widget=DATE)
    field.ahead = True  # type: ignore[attr-defined]
    marked = _form(field, later)
    assert marked.is_valid(), marked.errors
    assert marked.cleaned_data["until"] == later
