"""The indicator catalog (指标体系), read from the project's single copy `review/data/indicators.json`.

The loader is `review.catalog` (pure Python), so an id means the same thing when the report is
drafted here and when `review` reads it back; this module only names it for the kernel.
"""

from __future__ import annotations

from pathlib import Path

from review.catalog import CATALOG_PATH, Catalog, Identity, Indicator, load_catalog

__all__ = [
    "CATALOG_PATH",
    "KIND_AMOUNT",
    "KIND_COUNT",
    "KIND_DURATION",
    "KIND_RATE",
    "Catalog",
    "Identity",
    "Indicator",
    "get_catalog",
    "load",
]

KIND_COUNT = "count"
KIND_RATE = "rate"
KIND_AMOUNT = "amount"
KIND_DURATION = "duration"


def load(path: Path | str = CATALOG_PATH) -> Catalog:
    return load_catalog(str(path))


def get_catalog() -> Catalog:
    return load_catalog()
