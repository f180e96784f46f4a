"""python manage.py recover_tasks: queue again (or fail) background work whose worker died."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from fazhi.imports import jobs as import_jobs
from fazhi.lib.cn_date import cn_datetime
from fazhi.reminders.tasks import queue_next
from fazhi.reports import desk_jobs, tasks


class Command(BaseCommand):
    help = "找出后台进程失联（心跳超时）的 PDF 生成、报告审查和导入任务：重新排队，或超过重试次数后标记失败；晨间任务不在队列中时重新排好"

    def handle(self, *args: Any, **options: Any) -> None:
        n = tasks.recover_all() + desk_jobs.recover_all() + import_jobs.recover_all()
        self.stdout.write(f"处理了 {n} 个失联的后台任务")
        if queued_at := queue_next():  # the morning chain, if a dead worker broke it
            self.stdout.write(f"重新排好晨间任务：{cn_datetime(queued_at)}")
