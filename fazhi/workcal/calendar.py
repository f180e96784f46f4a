"""Working days, fast: the confirmed calendar is loaded once per process into flat arrays.

* `work[i]` is 1 when day `base + i` (proleptic ordinal) is a working day;
* `prefix[i]` counts the working days in `[base, base + i)`;
* `workdays[k]` is the ordinal of the k-th working day of the covered range.

So `add_working_days(d, n)` is `workdays[prefix[d + 1 - base] + n - 1]`: O(1), no loop.

Freshness: every calendar edit changes `CalendarState.token` in the database (signals in
`fazhi.workcal.signals`), and the editing process drops its copy at once. Other processes
compare the token at the start of each request (Django's `request_started` signal calls
`expire()`), and outside requests (commands, task workers) at most every `RECHECK_SECONDS`.
The check is one tiny query, and the arrays are rebuilt only when the token differs.

A date in a year without a confirmed `CalendarYear` raises `CalendarUnconfirmed`; there is no
weekday-only fallback.
"""

from __future__ import annotations

import datetime as dt
import time
from array import array
from dataclasses import dataclass, field

RECHECK_SECONDS = 5.0


class CalendarUnconfirmed(Exception):  # noqa: N818 - name fixed by the kernel contract
    """A needed date lies in a year whose holiday schedule is not confirmed."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__(f"{year}年日历未确认")

    @property
    def message(self) -> str:
        return f"{self.year}年日历未确认"


@dataclass(frozen=True)
class Snapshot:
    token: str
    base: int  # ordinal of 1 January of the first confirmed year (0 when none)
    limit: int  # ordinal one past 31 December of the last confirmed year
    work: bytes
    prefix: array  # type: ignore[type-arg]
    workdays: array  # type: ignore[type-arg]
    gaps: tuple[int, ...]  # unconfirmed years between the first and the last confirmed one
    confirmed: frozenset[int]
    exceptions: dict[int, tuple[str, str]] = field(default_factory=dict)  # ordinal -> (kind, name)

    @property
    def last_year(self) -> int:
        return dt.date.fromordinal(self.limit - 1).year if self.limit else 0

    def year_error(self, ordinal: int) -> CalendarUnconfirmed:
        if ordinal < self.base or not self.limit:
            return CalendarUnconfirmed(dt.date.fromordinal(max(ordinal, 1)).year)
        if ordinal >= self.limit:
            return CalendarUnconfirmed(self.last_year + 1)
        return CalendarUnconfirmed(dt.date.fromordinal(ordinal).year)

    def check_gaps(self, first: int, last: int) -> None:
        """Raise if a gap year lies within the ordinals [first, last]."""
        if self.gaps:
            y0, y1 = dt.date.fromordinal(first).year, dt.date.fromordinal(last).year
            for g in self.gaps:
                if y0 <= g <= y1:
                    raise CalendarUnconfirmed(g)


def build(token: str, confirmed_years: set[int], rows: list[tuple[dt.date, str, str]]) -> Snapshot:
    """Build a snapshot from confirmed years and their exception rows (date, kind, name)."""
    if not confirmed_years:
        return Snapshot(token, 0, 0, b"", array("i", [0]), array("i"), (), frozenset())
    first, last = min(confirmed_years), max(confirmed_years)
    base = dt.date(first, 1, 1).toordinal()
    limit = dt.date(last, 12, 31).toordinal() + 1
    gaps = tuple(y for y in range(first, last + 1) if y not in confirmed_years)
    exceptions = {
        d.toordinal(): (kind, name) for d, kind, name in rows if base <= d.toordinal() < limit
    }
    work = bytearray(limit - base)
    for o in range(base, limit):
        exc = exceptions.get(o)
        if exc is not None:
            work[o - base] = exc[0] == "workday"
        else:
            work[o - base] = (o % 7) not in (0, 6)  # ordinal % 7: 0 = Sunday, 6 = Saturday
    for g in gaps:
        for o in range(dt.date(g, 1, 1).toordinal(), dt.date(g, 12, 31).toordinal() + 1):
            work[o - base] = 0
    prefix = array("i", [0]) * (len(work) + 1)
    workdays = array("i")
    count = 0
    for i, w in enumerate(work):
        prefix[i] = count
        if w:
            workdays.append(base + i)
            count += 1
    prefix[len(work)] = count
    return Snapshot(
        token,
        base,
        limit,
        bytes(work),
        prefix,
        workdays,
        gaps,
        frozenset(confirmed_years),
        exceptions,
    )


_snap: Snapshot | None = None
_checked_at = 0.0
_monotonic = time.monotonic


def _db_token() -> str:
    from fazhi.workcal.models import CalendarState

    return CalendarState.objects.filter(pk=1).values_list("token", flat=True).first() or ""


def _load(token: str) -> Snapshot:
    from fazhi.workcal.models import CalendarDay, CalendarYear

    years = set(CalendarYear.objects.filter(confirmed=True).values_list("year", flat=True))
    rows = list(
        CalendarDay.objects.filter(calendar_year__confirmed=True).values_list(
            "date", "kind", "name"
        )
    )
    return build(token, years, rows)


def _refresh() -> Snapshot:
    global _snap, _checked_at
    token = _db_token()
    snap = _snap
    if snap is None or snap.token != token or not token:
        snap = _load(token)
        _snap = snap
    _checked_at = _monotonic()
    return snap


def current() -> Snapshot:
    """The loaded calendar, rechecked against the database token when due."""
    snap = _snap
    if snap is None or _monotonic() - _checked_at > RECHECK_SECONDS:
        snap = _refresh()
    return snap


def expire(**_: object) -> None:
    """Make the next call recheck the database token (start of every request; end of a test)."""
    global _checked_at
    _checked_at = 0.0


def invalidate() -> None:
    """Drop the loaded copy (this process just changed the calendar)."""
    global _snap, _checked_at
    _snap = None
    _checked_at = 0.0


def use(snapshot: Snapshot | None) -> None:
    """Pin a snapshot (tests and benchmarks); `invalidate()` undoes it."""
    global _snap, _checked_at
    _snap = snapshot
    _checked_at = float("inf") if snapshot is not None else 0.0


def calendar_version() -> str:
    """Token of the calendar the functions below use; stored with every computed due date."""
    return current().token


def is_workday(d: dt.date) -> bool:
    s = _snap
    if s is None or _monotonic() - _checked_at > RECHECK_SECONDS:
        s = _refresh()
    o = d.toordinal()
    if not s.base <= o < s.limit or (s.gaps and d.year in s.gaps):
        raise s.year_error(o)
    return bool(s.work[o - s.base])


def add_working_days(d: dt.date, n: int) -> dt.date:
    """The n-th working day after d (d itself not counted). n == 0 gives d."""
    if n <= 0:
        if n == 0:
            return d
        raise ValueError("工作日数不能为负数")
    s = _snap
    if s is None or _monotonic() - _checked_at > RECHECK_SECONDS:
        s = _refresh()
    first = d.toordinal() + 1
    if not s.base <= first < s.limit:
        raise s.year_error(first)
    idx = s.prefix[first - s.base] + n - 1
    if idx >= len(s.workdays):
        raise CalendarUnconfirmed(s.last_year + 1)
    r = s.workdays[idx]
    if s.gaps:
        s.check_gaps(first, r)
    return dt.date.fromordinal(r)


def next_workday(d: dt.date) -> dt.date:
    """The first working day on or after d."""
    s = current()
    o = d.toordinal()
    if not s.base <= o < s.limit:
        raise s.year_error(o)
    idx = s.prefix[o - s.base]
    if idx >= len(s.workdays):
        raise CalendarUnconfirmed(s.last_year + 1)
    r = s.workdays[idx]
    s.check_gaps(o, r)
    return dt.date.fromordinal(r)


def working_days_between(first: dt.date, last: dt.date) -> int:
    """Working days in the inclusive range [first, last] (0 if last < first)."""
    if last < first:
        return 0
    s = current()
    a, b = first.toordinal(), last.toordinal()
    if not s.base <= a < s.limit:
        raise s.year_error(a)
    if not s.base <= b < s.limit:
        raise s.year_error(b)
    s.check_gaps(a, b)
    return int(s.prefix[b + 1 - s.base] - s.prefix[a - s.base])


def exception_on(d: dt.date) -> tuple[str, str] | None:
    """("holiday" | "workday", name) when d is a 放假 or 调休上班 day of a confirmed year."""
    return current().exceptions.get(d.toordinal())
