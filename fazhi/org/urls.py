from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

app_name = "org"


class PasswordChange(auth_views.PasswordChangeView):
    """Any signed-in user changes their own password (Django's validators, in Chinese); the
    session stays signed in, other sessions of the user are signed out."""

    template_name = "org/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        response = super().form_valid(form)
        messages.success(self.request, "密码已修改；您在其他电脑或浏览器上的登录已失效")
        return response


urlpatterns: list[Any] = [
    path("password/", PasswordChange.as_view(), name="password_change"),
]
