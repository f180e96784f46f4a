"""python manage.py send_reminders [--date 2026-12-07]: the daily reminder run (cron or a
systemd timer once a morning; `make demo` runs it when the demo starts)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fazhi.reminders import send


class Command(BaseCommand):
    help = "向每位用户发送今日待办提醒（同一事项当日只提醒一次）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="按指定日期运行，默认今天，如 2026-12-07")

    @staticmethod
    def day(options: dict[str, Any]) -> dt.date | None:
        if not options["date"]:
            return None
        try:
            return dt.date.fromisoformat(options["date"])
        except ValueError:
            raise CommandError("日期格式不正确，请按 2026-12-07 的格式填写") from None

    def handle(self, *args: Any, **options: Any) -> None:
        r = send.run(self.day(options))
        self.stdout.write(
            f"提醒：{r.people}人，新提醒{r.reminders}条，邮件{r.emails}封，"
            f"当日已提醒过的{r.unchanged}条未重复发送"
        )
