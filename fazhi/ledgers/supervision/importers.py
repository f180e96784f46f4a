"""Excel import and export of 督办事项 and 整改任务, one row per item with its notice's 文号, source,
title and date (a notice is created on first sight, matched by 文号 after). All or nothing. A 销号
cannot be imported: it needs evidence files and the office's approval in the system."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi import clocks
from fazhi.casework.numbering import number_rows
from fazhi.casework.sheets import case_number_problems, date_problems, import_context, model_columns
from fazhi.clocks.spec import ClockError
from fazhi.imports import registry
from fazhi.imports.columns import Column
from fazhi.imports.history import insert_values_audited
from fazhi.imports.sheet import Problem, SheetSpec
from fazhi.ledgers.supervision.clocks import spec_for
from fazhi.ledgers.supervision.models import SupervisionItem, SupervisionNotice
from fazhi.ledgers.supervision.states import Kind, LimitKind, Source, State
from fazhi.ledgers.supervision.workflow import NUMBERING

NOTICE_COLUMNS = [
    Column(
        "notice_number",
        "督办通知文号",
        required=True,
        max_length=60,
        getter=lambda o: o.notice.notice_number,
    ),
    Column(
        "notice_source",
        "来源",
        kind="choice",
        required=True,
        choices=[(str(k), str(v)) for k, v in Source.choices],
        getter=lambda o: o.notice.source,
    ),
    Column(
        "notice_title",
        "通知标题",
        required=True,
        max_length=200,
        width=24,
        getter=lambda o: o.notice.title,
    ),
    Column(
        "notice_issued_on",
        "通知下发日期",
        kind="date",
        required=True,
        getter=lambda o: o.notice.issued_on,
    ),
]
COLUMNS = [
    *model_columns(
        SupervisionItem, ["case_number"], case_number={"comment": "可留空，由系统自动编号"}
    ),
    *NOTICE_COLUMNS,
    *model_columns(
        SupervisionItem,
        [
            "kind",
            "area",
            "finding",
            "task",
            "lead_department",
            "assigned_on",
            "limit_kind",
            "time_limit_on",
            "time_limit_days",
            "acknowledged_on",
            "closed_on",
            "notes",
        ],
        required=["kind", "task", "lead_department", "assigned_on", "limit_kind"],
        lead_department={"comment": "本区划部门全称"},
        closed_on={"comment": "仅导出：销号须上传佐证材料并经交办单位审核，导入时请留空"},
        finding={"max_length": 2000},
        notes={"max_length": 2000},
    ),
]

DATE_ORDER = [
    ("notice_issued_on", "通知下发日期"),
    ("assigned_on", "交办日期"),
    ("acknowledged_on", "签收日期"),
]


def context_for(user: Any) -> dict[str, Any] | None:
    return import_context(user, "supervision.add_case")


def check_all(rows: list[tuple[int, dict[str, Any]]], context: Any) -> list[Problem]:
    out = case_number_problems(rows, SupervisionItem, context["jurisdiction"], NUMBERING)
    numbers = {v["notice_number"] for _, v in rows}
    known = {
        n.notice_number: n
        for n in SupervisionNotice.objects.filter(
            jurisdiction=context["jurisdiction"], notice_number__in=numbers
        )
    }
    first: dict[str, tuple[int, tuple[Any, ...]]] = {}
    for n, v in rows:
        number = v["notice_number"]
        facts = (v["notice_source"], v["notice_issued_on"], v["notice_title"])
        if number in known:
            same = known[number]
            if (same.source, same.issued_on) != facts[:2]:
                out.append(
                    Problem(n, "督办通知文号", f"通知“{number}”已登记，来源或下发日期与本行不一致")
                )
        elif number in first and first[number][1] != facts:
            out.append(
                Problem(
                    n,
                    "督办通知文号",
                    f"通知“{number}”的来源、标题或下发日期与第{first[number][0]}行不一致",
                )
            )
        first.setdefault(number, (n, facts))
    return out


def check_row(n: int, v: dict[str, Any], context: Any) -> list[Problem]:
    out = date_problems(n, v, DATE_ORDER)
    if v["closed_on"] is not None:
        out.append(
            Problem(n, "销号日期", "销号须上传佐证材料并经交办单位审核，不能通过导入销号，请留空")
        )
    dept = v["lead_department"]
    if dept and dept not in context["departments"]:
        out.append(Problem(n, "责任单位", f"本区划没有名为“{dept}”的部门"))
    if v["kind"] == Kind.RECTIFICATION and not v["finding"]:
        out.append(Problem(n, "发现的问题", "整改任务须填写督察、检查发现的问题"))
    if v["assigned_on"] is not None and v["limit_kind"]:
        probe = SupervisionItem(
            assigned_on=v["assigned_on"],
            limit_kind=v["limit_kind"],
            time_limit_on=v["time_limit_on"],
            time_limit_days=v["time_limit_days"],
        )
        try:
            spec_for(probe)
        except ClockError as exc:
            column = (
                "办结时限（工作日）"
                if v["limit_kind"] == LimitKind.WORKING_DAYS
                else "限定办结日期"
            )
            out.append(Problem(n, column, str(exc)))
    return out


def _notices(rows: list[dict[str, Any]], context: Any, by: Any) -> dict[str, SupervisionNotice]:
    jurisdiction = context["jurisdiction"]
    out = {
        n.notice_number: n
        for n in SupervisionNotice.objects.filter(
            jurisdiction=jurisdiction, notice_number__in={v["notice_number"] for v in rows}
        )
    }
    for v in rows:
        if v["notice_number"] not in out:
            notice = SupervisionNotice(
                jurisdiction=jurisdiction,
                notice_number=v["notice_number"],
                source=v["notice_source"],
                title=v["notice_title"],
                issued_on=v["notice_issued_on"],
                office=context["handling"],
            )
            notice._history_user = by  # type: ignore[attr-defined]
            notice.save()
            out[notice.notice_number] = notice
    return out


def create(rows: list[dict[str, Any]], by: Any, context: Any) -> int:
    jurisdiction = context["jurisdiction"]
    notices = _notices(rows, context, by)
    numbers = number_rows(NUMBERING, SupervisionItem, jurisdiction, rows, date_key="assigned_on")
    values = []
    for v, number in zip(rows, numbers, strict=True):
        values.append(
            dict(
                **number,
                jurisdiction_id=jurisdiction.pk,
                notice_id=notices[v["notice_number"]].pk,
                kind=v["kind"],
                area=v["area"] or "",
                finding=v["finding"],
                task=v["task"],
                state=State.HANDLING if v["acknowledged_on"] else State.ASSIGNED,
                office_id=context["handling"].pk,
                lead_department_id=context["departments"][v["lead_department"]].pk,
                assigned_on=v["assigned_on"],
                limit_kind=v["limit_kind"],
                time_limit_on=v["time_limit_on"] if v["limit_kind"] == LimitKind.DATE else None,
                time_limit_days=(
                    v["time_limit_days"] if v["limit_kind"] == LimitKind.WORKING_DAYS else None
                ),
                acknowledged_on=v["acknowledged_on"],
                notes=v["notes"],
            )
        )
    ids = insert_values_audited(SupervisionItem, values, by=by, event="imported")
    items = SupervisionItem.objects.filter(pk__in=ids).select_related("notice")
    for item in items.order_by("id").iterator(chunk_size=500):
        clocks.start(item, spec_for(item), on=item.assigned_on, by=by)
    return len(ids)


SPEC = registry.register(
    SheetSpec(
        key="supervision",
        title="督办事项",
        columns=COLUMNS,
        check_row=check_row,
        check_all=check_all,
        create=create,
        context=context_for,
        instructions=[
            "一行一个督办事项或整改任务；带*的列必填。同一督办通知的各行填写相同的文号、来源、标题和下发日期。",
            "办结时限方式为“限定日期”的填写限定办结日期，为“工作日数”的填写工作日数（自交办之日起计算）。",
            "整改任务须填写发现的问题。销号须在系统中上传佐证材料并经交办单位审核，导入时“销号日期”请留空。",
            "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
        ],
        example={
            "notice_number": "示督办〔2025〕3号",
            "notice_source": "领导批示",
            "notice_title": "关于督办城区停车难问题的通知",
            "notice_issued_on": dt.date(2025, 3, 3),
            "kind": "督办事项",
            "task": "制定城区停车泊位增设方案",
            "lead_department": "城市管理局",
            "assigned_on": dt.date(2025, 3, 3),
            "limit_kind": "限定日期",
            "time_limit_on": dt.date(2025, 4, 30),
        },
    )
)
