"""行政应诉: a lawsuit per instance against an agency of the jurisdiction, and its court hearings.

Whether a hearing counts as a 负责人出庭 is decided from its row (`Hearing.is_leader_appearance`,
`LEADER_Q`) per statutes.md §3: only the defendant organ's own 正职/副职/分管负责人 with identity
proved under seal; a lawyer alone is no appearance, a subordinate agency's leader no 负责人.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from fazhi.casework.choices import ActCategory
from fazhi.casework.models import CaseModel
from fazhi.ledgers.litigation.states import (
    HEAD_ROLES,
    Appellant,
    DecisionKind,
    Disposition,
    Instance,
    MandatoryAttendance,
    OrganRelation,
    Role,
    State,
    WithdrawalReason,
)
from fazhi.org.models import Department, ScopedManager

# 2018 interpretation Art. 128, 法释〔2020〕3号 Arts. 2, 6, 10.
LEADER_Q = Q(role__in=HEAD_ROLES, organ_relation=OrganRelation.OWN, identity_proved=True)


class LitigationCase(CaseModel):
    """One lawsuit at one instance; a 二审 or 再审 is a row of its own linked to the one before."""

    noun: ClassVar[str] = "诉讼案件"
    scope_departments = ("defendant_department", "handling_department")

    case_number = models.CharField("案号", max_length=40, help_text="本系统登记编号；法院案号另填")
    court_case_number = models.CharField("法院案号", max_length=60, blank=True)
    court_name = models.CharField("受理法院", max_length=60)
    trial_level = models.CharField("审级", max_length=16, choices=Instance, default=Instance.FIRST)
    previous_instance = models.ForeignKey(
        "self",
        verbose_name="前审案件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="next_instances",
    )
    state = models.CharField("状态", max_length=16, choices=State, default=State.RECEIVED)
    plaintiffs = models.CharField("原告", max_length=200)
    handling_department = models.ForeignKey(
        Department, verbose_name="应诉协调机构", on_delete=models.PROTECT, related_name="+"
    )
    defendant_department = models.ForeignKey(
        Department,
        verbose_name="被告（部门）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="被告为人民政府本身的留空",
    )
    defendant_name = models.CharField("被告", max_length=100)
    act_category = models.CharField("被诉行政行为类别", max_length=16, choices=ActCategory)
    act_description = models.CharField("被诉行政行为", max_length=300)
    claims = models.TextField("诉讼请求", blank=True)
    reconsideration_case = models.ForeignKey(
        "reconsideration.ReconsiderationCase",
        verbose_name="关联行政复议案件",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    counsel = models.CharField("代理律师", max_length=100, blank=True)
    mandatory_attendance = models.CharField(
        "负责人应当出庭情形",
        max_length=20,
        choices=MandatoryAttendance,
        default=MandatoryAttendance.NONE,
    )
    complaint_received_on = models.DateField("收到起诉状（上诉状）副本日期")
    answered_on = models.DateField("提交答辩状及证据日期", null=True, blank=True)
    answered_on_time = models.BooleanField("按期答辩举证", null=True, blank=True)
    decision_kind = models.CharField("裁判类型", max_length=10, choices=DecisionKind, blank=True)
    disposition = models.CharField("裁判结果", max_length=24, choices=Disposition, blank=True)
    decided_on = models.DateField("裁判日期", null=True, blank=True)
    decision_served_on = models.DateField("裁判文书送达日期", null=True, blank=True)
    withdrawal_reason = models.CharField(
        "撤诉原因", max_length=16, choices=WithdrawalReason, blank=True
    )
    act_changed_on = models.DateField("被告改变行政行为日期", null=True, blank=True)
    appealed_on = models.DateField("上诉日期", null=True, blank=True)
    appellant = models.CharField("上诉人", max_length=10, choices=Appellant, blank=True)
    effective_on = models.DateField("生效日期", null=True, blank=True)
    performed_on = models.DateField("履行完毕日期", null=True, blank=True)
    answer_due_on = models.DateField("答辩举证期限届满日", null=True, blank=True)
    answer_due_flag_year = models.PositiveSmallIntegerField(
        "答辩期限待确认日历年度", null=True, blank=True
    )
    notes = models.TextField("备注", blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "行政诉讼案件"
        verbose_name_plural = "行政诉讼案件"
        ordering = ["-complaint_received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="litigation_case_number_unique"
            ),
        ]
        indexes = [
            models.Index(
                fields=["jurisdiction", "complaint_received_on", "id"],
                name="litig_jur_received_id",
            ),
            models.Index(fields=["jurisdiction", "decided_on"], name="litig_jur_decided"),
            models.Index(fields=["state", "answer_due_on"], name="litig_state_due"),
        ]

    @property
    def is_loss(self) -> bool:
        from fazhi.ledgers.litigation.rules import loss_dispositions

        return self.disposition in loss_dispositions()


class Hearing(models.Model):
    """One court session: the court's notice, who appeared for the defendant, and in what role."""

    scope_jurisdiction = "case__jurisdiction"
    scope_departments = ("case__defendant_department", "case__handling_department")

    case = models.ForeignKey(
        LitigationCase, verbose_name="案件", on_delete=models.CASCADE, related_name="hearings"
    )
    scheduled_for = models.DateField("开庭日期")
    notice_received_on = models.DateField("收到出庭通知日期", null=True, blank=True)
    held_on = models.DateField("实际开庭日期", null=True, blank=True)
    appearer_name = models.CharField("出庭人员", max_length=30, blank=True)
    appearer_title = models.CharField("职务", max_length=60, blank=True)
    role = models.CharField("出庭身份", max_length=20, choices=Role, blank=True)
    organ_relation = models.CharField(
        "出庭人员所在单位", max_length=12, choices=OrganRelation, default=OrganRelation.OWN
    )
    identity_proved = models.BooleanField("已提交加盖印章的身份证明", default=False)
    spoke_on_substance = models.BooleanField("就实质性争议发表意见", default=False)
    lawyer_present = models.BooleanField("律师共同出庭", default=False)
    absence_reason = models.CharField("负责人未出庭理由", max_length=300, blank=True)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "开庭"
        verbose_name_plural = "开庭"
        ordering = ["scheduled_for", "id"]
        indexes = [models.Index(fields=["held_on", "case"], name="litig_hearing_held")]

    def __str__(self) -> str:
        return f"{self.case}·{self.scheduled_for:%Y-%m-%d}"

    @property
    def is_leader_appearance(self) -> bool:
        """The Python twin of LEADER_Q (tested against it)."""
        return (
            self.held_on is not None
            and self.role in HEAD_ROLES
            and self.organ_relation == OrganRelation.OWN
            and self.identity_proved
        )

    @property
    def appearance_text(self) -> str:
        """Why this session does or does not count as a 负责人出庭, in one line."""
        if self.held_on is None:
            return "尚未开庭"
        if self.is_leader_appearance:
            return f"{self.get_role_display()}{self.appearer_name}出庭，计为负责人出庭"
        if self.role == Role.LAWYER:
            return "仅律师出庭，不计为出庭应诉（2018年行诉法解释第一百二十八条）"
        if self.role in HEAD_ROLES and self.organ_relation != OrganRelation.OWN:
            return "下级或受委托机关负责人出庭，不是被诉机关负责人，计为相应工作人员出庭"
        if self.role in HEAD_ROLES:
            return "未提交加盖印章的身份证明，视为负责人未出庭（法释〔2020〕3号第六条）"
        if self.role == Role.STAFF:
            return "相应的工作人员出庭，不计为负责人出庭"
        return "被告无人出庭"
