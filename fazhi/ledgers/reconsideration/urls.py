from __future__ import annotations

from django.urls import path

from fazhi.ledgers.reconsideration import views

app_name = "reconsideration"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("new/", views.case_create, name="create"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/edit/", views.case_edit, name="edit"),
    path("<int:pk>/action/<slug:code>/", views.case_action, name="action"),
    path("<int:pk>/documents/<slug:code>.docx", views.case_document, name="document"),
]
