"""Benchmark: 1,000,000 `add_working_days` calls against 10,000 through chinese_calendar.

    .venv/bin/python bench/workcal.py

Uses the configured database (DATABASE_URL or db.sqlite3, migrated: the calendar is seeded by a
data migration). Starts are random days of 2004–2026 and n is 1..60; a result in 2027 raises
CalendarUnconfirmed and is counted. The package is called as find_workday(n - 1, start + 1 day),
which is "n working days after start" (calendar.md §2). Last line: `ratio=N seconds_1m=N`.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
# the settings refuse to run without a key when DEBUG is off
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")

import django  # noqa: E402

django.setup()

import chinese_calendar  # noqa: E402

from fazhi.workcal import calendar as wc  # noqa: E402

N_FAST = 1_000_000
N_SLOW = 10_000
ONE_DAY = dt.timedelta(days=1)


def main() -> None:
    rng = random.Random(2024)
    first = dt.date(2004, 1, 1).toordinal()
    last = dt.date(2026, 12, 31).toordinal()
    starts = [dt.date.fromordinal(rng.randint(first, last)) for _ in range(N_FAST)]
    ns = [rng.randint(1, 60) for _ in range(N_FAST)]
    wc.current()  # load once (not timed)

    add = wc.add_working_days
    unconfirmed = 0
    t0 = time.perf_counter()
    for d, n in zip(starts, ns, strict=True):
        try:
            add(d, n)
        except wc.CalendarUnconfirmed:
            unconfirmed += 1
    fast = time.perf_counter() - t0

    mismatches = 0
    t0 = time.perf_counter()
    for d, n in zip(starts[:N_SLOW], ns[:N_SLOW], strict=True):
        try:
            expected = chinese_calendar.find_workday(n - 1, d + ONE_DAY)
        except NotImplementedError:
            expected = None
        try:
            got = add(d, n)
        except wc.CalendarUnconfirmed:
            got = None
        mismatches += expected != got
    slow = time.perf_counter() - t0  # includes our own call, negligible in comparison

    per_fast = fast / N_FAST
    per_slow = slow / N_SLOW
    sys.stdout.write(
        f"fazhi add_working_days: {N_FAST} calls, {per_fast * 1e6:.3f} µs/call ({unconfirmed} into 2027)\n"
    )
    sys.stdout.write(
        f"chinese_calendar.find_workday: {N_SLOW} calls, {per_slow * 1e6:.1f} µs/call, mismatches={mismatches}\n"
    )
    sys.stdout.write(f"ratio={per_slow / per_fast:.0f} seconds_1m={fast:.2f}\n")


if __name__ == "__main__":
    main()
