"""Paths shared by the review tests (seeds and gold live in ../shared, next to the repo)."""

from __future__ import annotations

from pathlib import Path

import shared_data

SHARED = shared_data.SHARED
SEEDS = SHARED / "seeds"
GOLD = SEEDS / "gold"
TEXTS = Path(__file__).resolve().parent / "texts"


def seed_path(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        shared_data.missing(SEEDS / f"{prefix}_*.txt")
    return found[0]


DEV = SHARED / "review-dev"


def dev_gold_dir() -> Path:
    """../shared/review-dev/gold; skip (one line) when absent, fail under FAZHI_REQUIRE_SHARED=1."""
    gold = DEV / "gold"
    if gold.is_dir() and list(DEV.glob("*.txt")):
        return gold
    shared_data.missing(gold)
