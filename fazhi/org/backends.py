"""Sign-in backend: Django's ModelBackend, loading the signed-in user with the department and
jurisdiction every page's header names, so no page pays two more queries for them."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from fazhi.org.models import User


class UserBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            user = User._default_manager.select_related("department", "jurisdiction").get(
                pk=user_id
            )
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
