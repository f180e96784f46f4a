"""Forms of the 12345热线 ledger, with Chinese messages."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.casework.forms import DATE, BootstrapMixin, past_date
from fazhi.ledgers.hotline.models import HotlineTicket
from fazhi.ledgers.hotline.states import Rating
from fazhi.ledgers.hotline.workflow import NUMBERING
from fazhi.org.models import Department, Jurisdiction


class TicketForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = HotlineTicket
        fields = [
            "case_number",
            "received_on",
            "channel",
            "category",
            "requester_name",
            "requester_phone",
            "title",
            "content",
            "notes",
        ]
        widgets = {
            "received_on": DATE,
            "content": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "case_number": f"填写12345平台的工单编号；留空由系统按“{NUMBERING.example()}”编号",
        }

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["case_number"].required = False
        if self.instance.pk:
            self.fields.pop("received_on")  # the clocks and the indicators count from it

    def clean_case_number(self) -> str:
        """Any platform's number, unique in the jurisdiction (not the ledger's format only)."""
        number = (self.cleaned_data.get("case_number") or "").strip()
        if not number:
            if self.instance.pk:
                raise forms.ValidationError("工单编号不能为空")
            return ""
        taken = HotlineTicket.objects.filter(jurisdiction=self.jurisdiction, case_number=number)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(f"工单编号“{number}”已被使用")
        return number

    def clean_received_on(self) -> Any:
        return past_date(self.cleaned_data.get("received_on"), "受理日期")


class DepartmentField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.jurisdiction.name}·{obj.name}"


# The inputs the transitions take beyond a date and a note.
ACTION_FIELDS: dict[str, forms.Field] = {
    "department": DepartmentField(
        label="承办单位",
        queryset=Department.objects.select_related("jurisdiction").order_by(
            "jurisdiction__code", "name"
        ),
    ),
    "days": forms.IntegerField(label="延期（工作日）", min_value=1, max_value=60),
    "approver": forms.CharField(label="批准人", max_length=100),
    "reply_summary": forms.CharField(
        label="答复内容", required=False, widget=forms.Textarea(attrs={"rows": 3})
    ),
    "reached": forms.BooleanField(label="回访已接通", required=False),
    "rating": forms.ChoiceField(label="评价结果", choices=Rating.choices),
}
