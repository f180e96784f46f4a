"""The indicator catalog (指标体系), read from the project's single copy `review/data/indicators.json`.

The kernel and `review/` read the same file, so an id means the same thing when the report is drafted
and when it is read back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CATALOG_PATH = Path(__file__).resolve().parents[2] / "review" / "data" / "indicators.json"

KIND_COUNT = "count"
KIND_RATE = "rate"
KIND_AMOUNT = "amount"
KIND_DURATION = "duration"


@dataclass(frozen=True)
class Indicator:
    id: str
    name_zh: str
    unit: str
    kind: str
    ledger: str
    definition: str
    unit_aliases: tuple[str, ...] = ()
    numerator: str | None = None
    denominators: tuple[str, ...] = ()  # the first is the default 口径

    @property
    def short_name(self) -> str:
        """纠错（直接纠错） → 纠错: the name without its parenthetical gloss, for 口径 text."""
        return self.name_zh.split("（", 1)[0]

    @property
    def is_rate(self) -> bool:
        return self.kind == KIND_RATE


@dataclass(frozen=True)
class Identity:
    """whole = sum(parts) [+ optional parts when the ledger provides them]."""

    id: str
    whole: str
    parts: tuple[str, ...]
    optional_parts: tuple[str, ...] = ()
    substitutes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (stand-in id, ids it stands for)
    note: str = ""


@dataclass(frozen=True)
class Catalog:
    version: int
    indicators: dict[str, Indicator]
    identities: tuple[Identity, ...]
    ledgers: dict[str, str]  # ledger id → 中文名

    def __contains__(self, indicator_id: object) -> bool:
        return indicator_id in self.indicators

    def __getitem__(self, indicator_id: str) -> Indicator:
        return self.indicators[indicator_id]

    def of_ledger(self, ledger: str) -> list[Indicator]:
        return [i for i in self.indicators.values() if i.ledger == ledger]


def _tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)  # type: ignore[attr-defined]


def load(path: Path | str = CATALOG_PATH) -> Catalog:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    indicators = {
        raw["id"]: Indicator(
            id=raw["id"],
            name_zh=raw["name_zh"],
            unit=raw["unit"],
            kind=raw["kind"],
            ledger=raw["ledger"],
            definition=raw.get("definition", ""),
            unit_aliases=_tuple(raw.get("unit_aliases")),
            numerator=raw.get("numerator"),
            denominators=_tuple(raw.get("denominator")),
        )
        for raw in data["indicators"]
    }
    identities = tuple(
        Identity(
            id=raw["id"],
            whole=raw["whole"],
            parts=_tuple(raw.get("parts")),
            optional_parts=_tuple(raw.get("optional_parts")),
            substitutes=tuple((k, _tuple(v)) for k, v in (raw.get("substitutes") or {}).items()),
            note=raw.get("note", ""),
        )
        for raw in data.get("identities", [])
    )
    ledgers = {raw["id"]: raw["name_zh"] for raw in data.get("ledgers", [])}
    return Catalog(
        version=int(data.get("version", 1)),
        indicators=indicators,
        identities=identities,
        ledgers=ledgers,
    )


@lru_cache(maxsize=1)
def get_catalog() -> Catalog:
    return load()
