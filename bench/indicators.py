"""Benchmark: every indicator of one county-year over 1,000,000 行政复议 rows on PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/fz_report .venv/bin/python bench/indicators.py

Builds (once: it reuses rows already there; drop the database to start again) 200 counties × 5,000 cases, inserted with COPY and without
history, then times `fazhi.indicators.compute.evaluate` for all ids of one county-year beside one
hand-written SQL statement for five of them. Goal: under 1 s, within 2× of the SQL.
Last line: `seconds=N ratio_to_sql=N`.
"""

from __future__ import annotations

import argparse
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

from django.apps import apps  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from fazhi.indicators.compute import evaluate  # noqa: E402
from fazhi.indicators.scope import Scope  # noqa: E402
from fazhi.org.models import Department, Jurisdiction, Level  # noqa: E402

ROWS = 1_000_000
COUNTIES = 200
BENCH_PREFIX = "98"  # bench jurisdictions: 980000 province, 980100 city, 9801xx counties


def build(rows: int) -> Jurisdiction:
    Case = apps.get_model("reconsideration", "ReconsiderationCase")
    prov, _ = Jurisdiction.objects.get_or_create(
        code="980000", defaults={"name": "基准省", "level": Level.PROVINCE}
    )
    city, _ = Jurisdiction.objects.get_or_create(
        code="980100", defaults={"name": "基准市", "level": Level.CITY, "parent": prov}
    )
    counties = []
    for i in range(COUNTIES):
        c, _ = Jurisdiction.objects.get_or_create(
            code=f"98{1000 + i:04d}",
            defaults={"name": f"基准县{i}", "level": Level.COUNTY, "parent": city},
        )
        counties.append(c)
    depts = {
        c.pk: Department.objects.get_or_create(
            jurisdiction=c, name="司法局", defaults={"is_legal_office": True}
        )[0].pk
        for c in counties
    }
    if Case.objects.filter(jurisdiction__in=counties).exists():
        return counties[0]
    fields = [f for f in Case._meta.concrete_fields if not f.primary_key]
    columns = [f.column for f in fields]
    outcomes = [
        "upheld",
        "revoked",
        "changed",
        "confirmed_illegal",
        "confirmed_invalid",
        "ordered_to_perform",
        "claims_rejected",
        "application_dismissed",
        "terminated",
        "mediated",
    ]
    rng = random.Random(5)
    now = dt.datetime.now(dt.UTC)
    per = rows // COUNTIES
    t0 = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cur:
        raw = cur.cursor  # psycopg 3
        table = connection.ops.quote_name(Case._meta.db_table)
        cols = ", ".join(connection.ops.quote_name(c) for c in columns)
        with raw.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
            for c in counties:
                for n in range(per):
                    received = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(5 * 365))
                    fate = rng.random()
                    vals = {
                        "jurisdiction_id": c.pk,
                        "handling_department_id": depts[c.pk],
                        "case_number": f"B{c.code}-{n}",
                        "case_year": received.year,
                        "case_serial": n,
                        "law_version": "2023",
                        "respondent_name": "某局",
                        "act_category": "penalty",
                        "act_description": "行政处罚",
                        "received_on": received,
                        "created_at": now,
                        "state": "under_review",
                    }
                    if fate < 0.06:
                        vals["state"] = "not_accepted"
                    elif fate < 0.1:
                        vals["state"] = "withdrawn"
                    else:
                        vals["accepted_on"] = received + dt.timedelta(days=3)
                        if fate < 0.95:
                            vals.update(
                                state="concluded",
                                outcome=rng.choice(outcomes),
                                closed_on=received + dt.timedelta(days=rng.randrange(20, 90)),
                                concluded_on_time=rng.random() < 0.97,
                            )
                        if rng.random() < 0.05:
                            vals.update(
                                hearing_form="hearing", hearing_on=received + dt.timedelta(days=20)
                            )
                    row = []
                    for f in fields:
                        if f.attname in vals:
                            row.append(vals[f.attname])
                        else:
                            default = f.get_default()
                            row.append(None if (default == "" and f.null) else default)
                    copy.write_row(row)
    with connection.cursor() as cur:
        cur.execute(f"ANALYZE {connection.ops.quote_name(Case._meta.db_table)}")
    sys.stderr.write(f"inserted {per * COUNTIES} rows in {time.perf_counter() - t0:.1f}s" + "\n")
    return counties[0]


SQL = """
SELECT count(*) FILTER (WHERE received_on >= %(s)s AND received_on < %(e)s),
       count(*) FILTER (WHERE received_on >= %(s)s AND received_on < %(e)s AND accepted_on IS NOT NULL),
       count(*) FILTER (WHERE state = 'concluded' AND closed_on >= %(s)s AND closed_on < %(e)s),
       count(*) FILTER (WHERE state = 'concluded' AND closed_on >= %(s)s AND closed_on < %(e)s
                        AND outcome IN ('revoked','changed','confirmed_illegal','confirmed_invalid','ordered_to_perform')),
       count(*) FILTER (WHERE accepted_on IS NOT NULL AND received_on < %(e)s AND (closed_on IS NULL OR closed_on >= %(e)s))
FROM {table} WHERE jurisdiction_id = ANY(%(j)s)
"""


# Like-for-like: every count the 复议 ledger's counts() returns, written by hand (same 口径 as
# fazhi/ledgers/reconsideration/indicators.py), checked against counts() before it is timed.
REC = "(received_on >= %(s)s AND received_on < %(e)s)"
CON = "(state = 'concluded' AND closed_on >= %(s)s AND closed_on < %(e)s)"
OPEN_END = "(closed_on IS NULL OR closed_on >= %(e)s)"
OPEN_START = "(closed_on IS NULL OR closed_on >= %(s)s)"
SETTLED = f"({CON} AND outcome = 'terminated' AND termination_reason = 'settled')"
CORRECTIVE = "'revoked','changed','confirmed_illegal','confirmed_invalid','ordered_to_perform'"
FULL_COUNTS = {
    "received": REC,
    "accepted": f"{REC} AND accepted_on IS NOT NULL",
    "not_accepted": f"{REC} AND state = 'not_accepted'",
    "withdrawn_before_acceptance": f"{REC} AND state = 'withdrawn'",
    "redirected": f"{REC} AND state = 'redirected'",
    "correction_requested": f"{REC} AND state = 'correction_requested'",
    "carried_over": f"accepted_on IS NOT NULL AND received_on < %(s)s AND {OPEN_START}",
    "caseload": f"accepted_on IS NOT NULL AND received_on < %(e)s AND {OPEN_START}",
    "concluded": CON,
    "concluded_on_time": f"{CON} AND concluded_on_time",
    "pending": f"accepted_on IS NOT NULL AND received_on < %(e)s AND {OPEN_END}",
    **{
        o: f"{CON} AND outcome = '{o}'"
        for o in (
            "upheld",
            "revoked",
            "changed",
            "confirmed_illegal",
            "confirmed_invalid",
            "ordered_to_perform",
            "claims_rejected",
            "application_dismissed",
            "terminated",
            "mediated",
        )
    },
    "rejected": f"{CON} AND outcome IN ('claims_rejected','application_dismissed')",
    "settled": SETTLED,
    "mediated_settled": f"({CON} AND outcome = 'mediated') OR {SETTLED}",
    "corrected": f"{CON} AND outcome IN ({CORRECTIVE})",
    "concluded_on_merits": f"{CON} AND outcome NOT IN ('terminated','application_dismissed')",
    "hearings": "hearing_on >= %(s)s AND hearing_on < %(e)s AND hearing_form = 'hearing'",
    "opinion_letters": "closed_on >= %(s)s AND closed_on < %(e)s"
    " AND (opinion_letter OR recommendation_letter)",
}
# `suspended` (中止 at the period's last day) comes from the decision clock's pauses, so the
# ledger counts it with one small query beside its compiled aggregate; so does the hand SQL.
SUSPENDED_SQL = (
    "SELECT count(*) FROM {table} c WHERE c.jurisdiction_id = ANY(%(j)s)"
    f" AND c.accepted_on IS NOT NULL AND c.received_on < %(e)s AND {OPEN_END.replace('closed_on', 'c.closed_on')}"
    " AND c.id IN (SELECT k.object_id FROM clocks_clock k JOIN clocks_clockpause p ON p.clock_id = k.id"
    " WHERE k.content_type_id = %(ct)s AND p.kind = 'suspension' AND p.from_on <= %(last)s"
    " AND (p.to_on IS NULL OR p.to_on >= %(last)s))"
)
FULL_SQL = (
    "SELECT "
    + ",\n       ".join(f"count(*) FILTER (WHERE {w})" for w in FULL_COUNTS.values())
    + f",\n       sum(closed_on - accepted_on) FILTER (WHERE {CON})"
    + "\nFROM {table} WHERE jurisdiction_id = ANY(%(j)s)"
    " AND (received_on < %(e)s AND (closed_on IS NULL OR closed_on >= %(s)s)"
    " OR hearing_on >= %(s)s AND hearing_on < %(e)s)"
)


def best_of(n: int, fn) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def emit(line: str) -> None:
    sys.stdout.write(line + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description="指标计算基准（PostgreSQL，100万行行政复议案件）")
    parser.add_argument("--rows", type=int, default=ROWS, help="行数")
    parser.add_argument("--year", type=int, default=2025, help="年度")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("请在 PostgreSQL 上运行：DATABASE_URL=postgres://…/fz_report")
    call_command("migrate", verbosity=0)
    county = build(args.rows)
    Case = apps.get_model("reconsideration", "ReconsiderationCase")
    total = Case.objects.count()
    scope = Scope.year(county, args.year)
    table = connection.ops.quote_name(Case._meta.db_table)
    params = {"s": scope.start, "e": scope.end, "j": scope.ids}

    def sql() -> None:
        with connection.cursor() as cur:
            cur.execute(SQL.format(table=table), params)
            cur.fetchone()

    from django.contrib.contenttypes.models import ContentType

    susp_params = {
        **params,
        "last": scope.end - dt.timedelta(days=1),
        "ct": ContentType.objects.get_for_model(Case).pk,
    }

    def full_sql() -> tuple:  # type: ignore[type-arg]
        with connection.cursor() as cur:
            cur.execute(FULL_SQL.format(table=table), params)
            row = cur.fetchone()
            cur.execute(SUSPENDED_SQL.format(table=table), susp_params)
            return (*row[:-1], cur.fetchone()[0], row[-1])

    def kernel() -> None:
        evaluate(scope, jurisdiction=county, year=args.year, with_rows=False)

    from fazhi.indicators import registry

    reg = registry.get("reconsideration")
    assert reg is not None
    kernel(), sql()  # warm caches and the connection
    # The hand-written full SQL computes exactly what the ledger's counts() returns.
    got = reg.counts(scope)
    *hand, days = full_sql()
    names = [*FULL_COUNTS, "suspended"]
    expected = dict(zip((f"reconsideration.{k}" for k in names), hand, strict=True))
    assert {k: got[k] for k in expected} == expected, (got, expected)
    assert len(got) == len(expected) + 1 and days is not None  # + average_days
    sql_s = best_of(7, sql)
    full_s = best_of(7, full_sql)
    kernel_s = best_of(7, kernel)
    ledger_s = best_of(7, lambda: reg.counts(scope))
    rows_s = best_of(
        1, lambda: evaluate(scope, jurisdiction=county, year=args.year, with_rows=True)
    )
    snap = evaluate(scope, jurisdiction=county, year=args.year, with_rows=False)
    emit(
        f"rows in table: {total}; county {county.code} {args.year}: received={snap['reconsideration.received'].value} "
        f"concluded={snap['reconsideration.concluded'].value} correction_rate={snap['reconsideration.correction_rate'].text}"
    )
    emit(
        f"all {len(snap.figures)} ids (values, as `indicators --no-rows`): {kernel_s:.4f}s; "
        f"with row counts per id: {rows_s:.4f}s; hand-written SQL for 5 ids: {sql_s:.4f}s"
    )
    emit(
        f"of which the 复议 ledger's counts() ({len(got)} values, compiled SQL): {ledger_s:.4f}s; "
        f"kernel overhead (口径 query, rates, identities, links): {kernel_s - ledger_s:.4f}s"
    )
    emit(
        f"like for like: hand-written SQL for the same {len(got)} values: {full_s:.4f}s; "
        f"counts() / that SQL = {ledger_s / full_s:.2f}; counts() / SQL for 5 ids = {ledger_s / sql_s:.2f}"
    )
    emit(f"seconds={kernel_s:.4f} ratio_to_sql={kernel_s / sql_s:.2f}")


if __name__ == "__main__":
    main()
