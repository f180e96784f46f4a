"""Personal data shown to those who do not handle the case: ID and phone numbers masked."""

from __future__ import annotations

from collections.abc import Callable


def mask_id(text: str) -> str:
    """110101199003071234 → 1101**********1234; a short number keeps only its last 2."""
    text = text.strip()
    if len(text) <= 4:
        return "*" * len(text)
    if len(text) < 10:
        return "*" * (len(text) - 2) + text[-2:]
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


def mask_phone(text: str) -> str:
    """13812345678 → 138****5678; other lengths keep their first 3 and last 2."""
    text = text.strip()
    if len(text) == 11:
        return text[:3] + "****" + text[-4:]
    if len(text) <= 5:
        return "*" * len(text)
    return text[:3] + "*" * (len(text) - 5) + text[-2:]


def mask_each(text: str, fn: Callable[[str], str], sep: str = "；") -> str:
    """Mask each value of a “；”-separated list (several applicants in one cell)."""
    return sep.join(fn(part) if part else part for part in text.split(sep))
