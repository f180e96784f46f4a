"""Forms of the 督查督办 ledger: an item is registered with its 督办通知 (found by 文号 or created)."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.casework.forms import DATE, BootstrapMixin, clean_case_number, limit_choices, past_date
from fazhi.clocks.spec import ClockError
from fazhi.ledgers.supervision.clocks import spec_for
from fazhi.ledgers.supervision.models import SupervisionItem, SupervisionNotice
from fazhi.ledgers.supervision.states import Kind, LimitKind, Source
from fazhi.ledgers.supervision.workflow import NUMBERING, notice_problem
from fazhi.org.models import Department, Jurisdiction

NOTICE_FIELDS = ("notice_number", "notice_source", "notice_title", "notice_issued_on")


class CaseForm(BootstrapMixin, forms.ModelForm):
    notice_number = forms.CharField(label="督办通知文号", max_length=60)
    notice_source = forms.ChoiceField(label="来源", choices=Source.choices)
    notice_title = forms.CharField(label="通知标题", max_length=200)
    notice_issued_on = forms.DateField(label="通知下发日期", widget=DATE)

    class Meta:
        model = SupervisionItem
        fields = [
            "case_number",
            "kind",
            "area",
            "finding",
            "task",
            "office",
            "lead_department",
            "assigned_on",
            "limit_kind",
            "time_limit_on",
            "time_limit_days",
            "notes",
        ]
        widgets = {
            "assigned_on": DATE,
            "time_limit_on": DATE,
            "finding": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "case_number": f"新登记时可留空，由系统按“{NUMBERING.example()}”自动编号",
            "time_limit_on": "办结时限方式为“限定日期”时填写",
            "time_limit_days": "办结时限方式为“工作日数”时填写，自交办之日起计算",
        }

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["case_number"].required = False
        departments = Department.objects.filter(jurisdiction=jurisdiction)
        limit_choices(self, "office", departments)
        limit_choices(self, "lead_department", departments)
        if self.instance.pk:
            # The clock started from them; a later change is an approved extension.
            for name in (
                *NOTICE_FIELDS,
                "assigned_on",
                "limit_kind",
                "time_limit_on",
                "time_limit_days",
                "kind",
            ):
                self.fields.pop(name)

    def clean_case_number(self) -> str:
        return clean_case_number(self, NUMBERING)

    def clean_assigned_on(self) -> Any:
        return past_date(self.cleaned_data.get("assigned_on"), "交办日期")

    def clean_notice_issued_on(self) -> Any:
        return past_date(self.cleaned_data.get("notice_issued_on"), "通知下发日期")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.instance.pk:
            return data
        if data.get("kind") == Kind.RECTIFICATION and not (data.get("finding") or "").strip():
            self.add_error("finding", "整改任务须填写督察、检查发现的问题")
        if self.errors:
            return data
        number = data["notice_number"].strip()
        notice = SupervisionNotice.objects.filter(
            jurisdiction=self.jurisdiction, notice_number=number
        ).first() or SupervisionNotice(
            jurisdiction=self.jurisdiction,
            notice_number=number,
            source=data["notice_source"],
            title=data["notice_title"],
            issued_on=data["notice_issued_on"],
            office=data.get("office"),
        )
        if notice.pk and (notice.source, notice.issued_on) != (
            data["notice_source"],
            data["notice_issued_on"],
        ):
            probe = SupervisionNotice(
                notice_number=number,
                source=data["notice_source"],
                issued_on=data["notice_issued_on"],
            )
            raise forms.ValidationError(notice_problem(probe, self.jurisdiction.pk))
        if data["assigned_on"] < data["notice_issued_on"]:
            self.add_error("assigned_on", "交办日期不能早于通知下发日期")
            return data
        self.instance.notice = notice
        probe_item = SupervisionItem(
            assigned_on=data["assigned_on"],
            limit_kind=data.get("limit_kind") or LimitKind.DATE,
            time_limit_on=data.get("time_limit_on"),
            time_limit_days=data.get("time_limit_days"),
        )
        try:
            spec_for(probe_item)
        except ClockError as exc:
            field = (
                "time_limit_days"
                if probe_item.limit_kind == LimitKind.WORKING_DAYS
                else "time_limit_on"
            )
            self.add_error(field, str(exc))
        return data


_extended_to = forms.DateField(label="延期至（限定日期的事项）", required=False, widget=DATE)
_extended_to.ahead = True  # type: ignore[attr-defined]

ACTION_FIELDS: dict[str, forms.Field] = {
    "extended_to": _extended_to,
    "extension_days": forms.IntegerField(
        label="延期工作日数（按工作日计的事项）", required=False, min_value=1, max_value=250
    ),
}
