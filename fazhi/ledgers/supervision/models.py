"""督办通知 (notices), 督办事项 / 整改任务 (items, one per matter or finding), their progress reports
and the evidence files a 销号 rests on."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.casework.files import private_storage, random_name
from fazhi.casework.models import CaseModel
from fazhi.ledgers.supervision.states import Area, Kind, LimitKind, Source, State
from fazhi.org.models import Department, Jurisdiction, ScopedManager


class SupervisionNotice(models.Model):
    """A 督办通知 (督办单) or the feedback of a 督察/巡察/审计 listing findings: items hang from it."""

    scope_departments = ("office",)

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="区划", on_delete=models.PROTECT, related_name="+"
    )
    notice_number = models.CharField("通知文号", max_length=60)
    source = models.CharField("来源", max_length=24, choices=Source)
    title = models.CharField("通知标题", max_length=200)
    issued_on = models.DateField("下发日期")
    office = models.ForeignKey(
        Department, verbose_name="交办单位", on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "督办通知"
        verbose_name_plural = "督办通知"
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "notice_number"], name="supervision_notice_unique"
            ),
        ]
        indexes = [models.Index(fields=["jurisdiction", "issued_on"], name="sup_notice_issued")]

    def __str__(self) -> str:
        return self.notice_number


class SupervisionItem(CaseModel):
    noun: ClassVar[str] = "督办事项"
    scope_departments = ("lead_department", "office")
    state_hints: ClassVar[dict[str, str]] = {
        State.CLOSED: "该事项已销号，不能{verb}",
    }

    case_number = models.CharField("督办编号", max_length=40)
    notice = models.ForeignKey(
        SupervisionNotice, verbose_name="督办通知", on_delete=models.PROTECT, related_name="items"
    )
    kind = models.CharField("类型", max_length=16, choices=Kind, default=Kind.MATTER)
    area = models.CharField("问题领域", max_length=24, choices=Area, blank=True)
    finding = models.TextField(
        "发现的问题", blank=True, help_text="整改任务必填：督察、检查发现的问题"
    )
    task = models.CharField("督办事项（整改任务）", max_length=300)
    state = models.CharField("状态", max_length=12, choices=State, default=State.ASSIGNED)
    office = models.ForeignKey(
        Department, verbose_name="交办单位", on_delete=models.PROTECT, related_name="+"
    )
    lead_department = models.ForeignKey(
        Department, verbose_name="责任单位", on_delete=models.PROTECT, related_name="+"
    )
    assigned_on = models.DateField("交办日期")
    limit_kind = models.CharField(
        "办结时限方式", max_length=14, choices=LimitKind, default=LimitKind.DATE
    )
    time_limit_on = models.DateField("限定办结日期", null=True, blank=True)
    time_limit_days = models.PositiveSmallIntegerField("办结时限（工作日）", null=True, blank=True)
    acknowledged_on = models.DateField("签收日期", null=True, blank=True)
    extended_to = models.DateField("延期至", null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField("延期工作日数", default=0)
    extension_approved_on = models.DateField("延期批准日期", null=True, blank=True)
    requested_on = models.DateField("申请销号日期", null=True, blank=True)
    closed_on = models.DateField("销号日期", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="销号审核人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    result = models.CharField("办理（整改）结果", max_length=300, blank=True)
    due_on = models.DateField("办结时限届满日", null=True, blank=True)
    due_flag_year = models.PositiveSmallIntegerField(
        "办结时限待确认日历年度", null=True, blank=True
    )
    notes = models.TextField("备注", blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "督办事项"
        verbose_name_plural = "督办事项"
        ordering = ["-assigned_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="supervision_case_number_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["jurisdiction", "assigned_on", "id"], name="sup_jur_assigned_id"),
            models.Index(fields=["state", "due_on"], name="sup_state_due"),
        ]


class ProgressReport(models.Model):
    """One 进展报告 of the lead department."""

    scope_jurisdiction = "item__jurisdiction"
    scope_departments = ("item__lead_department", "item__office")

    item = models.ForeignKey(
        SupervisionItem, verbose_name="督办事项", on_delete=models.CASCADE, related_name="reports"
    )
    reported_on = models.DateField("报送日期")
    content = models.CharField("进展情况", max_length=300)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="报送人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ScopedManager()

    class Meta:
        verbose_name = "进展报告"
        verbose_name_plural = "进展报告"
        ordering = ["reported_on", "id"]

    def __str__(self) -> str:
        return f"{self.item}·{self.reported_on:%Y-%m-%d}"


def _evidence_path(instance: EvidenceFile, filename: str) -> str:
    return random_name(f"supervision/{instance.item_id}")


class EvidenceFile(models.Model):
    """A 佐证材料 of the 办结 or 整改 (photos, documents, minutes): a 销号 needs at least one."""

    scope_jurisdiction = "item__jurisdiction"
    scope_departments = ("item__lead_department", "item__office")

    item = models.ForeignKey(
        SupervisionItem, verbose_name="督办事项", on_delete=models.CASCADE, related_name="evidence"
    )
    name = models.CharField("文件名", max_length=200)
    size = models.PositiveIntegerField("大小（字节）")
    file = models.FileField("文件", storage=private_storage, upload_to=_evidence_path)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="提交人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_on = models.DateField("提交日期")

    objects = ScopedManager()

    class Meta:
        verbose_name = "佐证材料"
        verbose_name_plural = "佐证材料"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name
