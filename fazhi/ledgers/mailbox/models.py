"""One letter to the government mailbox, from receipt to its reply (or route) and publication."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.casework.models import CaseModel
from fazhi.org.models import Department


class State(models.TextChoices):
    RECEIVED = "received", "待回复"
    ROUTED = "routed", "已转办（依申请公开/信访）"
    REPLIED = "replied", "已回复"


OPEN = (State.RECEIVED,)


class Route(models.TextChoices):
    DISCLOSURE = "disclosure", "转依申请公开办理"
    PETITION = "petition", "转信访办理"


class MailboxLetter(CaseModel):
    noun: ClassVar[str] = "信件"
    scope_departments = ("department",)

    state = models.CharField("状态", max_length=12, choices=State, default=State.RECEIVED)
    department = models.ForeignKey(
        Department, verbose_name="承办单位", on_delete=models.PROTECT, related_name="+"
    )
    writer_name = models.CharField("写信人", max_length=60)
    writer_contact = models.CharField("联系方式", max_length=100, blank=True)
    subject = models.CharField("信件标题", max_length=200)
    content = models.TextField("信件内容")
    wants_public = models.BooleanField("写信人同意公开", default=False)
    received_on = models.DateField("收信日期")
    accepted_on = models.DateField("签收日期", null=True, blank=True)
    route = models.CharField("转办去向", max_length=12, choices=Route, blank=True)
    route_ref = models.CharField("转办编号", max_length=60, blank=True)
    reply = models.TextField("回复内容", blank=True)
    replied_on = models.DateField("回复（办结）日期", null=True, blank=True)
    replied_on_time = models.BooleanField("按期回复", null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField("延长工作日数", null=True, blank=True)
    extension_approver = models.CharField("延期批准人", max_length=60, blank=True)
    published_on = models.DateField("公开日期", null=True, blank=True)
    reply_due_on = models.DateField("回复期限届满日", null=True, blank=True)
    reply_due_flag_year = models.PositiveSmallIntegerField(
        "回复期限待确认日历年度", null=True, blank=True
    )

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "政府信箱信件"
        verbose_name_plural = "政府信箱信件"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="mailbox_case_number_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["jurisdiction", "received_on", "id"], name="mailbox_jur_received"),
            models.Index(fields=["jurisdiction", "replied_on"], name="mailbox_jur_replied"),
            models.Index(fields=["published_on"], name="mailbox_published"),
        ]

    @property
    def is_public(self) -> bool:
        return self.published_on is not None
