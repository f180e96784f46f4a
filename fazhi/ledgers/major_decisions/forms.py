"""Forms of the 重大行政决策 ledger, with Chinese messages."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.casework.forms import DATE, BootstrapMixin, clean_case_number, limit_choices, past_date
from fazhi.ledgers.major_decisions.models import DecisionCatalog, MajorDecision
from fazhi.ledgers.major_decisions.states import CounselKind, ReviewResult
from fazhi.ledgers.major_decisions.workflow import NUMBERING, intake_problem
from fazhi.lib.cn_date import cn_date
from fazhi.org.models import Department, Jurisdiction


class CaseForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = MajorDecision
        fields = [
            "case_number",
            "catalog",
            "title",
            "sponsor_department",
            "summary",
            "listed_on",
            "added_reason",
            "participation_required",
            "not_public_reason",
            "expert_review_required",
            "risk_assessment_required",
            "notes",
        ]
        widgets = {
            "listed_on": DATE,
            "summary": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "case_number": f"新登记时可留空，由系统按“{NUMBERING.example()}”自动编号",
        }

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["case_number"].required = False
        sponsors = Department.objects.filter(jurisdiction=jurisdiction)
        if not self.instance.pk and self.instance.sponsor_department_id:
            # A department registers its own decisions; the 司法局/法治办 chooses.
            sponsors = sponsors.filter(pk=self.instance.sponsor_department_id)
        limit_choices(self, "sponsor_department", sponsors)
        limit_choices(self, "catalog", DecisionCatalog.objects.filter(jurisdiction=jurisdiction))
        if self.instance.pk:
            # Set at intake: the number's year and the add-after-publication rule follow them.
            for name in ("catalog", "listed_on"):
                self.fields.pop(name)

    def clean_case_number(self) -> str:
        return clean_case_number(self, NUMBERING)

    def clean_listed_on(self) -> Any:
        return past_date(self.cleaned_data.get("listed_on"), "列入目录（启动）日期")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        probe = MajorDecision(
            jurisdiction=self.jurisdiction,
            catalog=data.get("catalog", self.instance.catalog if self.instance.pk else None),
            listed_on=data.get("listed_on", self.instance.listed_on),
            added_reason=data.get("added_reason") or "",
            participation_required=bool(data.get("participation_required")),
            not_public_reason=data.get("not_public_reason") or "",
        )
        problem = intake_problem(probe)
        if problem:
            raise forms.ValidationError(problem)
        return data


def _ahead(field: forms.DateField) -> forms.DateField:
    field.ahead = True  # type: ignore[attr-defined]  # a deadline set for later: may be future
    return field


ACTION_FIELDS: dict[str, forms.Field] = {
    "comment_until": _ahead(forms.DateField(label="公开征求意见截止日期", widget=DATE)),
    "short_window_reason": forms.CharField(
        label="期限少于30日的理由（不少于30日的不填）", max_length=300, required=False
    ),
    "comments_received": forms.IntegerField(label="收到意见（条）", min_value=0),
    "hearing_materials_on": forms.DateField(label="听证材料公布日期", widget=DATE),
    "review_deadline": _ahead(forms.DateField(label="给予的审查期限（截止日期）", widget=DATE)),
    "legality_result": forms.ChoiceField(label="审查结论", choices=ReviewResult.choices),
    "counsel_kind": forms.ChoiceField(
        label="听取法律顾问、公职律师意见", choices=CounselKind.choices
    ),
    "counsel_name": forms.CharField(label="法律顾问/公职律师姓名", max_length=60, required=False),
    "meeting_name": forms.CharField(label="会议名称", max_length=100),
    "attendees": forms.CharField(label="出席人员", max_length=300),
    "dissent": forms.CharField(
        label="不同意见（没有的填“无”）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    ),
    "head_decision": forms.CharField(
        label="行政首长的决定", widget=forms.Textarea(attrs={"rows": 2})
    ),
}


class CatalogForm(BootstrapMixin, forms.ModelForm):
    """A year's catalog: adopted after the same-level Party committee agrees, then published."""

    class Meta:
        model = DecisionCatalog
        fields = ["year", "title", "party_agreed_on", "published_on", "publication", "notes"]
        widgets = {
            "party_agreed_on": DATE,
            "published_on": DATE,
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.instance.jurisdiction = jurisdiction

    def clean_year(self) -> int:
        year: int = self.cleaned_data["year"]
        if not 2019 <= year <= 2100:
            raise forms.ValidationError("年度应在2019年（条例施行）以后")
        taken = DecisionCatalog.objects.filter(jurisdiction=self.jurisdiction, year=year)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(f"本区划{year}年度目录已存在")
        return year

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        agreed, published = data.get("party_agreed_on"), data.get("published_on")
        past_date(agreed, "同级党委同意日期")
        past_date(published, "公布日期")
        if published is not None and agreed is None:
            raise forms.ValidationError(
                "目录经同级党委同意后方可公布：请先填写党委同意日期（第三条）"
            )
        if published is not None and agreed is not None and published < agreed:
            raise forms.ValidationError(f"公布日期不能早于同级党委同意日期（{cn_date(agreed)}）")
        return data
