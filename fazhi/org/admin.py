"""Admin pages for fixing org data."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from fazhi.org.models import Department, Jurisdiction, User


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent")
    search_fields = ("code", "name")


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ("name", "jurisdiction", "is_legal_office")
    list_filter = ("jurisdiction",)
    search_fields = ("name",)


@admin.register(User)
class FazhiUserAdmin(UserAdmin):
    list_display = ("username", "full_name", "role", "jurisdiction", "department", "is_active")
    list_filter = ("role", "jurisdiction")
    fieldsets = (
        *UserAdmin.fieldsets,
        ("组织与角色", {"fields": ("full_name", "role", "jurisdiction", "department", "title")}),
    )  # type: ignore[misc]
