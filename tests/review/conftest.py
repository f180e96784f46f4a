"""Fixtures for the review tests: seeds and gold from ../shared (skipped in a bare clone, required in CI:
see tests/shared_data.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import shared_data
from review_helpers import GOLD, SEEDS


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not GOLD.is_dir() or not list(SEEDS.glob("*.txt")):
        shared_data.missing(SEEDS)
    return SEEDS


@pytest.fixture(scope="session")
def gold(seeds_dir: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for p in sorted((seeds_dir / "gold").glob("*.json")):
        out[p.stem] = json.loads(p.read_text(encoding="utf-8"))
    if len(out) < 5:
        pytest.fail(f"标注文件不足 5 份：{sorted(out)}")
    return out
