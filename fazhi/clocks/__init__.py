"""法定期限: statutory clocks. Ledgers declare `ClockSpec`s next to their models and call the
functions here; the engine (`fazhi.clocks.engine.compute`) is pure. The functions are imported
lazily so that importing `fazhi.clocks` never needs the app registry."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fazhi.clocks.spec import ClockError, ClockSpec, Unit

if TYPE_CHECKING:
    from fazhi.clocks.api import (
        clocks_for,
        due,
        extend,
        get,
        pause,
        recompute_open,
        reopen,
        restart,
        resume,
        start,
        start_many,
        stop,
    )

_API = {
    "start",
    "start_many",
    "restart",
    "reopen",
    "pause",
    "resume",
    "extend",
    "stop",
    "due",
    "get",
    "clocks_for",
    "recompute_open",
}

__all__ = [
    "ClockError",
    "ClockSpec",
    "Unit",
    "clocks_for",
    "due",
    "extend",
    "get",
    "pause",
    "recompute_open",
    "reopen",
    "restart",
    "resume",
    "start",
    "start_many",
    "stop",
]


def __getattr__(name: str) -> Any:
    if name in _API:
        from fazhi.clocks import api

        return getattr(api, name)
    raise AttributeError(f"module 'fazhi.clocks' has no attribute {name!r}")
