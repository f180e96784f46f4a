from __future__ import annotations

from django.contrib import admin

from fazhi.workcal.models import CalendarDay, CalendarState, CalendarYear


class CalendarDayInline(admin.TabularInline):
    model = CalendarDay
    extra = 0


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    list_display = [
        "year",
        "confirmed",
        "source_note",
        "entered_by",
        "confirmed_by",
        "confirmed_at",
    ]
    list_filter = ["confirmed"]
    inlines = [CalendarDayInline]


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "name", "calendar_year"]
    list_filter = ["kind", "calendar_year"]
    date_hierarchy = "date"
    search_fields = ["name"]


@admin.register(CalendarState)
class CalendarStateAdmin(admin.ModelAdmin):
    list_display = ["token", "changed_at"]
