from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from fazhi.reports.models import Acknowledgement, AnnualReport, FigureToken, ReportPart


@admin.register(AnnualReport)
class AnnualReportAdmin(SimpleHistoryAdmin):
    list_display = ("title", "jurisdiction", "year", "status")
    list_filter = ("status", "year")


admin.site.register(ReportPart, SimpleHistoryAdmin)
admin.site.register(FigureToken)
admin.site.register(Acknowledgement)
