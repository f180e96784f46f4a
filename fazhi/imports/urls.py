from __future__ import annotations

from django.urls import path

from fazhi.imports import views

app_name = "imports"
urlpatterns = [
    path("<slug:key>/template.xlsx", views.template, name="template"),
    path("<slug:key>/", views.upload, name="upload"),
    path("<slug:key>/job/<int:pk>/", views.job_page, name="job"),
]
