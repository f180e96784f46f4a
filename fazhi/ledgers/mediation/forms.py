"""Forms of the 人民调解 ledger. The registration form is the township's quick entry: one screen,
the committee and mediator of the clerk's last entry and today's date filled in, the parties in
one line, and the outcome of a dispute already mediated entered at once."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils import timezone

from fazhi.casework.forms import (
    DATE,
    BootstrapMixin,
    clean_case_number,
    limit_choices,
    past_date,
)
from fazhi.ledgers.mediation.models import (
    MediationCase,
    MediationCommittee,
    Mediator,
)
from fazhi.ledgers.mediation.states import Referral
from fazhi.ledgers.mediation.workflow import NUMBERING, SIGNERS, link_problem
from fazhi.org.models import Jurisdiction

OUTCOMES = [
    ("", "调解中（尚未结束）"),
    ("oral", "调解成功：口头协议"),
    ("written", "调解成功：书面协议"),
    ("failed", "调解不成"),
]
SEPARATORS = re.compile(r"[、，,；;\s]+")


def split_parties(text: str) -> list[str]:
    return [n for n in SEPARATORS.split(text or "") if n]


class CaseForm(BootstrapMixin, forms.ModelForm):
    parties_text = forms.CharField(
        label="当事人",
        max_length=300,
        help_text="双方或多方当事人姓名（名称），以顿号或空格分隔",
    )
    outcome = forms.ChoiceField(label="调解结果", choices=OUTCOMES, required=False)
    concluded_on = forms.DateField(
        label="达成协议/终结调解日期", required=False, widget=DATE, help_text="已有结果的填写"
    )
    referral = forms.ChoiceField(
        label="调解不成引导途径", choices=[("", "—")] + Referral.choices, required=False
    )
    agreement_terms = forms.CharField(label="协议内容（书面协议）", max_length=2000, required=False)

    class Meta:
        model = MediationCase
        fields = [
            "received_on",
            "committee",
            "mediator",
            "dispute_type",
            "source",
            "is_major",
            "summary",
            "case_number",
            "mediator_signed_on",
            "committee_sealed_on",
            "notes",
        ]
        widgets = {
            "received_on": DATE,
            "mediator_signed_on": DATE,
            "committee_sealed_on": DATE,
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"case_number": f"可留空，由系统按“{NUMBERING.example()}”自动编号"}

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["case_number"].required = False
        committees = MediationCommittee.objects.filter(
            jurisdiction=jurisdiction, dissolved_on__isnull=True
        )
        limit_choices(self, "committee", committees)
        limit_choices(
            self,
            "mediator",
            Mediator.objects.filter(committee__in=committees, left_on__isnull=True).select_related(
                "committee"
            ),
        )
        self.fields["mediator"].label_from_instance = lambda m: f"{m.committee}·{m.name}"  # type: ignore[attr-defined]
        if self.instance.pk:
            for name in ("parties_text", "outcome", "concluded_on", "referral", "agreement_terms"):
                self.fields.pop(name)
            self.fields.pop("received_on")  # the mediation clock started from it
        else:
            for name in ("case_number", "mediator_signed_on", "committee_sealed_on", "notes"):
                self.fields.pop(name)
            self.initial.setdefault("received_on", None)
            self.initial["received_on"] = self.initial["received_on"] or timezone.localdate()
            # Quick entry: the first field has the focus; Enter saves.
            self.fields["received_on"].widget.attrs["autofocus"] = True

    def clean_case_number(self) -> str:
        return clean_case_number(self, NUMBERING)

    def clean_received_on(self) -> Any:
        return past_date(self.cleaned_data.get("received_on"), "受理日期")

    def clean_parties_text(self) -> list[str]:
        names = split_parties(self.cleaned_data.get("parties_text", ""))
        if len(names) < 2:
            raise forms.ValidationError("请填写纠纷双方当事人（至少两方），以顿号分隔")
        if any(len(n) > 60 for n in names):
            raise forms.ValidationError("当事人姓名（名称）每个不超过60字")
        return names

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        probe = MediationCase(
            jurisdiction=self.jurisdiction,
            committee=data.get("committee"),
            mediator=data.get("mediator"),
            received_on=data.get("received_on") or self.instance.received_on,
        )
        if data.get("committee") is not None:
            problem = link_problem(probe)
            if problem:
                raise forms.ValidationError(problem)
        outcome = data.get("outcome")
        if outcome:
            on = data.get("concluded_on")
            if on is None:
                self.add_error("concluded_on", "已选择调解结果的，请填写达成协议或终结调解的日期")
            elif on > timezone.localdate():
                self.add_error("concluded_on", "达成协议/终结调解日期不能晚于今天")
            elif data.get("received_on") and on < data["received_on"]:
                self.add_error("concluded_on", "达成协议/终结调解日期不能早于受理日期")
            if outcome == "failed" and not data.get("referral"):
                self.add_error("referral", "调解不成的，请选择引导当事人解决纠纷的途径")
            if outcome == "written" and not (data.get("agreement_terms") or "").strip():
                self.add_error("agreement_terms", "书面协议请填写协议内容")
        return data

    def save(self, commit: bool = True) -> MediationCase:
        case: MediationCase = super().save(commit=commit)
        if case.pk is None:
            data = self.cleaned_data
            case.entry_parties = data.get("parties_text") or []  # type: ignore[attr-defined]
            if data.get("outcome"):
                case.entry_outcome = {  # type: ignore[attr-defined]
                    "kind": data["outcome"],
                    "on": data.get("concluded_on"),
                    "referral": data.get("referral"),
                    "agreement_terms": data.get("agreement_terms"),
                }
        return case


class CommitteeForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = MediationCommittee
        fields = ["name", "kind", "township", "established_on", "dissolved_on"]
        widgets = {"established_on": DATE, "dissolved_on": DATE}

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        taken = MediationCommittee.objects.filter(jurisdiction=self.jurisdiction, name=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(f"本区划已有名为“{name}”的调解组织")
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        a, b = data.get("established_on"), data.get("dissolved_on")
        if a and a > timezone.localdate():
            self.add_error("established_on", "成立日期不能晚于今天")
        if a and b and b < a:
            self.add_error("dissolved_on", "撤销日期不能早于成立日期")
        return data


class MediatorForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Mediator
        fields = ["committee", "name", "kind", "appointed_on", "left_on"]
        widgets = {"appointed_on": DATE, "left_on": DATE}

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "committee", MediationCommittee.objects.filter(jurisdiction=jurisdiction)
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        a, b = data.get("appointed_on"), data.get("left_on")
        if a and a > timezone.localdate():
            self.add_error("appointed_on", "聘任日期不能晚于今天")
        if a and b and b < a:
            self.add_error("left_on", "解聘日期不能早于聘任日期")
        return data


class ConsultationForm(BootstrapMixin, forms.Form):
    """One committee's on-the-spot answers on one day; a second entry for the day replaces it
    (so not a ModelForm: the (committee, day) constraint is an update, not a refusal)."""

    committee = forms.ModelChoiceField(
        label="调解组织", queryset=MediationCommittee.objects.none(), empty_label="请选择"
    )
    on = forms.DateField(label="日期", widget=DATE)
    count = forms.IntegerField(
        label="现场解答咨询（人次）", error_messages={"invalid": "人次必须是整数"}
    )

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self, "committee", MediationCommittee.objects.filter(jurisdiction=jurisdiction)
        )
        self.fields["on"].initial = timezone.localdate()
        self.fields["count"].widget.attrs["autofocus"] = True

    def clean_count(self) -> int:
        n: int = self.cleaned_data["count"]
        if n < 0:
            raise forms.ValidationError("现场解答人次不能为负数")
        return n

    def clean_on(self) -> Any:
        return past_date(self.cleaned_data.get("on"), "日期")


ACTION_FIELDS: dict[str, forms.Field] = {
    "agreement_terms": forms.CharField(
        label="协议内容", max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    ),
    "signer": forms.ChoiceField(label="签名或盖章的一方", choices=list(SIGNERS.items())),
    "party_name": forms.CharField(
        label="当事人姓名（一方当事人签名时填写）", max_length=60, required=False
    ),
    "confirmation_court": forms.CharField(label="受理法院", max_length=60),
    "referral": forms.ChoiceField(label="引导当事人解决纠纷的途径", choices=Referral.choices),
}
