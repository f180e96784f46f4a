"""Forms of the 政府信箱 ledger."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.casework.forms import DATE, BootstrapMixin, clean_case_number, limit_choices, past_date
from fazhi.ledgers.mailbox.models import MailboxLetter, Route
from fazhi.ledgers.mailbox.workflow import NUMBERING
from fazhi.org.models import Department, Jurisdiction


class CaseForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = MailboxLetter
        fields = [
            "case_number",
            "department",
            "writer_name",
            "writer_contact",
            "subject",
            "content",
            "wants_public",
            "received_on",
        ]
        widgets = {"received_on": DATE, "content": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"case_number": f"新登记时可留空，由系统按“{NUMBERING.example()}”自动编号"}

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["case_number"].required = False
        limit_choices(self, "department", Department.objects.filter(jurisdiction=jurisdiction))
        if self.instance.pk:
            self.fields.pop("received_on")

    def clean_case_number(self) -> str:
        return clean_case_number(self, NUMBERING)

    def clean_received_on(self) -> Any:
        return past_date(self.cleaned_data.get("received_on"), "收信日期")


ACTION_FIELDS: dict[str, forms.Field] = {
    "reply_text": forms.CharField(label="回复内容", widget=forms.Textarea(attrs={"rows": 4})),
    "publish": forms.BooleanField(label="同时公开信件及回复（须写信人同意）", required=False),
    "route": forms.ChoiceField(label="转办去向", choices=Route.choices),
    "route_ref": forms.CharField(
        label="转办编号（如依申请公开或信访编号）", max_length=60, required=False
    ),
    "extension_days": forms.IntegerField(label="延长工作日数", min_value=1, max_value=30),
    "approver": forms.CharField(label="批准延期的负责人", max_length=60),
}
