"""行政执法: certificates, enforcement decisions, the 权责清单 and 案卷评查 (statutes.md §12)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from fazhi.casework.models import CaseModel
from fazhi.lib.cn_date import cn_date
from fazhi.org.models import Department, Jurisdiction, ScopedManager


class CertificateKind(models.TextChoices):
    ENFORCEMENT = "enforcement_certificate", "行政执法证"
    SUPERVISION = "supervision_certificate", "行政执法监督证"


class CertificateState(models.TextChoices):
    VALID = "valid", "有效"
    EXPIRED = "expired", "已到期"
    REVOKED = "revoked", "已注销"


class PowerKind(models.TextChoices):
    PENALTY = "penalty", "行政处罚"
    COERCION = "coercion", "行政强制"
    LICENSING = "licensing", "行政许可"
    INSPECTION = "inspection", "行政检查"
    COLLECTION = "collection", "行政征收"
    CONFIRMATION = "confirmation", "行政确认"
    OTHER = "other", "其他"


class Grade(models.TextChoices):
    EXCELLENT = "excellent", "优秀"
    QUALIFIED = "qualified", "合格"
    UNQUALIFIED = "unqualified", "不合格"


class EnforcementCertificate(CaseModel):
    """One certificate held by one officer; valid from its issue date to the date it states,
    unless cancelled (注销) earlier."""

    noun: ClassVar[str] = "执法证件"

    kind = models.CharField(
        "证件类别", max_length=30, choices=CertificateKind, default=CertificateKind.ENFORCEMENT
    )
    certificate_number = models.CharField("证件编号", max_length=40)
    holder_name = models.CharField("持证人", max_length=30)
    department = models.ForeignKey(
        Department, verbose_name="所在执法部门", on_delete=models.PROTECT, related_name="+"
    )
    issued_on = models.DateField("发证日期")
    valid_until = models.DateField("有效期至", help_text="证件上载明的有效期截止日")
    state = models.CharField(
        "状态", max_length=10, choices=CertificateState, default=CertificateState.VALID
    )
    last_reviewed_on = models.DateField("最近年审日期", null=True, blank=True)
    revoked_on = models.DateField("注销日期", null=True, blank=True)
    revoke_reason = models.CharField("注销原因", max_length=200, blank=True)
    review_due_on = models.DateField("年审期限", null=True, blank=True)
    review_due_flag_year = models.PositiveSmallIntegerField(
        "年审期限待确认日历年度", null=True, blank=True
    )

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "行政执法证件"
        verbose_name_plural = "行政执法证件"
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="enforcement_cert_number_unique"
            ),
        ]
        indexes = [models.Index(fields=["jurisdiction", "issued_on"], name="enf_cert_issued")]

    def __str__(self) -> str:
        return f"{self.holder_name}（{self.certificate_number}）"

    def invalid_reason(self, day: dt.date) -> str:
        """Why this certificate does not allow enforcement on `day` ("" if it does)."""
        who = f"{self.holder_name}的{self.get_kind_display()}（{self.certificate_number}）"
        if self.kind != CertificateKind.ENFORCEMENT:
            return f"{who}不是行政执法证，不能据以执法"
        if day < self.issued_on:
            return f"{who}于{cn_date(self.issued_on)}发证，{cn_date(day)}尚未取得"
        if day > self.valid_until:
            return f"{who}已于{cn_date(self.valid_until)}到期，{cn_date(day)}不具有执法资格"
        if self.revoked_on is not None and day >= self.revoked_on:
            return f"{who}已于{cn_date(self.revoked_on)}注销，{cn_date(day)}不具有执法资格"
        return ""

    def problems(self) -> dict[str, str]:
        if self.issued_on and self.valid_until and self.valid_until <= self.issued_on:
            return {"valid_until": "有效期截止日应晚于发证日期"}
        return {}


def valid_on_q(day: dt.date, prefix: str = "") -> Q:
    """Certificates that allow enforcement on `day` (the Q twin of `invalid_reason`)."""
    return Q(
        **{
            f"{prefix}kind": CertificateKind.ENFORCEMENT,
            f"{prefix}issued_on__lte": day,
            f"{prefix}valid_until__gte": day,
        }
    ) & (Q(**{f"{prefix}revoked_on__isnull": True}) | Q(**{f"{prefix}revoked_on__gt": day}))


class CertificateReview(models.Model):
    """One 年度审验 of a certificate: passed or not, and whether the officer completed the year's
    training (the figure `enforcement.officers_trained`)."""

    scope_jurisdiction = "certificate__jurisdiction"
    scope_departments = ("certificate__department",)

    certificate = models.ForeignKey(
        EnforcementCertificate,
        verbose_name="证件",
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    reviewed_on = models.DateField("年审日期")
    passed = models.BooleanField("年审通过")
    trained = models.BooleanField("完成年度培训考试", default=False)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "执法证年审"
        verbose_name_plural = "执法证年审"
        ordering = ["reviewed_on", "id"]

    def __str__(self) -> str:
        return f"{self.certificate}·{self.reviewed_on:%Y}年审"


class EnforcementDecision(CaseModel):
    """An enforcement decision (处罚、强制、许可…) made by two certified officers; a 重大执法决定
    carries its 法制审核."""

    noun: ClassVar[str] = "执法决定"
    scope_departments = ("department",)

    department = models.ForeignKey(
        Department, verbose_name="执法部门", on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField("决定日期")
    kind = models.CharField("行为类别", max_length=20, choices=PowerKind, default=PowerKind.PENALTY)
    document_number = models.CharField("决定书文号", max_length=60, blank=True)
    party = models.CharField("当事人", max_length=100)
    summary = models.CharField("案由", max_length=200)
    officer = models.ForeignKey(
        EnforcementCertificate,
        verbose_name="执法人员（证件）",
        on_delete=models.PROTECT,
        related_name="+",
    )
    second_officer = models.ForeignKey(
        EnforcementCertificate,
        verbose_name="第二名执法人员（证件）",
        on_delete=models.PROTECT,
        related_name="+",
    )
    penalty_fen = models.BigIntegerField(
        "罚没金额（分）", default=0, validators=[MinValueValidator(0, "罚没金额不能为负数")]
    )
    is_major = models.BooleanField("重大执法决定", default=False)
    legally_reviewed_on = models.DateField("法制审核日期", null=True, blank=True)
    reviewer_name = models.CharField("法制审核人员", max_length=30, blank=True)
    first_review = models.BooleanField("初次从事法制审核", default=False)
    reviewer_qualified = models.BooleanField("审核人员取得法律职业资格", default=False)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "行政执法决定"
        verbose_name_plural = "行政执法决定"
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="enforcement_decision_number_unique"
            ),
        ]
        indexes = [models.Index(fields=["jurisdiction", "decided_on"], name="enf_dec_decided")]

    def problems(self) -> dict[str, str]:
        out: dict[str, str] = {}
        day = self.decided_on
        for name in ("officer", "second_officer"):
            cert = getattr(self, name, None) if getattr(self, f"{name}_id", None) else None
            if cert is not None and day is not None:
                reason = cert.invalid_reason(day)
                if reason:
                    out[name] = reason
                elif cert.department_id != self.department_id:
                    out[name] = f"{cert.holder_name}不是本执法部门的执法人员"
        if self.officer_id and self.officer_id == self.second_officer_id:
            out["second_officer"] = (
                "执法人员不得少于两人（行政处罚法第四十二条），请填写另一名执法人员"
            )
        if self.is_major and self.legally_reviewed_on is None:
            out["legally_reviewed_on"] = (
                "重大执法决定应当在作出决定前进行法制审核（行政处罚法第五十八条）"
            )
        if self.legally_reviewed_on and day and self.legally_reviewed_on > day:
            out["legally_reviewed_on"] = "法制审核应当在作出决定之前"
        if self.legally_reviewed_on and not self.reviewer_name:
            out["reviewer_name"] = "请填写法制审核人员"
        if self.first_review and not self.reviewer_qualified:
            out["reviewer_qualified"] = (
                "初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格"
                "（行政处罚法第五十八条）"
            )
        if self.penalty_fen and self.kind != PowerKind.PENALTY:
            out["penalty_fen"] = "只有行政处罚决定才有罚没金额"
        return out


class Power(CaseModel):
    """One item of a department's 权责清单, and whether it is delegated to townships."""

    noun: ClassVar[str] = "权责事项"

    department = models.ForeignKey(
        Department, verbose_name="实施部门", on_delete=models.PROTECT, related_name="+"
    )
    listed_on = models.DateField("列入清单日期")
    item = models.CharField("事项名称", max_length=200)
    kind = models.CharField("事项类别", max_length=20, choices=PowerKind)
    legal_basis = models.TextField("设定依据")
    delegated = models.BooleanField("下放乡镇（街道）", default=False)
    delegated_on = models.DateField("下放日期", null=True, blank=True)
    withdrawn_on = models.DateField("取消日期", null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "权责清单事项"
        verbose_name_plural = "权责清单事项"
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="enforcement_power_number_unique"
            ),
        ]

    def problems(self) -> dict[str, str]:
        if self.delegated and self.delegated_on is None:
            return {"delegated_on": "下放乡镇（街道）的事项请填写下放日期"}
        if not self.delegated and self.delegated_on is not None:
            return {"delegated": "填写了下放日期的，请勾选“下放乡镇（街道）”"}
        if self.withdrawn_on and self.listed_on and self.withdrawn_on < self.listed_on:
            return {"withdrawn_on": "取消日期不能早于列入清单日期"}
        return {}


class ReviewCampaign(models.Model):
    """A 案卷评查 campaign: its year and its score sheet (items and their full marks are local,
    so they are configured per campaign)."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="区划", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("评查活动", max_length=100)
    started_on = models.DateField("开始日期")
    excellent_from = models.PositiveSmallIntegerField("优秀分数线", default=90)
    qualified_from = models.PositiveSmallIntegerField("合格分数线", default=70)

    objects = ScopedManager()
    history = HistoricalRecords()
    scope_departments: ClassVar[tuple[str, ...]] = ()

    class Meta:
        verbose_name = "案卷评查活动"
        verbose_name_plural = "案卷评查活动"

    def __str__(self) -> str:
        return self.title

    @property
    def full_marks(self) -> int:
        return sum(i.max_points for i in self.items.all())


class ScoreItem(models.Model):
    campaign = models.ForeignKey(
        ReviewCampaign, verbose_name="评查活动", on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField("序号")
    name = models.CharField("评查项目", max_length=60)
    max_points = models.PositiveSmallIntegerField("分值")

    class Meta:
        verbose_name = "评分项目"
        verbose_name_plural = "评分项目"
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.name}（{self.max_points}分）"


class CaseFileReview(CaseModel):
    """One case file sampled in a campaign, its score per item of the campaign's sheet, the
    problems found and where their rectification is tracked (the 整改台账's number, by text)."""

    noun: ClassVar[str] = "评查案卷"
    scope_departments = ("department",)

    campaign = models.ForeignKey(
        ReviewCampaign, verbose_name="评查活动", on_delete=models.PROTECT, related_name="files"
    )
    department = models.ForeignKey(
        Department, verbose_name="被评查单位", on_delete=models.PROTECT, related_name="+"
    )
    reviewed_on = models.DateField("评查日期")
    file_number = models.CharField("案卷号", max_length=60)
    scores = models.CharField(
        "各项得分",
        max_length=200,
        help_text="按评分表顺序填写各项得分，以顿号或逗号分隔，如“18、20、15、25、9”",
    )
    issues_found = models.PositiveSmallIntegerField(
        "发现问题（条）", default=0, validators=[MinValueValidator(0, "发现问题数不能为负数")]
    )
    issues_text = models.TextField("问题描述", blank=True)
    rectification_ref = models.CharField(
        "整改台账编号", max_length=60, blank=True, help_text="督查督办·整改台账中对应事项的编号"
    )
    rectified_on = models.DateField("整改完成日期", null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "评查案卷"
        verbose_name_plural = "评查案卷"
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="enforcement_review_number_unique"
            ),
        ]

    def parsed_scores(self) -> list[int] | None:
        parts = [p.strip() for p in self.scores.replace("，", "、").replace(",", "、").split("、")]
        if not all(p.isascii() and p.isdigit() for p in parts):
            return None
        return [int(p) for p in parts]

    def problems(self) -> dict[str, str]:
        if not getattr(self, "campaign_id", None):
            return {}
        items = list(self.campaign.items.all())
        scores = self.parsed_scores()
        if scores is None:
            return {"scores": "各项得分应为以顿号分隔的非负整数"}
        if len(scores) != len(items):
            return {"scores": f"评分表有{len(items)}个项目，您填写了{len(scores)}个得分"}
        for item, score in zip(items, scores, strict=True):
            if score > item.max_points:
                return {"scores": f"“{item.name}”满分{item.max_points}分，得分{score}超出评分范围"}
        if self.rectified_on and self.reviewed_on and self.rectified_on < self.reviewed_on:
            return {"rectified_on": "整改完成日期不能早于评查日期"}
        if self.issues_found and not self.issues_text:
            return {"issues_text": "发现问题的，请描述问题"}
        return {}

    @property
    def total(self) -> int | None:
        scores = self.parsed_scores()
        return sum(scores) if scores is not None else None

    @property
    def grade(self) -> str:
        """优秀/合格/不合格 by the campaign's lines, computed when read."""
        total = self.total
        if total is None:
            return ""
        c = self.campaign
        if total >= c.excellent_from:
            return str(Grade.EXCELLENT.label)
        return str(Grade.QUALIFIED.label if total >= c.qualified_from else Grade.UNQUALIFIED.label)
