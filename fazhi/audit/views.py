"""The full history page of any audited record, through the owner model's visibility rule."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from fazhi.audit.api import event_labels_for, history_entries, is_audited
from fazhi.org.access import get_visible_or_404


@login_required
def history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> HttpResponse:
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404("没有该类记录") from exc
    if not is_audited(model) or not hasattr(model._default_manager, "visible_to"):
        raise Http404("该类记录没有办理记录")
    obj = get_visible_or_404(model, request.user, pk=pk)
    entries = history_entries(obj, event_labels=event_labels_for(app_label))
    return render(
        request,
        "audit/history.html",
        {"obj": obj, "entries": entries, "model_label": model._meta.verbose_name},
    )
