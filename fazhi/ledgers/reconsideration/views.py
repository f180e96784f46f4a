"""The respondent's answer upload and the permission-checked download of the files (the rest of
the pages are the casework kit's)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path

from fazhi.casework.files import download
from fazhi.casework.forms import DATE, bootstrap
from fazhi.casework.transitions import TransitionError
from fazhi.ledgers.reconsideration.models import AnswerFile, ReconsiderationCase
from fazhi.ledgers.reconsideration.workflow.answer import MAX_FILES, answer, file_problem
from fazhi.org.access import get_visible_or_404, require


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (the pattern of Django's documentation)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class AnswerForm(forms.Form):
    copy_received_on = forms.DateField(label="本单位收到申请书副本日期", widget=DATE)
    answer_file = forms.FileField(label="答复书")
    evidence = MultipleFileField(label="证据、依据和其他有关材料（可多选）", required=False)
    note = forms.CharField(label="说明", max_length=200, required=False)

    def __init__(self, *args: Any, case: ReconsiderationCase, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if case.copy_served_on is not None:
            self.fields.pop("copy_received_on")
        bootstrap(self.fields)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        evidence = list(data.get("evidence") or [])
        if len(evidence) + 1 > MAX_FILES:
            raise forms.ValidationError(f"一次最多上传{MAX_FILES}个文件")
        for f in [data.get("answer_file"), *evidence]:
            if f is not None:
                problem = file_problem(f)
                if problem:
                    raise forms.ValidationError(problem)
        data["evidence_files"] = evidence
        return data


def answer_upload(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_visible_or_404(ReconsiderationCase, request.user, pk=pk)
    require(request.user, "reconsideration.answer_case", case)
    form = AnswerForm(request.POST or None, request.FILES or None, case=case)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            answer(
                case,
                answer_file=form.cleaned_data["answer_file"],
                evidence=form.cleaned_data["evidence_files"],
                copy_received_on=form.cleaned_data.get("copy_received_on"),
                note=form.cleaned_data.get("note") or "",
                by=request.user,
            )
        except TransitionError as exc:
            error = exc.message
        else:
            return redirect(case.get_absolute_url())
    return render(
        request, "reconsideration/answer.html", {"case": case, "form": form, "error": error}
    )


def answer_file(request: HttpRequest, pk: int, number: int) -> FileResponse:
    """File `number` (its id) of case `pk`: the case must be visible to the user."""
    case = get_visible_or_404(ReconsiderationCase, request.user, pk=pk)
    return download(get_object_or_404(AnswerFile, pk=number, case=case))


def urls() -> list[Any]:
    return [
        path("<int:pk>/answer/", answer_upload, name="answer"),
        path("<int:pk>/files/<int:number>/", answer_file, name="file"),
    ]
