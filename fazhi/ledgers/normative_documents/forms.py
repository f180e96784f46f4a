"""Forms of the 规范性文件 ledger, with Chinese messages."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.casework.forms import DATE, BootstrapMixin, clean_case_number, limit_choices, past_date
from fazhi.ledgers.normative_documents.models import NormativeDocument
from fazhi.ledgers.normative_documents.states import FilingResult, Outcome, Recipient, ReviewResult
from fazhi.ledgers.normative_documents.workflow import NUMBERING
from fazhi.org.models import Department, Jurisdiction


class CaseForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = NormativeDocument
        fields = [
            "case_number",
            "title",
            "issuing_body",
            "drafting_department",
            "drafted_on",
            "consultation_required",
            "notes",
        ]
        widgets = {"drafted_on": DATE, "notes": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "case_number": f"新登记时可留空，由系统按“{NUMBERING.example()}”编登记号；"
            "文号在公布时统一编号",
            "consultation_required": "涉及群众切身利益的，须向社会公开征求意见",
        }

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["case_number"].required = False
        limit_choices(
            self, "drafting_department", Department.objects.filter(jurisdiction=jurisdiction)
        )
        if self.instance.pk:
            self.fields.pop("drafted_on")  # the registration year and number follow it

    def clean_case_number(self) -> str:
        return clean_case_number(self, NUMBERING)

    def clean_drafted_on(self) -> Any:
        return past_date(self.cleaned_data.get("drafted_on"), "起草登记日期")


ACTION_FIELDS: dict[str, forms.Field] = {
    "review_working_days": forms.IntegerField(
        label="审核期限（工作日，留空按本地规定）", required=False, min_value=1, max_value=60
    ),
    "review_result": forms.ChoiceField(label="审核结论", choices=ReviewResult.choices),
    "review_opinion": forms.CharField(
        label="审核意见", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    ),
    "deliberation_meeting": forms.CharField(label="审议会议", max_length=100),
    "effective_on": forms.DateField(
        label="施行日期（留空为公布之日）", required=False, widget=DATE
    ),
    "validity_years": forms.IntegerField(
        label="有效期（年，留空为5年）", required=False, min_value=1, max_value=10
    ),
    "recipient": forms.ChoiceField(label="报备对象", choices=Recipient.choices),
    "filing_result": forms.ChoiceField(label="备案审查结果", choices=FilingResult.choices),
}


class BatchForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label="清理名称", max_length=120)
    basis = forms.CharField(label="清理依据", max_length=200)
    started_on = forms.DateField(label="开始日期", widget=DATE)
    decided_on = forms.DateField(label="清理决定日期", widget=DATE)
    effective_on = forms.DateField(label="清理结果生效日期", widget=DATE)


def _label(doc: NormativeDocument) -> str:
    return f"{doc.document_number} {doc.title}"


class EntryForm(BootstrapMixin, forms.Form):
    document = forms.ModelChoiceField(label="规范性文件", queryset=NormativeDocument.objects.none())
    outcome = forms.ChoiceField(label="清理结果", choices=Outcome.choices)
    reason = forms.CharField(label="理由", max_length=200, required=False)

    def __init__(self, *args: Any, documents: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["document"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = documents
        field.label_from_instance = _label  # type: ignore[method-assign,assignment]
