"""口径 of rates, configurable per jurisdiction and year, with history.

A rate has no national definition (statutes.md §14): 纠错率 may divide by cases concluded on the
merits, by all concluded cases, or by new cases. A `RateDefinition` row fixes the numerator and
denominator ids for one jurisdiction (and everything below it) from `year` on, until a later row
replaces it. With no row the catalog default applies (first denominator listed).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from fazhi.org.models import Jurisdiction


class RateDefinition(models.Model):
    indicator_id = models.CharField("比率指标", max_length=80, db_index=True)
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        verbose_name="适用区划",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="留空表示全部区划；对下级区划同样适用，除非下级另有规定",
    )
    year = models.PositiveSmallIntegerField(
        "起始年度", help_text="自该年度起适用，直至更晚年度的口径替换"
    )
    numerator = models.CharField("分子指标", max_length=80)
    denominator = models.CharField("分母指标", max_length=80)
    note = models.CharField(
        "口径说明",
        max_length=300,
        blank=True,
        help_text="如“纠错含撤销、变更、确认违法、确认无效、责令履行”",
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
        verbose_name = "比率口径"
        verbose_name_plural = "比率口径"
        ordering = ["indicator_id", "jurisdiction__code", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator_id", "jurisdiction", "year"], name="rate_definition_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.year}"

    def clean(self) -> None:
        from fazhi.indicators.catalog import KIND_RATE, get_catalog

        catalog = get_catalog()
        errors = {}
        ind = catalog.indicators.get(self.indicator_id)
        if ind is None or ind.kind != KIND_RATE:
            errors["indicator_id"] = f"“{self.indicator_id}”不是指标目录中的比率指标"
        for field in ("numerator", "denominator"):
            value = getattr(self, field)
            if value not in catalog.indicators:
                errors[field] = f"指标目录中没有“{value}”"
            elif catalog.indicators[value].kind == KIND_RATE:
                errors[field] = "分子和分母必须是计数指标，不能是比率"
        if errors:
            raise ValidationError(errors)
