"""Fixtures for the review tests: seeds and gold from ../shared (fail, never skip)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from review_helpers import GOLD, SEEDS


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not GOLD.is_dir() or not list(SEEDS.glob("*.txt")):
        pytest.fail(f"找不到种子报告或标注：{SEEDS}（应在项目目录旁的 ../shared/seeds）")
    return SEEDS


@pytest.fixture(scope="session")
def gold(seeds_dir: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for p in sorted((seeds_dir / "gold").glob("*.json")):
        out[p.stem] = json.loads(p.read_text(encoding="utf-8"))
    if len(out) < 5:
        pytest.fail(f"标注文件不足 5 份：{sorted(out)}")
    return out
