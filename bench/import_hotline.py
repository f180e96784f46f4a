"""Import 100,000 12345热线 tickets from one platform export, then import the same file again.

    .venv/bin/python bench/import_hotline.py [--rows 100000] [--format xlsx|csv] [--open-share 0.005]
                                             [--database-url postgres://postgres@127.0.0.1:5432/fazhi_hot_bench]

Builds its own database (a fresh SQLite file in a temporary folder unless --database-url is given;
that database is dropped and created again), the demo counties, and a saved platform mapping
(the export's own headers, timestamps and wording such as 非常满意). The export has 14 columns:
the kit refuses an .xlsx over 1.5 million cells (fazhi.imports.xlsx_guard.MAX_CELLS, a memory
bound), so 100,000 rows of a wider export go in as .csv or in two files. Writes the export with
xlsxwriter or the csv module (not timed), then times `fazhi.imports.importer.run_import` through
that mapping twice: the first run creates every ticket (bulk insert with one history row each,
reply clocks for the open ones), the second finds every ticket unchanged by its digest and
writes nothing. Peak RSS of the process is printed (the workbook is built in a child process, so
it does not count).

Machines differ by 2-3x, so beside each timing are references measured in the same run: the bare
read of the file (python-calamine, or the csv module) and a hand-written executemany INSERT of the
same number of 20-column rows into a scratch table. The last line is
`rows_per_s=N seconds=N reimport_seconds=N`.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# The export's headers (a province's platform), keyed by our column keys.
PLATFORM = {
    "case_number": "工单编号",
    "received_on": "来电时间",
    "channel": "来源",
    "category": "诉求类别",
    "title": "标题",
    "requester_name": "来电人",
    "requester_phone": "来电号码",
    "department": "承办单位",
    "dispatched_on": "派单时间",
    "replied_on": "办结反馈时间",
    "callback_on": "回访时间",
    "rating": "满意度",
    "rehandle_count": "重办次数",
    "concluded_on": "办结时间",
}
VALUES = {"rating": {"非常满意": "satisfied", "比较满意": "basically_satisfied"}}
DEPARTMENTS = [
    "公安局",
    "市场监督管理局",
    "住房和城乡建设局",
    "城市管理局",
    "交通运输局",
    "人力资源和社会保障局",
]
CATEGORIES = ["咨询", "求助", "投诉", "举报", "意见建议"]
RATINGS = ["非常满意", "非常满意", "非常满意", "比较满意", "不满意"]


def export_rows(rows: int, open_share: float, seed: int = 1):  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    first = dt.datetime(2023, 1, 2, 8, 0)
    headers = list(PLATFORM.values())
    yield headers
    for r in range(1, rows + 1):
        received = first + dt.timedelta(minutes=rng.randint(0, 2 * 365 * 24 * 60))
        dispatched = received + dt.timedelta(hours=rng.randint(1, 20))
        replied = dispatched + dt.timedelta(days=rng.randint(1, 7))
        callback = replied + dt.timedelta(days=rng.randint(0, 2))
        concluded = callback + dt.timedelta(days=rng.randint(0, 2))
        is_open = rng.random() < open_share
        yield [
            f"SL{received:%Y%m%d}{r:06d}",
            received,
            rng.choice(["电话", "网站", "微信"]),
            rng.choice(CATEGORIES),
            f"关于{rng.choice(['噪音', '路灯', '供暖', '欠薪', '占道经营', '物业'])}问题的诉求",
            "王女士",
            f"138{rng.randint(0, 99999999):08d}",
            rng.choice(DEPARTMENTS),
            dispatched,
            None if is_open else replied,
            None if is_open else callback,
            None if is_open else rng.choice(RATINGS),
            0 if is_open or rng.random() > 0.02 else 1,
            None if is_open else concluded,
        ]


def build_file(path: str, rows: int, fmt: str, open_share: float) -> None:
    """Runs in a child process: the workbook's memory is not the import's."""
    if fmt == "csv":
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            for row in export_rows(rows, open_share):
                w.writerow(
                    [
                        v.strftime("%Y-%m-%d %H:%M:%S") if isinstance(v, dt.datetime) else v
                        for v in row
                    ]
                )
        return
    import xlsxwriter

    wb = xlsxwriter.Workbook(path, {"constant_memory": True})
    ws = wb.add_worksheet("工单")
    stamp = wb.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
    for r, row in enumerate(export_rows(rows, open_share)):
        for c, v in enumerate(row):
            if isinstance(v, dt.datetime):
                ws.write_datetime(r, c, v, stamp)
            elif v is not None:
                ws.write(r, c, v)
    wb.close()


def reference_read(data: bytes, fmt: str) -> float:
    t = time.perf_counter()
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    else:
        from python_calamine import CalamineWorkbook

        rows = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    assert len(rows) > 1
    return time.perf_counter() - t


def reference_insert(n: int) -> float:
    """executemany INSERT of n 20-column rows into a scratch table, rolled back."""
    from django.db import connection, transaction

    cols = ", ".join(f"c{i} varchar(60)" for i in range(20))
    values = [[f"v{r}-{i}" for i in range(20)] for r in range(n)]
    marks = ", ".join(["%s"] * 20)
    t = time.perf_counter()
    with transaction.atomic():
        with connection.cursor() as cur:
            cur.execute(f"CREATE TABLE bench_reference ({cols})")
            cur.executemany(f"INSERT INTO bench_reference VALUES ({marks})", values)  # noqa: S608
        seconds = time.perf_counter() - t
        transaction.set_rollback(True)
    return seconds


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def fresh_postgres(url: str) -> None:
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    parser.add_argument("--open-share", type=float, default=0.005, help="share of open tickets")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--build-only", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_only:
        build_file(args.build_only, args.rows, args.format, args.open_share)
        return
    out = sys.stdout
    tmp = tempfile.mkdtemp(prefix="fazhi-bench-hotline-")
    if args.database_url:
        fresh_postgres(args.database_url)
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
    path = f"{tmp}/export.{args.format}"
    t0 = time.perf_counter()
    subprocess.run(  # noqa: S603 - this script, with our own arguments
        [
            sys.executable,
            __file__,
            "--rows",
            str(args.rows),
            "--format",
            args.format,
            "--open-share",
            str(args.open_share),
            "--build-only",
            path,
        ],
        check=True,
    )
    data = Path(path).read_bytes()
    out.write(
        f"file: {args.rows} rows, {args.format}, {len(data) / 1e6:.1f} MB, "
        f"built in {time.perf_counter() - t0:.1f} s (not timed)\n"
    )
    out.write(
        f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} (1/5/15 min)\n"
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    from fazhi.clocks.models import Clock
    from fazhi.imports import registry
    from fazhi.imports.importer import run_import
    from fazhi.ledgers.hotline.models import HotlineTicket, PlatformMapping
    from fazhi.org import demo

    ctx = demo.build_org()
    user = ctx.users["fzb"]
    mapping = PlatformMapping.objects.create(
        name="示例省12345平台", columns=PLATFORM, values=VALUES
    )
    spec = registry.get(f"hotline__{mapping.pk}")
    assert spec is not None and spec.context is not None
    out.write(f"database: {connection.vendor}; rss before import: {peak_rss_mb():.0f} MB\n")

    read_ref = reference_read(data, args.format)
    insert_ref = reference_insert(args.rows)
    start, cpu = time.perf_counter(), time.process_time()
    report = run_import(spec, data, by=user, context=spec.context(user))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if not report.ok:
        for p in report.problems[:10]:
            out.write(f"{p}\n")
        raise SystemExit("导入失败")
    out.write(
        f"import: created={report.created} updated={report.updated} unchanged={report.unchanged} "
        f"in {seconds:.2f} s, {cpu:.2f} s CPU (reference: bare read {read_ref:.2f} s, "
        f"bare INSERT {insert_ref:.2f} s)\n"
    )
    out.write(
        f"  tickets={HotlineTicket.objects.count()} history_rows={HotlineTicket.history.count()} "
        f"clocks={Clock.objects.filter(ledger='hotline').count()}\n"
    )
    read_ref2 = reference_read(data, args.format)
    start, cpu = time.perf_counter(), time.process_time()
    again = run_import(spec, data, by=user, context=spec.context(user))
    reimport, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert again.ok and again.created == 0, again
    out.write(
        f"re-import: created={again.created} updated={again.updated} unchanged={again.unchanged} "
        f"in {reimport:.2f} s, {cpu:.2f} s CPU (reference: bare read {read_ref2:.2f} s)\n"
    )
    out.write(
        f"  tickets={HotlineTicket.objects.count()} history_rows={HotlineTicket.history.count()}\n"
    )
    out.write(f"peak RSS: {peak_rss_mb():.0f} MB\n")
    out.write(
        f"rows_per_s={report.created / seconds:.0f} seconds={seconds:.2f} reimport_seconds={reimport:.2f}\n"
    )


if __name__ == "__main__":
    main()
