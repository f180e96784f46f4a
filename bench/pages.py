"""Time the 行政复议 list pages and the deadline board on the configured database.

    DATABASE_URL=postgres://…/fz_recon .venv/bin/python manage.py load_demo --scale 200000
    DATABASE_URL=postgres://…/fz_recon .venv/bin/python bench/pages.py [--repeat 30]

Requests go through Django's test client (the full middleware, template and ORM path, no
network), signed in as the county's coordinating office (sees every case of 示例县), the
复议机构 承办人 and the administrator (every case). Prints the median and p95 per URL, and
as its last line `worst_median_ms=N worst_p95_ms=N`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
    # the settings refuse to run without a key when DEBUG is off
    os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
    import django

    django.setup()
    from django.test import Client

    from fazhi.ledgers.reconsideration.models import ReconsiderationCase
    from fazhi.org.models import User

    total = ReconsiderationCase.objects.count()
    sys.stdout.write(f"cases in database: {total}" + "\n")
    some_case = (
        ReconsiderationCase.objects.filter(jurisdiction__code="990102").order_by("-id").first()
    )
    assert some_case is not None, "请先运行 manage.py load_demo --scale N"
    base = "/ledgers/reconsideration/"
    plan = [
        ("fzb", base),
        ("fzb", base + "?overdue=true"),
        ("fzb", base + "?year=2024&state=concluded&page=3"),
        ("fzb", base + "?q=%E5%BC%A0"),  # 张
        ("fuyi", base),
        ("admin", base),
        ("fzb", "/clocks/"),
        ("fuyi", "/clocks/"),
        ("fzb", some_case.get_absolute_url()),
    ]
    clients: dict[str, Client] = {}
    worst_median = worst_p95 = 0.0
    for username, url in plan:
        if username not in clients:
            c = Client()
            c.force_login(User.objects.get(username=username))
            clients[username] = c
        c = clients[username]
        for _ in range(args.warmup):
            r = c.get(url)
            assert r.status_code == 200, (url, r.status_code)
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            r = c.get(url)
            times.append((time.perf_counter() - t) * 1000)
            assert r.status_code == 200
        times.sort()
        median = statistics.median(times)
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        worst_median, worst_p95 = max(worst_median, median), max(worst_p95, p95)
        sys.stdout.write(f"{username:<6} {url:<60} median_ms={median:.1f} p95_ms={p95:.1f}" + "\n")
    sys.stdout.write(f"worst_median_ms={worst_median:.0f} worst_p95_ms={worst_p95:.0f}" + "\n")


if __name__ == "__main__":
    main()
