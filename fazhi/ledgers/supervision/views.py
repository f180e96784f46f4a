"""The evidence upload of an item and the permission-checked download of its files (the other
pages are the casework kit's)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone

from fazhi.casework.files import download
from fazhi.casework.forms import bootstrap
from fazhi.casework.transitions import TransitionError
from fazhi.ledgers.supervision.models import EvidenceFile, SupervisionItem
from fazhi.ledgers.supervision.workflow import add_evidence
from fazhi.org.access import get_visible_or_404, require


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern): cleans to a list."""

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class EvidenceForm(forms.Form):
    evidence = MultipleFileField(
        label="佐证材料（可多选；PDF、OFD、Word、WPS、Excel、JPG、PNG，每个不超过20MB）",
        widget=MultipleFileInput(attrs={"multiple": True}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bootstrap(self.fields)


def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible_or_404(SupervisionItem, request.user, pk=pk)
    require(request.user, "supervision.change_case", item)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            add_evidence(
                item, form.cleaned_data["evidence"], on=timezone.localdate(), by=request.user
            )
        except TransitionError as exc:
            error = exc.message
        else:
            return redirect(item.get_absolute_url())
    return render(
        request, "supervision/evidence.html", {"case": item, "form": form, "error": error}
    )


def evidence_file(request: HttpRequest, pk: int, number: int) -> FileResponse:
    """File `number` (its id) of item `pk`: the item must be visible to the user."""
    item = get_visible_or_404(SupervisionItem, request.user, pk=pk)
    return download(get_object_or_404(EvidenceFile, pk=number, item=item))


def urls() -> list[Any]:
    return [
        path("<int:pk>/evidence/", evidence_upload, name="evidence"),
        path("<int:pk>/evidence/<int:number>/", evidence_file, name="evidence_file"),
    ]
