"""Forms of the 依申请公开 ledger, with Chinese messages."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.casework.forms import DATE, BootstrapMixin, clean_case_number, limit_choices, past_date
from fazhi.ledgers.disclosure.models import DisclosureRequest
from fazhi.ledgers.disclosure.states import ConsulteeKind, Ground, Opinion, ReplyType
from fazhi.ledgers.disclosure.workflow import NUMBERING, link_problem, receipt_problem
from fazhi.org.models import Department, Jurisdiction, User


class CaseForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = DisclosureRequest
        fields = [
            "case_number",
            "department",
            "applicant_name",
            "applicant_kind",
            "applicant_contact",
            "subject",
            "requested_form",
            "channel",
            "submitted_on",
            "evidence_on",
            "handler",
            "reconsideration_case",
            "litigation_case",
            "notes",
        ]
        widgets = {
            "submitted_on": DATE,
            "evidence_on": DATE,
            "notes": forms.Textarea(attrs={"rows": 2}),
            "reconsideration_case": forms.NumberInput(),
            "litigation_case": forms.NumberInput(),
        }
        help_texts = {
            "case_number": f"新登记时可留空，由系统按“{NUMBERING.example()}”自动编号",
            "reconsideration_case": "因本申请引发的本区划行政复议案件的系统编号，无则留空",
            "litigation_case": "因本申请引发的本区划行政诉讼案件的系统编号，无则留空",
        }

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["case_number"].required = False
        limit_choices(self, "department", Department.objects.filter(jurisdiction=jurisdiction))
        limit_choices(self, "handler", User.objects.filter(jurisdiction=jurisdiction))
        if self.instance.pk:
            # Set at intake: the receipt date and the clocks started from them.
            for name in ("channel", "submitted_on", "evidence_on"):
                self.fields.pop(name)

    def clean_case_number(self) -> str:
        return clean_case_number(self, NUMBERING)

    def clean_evidence_on(self) -> Any:
        return past_date(self.cleaned_data.get("evidence_on"), "签收或确认日期")

    def clean_submitted_on(self) -> Any:
        return past_date(self.cleaned_data.get("submitted_on"), "申请人提交（寄出）日期")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        probe = DisclosureRequest(
            jurisdiction=self.jurisdiction,
            reconsideration_case=data.get("reconsideration_case"),
            litigation_case=data.get("litigation_case"),
        )
        problem = link_problem(probe)
        if not problem and not self.instance.pk and "evidence_on" not in self.errors:
            probe.channel = data.get("channel") or ""
            probe.evidence_on = data.get("evidence_on")  # type: ignore[assignment]
            probe.submitted_on = data.get("submitted_on")
            problem = receipt_problem(probe)
        if problem:
            raise forms.ValidationError(problem)
        return data


def _ground_choices() -> list[tuple[str, str]]:
    return [("", "（无）"), *Ground.choices]


ACTION_FIELDS: dict[str, forms.Field] = {
    "correction_items": forms.CharField(label="需要补正的事项（一次性告知）", max_length=300),
    "correction_period_days": forms.IntegerField(
        label="补正期限（工作日，留空为15个工作日）", required=False, min_value=1, max_value=60
    ),
    "consultee_kind": forms.ChoiceField(label="征求意见对象", choices=ConsulteeKind.choices),
    "consultee_name": forms.CharField(label="被征求意见方名称", max_length=100),
    "consultation_served_on": forms.DateField(
        label="对方收到征求意见书日期（未知可不填，按发函日计）", required=False, widget=DATE
    ),
    "opinion": forms.ChoiceField(label="意见", choices=Opinion.choices),
    "fee_by_request": forms.DecimalField(
        label="按件计收金额（元）", required=False, max_digits=10, decimal_places=2
    ),
    "fee_by_volume": forms.DecimalField(
        label="按量计收金额（元）", required=False, max_digits=10, decimal_places=2
    ),
    "extension_days": forms.IntegerField(label="延长工作日数", min_value=1, max_value=20),
    "head_approved": forms.BooleanField(label="已经政府信息公开工作机构负责人同意", required=False),
    "approver": forms.CharField(label="同意延期的负责人", max_length=60),
    "notified_on": forms.DateField(label="告知申请人延期日期", widget=DATE),
    "reply_type": forms.ChoiceField(label="处理结果", choices=ReplyType.choices),
    "reply_ground": forms.ChoiceField(
        label="具体情形（理由）", choices=_ground_choices, required=False
    ),
}
