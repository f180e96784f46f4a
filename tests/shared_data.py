"""Where the suite finds ../shared (seed reports, their gold annotations, the clock gold cases, the
indicator catalog), and what a test does when it is not there.

A fresh clone on its own has no ../shared: the tests that read it are skipped, and the run says so
in one line. CI lays ../shared beside the clone and sets FAZHI_REQUIRE_SHARED=1, so there a missing
folder fails those tests instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NoReturn

import pytest

SHARED = Path(
    os.environ.get("FAZHI_SHARED_DIR") or Path(__file__).resolve().parents[1].parent / "shared"
)
# Names a test function uses when it reads ../shared without a fixture (review_helpers, test_gold).
SHARED_NAMES = frozenset({"seed_path", "GOLD", "SEEDS", "SHARED", "CASES_FILE", "CASES"})
SHARED_FIXTURES = frozenset({"shared_dir", "seeds_dir"})
SKIP_REASON = "需要 ../shared（种子报告、标注、期限金标准、指标目录）"


def available() -> bool:
    return (SHARED / "spec").is_dir() and (SHARED / "seeds").is_dir()


def required() -> bool:
    return os.environ.get("FAZHI_REQUIRE_SHARED") == "1"


def missing(what: Path) -> NoReturn:
    """Stop a test that found a shared file missing: fail when required, otherwise skip."""
    if required():
        pytest.fail(f"找不到 {what}（FAZHI_REQUIRE_SHARED=1：../shared 必须在项目目录旁）")
    pytest.skip(SKIP_REASON)


def _reads_shared(func: object) -> bool:
    code = getattr(func, "__code__", None)
    return code is not None and bool(SHARED_NAMES & set(code.co_names))


def needs_shared(item: pytest.Item) -> bool:
    """Marked `shared`, asks for a shared fixture, or it or one of its fixtures names a path
    into ../shared."""
    if item.get_closest_marker("shared") is not None:
        return True
    if SHARED_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    if _reads_shared(getattr(item, "function", None)):
        return True
    info = getattr(item, "_fixtureinfo", None)
    defs = info.name2fixturedefs.values() if info is not None else ()
    return any(_reads_shared(d.func) for fixturedefs in defs for d in fixturedefs)


def summary_line(skipped: int) -> str:
    return (
        f"未找到 {SHARED}：跳过 {skipped} 个需要共享资料的测试"
        "（种子报告、标注、期限金标准、指标目录）；设置 FAZHI_REQUIRE_SHARED=1 时这些测试算失败"
    )
