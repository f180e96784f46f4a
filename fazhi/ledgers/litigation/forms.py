"""Forms of the 行政应诉 ledger, with Chinese messages."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.casework.forms import (
    DATE,
    BootstrapMixin,
    choose,
    clean_case_number,
    limit_choices,
    past_date,
)
from fazhi.ledgers.litigation.models import LitigationCase
from fazhi.ledgers.litigation.states import (
    Appellant,
    DecisionKind,
    Disposition,
    OrganRelation,
    Role,
    WithdrawalReason,
)
from fazhi.ledgers.litigation.workflow import NUMBERING, link_problem
from fazhi.org.models import Department, Jurisdiction, User


class CaseForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = LitigationCase
        fields = [
            "case_number",
            "court_case_number",
            "court_name",
            "trial_level",
            "previous_instance",
            "complaint_received_on",
            "plaintiffs",
            "defendant_department",
            "defendant_name",
            "act_category",
            "act_description",
            "claims",
            "reconsideration_case",
            "mandatory_attendance",
            "handler",
            "counsel",
            "notes",
        ]
        widgets = {
            "complaint_received_on": DATE,
            "claims": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
            "reconsideration_case": forms.NumberInput(),
        }
        help_texts = {
            "case_number": f"新登记时可留空，由系统按“{NUMBERING.example()}”自动编号",
            "reconsideration_case": "本区划行政复议案件的系统编号（复议案件页面地址中的数字），无则留空",
        }

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["case_number"].required = False
        limit_choices(
            self, "defendant_department", Department.objects.filter(jurisdiction=jurisdiction)
        )
        limit_choices(self, "handler", User.objects.filter(jurisdiction=jurisdiction))
        limit_choices(
            self, "previous_instance", LitigationCase.objects.filter(jurisdiction=jurisdiction)
        )
        if self.instance.pk:
            # Set at intake: the clocks started from them.
            for name in ("complaint_received_on", "trial_level"):
                self.fields.pop(name)

    def clean_case_number(self) -> str:
        return clean_case_number(self, NUMBERING)

    def clean_complaint_received_on(self) -> Any:
        return past_date(self.cleaned_data.get("complaint_received_on"), "收到起诉状副本日期")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        probe = LitigationCase(
            jurisdiction=self.jurisdiction,
            reconsideration_case=data.get("reconsideration_case"),
            previous_instance=data.get("previous_instance"),
        )
        problem = link_problem(probe)
        if problem:
            raise forms.ValidationError(problem)
        return data


# The inputs the transitions take beyond a date and a note.
ACTION_FIELDS: dict[str, forms.Field] = {
    "notice_received_on": forms.DateField(
        label="收到出庭通知日期（未收到可不填）", required=False, widget=DATE
    ),
    "role": forms.ChoiceField(label="出庭身份", choices=Role.choices),
    "appearer_name": forms.CharField(label="出庭人员姓名", max_length=30, required=False),
    "appearer_title": forms.CharField(label="职务", max_length=60, required=False),
    "organ_relation": forms.ChoiceField(label="出庭人员所在单位", choices=OrganRelation.choices),
    "identity_proved": forms.BooleanField(label="已提交加盖印章的身份证明", required=False),
    "spoke_on_substance": forms.BooleanField(label="就实质性争议发表意见", required=False),
    "lawyer_present": forms.BooleanField(label="律师共同出庭", required=False),
    "decision_kind": choose("裁判类型", DecisionKind.choices),
    "disposition": choose("裁判结果", Disposition.choices),
    "served_on": forms.DateField(label="裁判文书送达日期", required=False, widget=DATE),
    "withdrawal_reason": choose("撤诉原因", WithdrawalReason.choices),
    "act_changed_on": forms.DateField(label="被告改变行政行为日期", required=False, widget=DATE),
    "appellant": choose("上诉人", Appellant.choices),
}
