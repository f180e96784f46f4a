"""The 案号 counters move to the casework numbering service (one table for every ledger)."""

from __future__ import annotations

from typing import Any

from django.db import migrations


def copy_counters(apps: Any, schema_editor: Any) -> None:
    old = apps.get_model("reconsideration", "CaseNumberCounter")
    new = apps.get_model("casework", "NumberCounter")
    new.objects.bulk_create(
        [
            new(ledger="reconsideration", jurisdiction_id=c.jurisdiction_id, year=c.year, last=c.last)
            for c in old.objects.all()
        ]
    )


def copy_back(apps: Any, schema_editor: Any) -> None:
    old = apps.get_model("reconsideration", "CaseNumberCounter")
    new = apps.get_model("casework", "NumberCounter")
    old.objects.bulk_create(
        [
            old(jurisdiction_id=c.jurisdiction_id, year=c.year, last=c.last)
            for c in new.objects.filter(ledger="reconsideration")
        ]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reconsideration", "0007_clock_outcomes"),
        ("casework", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_counters, copy_back),
        migrations.DeleteModel(name="CaseNumberCounter"),
    ]
