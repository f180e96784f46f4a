"""The full history page of any audited record, through the owner model's visibility rule."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.module_loading import import_string

from fazhi.audit.api import history_entries, is_audited
from fazhi.org.access import get_visible_or_404


def _event_labels(app_label: str) -> dict[str, str]:
    """A ledger may name its events in `<app>.workflow.EVENT_LABELS`."""
    config = apps.get_app_config(app_label)
    try:
        return dict(import_string(f"{config.name}.workflow.EVENT_LABELS"))
    except ImportError:
        return {}


@login_required
def history(request: HttpRequest, app_label: str, model_name: str, pk: int) -> HttpResponse:
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404("没有该类记录") from exc
    if not is_audited(model) or not hasattr(model._default_manager, "visible_to"):
        raise Http404("该类记录没有办理记录")
    obj = get_visible_or_404(model, request.user, pk=pk)
    entries = history_entries(obj, event_labels=_event_labels(app_label))
    return render(
        request,
        "audit/history.html",
        {"obj": obj, "entries": entries, "model_label": model._meta.verbose_name},
    )
