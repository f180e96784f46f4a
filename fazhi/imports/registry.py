"""Sheet specs by key; each ledger's `importers.py` registers its own (autodiscovered)."""

from __future__ import annotations

from fazhi.imports.sheet import SheetSpec

_SPECS: dict[str, SheetSpec] = {}


def register(spec: SheetSpec) -> SheetSpec:
    _SPECS[spec.key] = spec
    return spec


def get(key: str) -> SheetSpec | None:
    return _SPECS.get(key)
