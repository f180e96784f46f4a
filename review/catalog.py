"""The indicator catalog (指标体系): the project's copy of spec/indicators.json."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

CATALOG_PATH = Path(__file__).resolve().parent / "data" / "indicators.json"


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
    denominators: tuple[str, ...] = ()

    @property
    def units(self) -> tuple[str, ...]:
        return (self.unit, *self.unit_aliases)

    @property
    def short_name(self) -> str:
        """纠错（直接纠错） → 纠错: the name without its parenthetical gloss, for 口径 text."""
        return self.name_zh.split("（", 1)[0]

    @property
    def is_rate(self) -> bool:
        return self.kind == "rate"


@dataclass(frozen=True)
class Identity:
    id: str
    whole: str
    parts: tuple[str, ...]
    optional_parts: tuple[str, ...] = ()
    substitutes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Catalog:
    indicators: dict[str, Indicator]
    identities: tuple[Identity, ...]
    ledgers: dict[str, str] = field(default_factory=dict)  # ledger id → 中文名
    version: int = 1

    def __contains__(self, indicator_id: object) -> bool:
        return indicator_id in self.indicators

    def __getitem__(self, indicator_id: str) -> Indicator:
        return self.indicators[indicator_id]


def _as_tuple(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


def _substitutes(raw: object) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out: list[tuple[str, tuple[str, ...]]] = []
    if isinstance(raw, dict):
        for key, val in raw.items():
            out.append((str(key), _as_tuple(val)))
    elif isinstance(raw, list):
        for item in raw:
            if isinstance(item, dict):
                name = item.get("indicator") or item.get("id") or item.get("substitute")
                stands = item.get("for") or item.get("parts") or item.get("stands_for")
                if name:
                    out.append((str(name), _as_tuple(stands)))
    return tuple(out)


@lru_cache(maxsize=4)
def load_catalog(path: str | None = None) -> Catalog:
    """Load the catalog; the default is review/data/indicators.json."""
    data = json.loads(Path(path or CATALOG_PATH).read_text(encoding="utf-8"))
    indicators: dict[str, Indicator] = {}
    for raw in data["indicators"]:
        indicators[raw["id"]] = Indicator(
            id=raw["id"],
            name_zh=raw["name_zh"],
            unit=raw["unit"],
            kind=raw["kind"],
            ledger=raw["ledger"],
            definition=raw.get("definition", ""),
            unit_aliases=_as_tuple(raw.get("unit_aliases")),
            numerator=raw.get("numerator"),
            denominators=_as_tuple(raw.get("denominator")),
        )
    identities = tuple(
        Identity(
            id=raw["id"],
            whole=raw["whole"],
            parts=_as_tuple(raw.get("parts")),
            optional_parts=_as_tuple(raw.get("optional_parts")),
            substitutes=_substitutes(raw.get("substitutes") or raw.get("substitute")),
            note=raw.get("note", ""),
        )
        for raw in data.get("identities", [])
    )
    ledgers = {raw["id"]: raw["name_zh"] for raw in data.get("ledgers", [])}
    return Catalog(
        indicators=indicators,
        identities=identities,
        ledgers=ledgers,
        version=int(data.get("version", 1)),
    )
