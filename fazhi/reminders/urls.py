from __future__ import annotations

from django.urls import path

from fazhi.reminders import views

app_name = "reminders"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("read/", views.mark_read, name="read"),
    path("log/", views.log, name="log"),
]
