"""The 报告审查台 in the background: a batch of up to 20 reports (uploads, and reports already in
fazhi, rendered to text here as for download) is reviewed by the task worker, never in the
request, one report at a time in a child process with a CPU and memory budget.

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
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from fazhi import leases
from fazhi.reports.models import AnnualReport, DeskJob, DeskUpload, RenderState
from fazhi.reports.review_desk import (
    DeskResult,
    FileResult,
    analyse_source,
    desk_reports,
    report_label,
    unique_label,
    upload_label,
)
from fazhi.reports.unit_reports import report_text
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
WORKER_LOST = "后台审查进程意外中止（已尝试{attempts}次），请重新提交审查"
GONE = "报告（编号{pk}）已删除或您已无权查看，未审查"


def start(
    files: list[UploadedFile[Any]], *, by: Any, reports: list[AnnualReport] | None = None
) -> DeskJob:
    """Store the uploads (one file in memory at a time) and the chosen reports' ids, and queue
    the review; the immediate backend reviews right here."""
    ids = [r.pk for r in reports or []]
    with transaction.atomic():
        job = DeskJob.objects.create(requested_by=by, total=len(ids) + len(files), report_ids=ids)
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
    job = DeskJob.objects.select_related("requested_by").get(pk=job_id)
    result = DeskResult()
    labels: list[str] = []  # before de-duplication, one per file

    def beat() -> None:
        leases.beat(DeskJob, job_id)

    # Reports in fazhi first (the oldest year first), seen again through the requester's eyes.
    visible = {r.pk: r for r in desk_reports(job.requested_by).filter(pk__in=job.report_ids)}
    for pk in job.report_ids:
        found = visible.get(pk)
        if found is None:
            result.files.append(_refused(GONE.format(pk=pk), catalog))
            labels.append(f"报告（编号{pk}）")
        else:
            text = report_text(found)
            report, findings = review_file(str(pk), text, catalog, beat=beat)
            state = found.get_status_display()
            result.files.append(
                FileResult(
                    report, findings, catalog, len(text), state=state, url=found.get_absolute_url()
                )
            )
            labels.append(report_label(found))
        leases.beat(DeskJob, job_id, done=len(result.files))
    uploads = DeskUpload.objects.filter(job_id=job_id).order_by("position")
    for n, pk in enumerate(uploads.values_list("pk", flat=True), start=1):
        upload = DeskUpload.objects.get(pk=pk)  # one file's bytes in memory at a time
        name = Path(upload.name).name or "未命名"
        report, findings = review_file(name, bytes(upload.data), catalog, beat=beat)
        result.files.append(FileResult(report, findings, catalog, len(upload.data), file_name=name))
        labels.append(upload_label(report.structure, n))
        leases.beat(DeskJob, job_id, done=len(result.files))
    seen: set[str] = set()
    for fr, label in zip(result.files, labels, strict=True):
        fr.report.source = unique_label(label, seen)  # the comparison's column
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


def _refused(problem: str, catalog: Catalog, source: str = "") -> FileResult:
    """A report that could not be reviewed: its problem becomes an `unreadable` finding."""
    report = Report(source=source, text="", structure=Structure(), problems=[problem])
    return FileResult(report, check(report, catalog=catalog), catalog)


def load_result(job: DeskJob) -> DeskResult | None:
    """The stored result of a finished batch. Pickle is safe here: the bytes were written by
    review_batch above and never come from a user."""
    if job.state != RenderState.DONE or not job.result:
        return None
    result: DeskResult = pickle.loads(bytes(job.result))  # noqa: S301
    return result


def review_file(
    name: str, data: bytes | str, catalog: Catalog, *, beat: Any = None
) -> tuple[Report, list[Any]]:
    """Analyse and check one file (bytes) or rendered report (text) in a child process under
    CPU and memory limits."""
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
    refused = _refused(problem, catalog, source=name)
    return refused.report, refused.findings


def _why_the_child_died(exitcode: int | None) -> str:
    import signal

    if exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return OVER_CPU.format(seconds=CPU_SECONDS)
    return OVER_MEMORY if exitcode == -signal.SIGABRT else CRASHED


def _child(sender: Connection, name: str, data: bytes | str, catalog: Catalog) -> None:
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 5))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    try:
        report = analyse_source(name, data, catalog)
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
