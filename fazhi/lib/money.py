"""Money is an integer count of 分. Parsing refuses rather than rounds."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation


class MoneyError(ValueError):
    """Raised with a Chinese message when an amount cannot be read exactly."""


def parse_yuan_to_fen(text: str | int | float | Decimal) -> int:
    """ "1234.5" (元) → 123450 (分). More than two decimals is an error, never rounded."""
    raw = str(text).strip().replace(",", "").replace("，", "")
    if raw.endswith("元"):
        raw = raw[:-1]
    try:
        fen = Decimal(raw) * 100
    except InvalidOperation as exc:
        raise MoneyError(f"金额“{text}”不是数字") from exc
    if fen != fen.to_integral_value():
        raise MoneyError("金额小数超过两位")
    return int(fen)


def fen_to_yuan_text(fen: int | None) -> str:
    if fen is None:
        return "—"
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{cents:02d}元"
