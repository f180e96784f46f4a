"""指标: the catalog, the ledgers' registrations, 口径 versions and roll-up over the 行政区划 tree."""

from __future__ import annotations

from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "fazhi.indicators"
    label = "indicators"
    verbose_name = "指标"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        # Each ledger's indicators.py registers counts and report sections (like admin.py).
        autodiscover_modules("indicators")
