"""Forms of the annual report pages: field lengths are checked here, with Chinese messages, so an
over-long 发文字号 is a message on the page rather than a database error (PostgreSQL refuses it)
or a silently truncated value (SQLite stores it)."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.reports.models import AnnualReport, Layout


class HeaderForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = AnnualReport
        fields = ["doc_number", "recipient", "signer", "signatory", "layout", "issued_on"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
            if isinstance(field, forms.CharField) and field.max_length:
                field.error_messages["max_length"] = (
                    f"{field.label}最多{field.max_length}个字，现在有%(show_value)d个字，请删减后保存"
                )
        self.fields["issued_on"].error_messages["invalid"] = (
            "成文日期格式不正确，请按 2026-02-10 的格式填写"
        )

    def clean_layout(self) -> str:
        # A header posted without the 版式 (an older page, a script) keeps the one chosen before.
        return str(self.cleaned_data.get("layout") or self.instance.layout or Layout.PLAIN)

    def problems(self) -> list[str]:
        return [str(e) for errors in self.errors.values() for e in errors]
