"""Daily (the task worker or cron): the statutory effects of lapsed periods, in every ledger."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from fazhi.casework.lapses import run_all


class Command(BaseCommand):
    help = "记录各台账期限届满的法定后果（如行政复议审查期限届满视为受理、逾期未补正视为放弃）；可重复运行"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="按指定日期运行（YYYY-MM-DD），默认今天",
        )

    def handle(self, *args: Any, today: dt.date | None, **options: Any) -> None:
        results = run_all(today or timezone.localdate())
        for title, label, n in results:
            self.stdout.write(f"{title}：{label} {n} 件")
        if not results:
            self.stdout.write("没有登记期限届满后果的台账")
