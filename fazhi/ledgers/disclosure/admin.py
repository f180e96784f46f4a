from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.ledgers.disclosure.models import (
    AnnualFigures,
    NewMediaAccount,
    NewMediaInspection,
    ProactiveItem,
)


class InspectionInline(admin.TabularInline):
    model = NewMediaInspection
    extra = 1


@admin.register(NewMediaAccount)
class NewMediaAccountAdmin(SimpleHistoryAdmin):
    list_display = ("name", "platform", "department", "jurisdiction", "opened_on", "closed_on")
    list_filter = ("platform", "jurisdiction")
    inlines = [InspectionInline]


@admin.register(ProactiveItem)
class ProactiveItemAdmin(SimpleHistoryAdmin):
    list_display = ("jurisdiction", "department", "year", "category", "count")
    list_filter = ("year", "category", "jurisdiction")


@admin.register(AnnualFigures)
class AnnualFiguresAdmin(SimpleHistoryAdmin):
    list_display = ("jurisdiction", "department", "year")
    list_filter = ("year", "jurisdiction")
