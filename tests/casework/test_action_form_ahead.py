"""Kit: a transition's extra date input may be a deadline set ahead when marked `ahead`."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone

from fazhi.casework.forms import DATE, BaseActionForm
from fazhi.casework.transitions import Transition


def _form(ahead: bool, value: dt.date) -> BaseActionForm:
    until = forms.DateField(label="截止日期", widget=DATE)
    if ahead:
        until.ahead = True  # type: ignore[attr-defined]
    t = Transition("t", "测试", ("a",), inputs=("on", "until", "note"))
    today = timezone.localdate()
    return BaseActionForm(
        {"on": today.isoformat(), "until": value.isoformat()},
        transition=t,
        extra_fields={"until": until},
    )


def test_a_future_date_input_is_refused_unless_marked_ahead() -> None:
    later = timezone.localdate() + dt.timedelta(days=30)
    refused = _form(False, later)
    assert not refused.is_valid()
    assert refused.errors["until"] == ["截止日期不能晚于今天"]
    assert _form(True, later).is_valid()
