"""依申请公开 rows, and the yearly counts the 政府信息公开工作年度报告 needs besides them.

The receipt date is derived, never typed: the clerk records the channel and the date of its
evidence (签收、确认), and `receipt_explanation` says which clause of Art. 31 makes it the day the
reply clock starts from. Money is integer 分 (`fazhi.lib.money`).
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.casework.models import CaseModel
from fazhi.ledgers.disclosure.states import (
    CHANNEL_RULE,
    ApplicantKind,
    Channel,
    ConsulteeKind,
    FeeBasis,
    Ground,
    Opinion,
    Platform,
    ProactiveCategory,
    ReplyType,
    State,
)
from fazhi.lib.cn_date import cn_date
from fazhi.org.models import Department, Jurisdiction, ScopedManager


class DisclosureRequest(CaseModel):
    noun: ClassVar[str] = "政府信息公开申请"
    state_hints: ClassVar[dict[str, str]] = {
        State.CONSULTING: "正在征求意见，答复期限已暂停；请先登记收到意见再{verb}",
        State.CORRECTION: "正在等待申请人补正，请先登记收到补正申请再{verb}",
    }
    scope_departments = ("department",)

    state = models.CharField("状态", max_length=24, choices=State, default=State.RECEIVED)
    department = models.ForeignKey(
        Department, verbose_name="受理机关（部门）", on_delete=models.PROTECT, related_name="+"
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    applicant_name = models.CharField("申请人", max_length=100)
    applicant_kind = models.CharField("申请人类别", max_length=20, choices=ApplicantKind)
    applicant_contact = models.CharField("联系方式", max_length=100, blank=True)
    subject = models.CharField("申请公开的政府信息", max_length=300)
    requested_form = models.CharField("获取信息的方式", max_length=60, blank=True)
    # 收到申请 (Art. 31)
    channel = models.CharField("提交方式", max_length=20, choices=Channel)
    submitted_on = models.DateField("申请人提交（寄出）日期", null=True, blank=True)
    evidence_on = models.DateField(
        "签收或确认日期",
        help_text="当面提交：提交日；邮寄：签收日；平常信函：与申请人确认日；网络、传真：双方确认日",
    )
    received_on = models.DateField("收到申请日期")
    # 补正 (Art. 30): reviewed (no 补正 needed) or one notice
    reviewed_on = models.DateField("审查确认日期", null=True, blank=True)
    correction_requested_on = models.DateField("补正通知日期", null=True, blank=True)
    correction_items = models.CharField("补正事项", max_length=300, blank=True)
    correction_period_days = models.PositiveSmallIntegerField(
        "补正期限（工作日）", null=True, blank=True
    )
    correction_received_on = models.DateField("收到补正申请日期", null=True, blank=True)
    # 征求意见 (Arts. 32, 34)
    consulted_on = models.DateField("征求意见发函日期", null=True, blank=True)
    consultee_kind = models.CharField(
        "征求意见对象", max_length=16, choices=ConsulteeKind, blank=True
    )
    consultee_name = models.CharField("被征求意见方", max_length=100, blank=True)
    consultation_served_on = models.DateField("对方收到征求意见书日期", null=True, blank=True)
    consultation_answered_on = models.DateField("收到意见（或期满）日期", null=True, blank=True)
    opinion = models.CharField("意见", max_length=10, choices=Opinion, blank=True)
    # 收费 (国办函〔2020〕109号)
    fee_notice_on = models.DateField("收费通知日期", null=True, blank=True)
    fee_basis = models.CharField("计收方式", max_length=12, choices=FeeBasis, blank=True)
    fee_fen = models.PositiveIntegerField("信息处理费（分）", null=True, blank=True)
    fee_paid_on = models.DateField("缴费日期", null=True, blank=True)
    # 延期 (Art. 33(2))
    extended_on = models.DateField("延期批准日期", null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField("延长工作日数", null=True, blank=True)
    extension_approver = models.CharField("延期批准人", max_length=60, blank=True)
    extension_notified_on = models.DateField("告知申请人延期日期", null=True, blank=True)
    # 答复 (Art. 36)
    replied_on = models.DateField("答复（办结）日期", null=True, blank=True)
    reply_type = models.CharField("处理结果", max_length=20, choices=ReplyType, blank=True)
    reply_ground = models.CharField("具体情形", max_length=20, choices=Ground, blank=True)
    answered_on_time = models.BooleanField("按期答复", null=True, blank=True)
    reply_due_on = models.DateField("答复期限届满日", null=True, blank=True)
    reply_due_flag_year = models.PositiveSmallIntegerField(
        "答复期限待确认日历年度", null=True, blank=True
    )
    # A request can be the origin of a 行政复议 case and of a lawsuit.
    reconsideration_case = models.ForeignKey(
        "reconsideration.ReconsiderationCase",
        verbose_name="引发的行政复议案件",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    litigation_case = models.ForeignKey(
        "litigation.LitigationCase",
        verbose_name="引发的行政诉讼案件",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField("备注", blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="disclosure_case_number_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["jurisdiction", "received_on", "id"], name="discl_jur_received"),
            models.Index(fields=["jurisdiction", "replied_on"], name="discl_jur_replied"),
            models.Index(fields=["state", "reply_due_on"], name="discl_state_due"),
        ]

    @property
    def receipt_explanation(self) -> str:
        """Why `received_on` is the day it is (Art. 31), in one line."""
        if not self.channel or self.evidence_on is None:
            return ""
        what, clause = CHANNEL_RULE[self.channel]
        text = f"{self.get_channel_display()}，以{what}{cn_date(self.evidence_on)}为收到申请之日（《政府信息公开条例》{clause}）"
        if self.submitted_on and self.submitted_on != self.evidence_on:
            text += f"；申请人于{cn_date(self.submitted_on)}提交（寄出），不以该日起算"
        return text

    @property
    def fee_yuan_text(self) -> str:
        from fazhi.lib.money import fen_to_yuan_text

        return fen_to_yuan_text(self.fee_fen) if self.fee_fen is not None else ""


class ProactiveItem(models.Model):
    """主动公开 items of one category in a year (counted on the portal or entered with evidence)."""

    scope_departments = ("department",)

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="区划", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        Department,
        verbose_name="公开机关（部门）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="人民政府本级的留空",
    )
    year = models.PositiveSmallIntegerField("年度")
    category = models.CharField("类别", max_length=20, choices=ProactiveCategory)
    count = models.PositiveIntegerField("条数")
    evidence = models.CharField("数据来源", max_length=200, help_text="如：门户网站栏目统计导出")

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "主动公开信息"
        verbose_name_plural = "主动公开信息"
        ordering = ["-year", "category", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "department", "year", "category"],
                name="discl_proactive_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}年{self.get_category_display()}{self.count}条"


class NewMediaAccount(models.Model):
    """A 政务新媒体 account under supervision, from its opening to its closure."""

    scope_departments = ("department",)

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="区划", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        Department, verbose_name="主办单位", on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField("账号名称", max_length=100)
    platform = models.CharField("平台", max_length=10, choices=Platform)
    opened_on = models.DateField("开设日期")
    closed_on = models.DateField("关停注销日期", null=True, blank=True)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "政务新媒体"
        verbose_name_plural = "政务新媒体"
        ordering = ["department_id", "name"]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_platform_display()}）"


class NewMediaInspection(models.Model):
    scope_jurisdiction = "account__jurisdiction"
    scope_departments = ("account__department",)

    account = models.ForeignKey(
        NewMediaAccount, verbose_name="账号", on_delete=models.CASCADE, related_name="inspections"
    )
    inspected_on = models.DateField("检查日期")
    passed = models.BooleanField("合格", default=True)
    findings = models.CharField("检查发现的问题", max_length=300, blank=True)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "政务新媒体检查"
        verbose_name_plural = "政务新媒体检查"
        ordering = ["-inspected_on", "id"]
        indexes = [models.Index(fields=["inspected_on"], name="discl_inspected_on")]

    def __str__(self) -> str:
        return f"{self.account}·{self.inspected_on:%Y-%m-%d}"


class AnnualFigures(models.Model):
    """What the annual report's 第二部分 and its texts need that no ledger row gives: entered per
    year with its source. 规范性文件 counts are entered here until the 规范性文件 ledger feeds them."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="区划", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        Department,
        verbose_name="部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="人民政府本级（汇总）的留空",
    )
    year = models.PositiveSmallIntegerField("年度")
    rules_issued = models.PositiveIntegerField("规章：本年制发件数", default=0)
    rules_repealed = models.PositiveIntegerField("规章：本年废止件数", default=0)
    rules_in_force = models.PositiveIntegerField("规章：现行有效件数", default=0)
    normative_issued = models.PositiveIntegerField("行政规范性文件：本年制发件数", default=0)
    normative_repealed = models.PositiveIntegerField("行政规范性文件：本年废止件数", default=0)
    normative_in_force = models.PositiveIntegerField("行政规范性文件：现行有效件数", default=0)
    licensing_decisions = models.PositiveIntegerField("行政许可：本年处理决定数量", default=0)
    penalty_decisions = models.PositiveIntegerField("行政处罚：本年处理决定数量", default=0)
    coercion_decisions = models.PositiveIntegerField("行政强制：本年处理决定数量", default=0)
    fees_fen = models.PositiveBigIntegerField("行政事业性收费：本年收费金额（分）", default=0)
    evidence = models.CharField("数据来源", max_length=300, blank=True)
    overview = models.TextField("一、总体情况（补充文字）", blank=True)
    problems = models.TextField("五、存在的主要问题及改进情况", blank=True)
    other_matters = models.TextField("六、其他需要报告的事项", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "信息公开年报填报数据"
        verbose_name_plural = "信息公开年报填报数据"
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "department", "year"], name="discl_annual_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.jurisdiction}{self.year}年信息公开年报填报数据"
