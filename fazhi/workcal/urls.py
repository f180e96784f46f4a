from __future__ import annotations

from django.urls import path

from fazhi.workcal import views

app_name = "workcal"
urlpatterns = [
    path("", views.years, name="years"),
    path("new/", views.edit, name="new"),
    path("<int:year>/edit/", views.edit, name="edit"),
    path("<int:year>/confirm/", views.confirm_year, name="confirm"),
    path("<int:year>/discard/", views.discard_year_edit, name="discard"),
]
