"""Sheet specs by key; each ledger's `importers.py` registers its own (autodiscovered).

A family of specs built on demand (one per saved column mapping of a platform's export) registers
a builder: `register_family("hotline", build)` serves the key "hotline__3" as `build("3")`."""

from __future__ import annotations

from collections.abc import Callable

from fazhi.imports.sheet import SheetSpec

_SPECS: dict[str, SheetSpec] = {}
_FAMILIES: dict[str, Callable[[str], SheetSpec | None]] = {}
SEPARATOR = "__"  # keys are URL slugs


def register(spec: SheetSpec) -> SheetSpec:
    _SPECS[spec.key] = spec
    return spec


def register_family(base: str, build: Callable[[str], SheetSpec | None]) -> None:
    """`build(arg)` returns the spec of key f"{base}__{arg}" (its `key` set so), or None."""
    _FAMILIES[base] = build


def get(key: str) -> SheetSpec | None:
    spec = _SPECS.get(key)
    if spec is None and SEPARATOR in key:
        base, _, arg = key.partition(SEPARATOR)
        build = _FAMILIES.get(base)
        spec = build(arg) if build is not None and arg else None
    return spec
