"""Report sections: the paragraphs a ledger contributes to the annual report.

    register_section(ledger="reconsideration", part=1, order=30, title="（三）依法化解行政争议",
                     build=lambda scope: ["全年共收到行政复议申请{{fig:reconsideration.received}}件……"])

`part` is the statutory part (1–5, see `PARTS`); `build(scope) -> list[str]` returns paragraphs in
which every figure is a token `{{fig:<indicator id>}}` (the report freezes the value and keeps the
link). `title` becomes a level-2 heading; an empty title adds the paragraphs without one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from fazhi.indicators.scope import Scope

# The five contents of 《法治政府建设与责任落实督察工作规定》, in the order the report must give them.
PARTS: dict[int, str] = {
    1: "主要举措和成效",
    2: "存在的不足和原因",
    3: "党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的情况",
    4: "下一年度工作安排",
    5: "其他需要报告的事项",
}
PART_NUMERALS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五"}

TOKEN_RE = re.compile(r"\{\{\s*fig:([a-z0-9_]+\.[a-z0-9_]+)\s*\}\}")

BuildFn = Callable[[Scope], list[str]]


def token(indicator_id: str) -> str:
    return "{{fig:" + indicator_id + "}}"


@dataclass(frozen=True)
class Section:
    ledger: str
    part: int
    order: int
    title: str
    build: BuildFn


_SECTIONS: dict[tuple[str, int, str], Section] = {}


def register_section(*, ledger: str, part: int, order: int, title: str, build: BuildFn) -> Section:
    if part not in PARTS:
        raise ValueError(f"报告部分应为1至5，收到 {part}")
    section = Section(ledger=ledger, part=part, order=order, title=title, build=build)
    _SECTIONS[(ledger, part, title)] = section
    return section


def sections_for(part: int) -> list[Section]:
    return sorted(
        (s for s in _SECTIONS.values() if s.part == part),
        key=lambda s: (s.order, s.ledger, s.title),
    )


def clear_for_tests() -> dict[tuple[str, int, str], Section]:
    saved = dict(_SECTIONS)
    _SECTIONS.clear()
    return saved


def restore(saved: dict[tuple[str, int, str], Section]) -> None:
    _SECTIONS.clear()
    _SECTIONS.update(saved)


class replaced_sections:  # noqa: N801 - used as a context manager, like registry.replaced
    """Tests: run with exactly these sections registered, then restore the real ones."""

    def __init__(self, *sections: Section) -> None:
        self.sections = sections
        self.saved: dict[tuple[str, int, str], Section] = {}

    def __enter__(self) -> None:
        self.saved = clear_for_tests()
        for s in self.sections:
            _SECTIONS[(s.ledger, s.part, s.title)] = s

    def __exit__(self, *exc: object) -> None:
        restore(self.saved)
