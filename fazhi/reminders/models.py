"""One reminder: an item of 我的待办 (fazhi.todo) told to one person on one day."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Reminder(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提醒对象",
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    key = models.CharField("事项标识", max_length=120)
    day = models.DateField("提醒日期")
    kind = models.CharField("类别", max_length=20)
    text = models.CharField("内容", max_length=300)
    url = models.CharField("链接", max_length=300, blank=True)
    created_at = models.DateTimeField("生成时间", auto_now_add=True)
    read_at = models.DateTimeField("已读时间", null=True, blank=True)
    emailed_at = models.DateTimeField("邮件发送时间", null=True, blank=True)

    class Meta:
        verbose_name = "提醒"
        verbose_name_plural = "提醒"
        ordering = ["-day", "kind", "text"]
        constraints = [
            # Never twice for the same item and day, however often the job runs.
            models.UniqueConstraint(fields=["user", "key", "day"], name="reminder_once_a_day")
        ]
        indexes = [models.Index(fields=["user", "read_at"], name="reminder_unread")]

    def __str__(self) -> str:
        return f"{self.day} {self.user}: {self.text}"
