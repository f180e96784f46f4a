"""What a figure counts over: a set of jurisdictions and a half-open date range."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fazhi.org.models import Department, Jurisdiction


@dataclass(frozen=True)
class Scope:
    """Rows of these jurisdictions dated in [start, end). `end` is exclusive (style.md §4).
    `department_ids`, when given, narrows to rows placed with those departments (a department's
    own annual report); empty means every department."""

    jurisdiction_ids: frozenset[int]
    start: dt.date
    end: dt.date
    department_ids: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("统计期间的结束日期必须晚于开始日期")

    @classmethod
    def year(cls, jurisdiction: Jurisdiction, year: int, *, rollup: bool = True) -> Scope:
        """A jurisdiction-year. With `rollup` (the default) the rows of every jurisdiction below it
        count too: a city's figure is its own rows plus its counties' rows."""
        ids = (
            frozenset(jurisdiction.subtree().values_list("pk", flat=True))
            if rollup
            else frozenset({jurisdiction.pk})
        )
        return cls(ids, dt.date(year, 1, 1), dt.date(year + 1, 1, 1))

    @classmethod
    def own_year(cls, jurisdiction: Jurisdiction, year: int) -> Scope:
        """Only the jurisdiction's own rows, without those below it."""
        return cls.year(jurisdiction, year, rollup=False)

    @classmethod
    def department_year(cls, department: Department, year: int) -> Scope:
        """One department's rows of a year (in its jurisdiction)."""
        return cls(
            frozenset({department.jurisdiction_id}),
            dt.date(year, 1, 1),
            dt.date(year + 1, 1, 1),
            frozenset({department.pk}),
        )

    @property
    def last_day(self) -> dt.date:
        return self.end - dt.timedelta(days=1)

    @property
    def ids(self) -> list[int]:
        """Sorted, for `__in` lookups and stable SQL."""
        return sorted(self.jurisdiction_ids)
