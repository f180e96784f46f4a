"""提醒: the daily job that tells each person what is due (in the app and by e-mail), once per
item and day, and the record of who was reminded of what."""

from __future__ import annotations

from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "fazhi.reminders"
    label = "reminders"
    verbose_name = "提醒"
