"""My reminders (the bell), and for the coordinating office who was reminded of what."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.org.models import Role
from fazhi.reminders.models import Reminder

PAGE = 50
LOG_ROLES = (Role.COORDINATOR, Role.ADMIN)


def unread(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the bell's count (one indexed COUNT per page)."""
    user: Any = request.user
    if not getattr(user, "is_authenticated", False):
        return {}
    return {"unread_reminders": Reminder.objects.filter(user=user, read_at=None).count()}


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    qs = Reminder.objects.filter(user=user).order_by("-day", "read_at", "kind", "pk")
    page = Paginator(qs, PAGE).get_page(request.GET.get("page"))
    return render(request, "reminders/mine.html", {"page": page})


@login_required
@require_POST
def mark_read(request: HttpRequest) -> HttpResponse:
    user: Any = request.user
    for r in Reminder.objects.filter(user=user, read_at=None):
        r.read_at = timezone.now()
        r.save(update_fields=["read_at"])
    return redirect("reminders:mine")


@login_required
def log(request: HttpRequest) -> HttpResponse:
    """Who was reminded of what, in the office's jurisdiction (and below), by day."""
    user: Any = request.user
    if not (user.is_superuser or user.role in LOG_ROLES):
        raise Http404("未找到该页面或记录")
    qs = Reminder.objects.select_related("user", "user__department").order_by(
        "-day", "user__username"
    )
    if not user.is_superuser:
        qs = qs.filter(user__jurisdiction_id=user.jurisdiction_id)
    raw = request.GET.get("day", "")
    day: dt.date | None = None
    error = ""
    if raw:
        try:
            day = dt.date.fromisoformat(raw)
            qs = qs.filter(day=day)
        except ValueError:
            error = "日期格式不正确，请按 2026-12-07 的格式填写"
            qs = qs.none()
    who = request.GET.get("who", "").strip()
    if who:
        qs = qs.filter(Q(user__username__contains=who) | Q(user__full_name__contains=who))
    page = Paginator(qs, PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "reminders/log.html",
        {"page": page, "day": raw, "who": who, "error": error},
    )
