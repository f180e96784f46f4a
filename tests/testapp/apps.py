from __future__ import annotations

from django.apps import AppConfig


class TestappConfig(AppConfig):
    name = "tests.testapp"
    label = "testapp"
    verbose_name = "测试台账"
    default_auto_field = "django.db.models.BigAutoField"
