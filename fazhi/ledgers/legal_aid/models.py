"""法律援助: one row per application or criminal-case notification, and the counts of
consultations answered and documents drafted (entered per day, like the 12348 desk's tally).
挽回经济损失 is an integer count of 分."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.casework.models import CaseModel
from fazhi.ledgers.legal_aid.states import Basis, Channel, MatterType, ObjectionResult, State
from fazhi.org.models import Department, Jurisdiction, ScopedManager


class LegalAidCase(CaseModel):
    noun: ClassVar[str] = "法律援助案件"
    scope_departments = ("department",)
    state_hints: ClassVar[dict[str, str]] = {
        State.RECEIVED: "尚未作出给予法律援助的决定，不能{verb}（法律援助法第四十三条：先决定，后指派）",
        State.SUPPLEMENT: "申请材料尚待补充，尚未作出给予法律援助的决定，不能{verb}",
        State.WITHDRAWN: "申请人未按要求补充材料，已视为撤回申请，不能{verb}",
    }

    state = models.CharField("状态", max_length=24, choices=State, default=State.RECEIVED)
    department = models.ForeignKey(
        Department,
        verbose_name="法律援助机构（司法行政部门）",
        on_delete=models.PROTECT,
        related_name="+",
    )
    channel = models.CharField("来源", max_length=24, choices=Channel, default=Channel.APPLICATION)
    applicant = models.CharField("申请人（受援人）", max_length=100)
    beneficiaries = models.PositiveIntegerField("受援人数", default=1)
    matter_type = models.CharField("案件类别", max_length=20, choices=MatterType)
    matter = models.CharField("事项", max_length=300)
    basis = models.CharField("给予法律援助的依据", max_length=24, choices=Basis)
    hardship_proof = models.CharField(
        "经济困难证明", max_length=200, blank=True, help_text="如低保证、特困供养证明或个人诚信承诺"
    )
    request_received_at = models.DateTimeField(
        "办案机关（监管场所）收到申请时刻", null=True, blank=True
    )
    forwarded_at = models.DateTimeField("转交时刻", null=True, blank=True)
    received_on = models.DateField("法律援助机构收到申请（通知）日期")
    limitation_on = models.DateField(
        "诉讼时效或法定期限届满日",
        null=True,
        blank=True,
        help_text="有的填写：不足七日时提示先行提供",
    )
    supplement_notice_on = models.DateField("一次性告知补充材料日期", null=True, blank=True)
    supplement_days = models.PositiveSmallIntegerField("补充材料期限（日）", null=True, blank=True)
    supplemented_on = models.DateField("补充材料日期", null=True, blank=True)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    provisional = models.BooleanField("先行提供法律援助", default=False)
    refusal_reasons = models.TextField("不予法律援助理由", blank=True)
    objection_received_on = models.DateField("收到异议日期", null=True, blank=True)
    objection_result = models.CharField(
        "异议处理结果", max_length=12, choices=ObjectionResult, blank=True
    )
    objection_decided_on = models.DateField("异议处理日期", null=True, blank=True)
    assigned_on = models.DateField("指派日期", null=True, blank=True)
    provider = models.CharField("承办律师（机构）", max_length=100, blank=True)
    closed_on = models.DateField("结案日期", null=True, blank=True)
    amount_recovered_fen = models.BigIntegerField("挽回经济损失（分）", default=0)
    withdrawn_on = models.DateField("视为撤回日期", null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    due_on = models.DateField("当前期限届满日", null=True, blank=True)
    due_flag_year = models.PositiveSmallIntegerField("期限待确认日历年度", null=True, blank=True)
    notes = models.TextField("备注", blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "法律援助案件"
        verbose_name_plural = "法律援助案件"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="legal_aid_case_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(amount_recovered_fen__gte=0), name="legal_aid_amount_nonneg"
            ),
        ]
        indexes = [
            models.Index(fields=["jurisdiction", "received_on", "id"], name="la_jur_received"),
            models.Index(fields=["jurisdiction", "assigned_on"], name="la_jur_assigned"),
            models.Index(fields=["state", "due_on"], name="la_state_due"),
        ]


class ServiceDay(models.Model):
    """Consultations answered and legal documents drafted by the legal-aid body on one day."""

    scope_jurisdiction = "jurisdiction"
    scope_departments = ("department",)

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="区划", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        Department, verbose_name="法律援助机构", on_delete=models.PROTECT, related_name="+"
    )
    on = models.DateField("日期")
    consultations = models.PositiveIntegerField("法律咨询（人次）", default=0)
    documents_drafted = models.PositiveIntegerField("代写法律文书（份）", default=0)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "法律咨询和代写文书"
        verbose_name_plural = "法律咨询和代写文书"
        ordering = ["-on"]
        constraints = [
            models.UniqueConstraint(fields=["department", "on"], name="legal_aid_service_day"),
            models.CheckConstraint(
                condition=models.Q(consultations__gte=0, documents_drafted__gte=0),
                name="legal_aid_service_nonneg",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.on} 咨询{self.consultations} 文书{self.documents_drafted}"
