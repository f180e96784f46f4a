"""python manage.py morning [--date 2026-12-07]: today's morning run (lapsed periods, then
reminders) now, and the next one queued for the task worker at 07:30 (`make demo` runs this as
it starts; the worker then keeps it going each morning)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from fazhi.lib.cn_date import cn_datetime
from fazhi.reminders.tasks import queue_next, queued, run_morning


class Command(BaseCommand):
    help = "运行今日的晨间任务（期限届满后果、待办提醒），并为后台任务进程排好下一次（每天7:30）"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--date", help="按指定日期运行，默认今天，如 2026-12-07")

    def handle(self, *args: Any, **options: Any) -> None:
        day = None
        if options["date"]:
            try:
                day = dt.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("日期格式不正确，请按 2026-12-07 的格式填写") from None
        out = run_morning(day)
        for title, label, n in out["lapses"]:
            self.stdout.write(f"{title}：{label} {n} 件")
        self.stdout.write(
            f"提醒：{out['people']}人，新提醒{out['reminders']}条，邮件{out['emails']}封"
        )
        at = queue_next()
        if at is not None:
            self.stdout.write(f"下一次晨间任务：{cn_datetime(at)}（由后台任务进程运行）")
        elif queued().exists():
            self.stdout.write("下一次晨间任务已在队列中")
        else:
            self.stdout.write("当前任务后端不支持定时运行，请用系统定时器每天运行本命令")
