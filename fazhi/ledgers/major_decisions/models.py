"""重大行政决策: the annual catalog (`DecisionCatalog`) and one row per decision item
(`MajorDecision`) carrying every step of the procedure of 国务院令第713号. Which of 公众参与,
专家论证 and 风险评估 a decision needs is recorded on the row (the 承办单位 decides, Arts. 14, 19,
22); 合法性审查 and 集体讨论决定 are always required (Arts. 25, 30)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.casework.models import CaseModel
from fazhi.ledgers.major_decisions.states import CounselKind, ReviewResult, State
from fazhi.org.models import Department, Jurisdiction


class DecisionCatalog(models.Model):
    """年度重大行政决策事项目录 of one jurisdiction: published once the same-level Party committee
    agrees (Art. 3). Its items are the `MajorDecision` rows pointing at it; an item added after
    publication carries its reason, a removed one its date and reason (and the history keeps
    both)."""

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="区划", on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveSmallIntegerField("年度")
    title = models.CharField("目录名称", max_length=120)
    party_agreed_on = models.DateField("同级党委同意日期", null=True, blank=True)
    published_on = models.DateField("公布日期", null=True, blank=True)
    publication = models.CharField(
        "公布载体", max_length=200, blank=True, help_text="如：县政府门户网站、县政府文件文号"
    )
    notes = models.TextField("备注", blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "重大行政决策事项目录"
        verbose_name_plural = "重大行政决策事项目录"
        ordering = ["-year", "jurisdiction_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "year"], name="major_decisions_catalog_unique"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.published_on is not None


class MajorDecision(CaseModel):
    """One major administrative decision, from its listing in the catalog to the decision and
    its post-evaluation."""

    noun: ClassVar[str] = "决策事项"
    scope_departments = ("sponsor_department", "review_office")
    state_hints: ClassVar[dict[str, str]] = {
        State.REMOVED: "该决策事项已调出目录，不能{verb}",
    }

    catalog = models.ForeignKey(
        DecisionCatalog,
        verbose_name="所属年度目录",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="items",
        help_text="未列入目录的决策事项留空",
    )
    title = models.CharField("决策事项", max_length=200)
    sponsor_department = models.ForeignKey(
        Department, verbose_name="决策承办单位", on_delete=models.PROTECT, related_name="+"
    )
    review_office = models.ForeignKey(
        Department, verbose_name="合法性审查机构", on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField("决策事项简要内容", blank=True)
    listed_on = models.DateField("列入目录（启动）日期")
    added_reason = models.CharField(
        "增补理由", max_length=300, blank=True, help_text="目录公布后增补的事项须填写"
    )
    state = models.CharField("状态", max_length=24, choices=State, default=State.DRAFTING)

    participation_required = models.BooleanField("需公开征求意见", default=True)
    not_public_reason = models.CharField(
        "不公开征求意见的理由", max_length=300, blank=True, help_text="依法不予公开的须说明"
    )
    expert_review_required = models.BooleanField("需专家论证", default=False)
    risk_assessment_required = models.BooleanField("需风险评估", default=False)

    comment_from = models.DateField("公开征求意见开始日期", null=True, blank=True)
    comment_until = models.DateField("公开征求意见截止日期", null=True, blank=True)
    short_window_reason = models.CharField("征求意见期限少于30日的理由", max_length=300, blank=True)
    comment_closed_on = models.DateField("征求意见结束日期", null=True, blank=True)
    comments_received = models.PositiveIntegerField("收到意见（条）", null=True, blank=True)
    hearing_on = models.DateField("听证会日期", null=True, blank=True)
    hearing_materials_on = models.DateField("听证材料公布日期", null=True, blank=True)
    expert_reviewed_on = models.DateField("专家论证日期", null=True, blank=True)
    expert_opinion = models.TextField("专家论证意见", blank=True)
    risk_assessed_on = models.DateField("风险评估日期", null=True, blank=True)
    risk_conclusion = models.TextField("风险评估结论", blank=True)

    legality_submitted_on = models.DateField("送请合法性审查日期", null=True, blank=True)
    review_deadline = models.DateField("给予的审查期限", null=True, blank=True)
    legality_reviewed_on = models.DateField("出具合法性审查意见日期", null=True, blank=True)
    legality_result = models.CharField(
        "合法性审查结论", max_length=20, choices=ReviewResult, blank=True
    )
    legality_opinion = models.TextField("合法性审查意见", blank=True)
    counsel_kind = models.CharField(
        "听取法律顾问、公职律师意见", max_length=20, choices=CounselKind, default=CounselKind.NONE
    )
    counsel_name = models.CharField("法律顾问/公职律师", max_length=60, blank=True)
    review_due_on = models.DateField("合法性审查期间届满日", null=True, blank=True)
    review_due_flag_year = models.PositiveSmallIntegerField(
        "审查期间待确认日历年度", null=True, blank=True
    )

    meeting_name = models.CharField("集体讨论会议", max_length=100, blank=True)
    discussed_on = models.DateField("集体讨论日期", null=True, blank=True)
    attendees = models.CharField("出席人员", max_length=300, blank=True)
    dissent = models.TextField("不同意见", blank=True)
    head_decision = models.TextField("行政首长决定", blank=True)
    decided_on = models.DateField("作出决定日期", null=True, blank=True)
    evaluated_on = models.DateField("决策后评估日期", null=True, blank=True)
    evaluation = models.TextField("后评估结论", blank=True)
    removed_on = models.DateField("调出目录日期", null=True, blank=True)
    removal_reason = models.CharField("调出理由", max_length=300, blank=True)
    notes = models.TextField("备注", blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "重大行政决策事项"
        verbose_name_plural = "重大行政决策事项"
        ordering = ["-listed_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="major_decisions_number_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["jurisdiction", "decided_on"], name="md_jur_decided"),
            models.Index(fields=["jurisdiction", "listed_on", "id"], name="md_jur_listed_id"),
            models.Index(fields=["state", "review_due_on"], name="md_state_due"),
        ]

    def missing_steps(self) -> list[str]:
        """What the procedure still lacks before a decision may be made, named as the law does."""
        out = []
        if self.participation_required and self.comment_closed_on is None:
            out.append("公众参与（公开征求意见）")
        if self.expert_review_required and self.expert_reviewed_on is None:
            out.append("专家论证")
        if self.risk_assessment_required and self.risk_assessed_on is None:
            out.append("风险评估")
        if self.legality_reviewed_on is None:
            out.append("合法性审查")
        if self.discussed_on is None:
            out.append("集体讨论")
        return out
