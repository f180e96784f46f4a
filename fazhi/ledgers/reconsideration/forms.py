"""Forms of the 行政复议 ledger, with Chinese messages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from fazhi.casework.forms import DATE, bootstrap, clean_case_number, limit_choices
from fazhi.ledgers.reconsideration.models import Applicant, ReconsiderationCase
from fazhi.ledgers.reconsideration.states import (
    BEFORE_ACCEPTANCE,
    DECISION_OUTCOMES,
    HearingForm,
    Outcome,
    ServiceMethod,
    law_version_for,
)
from fazhi.ledgers.reconsideration.workflow import NUMBERING
from fazhi.ledgers.reconsideration.workflow.acceptance import MAX_CORRECTION_EXTENSION
from fazhi.ledgers.reconsideration.workflow.period import check_knew_on, check_period_facts
from fazhi.org.models import Department, Jurisdiction, User

# The facts of the application period (Arts. 20–21): fixed once its clock exists.
PERIOD_FIELDS = (
    "knew_of_act_on",
    "posted_on",
    "obstacle_from",
    "obstacle_to",
    "right_not_told",
    "learned_of_right_on",
    "act_made_on",
    "real_property",
)


class CaseForm(forms.ModelForm):
    class Meta:
        model = ReconsiderationCase
        fields = [
            "case_number",
            "received_on",
            "knew_of_act_on",
            "posted_on",
            "obstacle_from",
            "obstacle_to",
            "right_not_told",
            "learned_of_right_on",
            "act_made_on",
            "real_property",
            "channel",
            "procedure",
            "respondent_department",
            "respondent_name",
            "act_category",
            "act_description",
            "request",
            "review_first",
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
            "posted_on": DATE,
            "obstacle_from": DATE,
            "obstacle_to": DATE,
            "learned_of_right_on": DATE,
            "act_made_on": DATE,
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
        limit_choices(
            self, "respondent_department", Department.objects.filter(jurisdiction=jurisdiction)
        )
        limit_choices(
            self,
            "handler",
            User.objects.filter(jurisdiction=jurisdiction, department__is_legal_office=True),
        )
        self.fields["case_number"].required = False
        self.fields["law_version"].required = False
        if self.instance.pk:
            # Dates that transitions set are changed only by transitions (one audit entry each).
            for name in ("received_on", "law_version", "law_version_reason"):
                self.fields.pop(name)
            if self.instance.knew_of_act_on is not None:
                # Its clock was stopped at intake; a stopped clock cannot be recomputed.
                for name in PERIOD_FIELDS:
                    self.fields.pop(name)
            if self.instance.state not in BEFORE_ACCEPTANCE:
                # Art. 55: simplified → ordinary only through its transition, approved by the
                # 复议机构负责人; ordinary → simplified never. An edit would leave the decision
                # clock of the other procedure running.
                self.fields.pop("procedure")
        bootstrap(self.fields)

    def clean_received_on(self) -> dt.date:
        d: dt.date = self.cleaned_data["received_on"]
        if d > timezone.localdate():
            raise forms.ValidationError("收到申请日期不能晚于今天")
        return d

    def clean_case_number(self) -> str:
        return clean_case_number(self, NUMBERING)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        received = data.get("received_on") or self.instance.received_on
        problem = check_knew_on(data.get("knew_of_act_on"), received)
        if problem and "knew_of_act_on" in self.fields:
            self.add_error("knew_of_act_on", problem)
        if "knew_of_act_on" in self.fields:
            probe = ReconsiderationCase(
                received_on=received,
                channel=data.get("channel") or self.instance.channel,
                law_version=data.get("law_version")
                or self.instance.law_version
                or (law_version_for(received) if received else ""),
                **{name: data.get(name) for name in PERIOD_FIELDS},
            )
            for name, message in check_period_facts(probe):
                self.add_error(name, message)
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


class _ApplicantBase(forms.BaseInlineFormSet):  # type: ignore[type-arg]
    # The formset's own messages (inlineformset_factory's error_messages are the fields').
    default_error_messages = {
        "too_few_forms": "请至少填写一名申请人",
        "too_many_forms": "申请人过多，请分案登记",
        "missing_management_form": "页面数据不完整，请刷新后重新填写",
    }


ApplicantFormSet = forms.inlineformset_factory(
    ReconsiderationCase,
    Applicant,
    form=ApplicantForm,
    formset=_ApplicantBase,
    extra=1,
    min_num=1,
    validate_min=True,
    can_delete=True,
)


# Inputs the transitions share (their forms take the ones each declares in `inputs`).
ACTION_FIELDS: dict[str, forms.Field] = {
    "outcome": forms.ChoiceField(
        label="决定结果", choices=[(o.value, o.label) for o in Outcome if o in DECISION_OUTCOMES]
    ),
    "form": forms.ChoiceField(
        label="方式", choices=[(HearingForm.OPINIONS, "听取意见"), (HearingForm.HEARING, "听证")]
    ),
    "days": forms.IntegerField(
        label="延长日数",
        min_value=1,
        max_value=30,
        initial=30,
        error_messages={"max_value": "延长期限最多不超过30日", "min_value": "延长日数至少为1日"},
    ),
    "workdays": forms.IntegerField(
        label="延长工作日数",
        min_value=1,
        max_value=MAX_CORRECTION_EXTENSION,
        initial=10,
        error_messages={
            "min_value": "至少延长1个工作日",
            "max_value": f"延长的工作日数过大（最多{MAX_CORRECTION_EXTENSION}个工作日），请核对",
        },
    ),
    "competent_body": forms.CharField(
        label="有管辖权的行政复议机关（因不属于本机关管辖而不予受理时填写）",
        max_length=100,
        required=False,
    ),
    "served_on": forms.DateField(label="送达日期（尚未送达可不填）", required=False, widget=DATE),
    "method": forms.ChoiceField(
        label="送达方式", choices=[("", "—")] + list(ServiceMethod.choices), required=False
    ),
    "notice_on": forms.DateField(
        label="听证通知发出日期（未发出可不填）", required=False, widget=DATE
    ),
}
