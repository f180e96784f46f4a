"""Import 100,000 行政复议 rows from one .xlsx into a fresh SQLite database, with history.

    .venv/bin/python bench/import_reconsideration.py [--rows 100000] [--open-share 0.002]

Builds the workbook with xlsxwriter (not timed), then times `fazhi.imports.importer.run_import`:
reading with python-calamine, checking every cell and row, numbering, bulk insert of cases,
applicants and one history row each, and clocks for the open cases. Prints as its last line
`rows_per_s=N seconds=N`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def build_sheet(rows: int, open_share: float, seed: int = 1) -> bytes:
    import xlsxwriter

    from fazhi.imports import registry

    spec = registry.get("reconsideration")
    assert spec is not None
    rng = random.Random(seed)
    headers = [c.header for c in spec.columns]
    col = {h: i for i, h in enumerate(headers)}
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"constant_memory": True, "in_memory": True})
    ws = wb.add_worksheet()
    date_fmt = wb.add_format({"num_format": "yyyy-mm-dd"})
    ws.write_row(0, 0, headers)
    outcomes = [
        "维持",
        "撤销",
        "变更",
        "确认违法",
        "责令履行",
        "驳回复议请求",
        "驳回复议申请",
        "调解",
    ]
    first = dt.date(2019, 1, 1)
    for r in range(1, rows + 1):
        received = first + dt.timedelta(days=rng.randint(0, 6 * 365))
        accepted = received + dt.timedelta(days=rng.randint(1, 5))
        copy = accepted + dt.timedelta(days=rng.randint(1, 5))
        answer = copy + dt.timedelta(days=rng.randint(3, 10))
        closed = accepted + dt.timedelta(days=rng.randint(20, 58))
        is_open = rng.random() < open_share
        values = {
            "收到申请日期": received,
            "申请方式": "邮寄",
            "申请人": f"申请人{r}",
            "申请人类型": "自然人",
            "被申请人": "示例县公安局",
            "被申请人部门": "公安局",
            "行政行为类别": "行政处罚",
            "被申请复议的行政行为": f"示公决字〔{received.year}〕{r}号行政处罚决定",
            "受理日期": accepted,
            "发送副本日期": copy,
            "答复日期": answer,
        }
        if not is_open:
            values.update({"处理结果": rng.choice(outcomes), "结案日期": closed})
        for h, v in values.items():
            if isinstance(v, dt.date):
                ws.write_datetime(r, col[h], dt.datetime.combine(v, dt.time()), date_fmt)
            else:
                ws.write(r, col[h], v)
    wb.close()
    return buf.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument(
        "--open-share",
        type=float,
        default=0.002,
        help="share of rows still open (these get clocks)",
    )
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="fazhi-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    # the settings refuse to run without a key when DEBUG is off
    os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from fazhi.imports import registry
    from fazhi.imports.importer import run_import
    from fazhi.ledgers.reconsideration.models import ReconsiderationCase
    from fazhi.org import demo

    ctx = demo.build_org()
    user = ctx.users["fuyi"]
    spec = registry.get("reconsideration")
    assert spec is not None
    t0 = time.perf_counter()
    data = build_sheet(args.rows, args.open_share)
    sys.stdout.write(
        f"workbook: {args.rows} rows, {len(data) / 1e6:.1f} MB, built in {time.perf_counter() - t0:.1f} s (not timed)"
        + "\n"
    )
    start = time.perf_counter()
    report = run_import(spec, data, by=user, context=spec.context(user))
    seconds = time.perf_counter() - start
    if not report.ok:
        for p in report.problems[:10]:
            sys.stdout.write(f"{p}\n")
        raise SystemExit("导入失败")
    history = ReconsiderationCase.history.count()
    from fazhi.clocks.models import Clock

    sys.stdout.write(
        f"created={report.created} cases_in_db={ReconsiderationCase.objects.count()} history_rows={history} clocks={Clock.objects.count()}"
        + "\n"
    )
    sys.stdout.write(f"rows_per_s={report.created / seconds:.0f} seconds={seconds:.2f}" + "\n")


if __name__ == "__main__":
    main()
