from __future__ import annotations

from django.urls import path

from fazhi.filing import views

app_name = "filing"
urlpatterns = [
    path("", views.round_list, name="list"),
    path("new/", views.round_new, name="new"),
    path("values/", views.values, name="values"),
    path("<int:pk>/", views.round_detail, name="round"),
    path("<int:pk>/close/", views.close, name="close"),
    path("unit/<int:pk>/", views.unit_page, name="unit"),
    path("unit/<int:pk>/reopen/", views.reopen, name="reopen"),
    path("value/<int:pk>/evidence/", views.evidence, name="evidence"),
    path("value/<int:pk>/<str:action>/", views.value_action, name="value_action"),
]
