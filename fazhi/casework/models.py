"""The abstract case every ledger row extends, and the case-number counter they share."""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from fazhi.org.models import Jurisdiction, ScopedManager


class CaseModel(models.Model):
    """A ledger row placed in a jurisdiction, with a 案号 from the numbering service and a state
    that only the ledger's transitions change. Subclasses add `state` (with their choices),
    `scope_departments`, `history = HistoricalRecords()` and their own fields."""

    noun: ClassVar[str] = "案件"  # what a row is called in messages ("该案件已被他人处理")
    # State → the message shown when a transition is refused in that state ({verb}: the action).
    state_hints: ClassVar[dict[str, str]] = {}
    scope_jurisdiction: ClassVar[str] = "jurisdiction"
    scope_departments: ClassVar[tuple[str, ...]] = ("department",)

    jurisdiction = models.ForeignKey(
        Jurisdiction, verbose_name="区划", on_delete=models.PROTECT, related_name="+"
    )
    case_number = models.CharField("案号", max_length=40)
    case_year = models.PositiveSmallIntegerField("案号年度")
    case_serial = models.PositiveIntegerField("案号序号", null=True, blank=True)
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    objects = ScopedManager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.case_number

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        # Several ledgers may share an app (registers): `register_ledger` names the row's own.
        key = getattr(type(self), "ledger_key", "") or self._meta.app_label
        return reverse(f"{key}:detail", args=[self.pk])


class NumberCounter(models.Model):
    """The last serial used per ledger, jurisdiction and year; locked with SELECT … FOR UPDATE so
    two clerks saving at once never get the same 案号."""

    ledger = models.CharField("台账", max_length=40)
    jurisdiction = models.ForeignKey(Jurisdiction, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "案号计数器"
        verbose_name_plural = "案号计数器"
        constraints = [
            models.UniqueConstraint(
                fields=["ledger", "jurisdiction", "year"], name="casework_counter_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.ledger}/{self.jurisdiction_id}/{self.year}: {self.last}"
