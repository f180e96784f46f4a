"""The ledger's own pages beyond the kit's: cleanup batches, and the public list of documents in
force (no login: the list a government must publish)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from fazhi.casework.sheets import legal_office
from fazhi.casework.transitions import TransitionError
from fazhi.ledgers.normative_documents import cleanup
from fazhi.ledgers.normative_documents.forms import BatchForm, EntryForm
from fazhi.ledgers.normative_documents.models import CleanupBatch, NormativeDocument
from fazhi.ledgers.normative_documents.states import State
from fazhi.org.access import get_visible_or_404, require, visible
from fazhi.org.models import Jurisdiction, Level

PERM = "normative_documents.cleanup_case"


@login_required
@require_http_methods(["GET", "POST"])
def batch_list(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    can = user.has_perm(PERM) and user.jurisdiction_id is not None
    form = BatchForm(request.POST or None) if can else None
    if request.method == "POST":
        if form is None:
            raise Http404("无权组织清理")
        office = legal_office(user)
        if office is None:
            raise Http404("本区划尚未设置司法行政部门")
        if form.is_valid():
            try:
                batch = cleanup.create_batch(
                    jurisdiction=user.jurisdiction, department=office, by=user, **form.cleaned_data
                )
            except TransitionError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, f"已登记清理批次“{batch.name}”")
                return redirect(batch)
    batches = visible(CleanupBatch, user).annotate(n=Count("entries")).order_by("-effective_on")
    return render(request, "normative_documents/batches.html", {"batches": batches, "form": form})


def _entry_form(request: HttpRequest, batch: CleanupBatch) -> EntryForm:
    documents = (
        NormativeDocument.objects.filter(jurisdiction_id=batch.jurisdiction_id, state=State.ISSUED)
        .exclude(pk__in=batch.entries.values("document_id"))
        .order_by("document_number")
    )
    return EntryForm(request.POST or None, documents=documents)


@login_required
@require_http_methods(["GET", "POST"])
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_visible_or_404(CleanupBatch, request.user, pk=pk)
    can = request.user.has_perm(PERM, batch) and batch.applied_on is None
    form = _entry_form(request, batch) if can else None
    if request.method == "POST":
        if form is None:
            raise Http404("该批次不能再修改")
        require(request.user, PERM, batch)
        if form.is_valid():
            data = form.cleaned_data
            try:
                cleanup.add_entry(
                    batch, data["document"], data["outcome"], reason=data["reason"], by=request.user
                )
            except TransitionError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, "已列入本批次")
                return redirect(batch)
    entries = batch.entries.select_related("document").order_by("id")
    return render(
        request,
        "normative_documents/batch.html",
        {"batch": batch, "entries": entries, "form": form, "today": timezone.localdate()},
    )


@login_required
@require_POST
def batch_apply(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_visible_or_404(CleanupBatch, request.user, pk=pk)
    require(request.user, PERM, batch)
    try:
        n = cleanup.apply_batch(batch, by=request.user)
    except TransitionError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已执行{n}件文件的清理结果")
    return redirect(batch)


def public_list(request: HttpRequest) -> HttpResponse:
    """现行有效规范性文件目录, for everyone: number, title, issuing body, dates, validity. No
    links into the ledger."""
    code = request.GET.get("j", "")
    jurisdiction = Jurisdiction.objects.filter(code=code).first() if code.isdigit() else None
    today = timezone.localdate()
    docs: Any = []
    if jurisdiction is not None:
        docs = (
            NormativeDocument.objects.filter(
                jurisdiction=jurisdiction,
                state=State.ISSUED,
                effective_on__lte=today,
                expires_on__gte=today,
            )
            .only(
                "document_number",
                "title",
                "issuing_body",
                "published_on",
                "effective_on",
                "expires_on",
            )
            .order_by("-published_on", "-id")
        )
    places = Jurisdiction.objects.filter(level=Level.COUNTY).order_by("code")
    return render(
        request,
        "normative_documents/public.html",
        {"jurisdiction": jurisdiction, "docs": docs, "today": today, "places": places},
    )


def urls() -> list[Any]:
    return [
        path("batches/", batch_list, name="batches"),
        path("batches/<int:pk>/", batch_detail, name="batch"),
        path("batches/<int:pk>/apply/", batch_apply, name="batch_apply"),
        path("public/", public_list, name="public"),
    ]
