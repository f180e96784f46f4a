"""行政复议 cases, their applicants and the per-(复议机关, year) case-number counter."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from fazhi.ledgers.reconsideration.states import (
    ActCategory,
    ApplicantKind,
    Channel,
    HearingForm,
    LawVersion,
    Outcome,
    Procedure,
    State,
    TerminationReason,
)
from fazhi.lib.cn_date import cn_date
from fazhi.org.models import Department, Jurisdiction, ScopedManager


class ReconsiderationCase(models.Model):
    """One application to the 复议机关 (the jurisdiction's government), from receipt to closure."""

    scope_jurisdiction = "jurisdiction"
    scope_departments = ("handling_department", "respondent_department")

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="复议机关（区划）", on_delete=models.PROTECT, related_name="+"
    )
    case_number = models.CharField("案号", max_length=40)
    case_year = models.PositiveSmallIntegerField("案号年度")
    case_serial = models.PositiveIntegerField("案号序号", null=True, blank=True)
    state = models.CharField("状态", max_length=24, choices=State, default=State.RECEIVED)
    law_version = models.CharField("适用法律版本", max_length=4, choices=LawVersion)
    law_version_reason = models.CharField("法律版本调整理由", max_length=200, blank=True)
    procedure = models.CharField(
        "审理程序", max_length=12, choices=Procedure, default=Procedure.ORDINARY
    )
    hearing_form = models.CharField(
        "审理方式", max_length=12, choices=HearingForm, default=HearingForm.WRITTEN
    )
    channel = models.CharField(
        "申请方式", max_length=12, choices=Channel, default=Channel.IN_PERSON
    )

    handling_department = models.ForeignKey(
        Department, verbose_name="复议机构", on_delete=models.PROTECT, related_name="+"
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    applicant_names = models.CharField("申请人", max_length=200, blank=True)
    respondent_department = models.ForeignKey(
        Department,
        verbose_name="被申请人（部门）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    respondent_name = models.CharField("被申请人", max_length=100)
    act_category = models.CharField("行政行为类别", max_length=16, choices=ActCategory)
    act_description = models.CharField("被申请复议的行政行为", max_length=300)
    request = models.TextField("复议请求", blank=True)

    received_on = models.DateField("收到申请日期")
    # Optional: starts the applicant's 60-day application period (2023 Art. 20; 2017 Art. 9).
    knew_of_act_on = models.DateField(
        "知道该行政行为之日",
        null=True,
        blank=True,
        help_text="申请人知道或者应当知道该行政行为之日；填写后自动计算60日申请期限",
    )
    correction_requested_on = models.DateField("补正通知日期", null=True, blank=True)
    correction_items = models.CharField("补正事项", max_length=300, blank=True)
    correction_received_on = models.DateField("收到补正材料日期", null=True, blank=True)
    accepted_on = models.DateField("受理日期", null=True, blank=True)
    deemed_accepted = models.BooleanField("视为受理", default=False)
    deemed_abandoned = models.BooleanField("逾期未补正视为放弃", default=False)
    copy_sent_on = models.DateField("发送申请书副本（答复通知）日期", null=True, blank=True)
    answered_on = models.DateField("被申请人答复日期", null=True, blank=True)
    hearing_on = models.DateField("听证（听取意见）日期", null=True, blank=True)
    hearing_scheduled_on = models.DateField("拟定听证日期", null=True, blank=True)
    hearing_notice_on = models.DateField("听证通知日期", null=True, blank=True)
    suspended_on = models.DateField("中止日期", null=True, blank=True)
    suspension_reason = models.CharField("中止原因", max_length=200, blank=True)
    procedure_switched_on = models.DateField("转为普通程序日期", null=True, blank=True)
    extended_on = models.DateField("延期批准日期", null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField("延长日数", null=True, blank=True)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="延期批准人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_on = models.DateField("结案日期", null=True, blank=True)
    outcome = models.CharField("结案方式", max_length=24, choices=Outcome, blank=True)
    termination_reason = models.CharField(
        "终止原因", max_length=20, choices=TerminationReason, blank=True
    )
    closure_note = models.CharField("结案说明", max_length=300, blank=True)
    decision_due_on = models.DateField("审理期限届满日", null=True, blank=True)
    # Set while the decision clock needs a year whose calendar is not confirmed (due date unknown).
    decision_due_flag_year = models.PositiveSmallIntegerField(
        "审理期限待确认日历年度", null=True, blank=True
    )
    concluded_on_time = models.BooleanField("按期审结", null=True, blank=True)
    carried_over = models.BooleanField("上年结转", default=False)
    opinion_letter = models.BooleanField("制发行政复议意见书", default=False)
    recommendation_letter = models.BooleanField("制发行政复议建议书", default=False)
    lawsuit_ref = models.CharField("后续行政诉讼", max_length=100, blank=True)
    notes = models.TextField("备注", blank=True)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = ScopedManager()
    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "行政复议案件"
        verbose_name_plural = "行政复议案件"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="recon_case_number_unique"
            ),
        ]
        indexes = [
            # The list's order is (-received_on, -id); the indicators filter on the date ranges.
            models.Index(
                fields=["jurisdiction", "received_on", "id"], name="recon_jur_received_id"
            ),
            models.Index(fields=["received_on", "id"], name="recon_received_id"),
            models.Index(fields=["jurisdiction", "closed_on"], name="recon_jur_closed"),
            models.Index(fields=["jurisdiction", "accepted_on"], name="recon_jur_accepted"),
            models.Index(
                fields=["handling_department", "received_on"], name="recon_handling_received"
            ),
            models.Index(
                fields=["respondent_department", "received_on"], name="recon_resp_received"
            ),
            models.Index(fields=["state", "decision_due_on"], name="recon_state_due"),
        ]

    def __str__(self) -> str:
        return self.case_number

    def get_absolute_url(self) -> str:
        return reverse("reconsideration:detail", args=[self.pk])

    @property
    def decision_due_text(self) -> str:
        """The cached 审理期限届满日 for pages: a date, "2027年日历未确认", or "—"."""
        if self.decision_due_on is not None:
            return cn_date(self.decision_due_on)
        if self.decision_due_flag_year:
            return f"{self.decision_due_flag_year}年日历未确认"
        return "—"

    @property
    def is_simplified(self) -> bool:
        return self.procedure == Procedure.SIMPLIFIED

    def refresh_applicant_names(self) -> None:
        names = "、".join(a.name for a in self.applicants.all())
        self.applicant_names = names[:200]


class Applicant(models.Model):
    """申请人 (natural person, legal person or other organisation) and its 委托代理人."""

    scope_jurisdiction = "case__jurisdiction"
    scope_departments = ("case__handling_department", "case__respondent_department")

    case = models.ForeignKey(
        ReconsiderationCase,
        verbose_name="案件",
        on_delete=models.CASCADE,
        related_name="applicants",
    )
    kind = models.CharField(
        "申请人类型", max_length=20, choices=ApplicantKind, default=ApplicantKind.NATURAL_PERSON
    )
    name = models.CharField("申请人姓名（名称）", max_length=100)
    id_number = models.CharField("身份证件号码（统一社会信用代码）", max_length=30, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    address = models.CharField("住所（联系地址）", max_length=200, blank=True)
    agent_name = models.CharField("委托代理人", max_length=60, blank=True)
    agent_phone = models.CharField("代理人电话", max_length=30, blank=True)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "申请人"
        verbose_name_plural = "申请人"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class CaseNumberCounter(models.Model):
    """The last serial used per 复议机关 and year; locked with SELECT … FOR UPDATE so two
    clerks saving at once never get the same 案号."""

    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "案号计数器"
        verbose_name_plural = "案号计数器"
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "year"], name="recon_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction_id}/{self.year}: {self.last}"


def case_number_text(prefix: str, year: int, serial: int) -> str:
    return f"{prefix}政复〔{year}〕{serial}号"
