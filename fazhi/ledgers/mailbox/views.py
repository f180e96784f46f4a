"""The public page of published letters with their replies (no login; the writer is not named)."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from fazhi.ledgers.mailbox.models import MailboxLetter
from fazhi.org.models import Jurisdiction


def public_letters(request: HttpRequest) -> HttpResponse:
    qs = MailboxLetter.objects.filter(published_on__isnull=False, wants_public=True).select_related(
        "jurisdiction", "department"
    )
    code = request.GET.get("j", "")
    jurisdiction = Jurisdiction.objects.filter(code=code).first() if code else None
    if jurisdiction is not None:
        qs = qs.filter(jurisdiction=jurisdiction)
    page = Paginator(qs.order_by("-published_on", "-id"), 20).get_page(request.GET.get("page"))
    return render(request, "mailbox/public.html", {"page": page, "jurisdiction": jurisdiction})


def urls() -> list[Any]:
    return [path("public/", public_letters, name="public")]
