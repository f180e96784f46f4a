"""A 405 from `require_POST` and friends is an empty English response: it becomes the site's
Chinese page that says what to do instead (handler405 does not exist in Django)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class ChineseMethodNotAllowed:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            from fazhi.views import method_not_allowed

            page = method_not_allowed(request)
            if response.has_header("Allow"):
                page["Allow"] = response["Allow"]
            return page
        return response
