"""The reminder run as a background task (django-tasks), for a scheduler that enqueues jobs."""

from __future__ import annotations

from django_tasks import task

from fazhi.reminders import send


@task()
def send_reminders() -> dict[str, int]:
    r = send.run()
    return {"people": r.people, "reminders": r.reminders, "emails": r.emails}
