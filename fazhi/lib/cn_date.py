"""The one place where a date becomes Chinese text shown to a user."""

from __future__ import annotations

import datetime as dt

WEEKDAYS = "一二三四五六日"


def cn_date(d: dt.date | None, *, weekday: bool = False) -> str:
    """2024-03-01 → "2024年3月1日"; None → "—"."""
    if d is None:
        return "—"
    if isinstance(d, dt.datetime):
        d = d.date()
    text = f"{d.year}年{d.month}月{d.day}日"
    if weekday:
        text += f"（周{WEEKDAYS[d.weekday()]}）"
    return text


def cn_datetime(t: dt.datetime | None) -> str:
    """A moment, already in local time: "2025年3月3日15时20分" (clocks counted in hours);
    None → "—"."""
    if t is None:
        return "—"
    return f"{cn_date(t.date())}{t.hour}时{t.minute:02d}分"


def cn_date_short(d: dt.date) -> str:
    """Month and day only, for explanations inside one year: "10月8日"."""
    return f"{d.month}月{d.day}日"
