"""python manage.py morning [--date 2026-12-07]: today's morning run (lapsed periods, then
reminders) now, and the next one queued for the task worker at 07:30 (`make demo` runs this as
it starts; the worker then keeps it going each morning)."""

from __future__ import annotations

from typing import Any

from fazhi.lib.cn_date import cn_datetime
from fazhi.reminders.management.commands import send_reminders
from fazhi.reminders.tasks import queue_next, queued, run_morning


class Command(send_reminders.Command):  # its --date
    help = "运行今日的晨间任务（期限届满后果、待办提醒），并为后台任务进程排好下一次（每天7:30）"

    def handle(self, *args: Any, **options: Any) -> None:
        out = run_morning(self.day(options))
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
