"""The morning run in the task worker: the statutory effects of lapsed periods in every ledger
(`casework.lapses.run_all`), then each person's reminders (`send.run`); then it queues itself
for the next morning at MORNING (Shanghai), so a running `db_worker` is the only scheduler a
deployment needs. `manage.py morning` runs today's and starts the chain (`make demo` does this).
Both halves may run twice on a day (a systemd timer beside the chain, a restart): lapses act only
on rows still in the state they look at, and a reminder is unique per user, item and day."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django_tasks import task

from fazhi.casework.lapses import run_all
from fazhi.reminders import send

MORNING = dt.time(7, 30)


def run_morning(today: dt.date | None = None) -> dict[str, Any]:
    day = today or timezone.localdate()
    lapses = run_all(day)
    r = send.run(day)
    return {
        "day": day.isoformat(),
        "lapses": [[title, label, n] for title, label, n in lapses],
        "people": r.people,
        "reminders": r.reminders,
        "emails": r.emails,
    }


@task()
def morning() -> dict[str, Any]:
    try:
        return run_morning()
    finally:  # a failed morning still keeps the chain going; the worker's log has the error
        queue_next()


def next_morning(now: dt.datetime | None = None) -> dt.datetime:
    """The next MORNING after `now`, in the site's time zone."""
    local = timezone.localtime(now or timezone.now())
    at = dt.datetime.combine(local.date(), MORNING, tzinfo=local.tzinfo)
    return at if at > local else at + dt.timedelta(days=1)


def queued() -> Any:
    """The morning runs waiting in the database queue (none with a backend that has no queue)."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=morning.module_path)


def queue_next(now: dt.datetime | None = None) -> dt.datetime | None:
    """Queue the next morning run unless one is waiting; None if one was, or if the task backend
    cannot run a task later (the immediate backend of the tests and of FAZHI_TASKS_IMMEDIATE)."""
    if not morning.get_backend().supports_defer or queued().exists():
        return None
    at = next_morning(now)
    morning.using(run_after=at).enqueue()
    return at
