"""Imports in the background: the upload page stores the file and queues `run_import_job`, so a
20,000-row sheet (about 170 s) no longer runs into gunicorn's timeout. The job is still all or
nothing (`importer.run_import`: every row checked, then one transaction); the page polls the
job's progress, then shows the created count or every problem. A job whose worker was killed
holds a lease (fazhi.leases): it is queued again once (its transaction was rolled back with the
worker), then failed with a message."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django_tasks import task

from fazhi import leases
from fazhi.imports import registry
from fazhi.imports.importer import run_import
from fazhi.imports.models import ImportJob, JobState
from fazhi.imports.sheet import ImportReport, Problem

WORKER_LOST = "导入的后台进程意外中止（已尝试{attempts}次），没有导入任何记录，请重新上传"
UNEXPECTED = "导入时发生意外错误（已记录日志），没有导入任何记录；请稍后重试或联系系统管理员"
NOT_ALLOWED = "您已没有导入该台账的权限，没有导入任何记录"


def start(key: str, upload: UploadedFile[Any], *, by: Any) -> ImportJob:
    job = ImportJob.objects.create(
        key=key, requested_by=by, file_name=(upload.name or "")[:255], data=upload.read()
    )
    result = run_import_job.enqueue(job.pk)  # the immediate backend imports right here
    ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


@task()
def run_import_job(job_id: int) -> str:
    if not leases.claim(ImportJob, job_id, done=0, total=0):
        return ImportJob.objects.get(pk=job_id).state
    job = ImportJob.objects.select_related("requested_by").get(pk=job_id)
    spec = registry.get(job.key)
    user = job.requested_by
    context = spec.context(user) if spec is not None and spec.context else None
    if spec is None or (spec.context is not None and context is None):
        report = ImportReport(problems=[Problem(0, "", NOT_ALLOWED)])
    else:

        def progress(phase: str, done: int, total: int) -> None:
            leases.beat(ImportJob, job_id, phase=phase, done=done, total=total)

        try:
            report = run_import(spec, bytes(job.data), by=user, context=context, progress=progress)
        except BaseException:
            # A bug: nothing was written (one transaction); the page stops polling with a
            # message and the worker's log has the traceback.
            ImportJob.objects.filter(pk=job_id).update(
                state=JobState.FAILED, error=UNEXPECTED, data=b"", finished_at=timezone.now()
            )
            raise
    ImportJob.objects.filter(pk=job_id).update(
        state=JobState.DONE,
        result=report_json(report),
        data=b"",  # the sheet is not kept once read
        phase="",
        finished_at=timezone.now(),
    )
    return JobState.DONE


def report_json(report: ImportReport) -> dict[str, Any]:
    return {
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "seconds": round(report.seconds, 2),
        "problems": [[p.row, p.column, p.message] for p in report.problems],
    }


def report_of(job: ImportJob) -> ImportReport | None:
    if job.state != JobState.DONE or job.result is None:
        return None
    data = job.result
    return ImportReport(
        created=int(data["created"]),
        updated=int(data.get("updated", 0)),
        unchanged=int(data.get("unchanged", 0)),
        seconds=float(data["seconds"]),
        problems=[Problem(int(r), str(c), str(m)) for r, c, m in data["problems"]],
    )


def recover_stale(job: ImportJob) -> bool:
    return leases.recover(
        job,
        enqueue=run_import_job.enqueue,
        lost_message=WORKER_LOST,
        on_failed=lambda j: ImportJob.objects.filter(pk=j.pk).update(data=b""),
        reset={"done": 0, "total": 0, "phase": ""},
    )


def recover_all() -> int:
    return leases.recover_all(ImportJob, recover_stale)
