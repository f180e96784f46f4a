"""Excel import and export of disclosure requests (one row per request). All or nothing, with
every row's problems listed. The receipt date is derived from the channel and evidence date as
on the form; a replied row carries its result and ground exactly as the annual table counts them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from fazhi import clocks
from fazhi.casework.numbering import number_rows
from fazhi.casework.sheets import case_number_problems, date_problems, import_context, model_columns
from fazhi.imports import registry
from fazhi.imports.history import insert_values_audited
from fazhi.imports.sheet import Problem, SheetSpec
from fazhi.ledgers.disclosure.clocks import REPLY
from fazhi.ledgers.disclosure.models import DisclosureRequest, ProactiveItem
from fazhi.ledgers.disclosure.states import Ground, ReplyType, State
from fazhi.ledgers.disclosure.workflow import NUMBERING, ground_problem

COLUMNS = model_columns(
    DisclosureRequest,
    [
        "case_number",
        "department",
        "applicant_name",
        "applicant_kind",
        "applicant_contact",
        "subject",
        "channel",
        "submitted_on",
        "evidence_on",
        "reply_type",
        "reply_ground",
        "replied_on",
        "answered_on_time",
        "notes",
    ],
    required=[
        "department",
        "applicant_name",
        "applicant_kind",
        "subject",
        "channel",
        "evidence_on",
    ],
    case_number={"comment": "可留空，由系统自动编号"},
    department={"header": "受理机关（部门）", "comment": "本区划部门全称"},
    evidence_on={
        "comment": "当面提交：提交日；邮寄：签收日；平常信函：与申请人确认日；网络、传真：双方确认日"
    },
    answered_on_time={"header": "按期答复", "comment": "已答复的必填：是/否"},
    notes={"max_length": 2000},
)

DATE_ORDER = [
    ("submitted_on", "申请人提交（寄出）日期"),
    ("evidence_on", "签收或确认日期"),
    ("replied_on", "答复日期"),
]


def context_for(user: Any) -> dict[str, Any] | None:
    return import_context(user, "disclosure.add_case")


def check_all(rows: list[tuple[int, dict[str, Any]]], context: Any) -> list[Problem]:
    return case_number_problems(rows, DisclosureRequest, context["jurisdiction"], NUMBERING)


def check_row(n: int, v: dict[str, Any], context: Any) -> list[Problem]:
    out = date_problems(n, v, DATE_ORDER)
    if v["department"] and v["department"] not in context["departments"]:
        out.append(Problem(n, "受理机关（部门）", f"本区划没有名为“{v['department']}”的部门"))
    replied = v["replied_on"] is not None or bool(v["reply_type"])
    if replied:
        if v["replied_on"] is None:
            out.append(Problem(n, "答复（办结）日期", "已填写处理结果，请填写答复日期"))
        if not v["reply_type"]:
            out.append(Problem(n, "处理结果", "已填写答复日期，请填写处理结果"))
        elif v["reply_ground"] in (
            Ground.CORRECTION_OVERDUE,
            Ground.FEE_UNPAID,
            Ground.STILL_UNCLEAR,
        ):
            out.append(
                Problem(n, "具体情形", "补正、收费相关的办结情形请在系统中逐件办理，不能导入")
            )
        else:
            probe = DisclosureRequest()
            problem = ground_problem(v["reply_type"], v["reply_ground"] or "", probe)
            if problem:
                out.append(Problem(n, "具体情形", problem))
    elif v["reply_ground"]:
        out.append(Problem(n, "具体情形", "未答复的申请不能填写具体情形"))
    return out


def create(rows: list[dict[str, Any]], by: Any, context: Any) -> int:
    jurisdiction = context["jurisdiction"]
    numbers = number_rows(NUMBERING, DisclosureRequest, jurisdiction, rows, date_key="evidence_on")
    values = []
    for v, number in zip(rows, numbers, strict=True):
        dept = context["departments"][v["department"]]
        replied = bool(v["reply_type"])
        values.append(
            dict(
                **number,
                jurisdiction_id=jurisdiction.pk,
                department_id=dept.pk,
                state=State.ANSWERED if replied else State.RECEIVED,
                applicant_name=v["applicant_name"],
                applicant_kind=v["applicant_kind"],
                applicant_contact=v["applicant_contact"],
                subject=v["subject"],
                channel=v["channel"],
                submitted_on=v["submitted_on"],
                evidence_on=v["evidence_on"],
                received_on=v["evidence_on"],
                reply_type=v["reply_type"] or "",
                reply_ground=v["reply_ground"] or "",
                replied_on=v["replied_on"],
                answered_on_time=v["answered_on_time"] if replied else None,
                notes=v["notes"],
            )
        )
    ids = insert_values_audited(DisclosureRequest, values, by=by, event="imported")
    start_clocks(DisclosureRequest.objects.filter(pk__in=ids, state=State.RECEIVED), by=by)
    return len(ids)


def start_clocks(requests: Any, *, by: Any) -> None:
    """The reply clock of rows still awaiting the reply (imported)."""
    from fazhi.ledgers.disclosure.workflow import DUE

    for req in requests.order_by("id").iterator(chunk_size=500):
        clocks.start(req, REPLY, on=req.received_on, by=by)
        DUE.refresh(req)


SPEC = registry.register(
    SheetSpec(
        key="disclosure",
        title="政府信息公开申请",
        columns=COLUMNS,
        check_row=check_row,
        check_all=check_all,
        create=create,
        context=context_for,
        instructions=[
            "一行一件政府信息公开申请；带*的列必填。收到申请日期由提交方式和签收或确认日期确定（条例第三十一条）。",
            "已答复的须填写处理结果、答复日期和是否按期；不予公开、无法提供、不予处理、其他处理须填写具体情形。",
            "补正、征求意见、收费、延期请在系统中逐件办理。日期不得晚于今天。",
            "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
        ],
        example={
            "department": "县政府办公室",
            "applicant_name": "张三",
            "applicant_kind": "自然人",
            "subject": "2024年城区道路改造项目预算",
            "channel": "当面提交",
            "evidence_on": dt.date(2025, 3, 3),
            "reply_type": ReplyType.DISCLOSED.label,
            "replied_on": dt.date(2025, 3, 20),
            "answered_on_time": True,
        },
    )
)


# --- 主动公开 counts from the portal's export -------------------------------------------------

PROACTIVE_COLUMNS = model_columns(
    ProactiveItem,
    ["year", "department", "category", "count", "evidence"],
    required=["year", "category", "count", "evidence"],
    department={"header": "公开机关（部门）", "comment": "人民政府本级的留空"},
)


def check_proactive_all(rows: list[tuple[int, dict[str, Any]]], context: Any) -> list[Problem]:
    out: list[Problem] = []
    seen: dict[tuple[Any, ...], int] = {}
    taken = set(
        ProactiveItem.objects.filter(jurisdiction=context["jurisdiction"]).values_list(
            "department__name", "year", "category"
        )
    )
    for n, v in rows:
        key = (v["department"] or None, v["year"], v["category"])
        if key in seen:
            out.append(Problem(n, "类别", f"与第{seen[key]}行重复（同一机关、年度、类别）"))
        seen.setdefault(key, n)
        if key in taken:
            out.append(Problem(n, "类别", "该机关该年度该类别已有数据，请在系统中修改"))
    return out


def check_proactive_row(n: int, v: dict[str, Any], context: Any) -> list[Problem]:
    out = []
    if v["department"] and v["department"] not in context["departments"]:
        out.append(Problem(n, "公开机关（部门）", f"本区划没有名为“{v['department']}”的部门"))
    if v["year"] is not None and not 2008 <= v["year"] <= timezone.localdate().year:
        out.append(Problem(n, "年度", "年度应在2008年至今年之间"))
    if v["count"] is not None and v["count"] < 0:
        out.append(Problem(n, "条数", "条数不能为负数"))
    return out


def create_proactive(rows: list[dict[str, Any]], by: Any, context: Any) -> int:
    values = []
    for v in rows:
        dept = context["departments"].get(v["department"] or "")
        values.append(
            dict(
                jurisdiction_id=context["jurisdiction"].pk,
                department_id=dept.pk if dept else None,
                year=v["year"],
                category=v["category"],
                count=v["count"],
                evidence=v["evidence"],
            )
        )
    return len(insert_values_audited(ProactiveItem, values, by=by, event="imported"))


PROACTIVE_SPEC = registry.register(
    SheetSpec(
        key="disclosure-proactive",
        title="主动公开政府信息条数",
        columns=PROACTIVE_COLUMNS,
        check_row=check_proactive_row,
        check_all=check_proactive_all,
        create=create_proactive,
        context=context_for,
        instructions=[
            "一行为一个机关一个年度一个类别的主动公开条数（可由门户网站栏目统计导出后整理）；带*的列必填。",
            "类别按《政府信息公开条例》第二十条分类，“政策类、动态类信息”单列。",
            "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
        ],
        example={
            "year": 2025,
            "category": "规划、计划（第二十条第三项）",
            "count": 36,
            "evidence": "门户网站“规划计划”栏目",
        },
    )
)
