"""A ledger-like model for the clock kernel's tests. It has a migration (PostgreSQL creates
run_syncdb tables before migrated ones, so an unmigrated FK to org would fail there)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models

from fazhi.clocks.spec import ClockSpec, Unit
from fazhi.org.models import ScopedManager

ACCEPT_REVIEW = ClockSpec(
    "acceptance_review",
    "受理审查期限",
    5,
    Unit.WORKING_DAY,
    "行政复议法第三十条",
    law_version="2023",
)
DECISION = ClockSpec(
    "decision",
    "复议决定期限",
    60,
    Unit.CALENDAR_DAY,
    "行政复议法第六十二条",
    law_version="2023",
    max_extension=30,
    extension_approver="行政复议机构负责人",
    pausable=True,
)
REPLY = ClockSpec(
    "reply",
    "答复期限",
    20,
    Unit.WORKING_DAY,
    "政府信息公开条例第三十三条",
    max_extension=20,
    pausable=True,
)
SIMPLIFIED = ClockSpec(
    "decision_simplified", "简易程序决定期限", 30, Unit.CALENDAR_DAY, "行政复议法第六十二条第二款"
)


class Matter(models.Model):
    title = models.CharField("事项", max_length=100)
    jurisdiction = models.ForeignKey("org.Jurisdiction", on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey("org.Department", on_delete=models.PROTECT, related_name="+")
    other_department = models.ForeignKey(
        "org.Department", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects: ClassVar[ScopedManager] = ScopedManager()
    scope_jurisdiction = "jurisdiction"
    scope_departments = ("department", "other_department")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/testapp/matters/{self.pk}/"
