"""规范性文件: a document from its draft to the end of its validity; one 报备 row per recipient;
清理 batches with one outcome per document.

A document carries two numbers: the 登记号 given when the draft is registered for review (the
kit's 案号) and the 文号 given on publication from the government's one series (示政规〔2025〕3号,
统一登记、统一编号)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.casework.models import CaseModel
from fazhi.ledgers.normative_documents.states import (
    PASSED,
    FilingResult,
    Outcome,
    Recipient,
    ReviewResult,
    State,
)
from fazhi.org.models import Department, Jurisdiction, ScopedManager


class NormativeDocument(CaseModel):
    noun: ClassVar[str] = "规范性文件"
    scope_departments = ("drafting_department", "review_department")

    case_number = models.CharField("登记号", max_length=40)
    title = models.CharField("文件名称", max_length=200)
    issuing_body = models.CharField("制定机关", max_length=80)
    drafting_department = models.ForeignKey(
        Department, verbose_name="起草单位", on_delete=models.PROTECT, related_name="+"
    )
    review_department = models.ForeignKey(
        Department, verbose_name="合法性审核机构", on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField("状态", max_length=24, choices=State, default=State.DRAFTING)
    drafted_on = models.DateField("起草登记日期")
    consultation_required = models.BooleanField("须向社会公开征求意见", default=True)
    consultation_started_on = models.DateField("征求意见开始日期", null=True, blank=True)
    review_requested_on = models.DateField("合法性审核受理日期", null=True, blank=True)
    review_working_days = models.PositiveSmallIntegerField(
        "合法性审核期限（工作日）", null=True, blank=True
    )
    review_due_on = models.DateField("合法性审核期限届满日", null=True, blank=True)
    review_due_flag_year = models.PositiveSmallIntegerField(
        "审核期限待确认日历年度", null=True, blank=True
    )
    reviewed_on = models.DateField("合法性审核意见日期", null=True, blank=True)
    review_result = models.CharField(
        "合法性审核结论", max_length=24, choices=ReviewResult, blank=True
    )
    review_opinion = models.TextField("合法性审核意见", blank=True)
    deliberation_meeting = models.CharField("审议会议", max_length=100, blank=True)
    deliberated_on = models.DateField("集体审议日期", null=True, blank=True)
    document_number = models.CharField("文号", max_length=40, blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True)
    effective_on = models.DateField("施行日期", null=True, blank=True)
    validity_years = models.PositiveSmallIntegerField("有效期（年）", null=True, blank=True)
    expires_on = models.DateField("有效期至", null=True, blank=True)
    evaluated_on = models.DateField("评估日期", null=True, blank=True)
    ended_on = models.DateField("失效日期", null=True, blank=True)
    notes = models.TextField("备注", blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "规范性文件"
        verbose_name_plural = "规范性文件"
        ordering = ["-drafted_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="normdoc_case_number_unique"
            ),
            models.UniqueConstraint(
                fields=["jurisdiction", "document_number"],
                condition=~models.Q(document_number=""),
                name="normdoc_document_number_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["jurisdiction", "published_on"], name="normdoc_jur_published"),
            models.Index(fields=["jurisdiction", "ended_on"], name="normdoc_jur_ended"),
            models.Index(fields=["state", "review_due_on"], name="normdoc_state_due"),
        ]

    def __str__(self) -> str:
        return self.document_number or self.case_number

    @property
    def review_passed(self) -> bool:
        return self.reviewed_on is not None and self.review_result in PASSED

    def in_force_on(self, day: dt.date) -> bool:
        return (
            self.state == State.ISSUED
            and self.effective_on is not None
            and self.effective_on <= day
            and (self.expires_on is None or day <= self.expires_on)
        )


class Filing(models.Model):
    """报备 of one published document with one recipient: the period, the filing date and the
    recipient's 备案审查 result."""

    scope_jurisdiction = "document__jurisdiction"
    scope_departments = ("document__drafting_department", "document__review_department")

    document = models.ForeignKey(
        NormativeDocument,
        verbose_name="规范性文件",
        on_delete=models.CASCADE,
        related_name="filings",
    )
    recipient = models.CharField("报备对象", max_length=12, choices=Recipient)
    recipient_name = models.CharField("报备机关", max_length=80)
    period_days = models.PositiveSmallIntegerField("报备期限（日）")
    filed_on = models.DateField("报备日期", null=True, blank=True)
    result = models.CharField("备案审查结果", max_length=12, choices=FilingResult, blank=True)
    result_on = models.DateField("审查结果日期", null=True, blank=True)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "报备"
        verbose_name_plural = "报备"
        ordering = ["document_id", "recipient"]
        constraints = [
            models.UniqueConstraint(fields=["document", "recipient"], name="normdoc_filing_once")
        ]

    def __str__(self) -> str:
        return f"{self.document}·{self.get_recipient_display()}"


class CleanupBatch(models.Model):
    """一次清理: its name and basis, when it was decided, and the day its outcomes take effect."""

    scope_departments = ("department",)

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="区划", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        Department, verbose_name="组织清理机构", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("清理名称", max_length=120)
    basis = models.CharField("清理依据", max_length=200)
    started_on = models.DateField("开始日期")
    decided_on = models.DateField("清理决定日期")
    effective_on = models.DateField("清理结果生效日期")
    applied_on = models.DateField("结果已执行日期", null=True, blank=True)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "清理批次"
        verbose_name_plural = "清理批次"
        ordering = ["-effective_on", "-id"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("normative_documents:batch", args=[self.pk])


class CleanupEntry(models.Model):
    """One document's outcome in a cleanup batch."""

    scope_jurisdiction = "batch__jurisdiction"
    scope_departments = ("batch__department",)

    batch = models.ForeignKey(
        CleanupBatch, verbose_name="清理批次", on_delete=models.CASCADE, related_name="entries"
    )
    document = models.ForeignKey(
        NormativeDocument,
        verbose_name="规范性文件",
        on_delete=models.PROTECT,
        related_name="cleanup_entries",
    )
    outcome = models.CharField("清理结果", max_length=20, choices=Outcome)
    reason = models.CharField("理由", max_length=200, blank=True)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "清理结果"
        verbose_name_plural = "清理结果"
        ordering = ["batch_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "document"], name="normdoc_entry_once")
        ]

    def __str__(self) -> str:
        return f"{self.document}：{self.get_outcome_display()}"
