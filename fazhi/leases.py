"""Leases for background work (django-tasks rows that a page polls: PDF renders, review-desk
batches, imports). A job row has `state` (queued → running → done | failed), `heartbeat_at`,
`attempts`, `task_id`, `requested_at`, `error` and `finished_at`.

The worker claims a queued row with a conditional UPDATE (two deliveries of one task cannot both
run it) and beats while it works. A worker killed with `kill -9` stops beating: whoever looks at the
row next (the polling page, or `manage.py recover_tasks` every minute) finds the lease expired, marks
the dead worker's django-tasks row failed, and queues the job again once; after MAX_ATTEMPTS it
fails the job with a message for the user. Nothing stays "running" for ever.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from django.db import OperationalError
from django.db.models import F, Model
from django.utils import timezone

logger = logging.getLogger(__name__)

LEASE = dt.timedelta(seconds=60)
MAX_ATTEMPTS = 2
QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"


def claim(model: type[Model], pk: int, **also: Any) -> bool:
    """Queued → running for this worker; False if another worker has it or it is finished."""
    return bool(
        model._default_manager.filter(pk=pk, state=QUEUED).update(
            state=RUNNING, heartbeat_at=timezone.now(), attempts=F("attempts") + 1, **also
        )
    )


def beat(model: type[Model], pk: int, **also: Any) -> None:
    """Renew the lease (and record progress). A busy SQLite past its timeout skips a beat
    instead of failing the job."""
    try:
        model._default_manager.filter(pk=pk, state=RUNNING).update(
            heartbeat_at=timezone.now(), **also
        )
    except OperationalError:
        logger.warning("%s %s：数据库忙，本次心跳跳过", model.__name__, pk)


def recover(
    job: Any,
    *,
    enqueue: Callable[[int], Any],
    lost_message: str,
    on_failed: Callable[[Any], object] | None = None,
    reset: dict[str, Any] | None = None,
) -> bool:
    """Queue again (or fail) a job whose worker stopped beating, or whose task failed before it
    could claim the row (e.g. SQLite busy past its timeout); True if it was stale.
    `lost_message` may use {attempts}."""
    if job.state == QUEUED and job.attempts < MAX_ATTEMPTS and _task_failed(job.task_id):
        model = type(job)
        if model._default_manager.filter(pk=job.pk, state=QUEUED, task_id=job.task_id).update(
            attempts=F("attempts") + 1
        ):
            logger.warning("%s %s 的任务未能开始，重新排队", model.__name__, job.pk)
            result = enqueue(job.pk)
            model._default_manager.filter(pk=job.pk).update(task_id=str(result.id))
        job.refresh_from_db()
        return True
    if job.state != RUNNING:
        return False
    last = job.heartbeat_at or job.requested_at
    if timezone.now() - last <= LEASE:
        return False
    model = type(job)
    lost = model._default_manager.filter(pk=job.pk, state=RUNNING, heartbeat_at=job.heartbeat_at)
    fail_task_row(job.task_id)
    if job.attempts < MAX_ATTEMPTS:
        if lost.update(state=QUEUED, **(reset or {})):  # one of several pollers wins
            logger.warning("%s %s 的后台进程失联，重新排队", model.__name__, job.pk)
            result = enqueue(job.pk)
            model._default_manager.filter(pk=job.pk).update(task_id=str(result.id))
    elif lost.update(
        state=FAILED,
        error=lost_message.format(attempts=job.attempts),
        finished_at=timezone.now(),
    ):
        if on_failed is not None:
            on_failed(job)
    job.refresh_from_db()
    return True


def recover_all(model: type[Model], recover_one: Callable[[Any], bool]) -> int:
    cutoff = timezone.now() - LEASE
    stale = model._default_manager.filter(state=RUNNING, heartbeat_at__lt=cutoff)
    return sum(recover_one(job) for job in stale)


def _task_failed(task_id: str) -> bool:
    if not task_id:
        return False
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.FAILED).exists()


def fail_task_row(task_id: str) -> None:
    """The django-tasks row of a killed worker says RUNNING for ever too: mark it failed."""
    if not task_id:
        return
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="fazhi.leases.WorkerLost",
        traceback="后台进程在任务运行中失联（心跳超时）",
    )
