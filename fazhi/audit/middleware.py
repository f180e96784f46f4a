"""Unexpected errors reach a Chinese 500 page with a reference number that is also logged."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("fazhi.errors")


class ErrorReferenceMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        from django.conf import settings

        if settings.DEBUG or isinstance(exception, Http404 | PermissionDenied):
            return None  # Django's own handlers give the 404/403 pages
        ref = uuid.uuid4().hex[:10].upper()
        logger.exception("未处理的错误 ref=%s path=%s", ref, request.path)
        html = render_to_string("500.html", {"ref": ref})
        return HttpResponse(html, status=500)
