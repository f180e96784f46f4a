"""The 报告审查台 in the background: a batch of up to 20 reports is reviewed by the task worker,
never in the request, one file at a time in a child process with a CPU and memory budget.

A file that cannot be read, runs past its CPU budget, exhausts its memory or whose PDF stream
inflates past pypdf's limit becomes a finding for that file (check() turns a report's problems
into `unreadable` findings); the other files of the batch are reviewed as usual. The job row
carries the progress (done/total) the page shows, and a lease (fazhi.leases): a batch whose
worker was killed is queued again once, then failed.
"""

from __future__ import annotations

import logging
import multiprocessing
import pickle
import resource
import time
from multiprocessing.connection import Connection
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from fazhi import leases
from fazhi.reports.models import DeskJob, DeskUpload, RenderState
from fazhi.reports.review_desk import DeskResult, FileResult, analyse_upload, unique_name
from review import Report, check, compare
from review.catalog import Catalog, load_catalog
from review.compare import xlsx_bytes
from review.structure import Structure

logger = logging.getLogger(__name__)

CPU_SECONDS = 30  # per file; the seeds take under 2 s each
WALL_SECONDS = 90  # per file, for a child that sleeps or waits instead of computing
MEMORY_BYTES = 1536 * 1024 * 1024  # address space of a child
BEAT_S = 2.0

OVER_CPU = (
    "审查该文件超过{seconds}秒计算时间仍未完成，已停止；请检查文件是否异常（如同一内容大量重复）"
)
OVER_MEMORY = "审查该文件所需内存超过上限，已停止；请检查文件是否异常"
CRASHED = "审查该文件时发生意外错误（已记录日志），其他文件的审查不受影响"
WORKER_LOST = "后台审查进程意外中止（已尝试{attempts}次），请重新上传审查"


def start(files: list[UploadedFile[Any]], *, by: Any) -> DeskJob:
    """Store the uploads (one file in memory at a time) and queue the review; the immediate
    backend reviews right here."""
    with transaction.atomic():
        job = DeskJob.objects.create(requested_by=by, total=len(files))
        for i, f in enumerate(files):
            DeskUpload.objects.create(job=job, position=i, name=f.name or "", data=f.read())
    result = review_batch.enqueue(job.pk)
    DeskJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


@task()
def review_batch(job_id: int) -> str:
    if not leases.claim(DeskJob, job_id, done=0):
        return DeskJob.objects.get(pk=job_id).state
    catalog = load_catalog()
    result = DeskResult()
    seen: set[str] = set()
    uploads = DeskUpload.objects.filter(job_id=job_id).order_by("position")
    for n, pk in enumerate(uploads.values_list("pk", flat=True), start=1):
        upload = DeskUpload.objects.get(pk=pk)  # one file's bytes in memory at a time
        name = unique_name(upload.name, seen)
        report, findings = review_file(
            name, bytes(upload.data), catalog, beat=lambda: leases.beat(DeskJob, job_id)
        )
        result.files.append(FileResult(report, findings, catalog, len(upload.data)))
        leases.beat(DeskJob, job_id, done=n)
    readable = [fr.report for fr in result.files if fr.report.text.strip()]
    if len(readable) >= 2:
        result.comparison = compare(readable, catalog=catalog)
        result.xlsx = xlsx_bytes(result.comparison)
    with transaction.atomic():
        DeskJob.objects.filter(pk=job_id).update(
            state=RenderState.DONE,
            result=pickle.dumps(result),
            finished_at=timezone.now(),
        )
        DeskUpload.objects.filter(job_id=job_id).delete()
    return RenderState.DONE


def load_result(job: DeskJob) -> DeskResult | None:
    """The stored result of a finished batch. Pickle is safe here: the bytes were written by
    review_batch above and never come from a user."""
    if job.state != RenderState.DONE or not job.result:
        return None
    result: DeskResult = pickle.loads(bytes(job.result))  # noqa: S301
    return result


def review_file(
    name: str, data: bytes, catalog: Catalog, *, beat: Any = None
) -> tuple[Report, list[Any]]:
    """Analyse and check one file in a child process under CPU and memory limits."""
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(sender, name, data, catalog), daemon=True)
    child.start()
    sender.close()
    started = time.monotonic()
    outcome: tuple[str, Any] | None = None
    while outcome is None:
        if receiver.poll(BEAT_S):
            try:
                outcome = receiver.recv()
            except EOFError:  # the child died without a word: killed by a limit
                break
        elif not child.is_alive():
            break
        elif time.monotonic() - started > WALL_SECONDS:
            child.kill()
            break
        if beat is not None:
            beat()
    child.join(5)
    receiver.close()
    if outcome is None:
        problem = _why_the_child_died(child.exitcode)
        logger.warning("报告审查：%s 的子进程退出（%s）：%s", name, child.exitcode, problem)
    elif outcome[0] == "ok":
        report, findings = outcome[1]
        return report, findings
    elif outcome[0] == "memory":
        problem = OVER_MEMORY
    else:
        logger.error("报告审查：%s 出错：\n%s", name, outcome[1])
        problem = CRASHED
    report = Report(source=name, text="", structure=Structure(), problems=[problem])
    return report, check(report, catalog=catalog)


def _why_the_child_died(exitcode: int | None) -> str:
    import signal

    if exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return OVER_CPU.format(seconds=CPU_SECONDS)
    return OVER_MEMORY if exitcode == -signal.SIGABRT else CRASHED


def _child(sender: Connection, name: str, data: bytes, catalog: Catalog) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 5))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    try:
        report = analyse_upload(name, data, catalog)
        sender.send(("ok", (report, check(report, catalog=catalog))))
    except MemoryError:
        sender.send(("memory", None))
    except Exception:  # noqa: BLE001 - the boundary between one file and the batch: logged by the parent
        import traceback

        sender.send(("error", traceback.format_exc()))
    finally:
        sender.close()


def recover_stale(job: DeskJob) -> bool:
    """Queue again (or fail) a batch whose worker stopped beating; True if it was stale."""
    return leases.recover(
        job,
        enqueue=review_batch.enqueue,
        lost_message=WORKER_LOST,
        on_failed=lambda j: DeskUpload.objects.filter(job=j).delete(),
        reset={"done": 0},
    )


def recover_all() -> int:
    return leases.recover_all(DeskJob, recover_stale)
