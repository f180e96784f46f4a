from __future__ import annotations

from django.urls import path

from fazhi.audit import views

app_name = "audit"
urlpatterns = [
    path("<slug:app_label>/<slug:model_name>/<int:pk>/", views.history, name="history"),
]
