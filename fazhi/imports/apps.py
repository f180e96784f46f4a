"""导入导出: Excel templates, all-or-nothing imports with per-row errors, exports."""

from __future__ import annotations

from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "fazhi.imports"
    label = "imports"
    verbose_name = "导入导出"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("importers")
