"""12345热线: one row per ticket (工单), the per-jurisdiction rules of its clocks and 满意 口径, and the
saved column mappings of the platforms' exports.

A ticket's number (`case_number`, 工单编号) is the platform's when it was imported, so a re-import
finds it again; a ticket registered by hand gets one from the ledger's numbering. A 不满意 rating
reopens the ticket (重办): the ticket is counted once, its re-handlings by `rehandle_count`.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.casework.models import CaseModel
from fazhi.ledgers.hotline.states import Category, Channel, Rating, State
from fazhi.org.models import Department, Jurisdiction


class HotlineTicket(CaseModel):
    noun: ClassVar[str] = "工单"
    scope_departments = ("office", "department")
    state_hints: ClassVar[dict[str, str]] = {
        State.CONCLUDED: "该工单已办结，不能{verb}",
    }

    case_number = models.CharField(
        "工单编号", max_length=40, help_text="12345平台的工单编号；手工登记可留空，由系统编号"
    )
    state = models.CharField("状态", max_length=16, choices=State, default=State.RECEIVED)
    office = models.ForeignKey(
        Department, verbose_name="受理机构", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        Department,
        verbose_name="承办单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    channel = models.CharField("来源渠道", max_length=10, choices=Channel, default=Channel.PHONE)
    category = models.CharField("诉求类型", max_length=16, choices=Category)
    requester_name = models.CharField("诉求人", max_length=40, blank=True)
    requester_phone = models.CharField("联系电话", max_length=30, blank=True)
    title = models.CharField("诉求标题", max_length=200)
    content = models.TextField("诉求内容", blank=True)
    received_on = models.DateField("受理日期")
    dispatched_on = models.DateField("派单日期", null=True, blank=True)
    accepted_on = models.DateField("签收日期", null=True, blank=True)
    returned_on = models.DateField("最近退回日期", null=True, blank=True)
    return_count = models.PositiveSmallIntegerField("退回次数", default=0)
    replied_on = models.DateField("回复日期", null=True, blank=True)
    replied_on_time = models.BooleanField(
        "按时回复", null=True, blank=True, help_text="每一轮（含重办）均在答复期限内回复"
    )
    reply_summary = models.TextField("答复内容", blank=True)
    callback_on = models.DateField("回访日期", null=True, blank=True)
    callback_reached = models.BooleanField("回访接通", null=True, blank=True)
    rating = models.CharField("评价结果", max_length=20, choices=Rating, blank=True)
    rated_on = models.DateField("评价日期", null=True, blank=True)
    rehandle_count = models.PositiveSmallIntegerField("重办次数", default=0)
    reopened_on = models.DateField("最近重办日期", null=True, blank=True)
    concluded_on = models.DateField("办结日期", null=True, blank=True)
    reply_due_on = models.DateField("答复期限届满日", null=True, blank=True)
    reply_due_flag_year = models.PositiveSmallIntegerField(
        "答复期限待确认日历年度", null=True, blank=True
    )
    import_hash = models.CharField("导入内容摘要", max_length=32, blank=True, editable=False)
    notes = models.TextField("备注", blank=True)

    # Nothing looks history up by these foreign keys; 100,000 imported rows write 300,000 index
    # entries fewer without them.
    history = HistoricalRecords(
        excluded_fields=["created_at", "import_hash"],
        no_db_index=["jurisdiction", "office", "department"],
    )

    class Meta:
        verbose_name = "12345热线工单"
        verbose_name_plural = "12345热线工单"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="hotline_ticket_number_unique"
            ),
        ]
        indexes = [
            models.Index(
                fields=["jurisdiction", "received_on", "id"], name="hotline_jur_received_id"
            ),
            models.Index(fields=["state", "reply_due_on"], name="hotline_state_due"),
        ]


class HotlineRules(models.Model):
    """The clocks and the 满意 口径 of one jurisdiction (and those below it) from `year` on, until a
    later row replaces it. No row: the defaults of statutes.md §8 and §14."""

    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name="适用区划",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="留空表示全部区划；对下级区划同样适用，除非下级另有规定",
    )
    year = models.PositiveSmallIntegerField("起始年度")
    reply_days = models.PositiveSmallIntegerField("答复期限（工作日）", default=5)
    extension_max_days = models.PositiveSmallIntegerField("延期上限（工作日）", default=10)
    return_days = models.PositiveSmallIntegerField("退回期限（工作日）", default=2)
    basic_counts_as_satisfied = models.BooleanField(
        "基本满意计入满意", default=True, help_text="满意率的分子是否包含“基本满意”"
    )
    basis = models.CharField(
        "依据", max_length=200, blank=True, help_text="如“示例市12345热线工单办理考核办法”"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="设定人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "12345热线办理规则"
        verbose_name_plural = "12345热线办理规则"
        ordering = ["jurisdiction__code", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["jurisdiction", "year"], name="hotline_rules_unique"),
        ]

    def __str__(self) -> str:
        where = self.jurisdiction.name if self.jurisdiction is not None else "全部区划"
        return f"{where}自{self.year}年度"

    def clean(self) -> None:
        errors = {}
        for name in ("reply_days", "return_days"):
            if not getattr(self, name):
                errors[name] = "期限必须为正整数"
        if errors:
            raise ValidationError(errors)


class PlatformMapping(models.Model):
    """How one platform's export names our columns: {column key: the platform's header}, and for
    choice columns {column key: {the platform's wording: our code}} (e.g. 非常满意 → satisfied)."""

    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name="适用区划",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="留空表示全部区划可用",
    )
    name = models.CharField("平台名称", max_length=60)
    columns = models.JSONField("列对应关系", default=dict)
    values = models.JSONField("取值对应关系", default=dict, blank=True)
    note = models.CharField("说明", max_length=200, blank=True)

    objects = models.Manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "12345平台导出列映射"
        verbose_name_plural = "12345平台导出列映射"
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from fazhi.ledgers.hotline.mapping import mapping_problems

        problems = mapping_problems(self.columns, self.values)
        if problems:
            raise ValidationError({"columns": problems})
