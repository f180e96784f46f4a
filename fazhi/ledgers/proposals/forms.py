"""Forms of the 建议提案 ledger, with Chinese messages."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.casework.forms import DATE, BootstrapMixin, clean_case_number, limit_choices, past_date
from fazhi.ledgers.proposals.models import CO_SEPARATOR, Proposal
from fazhi.ledgers.proposals.states import Category, ContactMethod, Rating
from fazhi.ledgers.proposals.workflow import NUMBERING, co_department_problem
from fazhi.org.models import Department, Jurisdiction


class CaseForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Proposal
        fields = [
            "case_number",
            "kind",
            "session",
            "proposal_number",
            "authors",
            "title",
            "received_on",
            "office",
            "lead_department",
            "co_departments",
            "notes",
        ]
        widgets = {"received_on": DATE, "notes": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "case_number": f"新登记时可留空，由系统按“{NUMBERING.example()}”自动编号",
        }

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["case_number"].required = False
        departments = Department.objects.filter(jurisdiction=jurisdiction)
        limit_choices(self, "office", departments)
        limit_choices(self, "lead_department", departments)
        if self.instance.pk:
            # The clock started from them.
            for name in ("received_on", "kind"):
                self.fields.pop(name)

    def clean_case_number(self) -> str:
        return clean_case_number(self, NUMBERING)

    def clean_received_on(self) -> Any:
        return past_date(self.cleaned_data.get("received_on"), "收到日期")

    def clean_co_departments(self) -> str:
        raw = self.cleaned_data.get("co_departments") or ""
        names = [n.strip() for n in raw.replace("，", CO_SEPARATOR).split(CO_SEPARATOR)]
        text = CO_SEPARATOR.join(n for n in names if n)
        problem = co_department_problem(self.jurisdiction.pk, text)
        if problem:
            raise forms.ValidationError(problem)
        return text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        lead = data.get("lead_department")
        if lead is not None and lead.name in (data.get("co_departments") or "").split(CO_SEPARATOR):
            self.add_error("co_departments", "主办单位不能同时列为协办单位")
        return data


ACTION_FIELDS: dict[str, forms.Field] = {
    "contact_method": forms.ChoiceField(label="沟通方式", choices=ContactMethod.choices),
    "category": forms.ChoiceField(label="答复类别", choices=Category.choices),
    "rating": forms.ChoiceField(label="代表（委员）评价", choices=Rating.choices),
}
