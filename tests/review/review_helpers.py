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
