"""The indicator catalog (指标体系), read from the project's single copy `review/data/indicators.json`.

The loader is `review.catalog` (pure Python), so an id means the same thing when the report is
drafted here and when `review` reads it back; this module only names it for the kernel.
"""

from __future__ import annotations

from review.catalog import CATALOG_PATH, Catalog, Identity, Indicator, load_catalog

__all__ = ["CATALOG_PATH", "KIND_RATE", "Catalog", "Identity", "Indicator", "get_catalog"]

KIND_RATE = "rate"


def get_catalog() -> Catalog:
    return load_catalog()
