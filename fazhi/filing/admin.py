from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.filing.models import FiledValue, FilingRound, FilingUnit


@admin.register(FilingRound)
class FilingRoundAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["title", "jurisdiction", "year", "deadline", "closed_at"]


@admin.register(FilingUnit)
class FilingUnitAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["round", "department", "township", "reopened_until"]


@admin.register(FiledValue)
class FiledValueAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    list_display = ["unit", "indicator_id", "value", "state", "late"]
    list_filter = ["state"]
