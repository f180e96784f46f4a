"""Benchmark: the cross-ledger deadline board with ~150,000 open clocks on PostgreSQL.

    createdb -h 127.0.0.1 -U postgres fz_board
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fz_board .venv/bin/python bench/board.py

Migrates the database, builds the demo org (`fazhi.org.demo.build_org`) and, once (rows named
`bench_board` are reused; `--rebuild` deletes and inserts them again), 200,000 `Clock` rows
attached by generic FK to `Department` ids (the owner need not exist for the board). About 75%
are open (running/paused) with due dates spread ±120 days around today; ~93% are in 示例县
(user fzb, coordinator: sees the whole county) and about half of those in its 司法局 (user fuyi,
legal officer: sees their department). Inserted with bulk_create (5,000 a batch, no history).

Then times, through Django's test client signed in as fzb and fuyi, the board HTML and JSON
unfiltered, for each group filter and page 3. Prints median and p95 per URL and, as the last
line, `worst_median_ms=N worst_p95_ms=N`. Goal: every median under 150 ms.
`--explain` prints EXPLAIN ANALYZE of each SQL statement of the fzb JSON request.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
# the settings refuse to run without a key when DEBUG is off
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from fazhi.clocks.engine import FLAG_UNCONFIRMED  # noqa: E402
from fazhi.clocks.models import Clock, State  # noqa: E402
from fazhi.org.demo import build_org  # noqa: E402
from fazhi.org.models import Department  # noqa: E402

ROWS = 200_000
BATCH = 5_000
NAME = "bench_board"


def out(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def build(rows: int, rebuild: bool) -> None:
    ctx = build_org()
    existing = Clock.objects.filter(name=NAME)
    if rebuild:
        existing._raw_delete(existing.db)  # type: ignore[attr-defined]
    elif existing.exists():
        out(f"reusing {existing.count()} bench clocks")
        return
    rng = random.Random(2025)
    today = timezone.localdate()
    county = ctx.jurisdictions["990102"]
    other = ctx.jurisdictions["990103"]
    legal = ctx.departments[("990102", "司法局")]
    county_depts = [d for d in ctx.departments_of("990102") if d.pk != legal.pk]
    other_depts = ctx.departments_of("990103")
    ct = ContentType.objects.get_for_model(Department)
    ledgers = [
        ("reconsideration", "行政复议"),
        ("litigation", "行政应诉"),
        ("disclosure", "政府信息公开"),
        ("hotline", "12345热线"),
        ("legality_review", "合法性审查"),
    ]
    t0 = time.perf_counter()
    batch: list[Clock] = []
    for i in range(rows):
        if rng.random() < 0.93:
            jur = county
            dept = legal if rng.random() < 0.5 else rng.choice(county_depts)
            dept2 = rng.choice(county_depts) if rng.random() < 0.2 else None
        else:
            jur, dept, dept2 = other, rng.choice(other_depts), None
        if dept2 is not None and dept2.pk == dept.pk:
            dept2 = None
        r = rng.random()
        state = State.RUNNING if r < 0.64 else State.PAUSED if r < 0.75 else State.STOPPED
        due = today + dt.timedelta(days=rng.randint(-120, 120))
        start = due - dt.timedelta(days=rng.randint(20, 90))
        flag, flag_year = "", None
        stopped = None
        if state == State.PAUSED and rng.random() < 0.6:
            due = None  # still paused: no due date yet
        elif state == State.RUNNING and rng.random() < 0.02:
            due, flag, flag_year = None, FLAG_UNCONFIRMED, today.year + 1
        elif state == State.STOPPED:
            stopped = start + dt.timedelta(days=rng.randint(1, 100))
        ledger, ledger_label = rng.choice(ledgers)
        batch.append(
            Clock(
                content_type=ct,
                object_id=i + 1,
                object_url=f"/bench/{i + 1}/",
                object_label=f"基准事项{i + 1}号",
                ledger=ledger,
                ledger_label=ledger_label,
                name=NAME,
                label="办理期限",
                basis="基准依据",
                jurisdiction=jur,
                department=dept,
                department_2=dept2,
                start_on=start,
                length=60,
                unit="calendar_day",
                state=state,
                stopped_on=stopped,
                due_on=due,
                flag=flag,
                flag_year=flag_year,
                explanation="自起算日次日起计算60日",
            )
        )
        if len(batch) == BATCH:
            with transaction.atomic():
                Clock.objects.bulk_create(batch)
            batch = []
    if batch:
        Clock.objects.bulk_create(batch)
    out(f"inserted {rows} clocks in {time.perf_counter() - t0:.1f}s")


def urls() -> list[tuple[str, str, dict[str, str]]]:
    cases: list[tuple[str, str, dict[str, str]]] = []
    for user in ("fzb", "fuyi"):
        for name in ("clocks:board_json", "clocks:board"):
            for params in (
                {},
                {"group": "overdue"},
                {"group": "soon"},
                {"group": "paused"},
                {"group": "unconfirmed"},
                {"page": "3"},
            ):
                cases.append((user, reverse(name), params))
    return cases


def count_queries(client: Client, url: str, params: dict[str, str]) -> int:
    executed: list[str] = []

    def wrapper(execute: Any, sql: str, *args: Any) -> Any:
        executed.append(sql)
        return execute(sql, *args)

    with connection.execute_wrapper(wrapper):
        client.get(url, params)
    return len(executed)


def explain(client: Client, url: str) -> None:
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    with connection.cursor() as cur:
        for q in ctx.captured_queries:
            sql = q["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            out("-" * 100)
            out(sql)
            cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            for (line,) in cur.fetchall():
                out(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--explain", action="store_true")
    args = parser.parse_args()
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        sys.exit("set DATABASE_URL to a PostgreSQL database, e.g. postgres://…/fz_board")
    call_command("migrate", verbosity=0)
    build(args.rows, args.rebuild)
    # As autovacuum would after a bulk load: planner statistics and the visibility map (which
    # index-only scans need); cheap when nothing changed.
    with connection.cursor() as cur:
        cur.execute("VACUUM (ANALYZE) clocks_clock")
    from fazhi.org.models import User

    clients = {}
    for username in ("fzb", "fuyi"):
        c = Client()
        c.force_login(User.objects.get(username=username))
        clients[username] = c
    if args.explain:
        explain(clients["fzb"], reverse("clocks:board_json"))
        explain(clients["fzb"], reverse("clocks:board_json") + "?group=soon&page=3")
        return
    worst_median = worst_p95 = 0.0
    for user, url, params in urls():
        client = clients[user]
        for _ in range(args.warmup):
            resp = client.get(url, params)
        assert resp.status_code == 200, (url, resp.status_code)
        times = []
        executed = count_queries(client, url, params)
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            client.get(url, params)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        median = statistics.median(times)
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        worst_median, worst_p95 = max(worst_median, median), max(worst_p95, p95)
        query = "&".join(f"{k}={v}" for k, v in params.items())
        out(
            f"{user:5} {url + ('?' + query if query else ''):40} "
            f"median={median:7.1f}ms p95={p95:7.1f}ms queries={executed}"
        )
    out(f"worst_median_ms={worst_median:.0f} worst_p95_ms={worst_p95:.0f}")


if __name__ == "__main__":
    main()
