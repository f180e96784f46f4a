"""python manage.py recover_tasks: queue again (or fail) background work whose worker died."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from fazhi.imports import jobs as import_jobs
from fazhi.reports import desk_jobs, tasks


class Command(BaseCommand):
    help = "找出后台进程失联（心跳超时）的 PDF 生成、报告审查和导入任务：重新排队，或超过重试次数后标记失败"

    def handle(self, *args: Any, **options: Any) -> None:
        n = tasks.recover_all() + desk_jobs.recover_all() + import_jobs.recover_all()
        self.stdout.write(f"处理了 {n} 个失联的后台任务")
