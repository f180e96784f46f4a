"""Daily: cases whose acceptance review lapsed without a refusal are accepted by law."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from fazhi.ledgers.reconsideration.workflow import deem_accepted_all


class Command(BaseCommand):
    help = "将审查期限届满且未作出不予受理决定的行政复议申请依法视为受理（2023年新法：届满之日视为受理；旧法：自收到之日起受理）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="按指定日期运行（YYYY-MM-DD），默认今天",
        )

    def handle(self, *args: Any, today: dt.date | None, **options: Any) -> None:
        n = deem_accepted_all(today=today or timezone.localdate())
        self.stdout.write(f"视为受理 {n} 件")
