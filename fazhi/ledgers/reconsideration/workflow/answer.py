"""The respondent department answers in the system (Art. 48; simplified Art. 54): its staff
upload the 答复书 and the evidence files with the day the department received the copy; the
answer clock runs from that day and stops on the upload."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from fazhi import clocks
from fazhi.casework.transitions import Ctx, Transition
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import AnswerFile, AnswerFileKind, ReconsiderationCase
from fazhi.ledgers.reconsideration.states import State
from fazhi.ledgers.reconsideration.workflow.base import stop_if_open
from fazhi.lib.cn_date import cn_date

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_FILES = 30
ALLOWED_SUFFIXES = (
    ".pdf",
    ".ofd",
    ".doc",
    ".docx",
    ".wps",
    ".jpg",
    ".jpeg",
    ".png",
    ".xls",
    ".xlsx",
)


def file_problem(f: UploadedFile) -> str | None:
    name = f.name or "未命名文件"
    if not name.lower().endswith(ALLOWED_SUFFIXES):
        return f"文件“{name}”的类型不允许上传（可上传PDF、OFD、Word、WPS、Excel、JPG、PNG）"
    if (f.size or 0) > MAX_FILE_BYTES:
        return f"文件“{name}”超过20MB，请压缩或拆分后上传"
    if not f.size:
        return f"文件“{name}”为空文件"
    return None


def _received(case: ReconsiderationCase, ctx: Ctx) -> str | None:
    received = ctx["copy_received_on"]
    if received is None:
        return "请填写本单位收到申请书副本的日期"
    if case.copy_sent_on is not None and received < case.copy_sent_on:
        return f"收到副本日期（{cn_date(received)}）不能早于发送副本日期（{cn_date(case.copy_sent_on)}）"
    if received > ctx.day:
        return "收到副本日期不能晚于答复日期"
    return None


def _answered(case: ReconsiderationCase, ctx: Ctx) -> None:
    spec = specs_for(case).respondent_answer
    if clocks.get(case, spec) is None:
        clocks.start(case, spec, on=ctx["copy_received_on"], by=ctx.by)
    stop_if_open(case, spec, on=ctx.day, by=ctx.by)


# Not a button of the case page (it takes files): the respondent's upload page runs it.
submit_answer = Transition(
    "submit_answer",
    "提交答复",
    (State.ANSWER_REQUESTED,),
    State.UNDER_REVIEW,
    event="answer_submitted",
    verb="提交答复",
    perm="answer",
    perm_message="只有被申请人（本案被申请部门）的工作人员才能提交答复",
    date_field="answered_on",
    date_label="答复日期",
    after=(("copy_sent_on", "发送副本日期"),),
    inputs=("on", "copy_received_on", "note"),
    checks=(_received,),
    changes=lambda c, ctx: {"copy_served_on": c.copy_served_on or ctx["copy_received_on"]},
    history_note=lambda c, ctx: (
        f"被申请人在线提交答复（{ctx['count']}个文件）" + (f"：{ctx.note}" if ctx.note else "")
    ),
    effects=_answered,
    system=True,  # not offered as a button; its own page
)


@transaction.atomic
def answer(
    case: ReconsiderationCase,
    *,
    answer_file: UploadedFile,
    evidence: Iterable[UploadedFile] = (),
    copy_received_on: dt.date | None,
    by: Any,
    note: str = "",
) -> list[AnswerFile]:
    """Record the answer on today's date with its files (all or nothing)."""
    files = [
        (AnswerFileKind.ANSWER, answer_file),
        *((AnswerFileKind.EVIDENCE, f) for f in evidence),
    ]
    today = timezone.localdate()
    received = case.copy_served_on or copy_received_on
    submit_answer(case, on=today, by=by, note=note, copy_received_on=received, count=len(files))
    saved = []
    for kind, f in files:
        row = AnswerFile(
            case=case,
            kind=kind,
            name=(f.name or "未命名文件")[:200],
            size=f.size or 0,
            uploaded_by=by,
            uploaded_on=today,
        )
        row.file.save(row.name, f, save=False)
        row.save()
        saved.append(row)
    return saved


__all__ = ["MAX_FILES", "answer", "file_problem", "submit_answer"]
