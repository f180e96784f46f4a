"""Daily: statutory effects of lapsed periods, deemed acceptance and deemed abandonment."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from fazhi.ledgers.reconsideration.workflow import deem_abandoned_all, deem_accepted_all


class Command(BaseCommand):
    help = (
        "记录期限届满的法定后果：审查期限届满未作出不予受理决定的视为受理（第三十条）；"
        "申请人无正当理由逾期不补正的视为放弃行政复议申请（第三十一条第二款）"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="按指定日期运行（YYYY-MM-DD），默认今天",
        )

    def handle(self, *args: Any, today: dt.date | None, **options: Any) -> None:
        day = today or timezone.localdate()
        accepted = deem_accepted_all(today=day)
        abandoned = deem_abandoned_all(today=day)
        self.stdout.write(f"视为受理 {accepted} 件；逾期未补正视为放弃 {abandoned} 件")
