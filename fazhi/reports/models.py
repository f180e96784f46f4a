"""The annual 法治政府建设年度报告: one per jurisdiction and year, five statutory parts, and the
figures frozen in them (《法治政府建设与责任落实督察工作规定》, statutes.md §13)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from fazhi.org.models import Department, Jurisdiction, Level, Role, ScopedQuerySet


class Status(models.TextChoices):
    DRAFT = "draft", "起草"
    REVIEW = "review", "审核"
    FINAL = "final", "定稿"
    SUBMITTED = "submitted", "报送"
    SECRECY_CHECKED = "secrecy", "保密审查"
    PUBLISHED = "published", "公开"


class Layout(models.TextChoices):
    PLAIN = "plain", "普通版式"
    RED = "red", "红头版式（红色发文机关标志和分隔线）"


class Origin(models.TextChoices):
    DRAFTED = "drafted", "在系统中起草"
    UPLOADED = "uploaded", "上传"


class ReportQuerySet(ScopedQuerySet):
    """The one visibility rule, plus: the coordinating office (and its leaders) of a county also see
    the reports of the townships below it, whose own reports it chases (statutes.md §13)."""

    def visible_to(self, user: Any) -> ScopedQuerySet:
        base = super().visible_to(user)
        if (
            getattr(user, "is_authenticated", False)
            and not user.is_superuser
            and user.role in (Role.COORDINATOR, Role.LEADER)
            and user.jurisdiction_id
        ):
            return self.filter(
                models.Q(pk__in=base.values("pk"))
                | models.Q(
                    jurisdiction__parent_id=user.jurisdiction_id,
                    jurisdiction__level=Level.TOWNSHIP,
                )
            )
        return base


class ReportManager(models.Manager.from_queryset(ReportQuerySet)):  # type: ignore[misc]
    pass


class AnnualReport(models.Model):
    """The report of a government (department empty), of a township government (its jurisdiction
    is the township), or of a county-level department (`department` set)."""

    noun = "报告"
    state_field = "status"  # for the casework transition engine
    scope_jurisdiction = "jurisdiction"
    scope_departments = ("drafting_department",)

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="区划", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        Department,
        verbose_name="报告部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="部门的年度报告填写本项；政府（含乡镇政府）的报告不填",
    )
    origin = models.CharField("来源", max_length=10, choices=Origin, default=Origin.DRAFTED)
    uploaded_file = models.FileField("上传的报告文件", upload_to="reports/uploads/", blank=True)
    uploaded_text = models.TextField("上传报告的正文", blank=True, editable=False)
    year = models.PositiveSmallIntegerField("报告年度")
    status = models.CharField("状态", max_length=12, choices=Status, default=Status.DRAFT)
    title = models.CharField("标题", max_length=200)
    opening = models.TextField("开头语", blank=True)
    doc_number = models.CharField("发文字号", max_length=60, blank=True)
    recipient = models.CharField("主送机关（上级政府）", max_length=100, blank=True)
    signer = models.CharField("署名机关", max_length=100, blank=True)
    signatory = models.CharField("签发人", max_length=40, blank=True)
    layout = models.CharField("版式", max_length=8, choices=Layout, default=Layout.PLAIN)
    issued_on = models.DateField("成文日期", null=True, blank=True)
    drafting_department = models.ForeignKey(
        Department,
        verbose_name="起草部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    drafted_at = models.DateTimeField("起草时间", null=True, blank=True)
    submitted_on = models.DateField("报送日期", null=True, blank=True)
    published_on = models.DateField("公开日期", null=True, blank=True)
    published_url = models.URLField("公开网址", blank=True)
    secrecy_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="保密审查人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    secrecy_checked_on = models.DateField("保密审查日期", null=True, blank=True)
    secrecy_note = models.CharField("保密审查意见", max_length=300, blank=True)

    objects = ReportManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "法治政府建设年度报告"
        verbose_name_plural = "法治政府建设年度报告"
        ordering = ["-year", "jurisdiction__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "year"],
                condition=models.Q(department__isnull=True),
                name="annual_report_unique",
            ),
            models.UniqueConstraint(
                fields=["department", "year"],
                condition=models.Q(department__isnull=False),
                name="annual_report_department_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def unit_name(self) -> str:
        """Who reports: 示例县人民政府, 城关镇人民政府, 示例县公安局."""
        if self.department_id:
            return f"{self.jurisdiction.name}{self.department.name}"  # type: ignore[union-attr]
        return self.jurisdiction.government_name

    @property
    def is_unit_report(self) -> bool:
        """A department's or a township's report (chased by the county's coordinating office)."""
        return bool(self.department_id) or self.jurisdiction.level == Level.TOWNSHIP

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.pk])

    def public_url(self) -> str:
        if self.department_id:
            return reverse("reports:public_unit", args=[self.pk])
        return reverse("reports:public", args=[self.jurisdiction.code, self.year])


class RecipientKind(models.TextChoices):
    SUPERIOR_PARTY = "superior_party", "上一级党委"
    SUPERIOR_GOV = "superior_gov", "上一级政府"
    SAME_PARTY = "same_party", "本级党委"
    SAME_NPC = "same_npc", "本级人大常委会"
    SAME_GOV = "same_gov", "本级政府"
    UPPER_DEPARTMENT = "upper_department", "上一级主管部门"
    RULE_OF_LAW_OFFICE = "rule_of_law_office", "依法治理办公室（抄送）"


class ReportRecipient(models.Model):
    """One row of 报送 (statutes.md §13): to whom the report goes, and when it was sent."""

    report = models.ForeignKey(
        AnnualReport, verbose_name="报告", on_delete=models.CASCADE, related_name="recipients"
    )
    position = models.PositiveSmallIntegerField("顺序")
    kind = models.CharField("报送对象类别", max_length=20, choices=RecipientKind)
    name = models.CharField("报送机关", max_length=100)
    is_copy = models.BooleanField("抄送", default=False)
    sent_on = models.DateField("报送日期", null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="登记人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "报送记录"
        verbose_name_plural = "报送记录"
        ordering = ["report", "position"]
        constraints = [
            models.UniqueConstraint(fields=["report", "kind"], name="report_recipient_unique")
        ]

    def __str__(self) -> str:
        return self.name


class ReportReminder(models.Model):
    """The coordinating office chased a unit for its report: who, by whom, when (the tracker)."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="统筹区划", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("报告年度")
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
    note = models.CharField("催办内容", max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="催办人", on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("催办时间", auto_now_add=True)

    class Meta:
        verbose_name = "年度报告催办记录"
        verbose_name_plural = "年度报告催办记录"
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.year}年度催办：{self.department or self.township}"


class ReportPart(models.Model):
    """One of the five statutory parts. `text` holds paragraphs, one a line; a line starting with
    "## " is a level-2 heading; figures are tokens `{{fig:<indicator id>}}`."""

    report = models.ForeignKey(
        AnnualReport, verbose_name="报告", on_delete=models.CASCADE, related_name="parts"
    )
    number = models.PositiveSmallIntegerField("部分")
    title = models.CharField("标题", max_length=100)
    text = models.TextField("正文", blank=True)
    # The text as the last draft from the ledgers produced it: a rebuild replaces a part only
    # while `text` still equals it, so nobody's hand-written part is lost.
    drafted_text = models.TextField("台账起草文本", blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "报告部分"
        verbose_name_plural = "报告部分"
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_part_unique")
        ]

    def __str__(self) -> str:
        return self.title


class FigureToken(models.Model):
    """A figure in the text, linked to its indicator, with the value frozen when it was drafted."""

    report = models.ForeignKey(
        AnnualReport, verbose_name="报告", on_delete=models.CASCADE, related_name="figures"
    )
    indicator_id = models.CharField("指标", max_length=80)
    has_source = models.BooleanField("有数据来源", default=True)
    value = models.DecimalField("数值", max_digits=20, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField("分子", max_digits=20, decimal_places=4, null=True, blank=True)
    denominator = models.DecimalField(
        "分母", max_digits=20, decimal_places=4, null=True, blank=True
    )
    text = models.CharField("显示文字", max_length=200)
    unit = models.CharField("单位", max_length=20)
    basis = models.CharField("口径", max_length=300, blank=True)
    row_count = models.IntegerField("行数", null=True, blank=True)
    url = models.CharField("明细链接", max_length=500, blank=True)
    frozen_at = models.DateTimeField("取数时间")

    class Meta:
        verbose_name = "报告数字"
        verbose_name_plural = "报告数字"
        ordering = ["report", "indicator_id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator_id"], name="figure_token_unique")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}={self.text}"


class Acknowledgement(models.Model):
    """An open reconciliation issue accepted at approval, with the written reason."""

    report = models.ForeignKey(
        AnnualReport, verbose_name="报告", on_delete=models.CASCADE, related_name="acknowledgements"
    )
    key = models.CharField("问题编号", max_length=200)
    description = models.CharField("问题", max_length=500)
    reason = models.TextField("理由")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="确认人", on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("确认时间", auto_now_add=True)

    class Meta:
        verbose_name = "核对问题确认"
        verbose_name_plural = "核对问题确认"
        ordering = ["report", "at"]

    def __str__(self) -> str:
        return self.key


class RenderState(models.TextChoices):
    QUEUED = "queued", "排队中"
    RUNNING = "running", "正在生成"
    DONE = "done", "已生成"
    FAILED = "failed", "未能生成"


class RenderedFile(models.Model):
    """A PDF rendered in the background (django-tasks, `reports.tasks.render_pdf`): LibreOffice takes
    about 2 s and converts one file at a time, so the page polls this row instead of waiting."""

    report = models.ForeignKey(
        AnnualReport, verbose_name="报告", on_delete=models.CASCADE, related_name="rendered_files"
    )
    state = models.CharField("状态", max_length=10, choices=RenderState, default=RenderState.QUEUED)
    file = models.FileField("文件", upload_to="reports/rendered/", blank=True)
    error = models.TextField("错误说明", blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="申请人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField("申请时间", auto_now_add=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)
    # The lease of the worker rendering it: a worker killed mid-render stops beating, and the row
    # is then queued again or failed (reports.tasks.recover_stale) instead of running for ever.
    heartbeat_at = models.DateTimeField("心跳时间", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    task_id = models.CharField("后台任务编号", max_length=64, blank=True)

    class Meta:
        verbose_name = "生成的报告文件"
        verbose_name_plural = "生成的报告文件"
        ordering = ["report", "-requested_at"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.get_state_display()}"


class DeskJob(models.Model):
    """One batch of the 报告审查台, reviewed in the background (`reports.desk_jobs.review_batch`):
    uploads and reports already in fazhi. The page shows a progress bar, then the result kept
    here. The uploads are kept only until the batch has been reviewed."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="申请人", on_delete=models.CASCADE, related_name="+"
    )
    requested_at = models.DateTimeField("申请时间", auto_now_add=True)
    state = models.CharField("状态", max_length=10, choices=RenderState, default=RenderState.QUEUED)
    total = models.PositiveSmallIntegerField("文件数")
    # Reports already in fazhi chosen beside the uploads, in column order; the worker renders
    # each (and refuses one its requester can no longer see) when the batch runs.
    report_ids = models.JSONField("选择的系统内报告", default=list, blank=True)
    done = models.PositiveSmallIntegerField("已审查", default=0)
    result = models.BinaryField("审查结果", blank=True, default=b"")
    error = models.TextField("错误说明", blank=True)
    heartbeat_at = models.DateTimeField("心跳时间", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("尝试次数", default=0)
    task_id = models.CharField("后台任务编号", max_length=64, blank=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = "报告审查批次"
        verbose_name_plural = "报告审查批次"
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"审查批次 {self.pk}（{self.done}/{self.total}）"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


class DeskUpload(models.Model):
    """A file waiting in a DeskJob; deleted as soon as the batch is reviewed."""

    job = models.ForeignKey(DeskJob, on_delete=models.CASCADE, related_name="uploads")
    position = models.PositiveSmallIntegerField("顺序")
    name = models.CharField("文件名", max_length=255)
    data = models.BinaryField("内容")

    class Meta:
        verbose_name = "待审查文件"
        verbose_name_plural = "待审查文件"
        ordering = ["job", "position"]
