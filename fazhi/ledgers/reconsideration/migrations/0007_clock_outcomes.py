"""Record on the existing clocks what the case page used to work out in `display.py` (removed):
the 补正 period of an application deemed abandoned lapsed (`Clock.outcome`, clocks 0004), and
a 申请期限 clock reads 在申请期限内 / 超过申请期限. Stopped clocks are never recomputed, so this
is the only time these rows change. A few rows per county: saved one by one."""

from django.db import migrations

LAPSED_LABEL = "逾期未补正（视为放弃）"


def backfill(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Clock = apps.get_model("clocks", "Clock")
    Case = apps.get_model("reconsideration", "ReconsiderationCase")
    ct = ContentType.objects.filter(
        app_label="reconsideration", model="reconsiderationcase"
    ).first()
    if ct is None:
        return
    stopped = Clock.objects.filter(content_type=ct, state="stopped", outcome="", outcome_label="")
    abandoned = Case.objects.filter(deemed_abandoned=True).values("pk")
    for clock in stopped.filter(name="correction_response", object_id__in=abandoned):
        clock.outcome, clock.outcome_label = "lapsed", LAPSED_LABEL
        clock.save(update_fields=["outcome", "outcome_label"])
    for clock in stopped.filter(
        name="application_period", due_on__isnull=False, stopped_on__isnull=False
    ):
        clock.outcome_label = "超过申请期限" if clock.stopped_on > clock.due_on else "在申请期限内"
        clock.save(update_fields=["outcome_label"])


class Migration(migrations.Migration):
    dependencies = [
        ("reconsideration", "0006_backfill_pause_kind"),
        ("clocks", "0004_pause_kind_stop_outcome"),
    ]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
