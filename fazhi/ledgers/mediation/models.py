"""人民调解: committees, their mediators, one row per dispute with its parties, and the daily
count of questions answered on the spot.

A written agreement takes effect only when every party and the mediator have signed and the
committee has sealed it (人民调解法 Art. 29); the signatures are the parties' `signed_on` and the
case's `mediator_signed_on` and `committee_sealed_on`, and `missing_signatures()` names what is
still missing. An oral agreement takes effect when reached (Art. 30)."""

from __future__ import annotations

from typing import ClassVar

from django.core.validators import MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.casework.models import CaseModel
from fazhi.ledgers.mediation.states import (
    AgreementForm,
    CommitteeKind,
    DisputeType,
    MediatorKind,
    Referral,
    Side,
    Source,
    State,
)
from fazhi.org.models import Department, Jurisdiction, ScopedManager


class MediationCommittee(models.Model):
    """人民调解委员会 or another people's mediation organisation."""

    scope_jurisdiction = "jurisdiction"
    scope_departments = ("department",)

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="区划", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        Department,
        verbose_name="指导单位（司法行政部门）",
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField("调解组织名称", max_length=80)
    kind = models.CharField("类型", max_length=16, choices=CommitteeKind)
    township = models.CharField("所在乡镇（街道）", max_length=40, blank=True)
    established_on = models.DateField("成立日期")
    dissolved_on = models.DateField("撤销日期", null=True, blank=True)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "人民调解组织"
        verbose_name_plural = "人民调解组织"
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "name"], name="mediation_committee_name_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Mediator(models.Model):
    """人民调解员 (专职 or 兼职) of one committee."""

    scope_jurisdiction = "committee__jurisdiction"
    scope_departments = ("committee__department",)

    committee = models.ForeignKey(
        MediationCommittee,
        verbose_name="调解组织",
        on_delete=models.PROTECT,
        related_name="mediators",
    )
    name = models.CharField("姓名", max_length=30)
    kind = models.CharField("专兼职", max_length=10, choices=MediatorKind)
    appointed_on = models.DateField("聘任日期")
    left_on = models.DateField("解聘日期", null=True, blank=True)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "人民调解员"
        verbose_name_plural = "人民调解员"
        ordering = ["committee", "name"]

    def __str__(self) -> str:
        return f"{self.name}（{self.get_kind_display()}）"


class MediationCase(CaseModel):
    """One dispute taken up by a committee."""

    noun: ClassVar[str] = "矛盾纠纷"
    scope_departments = ("department",)
    state_hints: ClassVar[dict[str, str]] = {
        State.FAILED: "该纠纷已调解不成并终结，不能{verb}",
        State.CONFIRMATION: "该纠纷已申请司法确认，不能{verb}",
    }

    state = models.CharField("状态", max_length=24, choices=State, default=State.ACCEPTED)
    department = models.ForeignKey(
        Department, verbose_name="指导单位", on_delete=models.PROTECT, related_name="+"
    )
    committee = models.ForeignKey(
        MediationCommittee, verbose_name="调解组织", on_delete=models.PROTECT, related_name="cases"
    )
    mediator = models.ForeignKey(
        Mediator,
        verbose_name="调解员",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    received_on = models.DateField("受理日期")
    source = models.CharField("纠纷来源", max_length=12, choices=Source, default=Source.APPLICATION)
    dispute_type = models.CharField("纠纷类型", max_length=20, choices=DisputeType)
    summary = models.CharField("纠纷简要情况", max_length=300, blank=True)
    is_major = models.BooleanField("重大疑难", default=False)
    concluded_on = models.DateField("调解终结日期", null=True, blank=True)
    agreement_form = models.CharField("协议形式", max_length=20, choices=AgreementForm, blank=True)
    agreement_terms = models.TextField("协议内容", blank=True)
    mediator_signed_on = models.DateField("调解员签名日期", null=True, blank=True)
    committee_sealed_on = models.DateField("调解委员会盖章日期", null=True, blank=True)
    agreement_effective_on = models.DateField("协议生效日期", null=True, blank=True)
    confirmation_applied_on = models.DateField("申请司法确认日期", null=True, blank=True)
    confirmation_court = models.CharField("司法确认法院", max_length=60, blank=True)
    referral = models.CharField("调解不成引导途径", max_length=24, choices=Referral, blank=True)
    mediation_due_on = models.DateField("调解期限届满日", null=True, blank=True)
    mediation_due_flag_year = models.PositiveSmallIntegerField(
        "调解期限待确认日历年度", null=True, blank=True
    )
    notes = models.TextField("备注", blank=True)

    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = "矛盾纠纷"
        verbose_name_plural = "矛盾纠纷"
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["jurisdiction", "case_number"], name="mediation_case_number_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["jurisdiction", "received_on", "id"], name="med_jur_received"),
            models.Index(fields=["jurisdiction", "concluded_on"], name="med_jur_concluded"),
            models.Index(fields=["state", "mediation_due_on"], name="med_state_due"),
        ]

    @property
    def party_names(self) -> str:
        return "、".join(p.name for p in self.parties.all())

    def missing_signatures(self) -> list[str]:
        """Who has still to sign or seal a written agreement (Art. 29), in order."""
        out = [f"当事人{p.name}" for p in self.parties.all() if p.signed_on is None]
        if self.mediator_signed_on is None:
            out.append("调解员")
        if self.committee_sealed_on is None:
            out.append("调解委员会（盖章）")
        return out


class MediationParty(models.Model):
    """A party to the dispute, and the day they signed (sealed, fingerprinted) the agreement."""

    scope_jurisdiction = "case__jurisdiction"
    scope_departments = ("case__department",)

    case = models.ForeignKey(
        MediationCase, verbose_name="纠纷", on_delete=models.CASCADE, related_name="parties"
    )
    name = models.CharField("当事人", max_length=60)
    side = models.CharField("当事人身份", max_length=12, choices=Side, default=Side.APPLICANT)
    signed_on = models.DateField("签名（盖章、按指印）日期", null=True, blank=True)

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "当事人"
        verbose_name_plural = "当事人"
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class ConsultationDay(models.Model):
    """Questions a committee answered on the spot on one day, without opening a case."""

    scope_jurisdiction = "committee__jurisdiction"
    scope_departments = ("committee__department",)

    committee = models.ForeignKey(
        MediationCommittee,
        verbose_name="调解组织",
        on_delete=models.PROTECT,
        related_name="consultation_days",
    )
    on = models.DateField("日期")
    count = models.PositiveIntegerField(
        "现场解答咨询（人次）",
        validators=[MinValueValidator(0, "现场解答人次不能为负数")],
    )

    objects = ScopedManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = "现场解答咨询"
        verbose_name_plural = "现场解答咨询"
        ordering = ["-on", "committee"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "on"], name="mediation_consult_day"),
            models.CheckConstraint(
                condition=models.Q(count__gte=0), name="mediation_consult_count_nonneg"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.committee} {self.on}：{self.count}"
