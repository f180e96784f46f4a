"""Forms of the 行政复议 ledger, with Chinese messages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from fazhi.ledgers.reconsideration.models import Applicant, ReconsiderationCase
from fazhi.ledgers.reconsideration.states import (
    DECISION_OUTCOMES,
    HearingForm,
    Outcome,
    TerminationReason,
    law_version_for,
)
from fazhi.ledgers.reconsideration.workflow import parse_case_number
from fazhi.ledgers.reconsideration.workflow.acceptance import MAX_CORRECTION_EXTENSION
from fazhi.ledgers.reconsideration.workflow.base import hearing_horizon
from fazhi.ledgers.reconsideration.workflow.period import check_knew_on
from fazhi.lib.cn_date import cn_date
from fazhi.org.models import Department, Jurisdiction, User

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def bootstrap(fields: dict[str, forms.Field]) -> None:
    """Bootstrap classes on every widget (the templates render fields one by one)."""
    for field in fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select):
            css = "form-select form-select-sm"
        else:
            css = "form-control form-control-sm"
        widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()


class CaseForm(forms.ModelForm):
    class Meta:
        model = ReconsiderationCase
        fields = [
            "case_number",
            "received_on",
            "knew_of_act_on",
            "channel",
            "procedure",
            "respondent_department",
            "respondent_name",
            "act_category",
            "act_description",
            "request",
            "handler",
            "law_version",
            "law_version_reason",
            "carried_over",
            "opinion_letter",
            "recommendation_letter",
            "lawsuit_ref",
            "notes",
        ]
        widgets = {
            "received_on": DATE,
            "knew_of_act_on": DATE,
            "request": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "case_number": "新登记时可留空，由系统按“简称政复〔年度〕序号号”自动编号",
            "law_version": "按收到申请日期自动确定（2024年1月1日前为旧法）；如需调整须填写理由",
        }

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["respondent_department"].queryset = Department.objects.filter(
            jurisdiction=jurisdiction
        )
        self.fields["handler"].queryset = User.objects.filter(
            jurisdiction=jurisdiction, department__is_legal_office=True
        )
        self.fields["case_number"].required = False
        self.fields["law_version"].required = False
        if self.instance.pk:
            # Dates that transitions set are changed only by transitions (one audit entry each).
            for name in ("received_on", "law_version", "law_version_reason"):
                self.fields.pop(name)
            if self.instance.knew_of_act_on is not None:
                # Its clock was stopped at intake; a stopped clock cannot be recomputed.
                self.fields.pop("knew_of_act_on")
        bootstrap(self.fields)

    def clean_received_on(self) -> dt.date:
        d: dt.date = self.cleaned_data["received_on"]
        if d > timezone.localdate():
            raise forms.ValidationError("收到申请日期不能晚于今天")
        return d

    def clean_case_number(self) -> str:
        number = (self.cleaned_data.get("case_number") or "").strip()
        if not number:
            if self.instance.pk:
                raise forms.ValidationError("案号不能为空")
            return ""
        taken = ReconsiderationCase.objects.filter(
            jurisdiction=self.jurisdiction, case_number=number
        )
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(f"案号“{number}”已被使用，请改用其他案号或留空由系统编号")
        if parse_case_number(number) is None:
            raise forms.ValidationError("案号格式应为“简称政复〔2025〕12号”")
        return number

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        received = data.get("received_on") or self.instance.received_on
        problem = check_knew_on(data.get("knew_of_act_on"), received)
        if problem and "knew_of_act_on" in self.fields:
            self.add_error("knew_of_act_on", problem)
        version = data.get("law_version")
        if (
            "law_version" in self.fields
            and received
            and version
            and version != law_version_for(received)
        ):
            if not (data.get("law_version_reason") or "").strip():
                self.add_error(
                    "law_version_reason", "适用法律版本与收到申请日期不符，调整须填写理由"
                )
        return data


class ApplicantForm(forms.ModelForm):
    class Meta:
        model = Applicant
        fields = ["kind", "name", "id_number", "phone", "address", "agent_name", "agent_phone"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bootstrap(self.fields)


ApplicantFormSet = forms.inlineformset_factory(
    ReconsiderationCase,
    Applicant,
    form=ApplicantForm,
    extra=1,
    min_num=1,
    validate_min=True,
    can_delete=True,
    error_messages={"too_few_forms": "请至少填写一名申请人"},
)


class ActionForm(forms.Form):
    """The inputs of one transition; `fields` picks which of them the action needs."""

    on = forms.DateField(label="日期", widget=DATE)
    outcome = forms.ChoiceField(
        label="决定结果", choices=[(o.value, o.label) for o in Outcome if o in DECISION_OUTCOMES]
    )
    reason_code = forms.ChoiceField(label="终止原因", choices=TerminationReason.choices)
    reason = forms.CharField(label="中止原因", max_length=200)
    form = forms.ChoiceField(
        label="方式", choices=[(HearingForm.OPINIONS, "听取意见"), (HearingForm.HEARING, "听证")]
    )
    days = forms.IntegerField(
        label="延长日数",
        min_value=1,
        max_value=30,
        initial=30,
        error_messages={"max_value": "延长期限最多不超过30日", "min_value": "延长日数至少为1日"},
    )
    workdays = forms.IntegerField(
        label="延长工作日数",
        min_value=1,
        max_value=MAX_CORRECTION_EXTENSION,
        initial=10,
        error_messages={
            "min_value": "至少延长1个工作日",
            "max_value": f"延长的工作日数过大（最多{MAX_CORRECTION_EXTENSION}个工作日），请核对",
        },
    )
    notice_on = forms.DateField(
        label="听证通知发出日期（未发出可不填）", required=False, widget=DATE
    )
    note = forms.CharField(
        label="说明", max_length=300, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, action: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.action = action
        for name in list(self.fields):
            if name not in action.fields:
                del self.fields[name]
        self.fields["on"].label = action.date_label
        self.fields["on"].initial = timezone.localdate()
        if action.note_required and "note" in self.fields:
            self.fields["note"].required = True
            self.fields["note"].label = "理由"
        bootstrap(self.fields)

    def clean_on(self) -> dt.date:
        """What a transition records has happened by today; only a hearing is scheduled ahead,
        and at most a year ahead (the workflow checks the same)."""
        on: dt.date = self.cleaned_data["on"]
        label = self.action.date_label
        if self.action.code == "schedule_hearing":
            if on > hearing_horizon():
                raise forms.ValidationError(
                    f"{label}最迟只能安排在一年以内（{cn_date(hearing_horizon())}之前）"
                )
        elif on > timezone.localdate():
            raise forms.ValidationError(f"{label}不能晚于今天")
        return on

    def clean_notice_on(self) -> dt.date | None:
        notice_on: dt.date | None = self.cleaned_data.get("notice_on")
        if notice_on is not None and notice_on > timezone.localdate():
            raise forms.ValidationError("听证通知发出日期不能晚于今天")
        return notice_on

    def kwargs(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        out: dict[str, Any] = {"on": data.pop("on")}
        if "reason_code" in data:
            out["reason"] = data.pop("reason_code")
        out.update(data)
        return out
