"""A rate is two counts, computed when read and never stored."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int

    def _percent(self, places: int) -> Decimal | None:
        # Round the exact quotient once: rounding an already rounded value moves 12.345 → 12.35
        # → 12.4 instead of 12.3.
        if not self.denominator:
            return None
        value = Decimal(self.numerator) * 100 / Decimal(self.denominator)
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)

    @property
    def percent(self) -> Decimal | None:
        """Percentage rounded to two decimals; None when the denominator is zero."""
        return self._percent(2)

    def percent_text(self, places: int = 1) -> str:
        pct = self._percent(places)
        return "—" if pct is None else f"{pct}%"

    def __add__(self, other: Ratio) -> Ratio:
        # Roll-up: rates are recomputed from summed parts, never averaged.
        return Ratio(self.numerator + other.numerator, self.denominator + other.denominator)
