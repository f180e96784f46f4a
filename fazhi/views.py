"""The home dashboard and the Chinese 404 page. Each panel comes from its own app."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from fazhi import dashboard


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {"panels": dashboard.panels(request)})


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)
