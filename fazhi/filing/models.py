"""填报: figures no ledger holds, submitted by the units with evidence and approved by the
coordinating office (issue 15). A round (year, indicators, units, deadline) is opened by the
office; each unit enters a value per indicator with an evidence file and a note; the office
approves it or returns it with a reason. Approved values feed the indicators (`figures.py`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from fazhi.org.models import Department, Jurisdiction, Level, Role, ScopedQuerySet


class FilingRound(models.Model):
    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="组织填报的区划", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("数据年度")
    title = models.CharField("名称", max_length=100)
    deadline = models.DateField("截止日期")
    indicator_ids = models.JSONField("填报指标", default=list)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="开启人", on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField("开启时间", auto_now_add=True)
    closed_at = models.DateTimeField("关闭时间", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="关闭人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "填报轮次"
        verbose_name_plural = "填报轮次"
        ordering = ["-year", "-opened_at"]

    def __str__(self) -> str:
        return self.title

    def is_open(self, today: dt.date) -> bool:
        return self.closed_at is None and today <= self.deadline

    @property
    def state_label(self) -> str:
        from django.utils import timezone

        return "填报中" if self.is_open(timezone.localdate()) else "已截止"


class FilingUnitQuerySet(ScopedQuerySet):
    """A unit sees its own; the office (coordinator, leader) of the round's jurisdiction sees all its
    units; a superior viewer sees the units of rounds below it."""

    def visible_to(self, user: Any) -> Any:
        if not getattr(user, "is_authenticated", False):
            return self.none()
        if user.is_superuser or user.role == Role.ADMIN:
            return self
        if user.jurisdiction_id is None:
            return self.none()
        if user.role == Role.SUPERIOR_VIEWER:
            jur = user.jurisdiction
            return self.filter(
                Q(round__jurisdiction_id=jur.pk)
                | Q(round__jurisdiction__path__startswith=jur.path + "/")
            )
        own = Q(pk__in=[])
        if user.department_id and user.role in (Role.LEGAL_OFFICER, Role.CLERK):
            own = Q(department_id=user.department_id)
        elif user.jurisdiction.level == Level.TOWNSHIP:
            own = Q(township_id=user.jurisdiction_id)
        elif user.role in (Role.COORDINATOR, Role.LEADER):
            own = Q(round__jurisdiction_id=user.jurisdiction_id)
        return self.filter(own)


class FilingUnit(models.Model):
    """A unit asked to submit in a round: a department of the round's jurisdiction, or a township
    below it. The office may reopen a closed round for this unit only (recorded)."""

    round = models.ForeignKey(
        FilingRound, verbose_name="填报轮次", on_delete=models.CASCADE, related_name="units"
    )
    department = models.ForeignKey(
        Department,
        verbose_name="部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    township = models.ForeignKey(
        Jurisdiction,
        verbose_name="乡镇（街道）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reopened_until = models.DateField("补报截止日期", null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="准予补报人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reopened_at = models.DateTimeField("准予补报时间", null=True, blank=True)
    reopen_reason = models.CharField("准予补报理由", max_length=300, blank=True)

    objects = models.Manager.from_queryset(FilingUnitQuerySet)()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "填报单位"
        verbose_name_plural = "填报单位"
        ordering = ["round", "township__code", "department__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(department__isnull=True) ^ Q(township__isnull=True),
                name="filing_unit_one_kind",
            ),
            models.UniqueConstraint(
                fields=["round", "department"],
                condition=Q(department__isnull=False),
                name="filing_unit_department_unique",
            ),
            models.UniqueConstraint(
                fields=["round", "township"],
                condition=Q(township__isnull=False),
                name="filing_unit_township_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        if self.department_id:
            return self.department.name  # type: ignore[union-attr]
        return self.township.government_name  # type: ignore[union-attr]

    @property
    def jurisdiction_id_of_rows(self) -> int:
        """The jurisdiction the unit's figures count in: its township, or the round's county."""
        return self.township_id or self.round.jurisdiction_id

    def accepts(self, today: dt.date) -> bool:
        """Submissions are taken while the round is open, or until the office's reopening date."""
        return self.round.is_open(today) or (
            self.reopened_until is not None and today <= self.reopened_until
        )

    def is_reopened(self, today: dt.date) -> bool:
        return not self.round.is_open(today) and self.accepts(today)


class ValueState(models.TextChoices):
    SUBMITTED = "submitted", "待审核"
    RETURNED = "returned", "已退回"
    APPROVED = "approved", "已通过"


class FiledValue(models.Model):
    noun = "填报数"
    state_field = "state"

    unit = models.ForeignKey(
        FilingUnit, verbose_name="填报单位", on_delete=models.CASCADE, related_name="values"
    )
    indicator_id = models.CharField("指标", max_length=80)
    value = models.DecimalField("数值", max_digits=14, decimal_places=2)
    note = models.CharField("说明", max_length=500, blank=True)
    evidence = models.FileField("佐证材料", upload_to="filing/evidence/%Y/")
    evidence_name = models.CharField("佐证材料文件名", max_length=200)
    state = models.CharField(
        "状态", max_length=10, choices=ValueState, default=ValueState.SUBMITTED
    )
    late = models.BooleanField("补报", default=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="填报人", on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField("填报时间")
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_on = models.DateField("审核日期", null=True, blank=True)
    return_reason = models.CharField("退回理由", max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "填报数"
        verbose_name_plural = "填报数"
        ordering = ["unit", "indicator_id"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "indicator_id"], name="filed_value_unique")
        ]

    def __str__(self) -> str:
        return f"{self.unit}：{self.indicator_id}={self.value}"

    @property
    def number_text(self) -> str:
        v = self.value.normalize()
        return format(v, "f")
