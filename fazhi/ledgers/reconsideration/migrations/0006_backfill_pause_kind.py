"""Give the 复议 clocks' existing pauses their kind (`ClockPause.kind`, clocks 0004), so that
`reconsideration.suspended` (cases in 中止 at the period end, read from the pauses) also counts
cases paused before the field existed. Unambiguous from what wrote them: the two 补正 reasons are
fixed texts (acceptance review: 等待申请人补正; 2017 decision clock: 补正（通知至收到补正材料）),
and every other pause on a decision clock is a 中止 (suspend, its copy on a switch to the
ordinary procedure, or an imported 中止日期). Anything else stays "other"."""

from django.db import migrations

CORRECTION_REASONS = ("等待申请人补正", "补正（通知至收到补正材料）")
DECISION_CLOCKS = ("decision_ordinary", "decision_simplified")


def backfill(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ClockPause = apps.get_model("clocks", "ClockPause")
    ct = ContentType.objects.filter(
        app_label="reconsideration", model="reconsiderationcase"
    ).first()
    if ct is None:
        return  # a fresh database: no clocks yet
    ours = ClockPause.objects.filter(clock__content_type=ct, kind="other")
    ours.filter(reason__in=CORRECTION_REASONS).update(kind="correction")
    ours.filter(clock__name__in=DECISION_CLOCKS).exclude(reason__in=CORRECTION_REASONS).update(
        kind="suspension"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("reconsideration", "0005_knew_of_act_on"),
        ("clocks", "0004_pause_kind_stop_outcome"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
