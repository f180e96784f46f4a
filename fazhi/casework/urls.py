"""URLs of every registered ledger: `/ledgers/<key>/…`, namespace `<key>` (e.g.
`reverse("litigation:detail", args=[pk])`), built from the registry when the URLconf loads."""

from __future__ import annotations

from typing import Any

from django.urls import include, path

from fazhi.casework import views
from fazhi.casework.registry import ledgers


def _patterns(key: str) -> list[Any]:
    kw = {"ledger": key}
    return [
        path("", views.case_list, kw, name="list"),
        path("new/", views.case_create, kw, name="create"),
        path("<int:pk>/", views.case_detail, kw, name="detail"),
        path("<int:pk>/edit/", views.case_edit, kw, name="edit"),
        path("<int:pk>/action/<slug:code>/", views.case_action, kw, name="action"),
        path("<int:pk>/documents/<slug:code>.docx", views.case_document, kw, name="document"),
    ]


def _extra(spec: Any) -> list[Any]:
    return list(spec.extra_urls()) if spec.extra_urls is not None else []


def urlpatterns_for_ledgers() -> list[Any]:
    return [
        path(
            f"{spec.key}/",
            include((_patterns(spec.key) + _extra(spec), spec.key), namespace=spec.key),
        )
        for spec in ledgers()
    ]
