"""Forms of the 合同及涉法文件审核 ledger. The amount is typed in 元 and stored as 分: more than
two decimals or a negative amount is refused, never rounded."""

from __future__ import annotations

from typing import Any

from django import forms

from fazhi.casework.forms import DATE, BootstrapMixin, clean_case_number, limit_choices, past_date
from fazhi.ledgers.legality_review.models import LegalityReview
from fazhi.ledgers.legality_review.states import Adoption, Result, ReviewerKind
from fazhi.ledgers.legality_review.workflow import NUMBERING, amount_problem
from fazhi.lib.money import MoneyError, parse_yuan_to_fen
from fazhi.org.models import Department, Jurisdiction


def yuan_to_fen(text: str) -> int | None:
    """The 元 typed in a form or a sheet → 分; a Chinese ValidationError when it cannot be exact."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        fen = parse_yuan_to_fen(text)
    except MoneyError as exc:
        raise forms.ValidationError(str(exc)) from exc
    problem = amount_problem(fen)
    if problem:
        raise forms.ValidationError(problem)
    return fen


class CaseForm(BootstrapMixin, forms.ModelForm):
    # Typed in 元, stored in 分: the model field of the same name gets the cleaned integer.
    amount_fen = forms.CharField(
        label="合同金额（元）",
        required=False,
        max_length=20,
        help_text="如 1234567.89；最多两位小数，无金额的留空",
    )

    class Meta:
        model = LegalityReview
        fields = [
            "case_number",
            "kind",
            "title",
            "submitting_department",
            "counterparty",
            "amount_fen",
            "submitted_on",
            "notes",
        ]
        widgets = {"submitted_on": DATE, "notes": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "case_number": f"新登记时可留空，由系统按“{NUMBERING.example()}”自动编号",
        }

    def __init__(self, *args: Any, jurisdiction: Jurisdiction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.jurisdiction = jurisdiction
        self.fields["case_number"].required = False
        departments = Department.objects.filter(jurisdiction=jurisdiction)
        if not self.instance.pk and self.instance.submitting_department_id:
            # A department sends its own items; the 司法局/法治办 chooses.
            departments = departments.filter(pk=self.instance.submitting_department_id)
        limit_choices(self, "submitting_department", departments)
        if self.instance.amount_fen is not None:
            yuan, fen = divmod(self.instance.amount_fen, 100)
            self.initial["amount_fen"] = f"{yuan}.{fen:02d}"
        if self.instance.pk:
            self.fields.pop("submitted_on")  # the number's year and the clock follow it

    def clean_case_number(self) -> str:
        return clean_case_number(self, NUMBERING)

    def clean_submitted_on(self) -> Any:
        return past_date(self.cleaned_data.get("submitted_on"), "送审日期")

    def clean_amount_fen(self) -> int | None:
        return yuan_to_fen(self.cleaned_data.get("amount_fen") or "")


ACTION_FIELDS: dict[str, forms.Field] = {
    "result": forms.ChoiceField(label="审核结论", choices=Result.choices),
    "opinion_count": forms.IntegerField(label="提出审核意见（条）", min_value=0),
    "reviewer_kind": forms.ChoiceField(label="审核人员", choices=ReviewerKind.choices),
    "reviewer_name": forms.CharField(label="法律顾问/公职律师姓名", max_length=60, required=False),
    "adoption": forms.ChoiceField(label="意见采纳情况", choices=Adoption.choices),
}
