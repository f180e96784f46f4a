"""The pages every ledger has, served from its LedgerSpec: list (filters, search, sort,
pagination, export, empty state), detail (facts, clocks with explanations, documents, actions,
history), create/edit, the transition forms (htmx partials) and the 文书 downloads."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any
from urllib.parse import quote

import django_tables2 as tables
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods
from django_htmx.middleware import HtmxDetails
from django_tables2 import RequestConfig

from fazhi import clocks
from fazhi.audit import history_entries
from fazhi.casework.due import late_clock_labels
from fazhi.casework.filters import indicator_filter
from fazhi.casework.forms import BaseActionForm
from fazhi.casework.registry import LedgerSpec, family, get
from fazhi.casework.transitions import TransitionError, available
from fazhi.clocks.spec import ClockError
from fazhi.imports.views import export_response
from fazhi.indicators import registry as indicator_registry
from fazhi.lib.mask import mask_each
from fazhi.org.access import get_visible_or_404, require, visible

personal_log = logging.getLogger("fazhi.personal_data")
PER_PAGE = 30


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails  # set by django-htmx's middleware


MAX_PER_PAGE = 200  # ?per_page= beyond this (or below 1) falls back to PER_PAGE


def _spec(ledger: str) -> LedgerSpec:
    spec = get(ledger)
    if spec is None:
        raise Http404("没有该台账")
    return spec


def per_page(request: HttpRequest) -> int:
    raw = request.GET.get("per_page", "")
    if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= MAX_PER_PAGE:
        return int(raw)
    return PER_PAGE


def paginate(table: Any, request: HttpRequest) -> None:
    """django-tables2's own paging trusts `?per_page=` (−1 is a 500, a million rows 22 s): the
    page size is bounded here and a page past the end shows the last one."""
    raw = request.GET.get("page", "")
    page = int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else 1
    try:
        table.paginate(page=page, per_page=per_page(request))
    except (PageNotAnInteger, EmptyPage):
        table.paginate(page=table.paginator.num_pages or 1, per_page=per_page(request))


def export_sheet(spec: LedgerSpec, request: HttpRequest) -> Any:
    """The ledger's sheet for an export by this user: personal columns masked for those who do
    not handle the ledger's rows (the city viewer, a respondent department); an unmasked export
    of personal data is logged with who, what and how filtered."""
    if not spec.personal_columns:
        return spec.sheet
    if request.user.has_perm(spec.perm_add):
        personal_log.info(
            "导出个人信息 user=%s ledger=%s query=%s",
            request.user.get_username(),
            spec.key,
            request.GET.urlencode(),
        )
        return spec.sheet
    columns = [
        dataclasses.replace(c, getter=_masked(c, spec.personal_columns[c.key]))
        if c.key in spec.personal_columns
        else c
        for c in spec.sheet.columns
    ]
    return dataclasses.replace(spec.sheet, columns=columns)


def _masked(column: Any, mask: Any) -> Any:
    def getter(obj: Any) -> str:
        value = column.getter(obj) if column.getter else getattr(obj, column.key)
        return mask_each(str(value or ""), mask)

    return getter


def _listing(request: HttpRequest, spec: LedgerSpec) -> tuple[Any, Any, str]:
    qs = visible(spec.model, request.user)
    # A ledger whose key is not a catalog ledger (a register of one) drills down through its own.
    reg = indicator_registry.get(spec.key) or spec.figures
    if reg is not None:
        qs, caption = indicator_filter(qs, request.GET, reg.rows)
    else:
        caption = ""
    f = spec.filterset(request.GET, queryset=qs, user=request.user)
    return f.qs, f, caption


@login_required
def case_list(request: HttpRequest, ledger: str) -> HttpResponse:
    spec = _spec(ledger)
    qs, f, caption = _listing(request, spec)
    if request.GET.get("export") == "xlsx" and spec.sheet is not None:
        rows = spec.export_rows(qs) if spec.export_rows else qs.iterator(chunk_size=2000)
        return export_response(export_sheet(spec, request), rows)
    if f.several:  # the city viewer: which county each row is from
        table = spec.table(
            qs.select_related("jurisdiction", *spec.list_related),
            extra_columns=[("jurisdiction", tables.Column("区划", accessor="jurisdiction__name"))],
            sequence=("jurisdiction", "..."),
        )
    else:
        table = spec.table(qs.select_related(*spec.list_related))
    RequestConfig(request, paginate=False).configure(table)  # ordering from the query string
    paginate(table, request)
    table.late_clocks = late_clock_labels(spec.model, [r.record.pk for r in table.page.object_list])
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    context = {
        "spec": spec,
        "table": table,
        "filter": f,
        "caption": caption,
        "query": query.urlencode(),
        "can_create": request.user.has_perm(spec.perm_add),
        "summary": spec.list_summary(request, qs) if spec.list_summary else "",
        "family": family(spec),
    }
    return render(request, "casework/list.html", context)


def _formset(spec: LedgerSpec, request: HttpRequest, obj: Any) -> Any:
    if spec.formset is None:
        return None
    return spec.formset(request.POST or None, instance=obj, prefix=spec.formset_prefix)


def _child_rows(formset: Any) -> list[dict[str, Any]]:
    if formset is None:
        return []
    return [
        {k: v for k, v in fm.cleaned_data.items() if k not in ("DELETE", "id", formset.fk.name)}
        for fm in formset.forms
        if fm.cleaned_data and not fm.cleaned_data.get("DELETE")
    ]


def _form_page(
    request: HttpRequest, spec: LedgerSpec, form: Any, formset: Any, obj: Any
) -> HttpResponse:
    return render(
        request,
        "casework/form.html",
        {"spec": spec, "form": form, "formset": formset, "case": obj},
    )


@login_required
@require_http_methods(["GET", "POST"])
def case_create(request: HttpRequest, ledger: str) -> HttpResponse:
    spec = _spec(ledger)
    if not request.user.has_perm(spec.perm_add):
        raise Http404(f"无权登记{spec.noun}")
    obj = spec.new_instance(request.user)
    form = spec.form(request.POST or None, instance=obj, jurisdiction=obj.jurisdiction)
    formset = _formset(spec, request, obj)
    if request.method == "POST" and form.is_valid() and (formset is None or formset.is_valid()):
        new = form.save(commit=False)
        try:
            spec.receive(new, children=_child_rows(formset), by=request.user)
        except (TransitionError, ClockError) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"已登记{spec.noun}，案号 {new.case_number}")
            if spec.quick_entry and "save_next" in request.POST:
                return redirect(f"{spec.key}:create")
            return redirect(new)
    return _form_page(request, spec, form, formset, None)


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, ledger: str, pk: int) -> HttpResponse:
    spec = _spec(ledger)
    obj = get_visible_or_404(spec.model, request.user, pk=pk)
    require(request.user, spec.perm_change, obj)
    form = spec.form(request.POST or None, instance=obj, jurisdiction=obj.jurisdiction)
    formset = _formset(spec, request, obj)
    if request.method == "POST" and form.is_valid() and (formset is None or formset.is_valid()):
        with transaction.atomic():
            obj = form.save(commit=False)
            obj._change_reason = "event:edited"
            fields = list(form.changed_data)
            if formset is not None:
                formset.save()
                fields += list(getattr(obj, "derived_on_edit", lambda: [])())
            if "case_number" in fields:
                obj.case_year, obj.case_serial = _number_parts(spec, obj)
                fields += ["case_year", "case_serial"]
            # Write only what the form changed: a transition committed since the page was read
            # (state, dates) must survive. The other columns are re-read under a row lock so the
            # history entry shows the row as it now is, not as the page saw it.
            others = [
                f.attname
                for f in spec.model._meta.concrete_fields
                if not f.primary_key and f.name not in fields
            ]
            obj.refresh_from_db(
                fields=others, from_queryset=spec.model._default_manager.select_for_update()
            )
            if fields:  # an unchanged form writes nothing (a bare save() would write every column)
                obj.save(update_fields=fields)
            if spec.after_edit is not None:
                spec.after_edit(obj, request.user)
        messages.success(request, "已保存" if fields else "没有修改")
        return redirect(obj)
    return _form_page(request, spec, form, formset, obj)


def _number_parts(spec: LedgerSpec, obj: Any) -> tuple[int, int | None]:
    parsed = spec.numbering.parse(obj.case_number)
    return parsed if parsed else (obj.case_year, None)


@login_required
def case_detail(request: HttpRequest, ledger: str, pk: int) -> HttpResponse:
    spec = _spec(ledger)
    obj = get_visible_or_404(
        spec.model._default_manager.select_related(*spec.list_related), request.user, pk=pk
    )
    context = {
        "spec": spec,
        "case": obj,
        "clocks": clocks.clocks_for(obj),
        "actions": available(spec.transitions, obj, request.user),
        "documents": [d for d in spec.documents if d.ready(obj)],
        "history": history_entries(obj, event_labels=spec.event_labels),
        "can_edit": request.user.has_perm(spec.perm_change, obj),
        "due_text": spec.due_cache.text(obj) if spec.due_cache else "",
        "model_name": spec.model._meta.model_name,
        "app_label": spec.model._meta.app_label,  # not the key: registers share an app
        "is_closed": getattr(obj, "state", None) not in spec.open_states,
        "badges": [],
    }
    if spec.detail_context is not None:
        context.update(spec.detail_context(request, obj))
    return render(request, "casework/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def case_action(request: HtmxHttpRequest, ledger: str, pk: int, code: str) -> HttpResponse:
    """GET: the transition's small form (an htmx partial). POST: run it."""
    spec = _spec(ledger)
    obj = get_visible_or_404(spec.model, request.user, pk=pk)
    t = spec.transition_map.get(code)
    if t is None or t.system:
        raise Http404("没有该操作")
    require(request.user, t.full_perm(obj), obj)
    initial = spec.initial_for(obj, t) if spec.initial_for else {}
    form = BaseActionForm(
        request.POST or None, transition=t, extra_fields=spec.action_fields, initial=initial
    )
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            t(obj, by=request.user, **form.kwargs())
        except (TransitionError, ClockError, PermissionDenied) as exc:
            error = str(exc)
        else:
            messages.success(request, f"已{t.label}")
            if request.htmx:
                response = HttpResponse(status=204)
                response["HX-Redirect"] = obj.get_absolute_url()
                return response
            return redirect(obj)
    template = "casework/_action_form.html" if request.htmx else "casework/action.html"
    status = 422 if error and not request.htmx else 200
    return render(
        request,
        template,
        {"spec": spec, "case": obj, "action": t, "form": form, "error": error},
        status=status,
    )


@login_required
def case_document(request: HttpRequest, ledger: str, pk: int, code: str) -> HttpResponse:
    spec = _spec(ledger)
    obj = get_visible_or_404(
        spec.model._default_manager.select_related("jurisdiction"), request.user, pk=pk
    )
    require(request.user, spec.perm_change, obj)
    doc = spec.document_map.get(code)
    if doc is None or not doc.ready(obj):
        raise Http404("该文书尚不能生成")
    response = HttpResponse(
        doc.build(obj),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    filename = f"{obj.case_number}{doc.title}.docx"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response
