"""Pages of the 行政复议 ledger: list, detail, create/edit, transitions (htmx), documents."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from django_tables2 import RequestConfig

from fazhi import clocks
from fazhi.audit import history_entries
from fazhi.clocks.spec import ClockError
from fazhi.imports.views import export_response
from fazhi.ledgers.reconsideration import documents, workflow
from fazhi.ledgers.reconsideration.filters import CaseFilter, indicator_filter
from fazhi.ledgers.reconsideration.forms import ActionForm, ApplicantFormSet, CaseForm
from fazhi.ledgers.reconsideration.importers import SPEC
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.tables import CaseTable
from fazhi.org.access import get_visible_or_404, require, visible

PER_PAGE = 30


def _listing(request: HttpRequest) -> tuple[Any, CaseFilter, str]:
    qs = visible(ReconsiderationCase, request.user)
    qs, caption = indicator_filter(qs, request.GET)
    f = CaseFilter(request.GET, queryset=qs, user=request.user)
    return f.qs, f, caption


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    qs, f, caption = _listing(request)
    if request.GET.get("export") == "xlsx":
        return export_response(
            SPEC,
            # The applicant columns read case.applicants four times a row: prefetch per chunk.
            qs.select_related("respondent_department")
            .prefetch_related("applicants")
            .order_by("received_on", "id")
            .iterator(chunk_size=2000),
        )
    table = CaseTable(qs.select_related("jurisdiction"))
    RequestConfig(request, paginate={"per_page": PER_PAGE}).configure(table)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    context = {
        "table": table,
        "filter": f,
        "caption": caption,
        "query": query.urlencode(),
        "can_create": request.user.has_perm("reconsideration.add_case"),
    }
    return render(request, "reconsideration/list.html", context)


def _jurisdiction_for_new(user: Any) -> Any:
    if user.jurisdiction is None:
        raise Http404("请先为您的账号指定所属区划")
    return user.jurisdiction


def _handling_department(user: Any) -> Any:
    """The 复议机构 of the user's jurisdiction (the department marked as 司法行政部门)."""
    if user.department is not None and user.department.is_legal_office:
        return user.department
    from fazhi.org.models import Department

    dept = Department.objects.filter(jurisdiction=user.jurisdiction, is_legal_office=True).first()
    if dept is None:
        raise Http404("本区划尚未设置司法行政部门（复议机构）")
    return dept


@login_required
@require_http_methods(["GET", "POST"])
def case_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("reconsideration.add_case"):
        raise Http404("无权登记行政复议案件")
    jurisdiction = _jurisdiction_for_new(request.user)
    case = ReconsiderationCase(
        jurisdiction=jurisdiction, handling_department=_handling_department(request.user)
    )
    form = CaseForm(request.POST or None, instance=case, jurisdiction=jurisdiction)
    formset = ApplicantFormSet(request.POST or None, instance=case, prefix="applicants")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        new = form.save(commit=False)
        applicants = [
            {k: v for k, v in fm.cleaned_data.items() if k not in ("DELETE", "id", "case")}
            for fm in formset.forms
            if fm.cleaned_data and not fm.cleaned_data.get("DELETE")
        ]
        try:
            workflow.receive(new, applicants=applicants, by=request.user)
        except (workflow.TransitionError, ClockError) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"已登记行政复议申请，案号 {new.case_number}")
            return redirect(new)
    return render(
        request, "reconsideration/form.html", {"form": form, "formset": formset, "case": None}
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_visible_or_404(ReconsiderationCase, request.user, pk=pk)
    require(request.user, "reconsideration.change_case", case)
    form = CaseForm(request.POST or None, instance=case, jurisdiction=case.jurisdiction)
    formset = ApplicantFormSet(request.POST or None, instance=case, prefix="applicants")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            case = form.save(commit=False)
            case._change_reason = "event:edited"  # type: ignore[attr-defined]
            formset.save()
            case.refresh_applicant_names()
            # Write only what the form changed: a transition committed since the page was read
            # (state, dates) must survive. The other columns are re-read under a row lock so the
            # history entry shows the row as it now is, not as the page saw it.
            fields = [*form.changed_data, "applicant_names"]
            others = [
                f.attname
                for f in ReconsiderationCase._meta.concrete_fields
                if not f.primary_key and f.name not in fields
            ]
            case.refresh_from_db(
                fields=others, from_queryset=ReconsiderationCase.objects.select_for_update()
            )
            case.save(update_fields=fields)
            workflow.start_application_period(case, by=request.user)
        messages.success(request, "已保存")
        return redirect(case)
    return render(
        request, "reconsideration/form.html", {"form": form, "formset": formset, "case": case}
    )


def _detail_context(request: HttpRequest, case: ReconsiderationCase) -> dict[str, Any]:
    return {
        "case": case,
        "applicants": list(case.applicants.all()),
        "clocks": clocks.clocks_for(case),
        "application_period": workflow.application_period(case),
        "actions": workflow.available(case, request.user),
        "documents": documents.available(case),
        "history": history_entries(case, event_labels=workflow.EVENT_LABELS),
        "can_edit": request.user.has_perm("reconsideration.change_case", case),
    }


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_visible_or_404(
        ReconsiderationCase.objects.select_related(
            "jurisdiction", "handler", "respondent_department"
        ),
        request.user,
        pk=pk,
    )
    return render(request, "reconsideration/detail.html", _detail_context(request, case))


@login_required
@require_http_methods(["GET", "POST"])
def case_action(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """GET: the action's small form (an htmx partial). POST: run the transition."""
    case = get_visible_or_404(ReconsiderationCase, request.user, pk=pk)
    action = workflow.ACTIONS.get(code)
    if action is None:
        raise Http404("没有该操作")
    require(request.user, action.perm, case)
    form = ActionForm(
        request.POST or None, action=action, initial=workflow.initial_for(case, action)
    )
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            action.fn(case, by=request.user, **form.kwargs())
        except (workflow.TransitionError, ClockError, PermissionDenied) as exc:
            error = str(exc)
        else:
            messages.success(request, f"已{action.label}")
            if request.htmx:
                response = HttpResponse(status=204)
                response["HX-Redirect"] = case.get_absolute_url()
                return response
            return redirect(case)
    template = (
        "reconsideration/_action_form.html" if request.htmx else "reconsideration/action.html"
    )
    status = 422 if error and not request.htmx else 200
    return render(
        request,
        template,
        {"case": case, "action": action, "form": form, "error": error},
        status=status,
    )


@login_required
def case_document(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    case = get_visible_or_404(
        ReconsiderationCase.objects.select_related("jurisdiction"), request.user, pk=pk
    )
    require(request.user, "reconsideration.change_case", case)
    doc = documents.DOCUMENTS.get(code)
    if doc is None or not doc.ready(case):
        raise Http404("该文书尚不能生成")
    data = doc.build(case)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    filename = f"{case.case_number}{doc.title}.docx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
