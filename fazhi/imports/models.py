"""An import running in the background (imports.jobs): the upload waits here until the worker has
read it, the page polls the row for its progress, and the result (created rows or every problem)
is kept for the person who uploaded it."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class JobState(models.TextChoices):
    QUEUED = "queued", "排队中"
    RUNNING = "running", "正在导入"
    DONE = "done", "已完成"
    FAILED = "failed", "未能完成"


class ImportJob(models.Model):
    key = models.CharField("导入模板", max_length=60)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="导入人", on_delete=models.CASCADE, related_name="+"
    )
    requested_at = models.DateTimeField("上传时间", auto_now_add=True)
    file_name = models.CharField("文件名", max_length=255, blank=True)
    data = models.BinaryField("文件内容", blank=True, default=b"")
    state = models.CharField("状态", max_length=10, choices=JobState, default=JobState.QUEUED)
    phase = models.CharField("进度说明", max_length=100, blank=True)
    done = models.PositiveIntegerField("已处理", default=0)
    total = models.PositiveIntegerField("总数", default=0)
    # {"created": n, "seconds": s, "problems": [[row, column, message], ...]}
    result = models.JSONField("结果", null=True, blank=True)
    error = models.TextField("错误说明", blank=True)
    heartbeat_at = models.DateTimeField("心跳时间", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    task_id = models.CharField("后台任务编号", max_length=64, blank=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = "导入任务"
        verbose_name_plural = "导入任务"
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.key} 导入 {self.pk}（{self.get_state_display()}）"

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.total)) if self.total else 0
