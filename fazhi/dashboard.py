"""Home-page panels. Apps register a function that returns a rendered panel (or None);
the kernel never names a ledger."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest

Panel = Callable[[HttpRequest], str | None]
_PANELS: list[tuple[int, Panel]] = []


def register(order: int) -> Callable[[Panel], Panel]:
    def deco(fn: Panel) -> Panel:
        _PANELS.append((order, fn))
        _PANELS.sort(key=lambda p: p[0])
        return fn

    return deco


def panels(request: HttpRequest) -> list[str]:
    out = []
    for _, fn in _PANELS:
        html = fn(request)
        if html:
            out.append(html)
    return out
