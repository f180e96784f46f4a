from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.indicators.models import RateDefinition


@admin.register(RateDefinition)
class RateDefinitionAdmin(SimpleHistoryAdmin):
    list_display = ("indicator_id", "jurisdiction", "year", "numerator", "denominator", "note")
    list_filter = ("year", "jurisdiction")
    search_fields = ("indicator_id", "note")
