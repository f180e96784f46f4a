"""Forms of the 法律援助 ledger, with Chinese messages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from fazhi.casework.forms import DATE, BootstrapMixin, clean_case_number, limit_choices, past_date
from fazhi.ledgers.legal_aid.models import LegalAidCase
from fazhi.ledgers.legal_aid.states import Basis, Channel
from fazhi.ledgers.legal_aid.workflow import NUMBERING, forwarding_problem
from fazhi.org.models import Jurisdiction, User

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class CaseForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = LegalAidCase
        fields = [
            "channel",
            "received_on",
            "applicant",
            "beneficiaries",
            "matter_type",
            "matter",
            "basis",
            "hardship_proof",
            "limitation_on",
            "request_received_at",
            "forwarded_at",
            "handler",
            "case_number",
            "notes",
        ]
        widgets = {
            "received_on": DATE,
            "limitation_on": DATE,
            "request_received_at": DATETIME,
            "forwarded_at": DATETIME,
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "case_number": f"新登记时可留空，由系统按“{NUMBERING.example()}”自动编号",
            "request_received_at": "仅在押人员申请填写（二十四小时内转交）",
        }
        error_messages = {
            "beneficiaries": {"min_value": "受援人数不能为负数"},
        }

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["case_number"].required = False
        for name in ("request_received_at", "forwarded_at"):
            moment = self.fields[name]
            assert isinstance(moment, forms.DateTimeField)
            moment.input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        limit_choices(self, "handler", User.objects.filter(jurisdiction=jurisdiction))
        if self.instance.pk:
            for name in ("channel", "received_on", "request_received_at", "forwarded_at"):
                self.fields.pop(name)  # the clocks started from them
        else:
            self.fields.pop("case_number")
            self.initial["received_on"] = self.initial.get("received_on") or timezone.localdate()

    def clean_case_number(self) -> str:
        return clean_case_number(self, NUMBERING)

    def clean_received_on(self) -> Any:
        return past_date(self.cleaned_data.get("received_on"), "收到申请（通知）日期")

    def clean_beneficiaries(self) -> int:
        n = self.cleaned_data.get("beneficiaries")
        if n is None or n < 1:
            raise forms.ValidationError("受援人数至少为1，不能为负数或0")
        return int(n)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        channel = data.get("channel", self.instance.channel)
        if channel != Channel.NOTIFICATION and data.get("basis") == Basis.NOTIFIED:
            self.add_error("basis", "当事人申请的，请选择经济困难或第三十二条规定的免予核查情形")
        if data.get("basis") == Basis.HARDSHIP and not (data.get("hardship_proof") or "").strip():
            self.add_error(
                "hardship_proof", "以经济困难为由的，请填写经济困难证明（或个人诚信承诺）"
            )
        if "channel" in data:
            probe = LegalAidCase(
                channel=channel,
                request_received_at=data.get("request_received_at"),
                forwarded_at=data.get("forwarded_at"),
            )
            problem = forwarding_problem(probe)
            if problem:
                self.add_error("request_received_at", problem)
        return data


ACTION_FIELDS: dict[str, forms.Field] = {
    "supplement_days": forms.IntegerField(
        label="补充材料期限（日）", min_value=1, max_value=60, initial=15
    ),
    "provider": forms.CharField(label="承办律师（法律援助人员）", max_length=100),
    "amount_recovered": forms.CharField(
        label="挽回经济损失（元）", max_length=20, required=False, initial="0"
    ),
    "forwarded_time": forms.TimeField(
        label="转交时间（时:分）", widget=forms.TimeInput(attrs={"type": "time"})
    ),
}


class ServiceForm(BootstrapMixin, forms.Form):
    """One day's consultations and documents drafted (a second entry for the day replaces it)."""

    on = forms.DateField(label="日期", widget=DATE)
    consultations = forms.IntegerField(label="法律咨询（人次）", initial=0)
    documents_drafted = forms.IntegerField(label="代写法律文书（份）", initial=0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()

    def clean_on(self) -> Any:
        return past_date(self.cleaned_data.get("on"), "日期")

    def clean_consultations(self) -> int:
        n: int = self.cleaned_data["consultations"]
        if n < 0:
            raise forms.ValidationError("法律咨询人次不能为负数")
        return n

    def clean_documents_drafted(self) -> int:
        n: int = self.cleaned_data["documents_drafted"]
        if n < 0:
            raise forms.ValidationError("代写法律文书份数不能为负数")
        return n
