"""Every fresh database (test databases too) gets the 2004–2026 calendar."""

from django.db import migrations


def seed(apps, schema_editor):
    from fazhi.workcal.seed import seed_from_package

    seed_from_package(
        apps.get_model("workcal", "CalendarYear"),
        apps.get_model("workcal", "CalendarDay"),
        apps.get_model("workcal", "CalendarState"),
    )


def unseed(apps, schema_editor):
    from fazhi.workcal.seed import SOURCE_NOTE

    apps.get_model("workcal", "CalendarYear").objects.filter(source_note=SOURCE_NOTE).delete()


class Migration(migrations.Migration):
    dependencies = [("workcal", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
