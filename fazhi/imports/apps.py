from __future__ import annotations

from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "fazhi.imports"
    label = "imports"
    verbose_name = "导入导出"
