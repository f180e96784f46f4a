"""建议提案: one row per suggestion (人大代表建议) or proposal (政协提案), with its handling
dates, the reply's class (A/B/C) and the deputy's rating. Co-handling departments are listed by
name (协办单位); the lead department and the 交办 office see and edit the row."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.casework.models import CaseModel
from fazhi.ledgers.proposals.states import Category, ContactMethod, Kind, Rating, State
from fazhi.org.models import Department

CO_SEPARATOR = "、"


class Proposal(CaseModel):
    noun: ClassVar[str] = "建议提案"
    scope_departments = ("lead_department", "office")
    state_hints: ClassVar[dict[str, str]] = {
        State.REGISTERED: "该件尚未交办，不能{verb}（请先交办承办单位）",
        State.CONCLUDED: "该件已办结，不能{verb}",
    }

    case_number = models.CharField("登记编号", max_length=40)
    kind = models.CharField("类别", max_length=8, choices=Kind)
    session = models.CharField(
        "届次会议", max_length=60, help_text="如“县第十八届人民代表大会第四次会议”"
    )
    proposal_number = models.CharField("建议（提案）号", max_length=20, help_text="如“第12号”")
    authors = models.CharField("领衔代表（提案人）", max_length=100)
    title = models.CharField("标题", max_length=200)
    state = models.CharField("状态", max_length=16, choices=State, default=State.REGISTERED)
    office = models.ForeignKey(
        Department, verbose_name="交办单位", on_delete=models.PROTECT, related_name="+"
    )
    lead_department = models.ForeignKey(
        Department, verbose_name="主办单位", on_delete=models.PROTECT, related_name="+"
    )
    co_departments = models.CharField(
        "协办单位", max_length=300, blank=True, help_text="本区划部门名称，多个用“、”分隔"
    )
    received_on = models.DateField("收到日期")
    assigned_on = models.DateField("交办日期", null=True, blank=True)
    difficult = models.BooleanField("难度较大件（六个月办理）", default=False)
    difficult_reason = models.CharField("难度较大的理由", max_length=300, blank=True)
    difficult_marked_on = models.DateField("认定难度较大日期", null=True, blank=True)
    contacted_on = models.DateField("见面沟通日期", null=True, blank=True)
    contact_method = models.CharField("沟通方式", max_length=12, choices=ContactMethod, blank=True)
    first_replied_on = models.DateField("首次答复日期", null=True, blank=True)
    replied_on = models.DateField("答复日期", null=True, blank=True)
    category = models.CharField("答复类别", max_length=12, choices=Category, blank=True)
    rating = models.CharField("代表（委员）评价", max_length=20, choices=Rating, blank=True)
    rated_on = models.DateField("评价日期", null=True, blank=True)
    rehandle_count = models.PositiveSmallIntegerField("重办次数", default=0)
    reply_due_on = models.DateField("答复期限届满日", null=True, blank=True)
    reply_due_flag_year = models.PositiveSmallIntegerField(
        "答复期限待确认日历年度", null=True, blank=True
    )
    notes = models.TextField("备注", blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "建议提案"
        verbose_name_plural = "建议提案"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="proposals_case_number_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["jurisdiction", "received_on", "id"], name="prop_jur_received_id"),
            models.Index(fields=["state", "reply_due_on"], name="prop_state_due"),
        ]

    @property
    def co_department_names(self) -> list[str]:
        return [n for n in (s.strip() for s in self.co_departments.split(CO_SEPARATOR)) if n]

    @property
    def kind_word(self) -> str:
        """建议 or 提案, as the 答复函 names the item."""
        return "建议" if self.kind == Kind.NPC else "提案"

    @property
    def author_word(self) -> str:
        return "代表" if self.kind == Kind.NPC else "委员"
