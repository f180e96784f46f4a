from __future__ import annotations

from typing import Any

from django import forms

from fazhi.widgets import bootstrap

EXAMPLE = "元旦 2027-01-01\n春节 2027-02-06 至 2027-02-13 补班 2027-01-31 2027-02-20"


class YearEntryForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2004, max_value=2100)
    source_note = forms.CharField(
        label="依据文件", max_length=200, help_text="如：国办发明电〔2026〕X号"
    )
    lines = forms.CharField(
        label="放假安排",
        widget=forms.Textarea(attrs={"rows": 10, "placeholder": EXAMPLE}),
        help_text="每行一个节日：名称 起始日期 至 结束日期 补班 调休上班日期……；可填上一年12月的日期",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bootstrap(self.fields)
