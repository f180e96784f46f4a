"""A rate is two counts, computed when read and never stored."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int

    @property
    def percent(self) -> Decimal | None:
        """Percentage rounded to two decimals; None when the denominator is zero."""
        if not self.denominator:
            return None
        value = Decimal(self.numerator) * 100 / Decimal(self.denominator)
        return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    def percent_text(self, places: int = 1) -> str:
        pct = self.percent
        if pct is None:
            return "—"
        q = Decimal(1).scaleb(-places) if places else Decimal(1)
        return f"{pct.quantize(q, rounding=ROUND_HALF_UP)}%"

    def __add__(self, other: Ratio) -> Ratio:
        # Roll-up: rates are recomputed from summed parts, never averaged.
        return Ratio(self.numerator + other.numerator, self.denominator + other.denominator)
