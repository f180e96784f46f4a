"""Paths shared by the review tests (seeds and gold live in ../shared, next to the repo)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SEEDS / "gold"
TEXTS = Path(__file__).resolve().parent / "texts"


def seed_path(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.fail(f"找不到种子报告 {SEEDS}/{prefix}_*.txt")
    return found[0]
