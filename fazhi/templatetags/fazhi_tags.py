"""Template filters available in every template (registered as builtins in settings)."""

from __future__ import annotations

import datetime as dt

from django import template

from fazhi.lib.cn_date import cn_date as _cn_date
from fazhi.lib.money import fen_to_yuan_text

register = template.Library()


@register.filter(name="cn_date")
def cn_date_filter(value: dt.date | None) -> str:
    return _cn_date(value)


@register.filter(name="yuan")
def yuan_filter(value: int | None) -> str:
    return fen_to_yuan_text(value)


@register.inclusion_tag("casework/_nav.html")
def ledger_nav() -> dict[str, object]:
    """The nav entries of every registered ledger (`fazhi.casework.registry`)."""
    from fazhi.casework.registry import ledgers

    return {"ledgers": [s for s in ledgers() if not s.nav_parent]}
