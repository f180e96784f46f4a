"""合同及涉法文件审核: one row per item a department sends to the 司法局 for legality review."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.casework.models import CaseModel
from fazhi.ledgers.legality_review.states import Adoption, Kind, Result, ReviewerKind, State
from fazhi.lib.money import fen_to_yuan_text
from fazhi.org.models import Department


class LegalityReview(CaseModel):
    """One contract, 行政协议, legal document or meeting topic reviewed for legality. The
    submitting department and the 司法局 both see it; the amount is an integer of 分."""

    noun: ClassVar[str] = "审核事项"
    scope_departments = ("submitting_department", "reviewing_office")

    kind = models.CharField("类别", max_length=24, choices=Kind)
    title = models.CharField("送审事项", max_length=200)
    submitting_department = models.ForeignKey(
        Department, verbose_name="送审单位", on_delete=models.PROTECT, related_name="+"
    )
    reviewing_office = models.ForeignKey(
        Department, verbose_name="审核机构", on_delete=models.PROTECT, related_name="+"
    )
    counterparty = models.CharField("合同相对方", max_length=200, blank=True)
    amount_fen = models.BigIntegerField("合同金额（分）", null=True, blank=True)
    state = models.CharField("状态", max_length=12, choices=State, default=State.SUBMITTED)
    submitted_on = models.DateField("送审日期")
    materials_complete_on = models.DateField("材料齐全日期", null=True, blank=True)
    returned_on = models.DateField("退回补充材料日期", null=True, blank=True)
    return_reason = models.CharField("需补充的材料", max_length=300, blank=True)
    resupplied_on = models.DateField("补齐材料日期", null=True, blank=True)
    reviewed_on = models.DateField("出具审核意见日期", null=True, blank=True)
    result = models.CharField("审核结论", max_length=24, choices=Result, blank=True)
    opinion_count = models.PositiveIntegerField("审核意见（条）", null=True, blank=True)
    opinion = models.TextField("审核意见", blank=True)
    reviewer_kind = models.CharField("审核人员", max_length=20, choices=ReviewerKind, blank=True)
    reviewer_name = models.CharField("审核人员姓名", max_length=60, blank=True)
    adoption = models.CharField("意见采纳情况", max_length=12, choices=Adoption, blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)
    review_due_on = models.DateField("审核期限届满日", null=True, blank=True)
    review_due_flag_year = models.PositiveSmallIntegerField(
        "审核期限待确认日历年度", null=True, blank=True
    )
    notes = models.TextField("备注", blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "合同及涉法文件审核"
        verbose_name_plural = "合同及涉法文件审核"
        ordering = ["-submitted_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="legality_review_number_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(amount_fen__isnull=True) | models.Q(amount_fen__gte=0),
                name="legality_review_amount_not_negative",
            ),
        ]
        indexes = [
            models.Index(fields=["jurisdiction", "reviewed_on"], name="lr_jur_reviewed"),
            models.Index(fields=["jurisdiction", "submitted_on", "id"], name="lr_jur_submitted_id"),
            models.Index(fields=["state", "review_due_on"], name="lr_state_due"),
        ]

    @property
    def amount_text(self) -> str:
        return fen_to_yuan_text(self.amount_fen) if self.amount_fen is not None else "—"
