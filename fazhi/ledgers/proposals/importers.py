"""Excel import and export of suggestions and proposals. All or nothing, every row's problems
listed; the reply clock of each assigned row is started (and stopped at its reply) as if the
row had gone through the workflow."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi import clocks
from fazhi.casework.numbering import number_rows
from fazhi.casework.sheets import case_number_problems, date_problems, import_context, model_columns
from fazhi.imports import registry
from fazhi.imports.history import insert_values_audited
from fazhi.imports.sheet import Problem, SheetSpec
from fazhi.ledgers.proposals.clocks import REHANDLE, reply_spec
from fazhi.ledgers.proposals.models import CO_SEPARATOR, Proposal
from fazhi.ledgers.proposals.states import Rating, State
from fazhi.ledgers.proposals.workflow import NUMBERING

COLUMNS = model_columns(
    Proposal,
    [
        "case_number",
        "kind",
        "session",
        "proposal_number",
        "authors",
        "title",
        "received_on",
        "lead_department",
        "co_departments",
        "assigned_on",
        "difficult",
        "difficult_reason",
        "difficult_marked_on",
        "contacted_on",
        "contact_method",
        "replied_on",
        "category",
        "rating",
        "rated_on",
        "notes",
    ],
    required=[
        "kind",
        "session",
        "proposal_number",
        "authors",
        "title",
        "received_on",
        "lead_department",
    ],
    case_number={"comment": "可留空，由系统自动编号"},
    lead_department={"comment": "本区划部门全称"},
    co_departments={"comment": "多个用“、”分隔"},
    rating={"comment": "首次评价不满意的，表示正在重办"},
    notes={"max_length": 2000},
)

DATE_ORDER = [
    ("received_on", "收到日期"),
    ("assigned_on", "交办日期"),
    ("contacted_on", "见面沟通日期"),
    ("replied_on", "答复日期"),
    ("rated_on", "评价日期"),
]


def context_for(user: Any) -> dict[str, Any] | None:
    return import_context(user, "proposals.add_case")


def check_all(rows: list[tuple[int, dict[str, Any]]], context: Any) -> list[Problem]:
    out = case_number_problems(rows, Proposal, context["jurisdiction"], NUMBERING)
    # The same number of the same session and kind twice in the file, or already registered.
    seen: dict[tuple[str, str, str], int] = {}
    keys = {(v["kind"], v["session"], v["proposal_number"]) for _, v in rows}
    taken = set(
        Proposal.objects.filter(
            jurisdiction=context["jurisdiction"],
            session__in={k[1] for k in keys},
            proposal_number__in={k[2] for k in keys},
        ).values_list("kind", "session", "proposal_number")
    )
    for n, v in rows:
        key = (v["kind"], v["session"], v["proposal_number"])
        label = f"{v['session']}{v['proposal_number']}"
        if key in seen:
            out.append(Problem(n, "建议（提案）号", f"{label}与第{seen[key]}行重复"))
        seen.setdefault(key, n)
        if key in taken:
            out.append(Problem(n, "建议（提案）号", f"{label}已登记"))
    return out


def check_row(n: int, v: dict[str, Any], context: Any) -> list[Problem]:
    out = date_problems(n, v, DATE_ORDER, also_past=[("difficult_marked_on", "认定难度较大日期")])
    departments = context["departments"]
    if v["lead_department"] and v["lead_department"] not in departments:
        out.append(Problem(n, "主办单位", f"本区划没有名为“{v['lead_department']}”的部门"))
    missing = [
        d
        for d in (s.strip() for s in v["co_departments"].split(CO_SEPARATOR))
        if d and d not in departments
    ]
    if missing:
        out.append(Problem(n, "协办单位", f"本区划没有名为“{'、'.join(missing)}”的部门"))
    if v["replied_on"] is not None and v["assigned_on"] is None:
        out.append(Problem(n, "答复日期", "尚未交办的不能答复，请填写交办日期"))
    if v["replied_on"] is not None and v["contacted_on"] is None:
        out.append(
            Problem(n, "见面沟通日期", "答复前须先与代表（委员）见面沟通，请填写见面沟通日期")
        )
    if v["contacted_on"] is not None and v["assigned_on"] is None:
        out.append(Problem(n, "交办日期", "已填写见面沟通日期，请填写交办日期"))
    if v["replied_on"] is not None and not v["category"]:
        out.append(Problem(n, "答复类别", "已答复的，请填写答复类别"))
    if v["category"] and v["replied_on"] is None:
        out.append(Problem(n, "答复日期", "已填写答复类别，请填写答复日期"))
    if (v["rating"] is None or v["rating"] == "") != (v["rated_on"] is None):
        out.append(Problem(n, "评价日期", "评价和评价日期须同时填写"))
    if v["rating"] and v["replied_on"] is None:
        out.append(Problem(n, "代表（委员）评价", "尚未答复的不能评价"))
    if v["difficult"]:
        if not v["difficult_reason"]:
            out.append(Problem(n, "难度较大的理由", "难度较大件须填写事先说明的理由"))
        if v["difficult_marked_on"] is None or v["assigned_on"] is None:
            out.append(Problem(n, "认定难度较大日期", "难度较大件须填写交办日期和认定日期"))
        elif v["difficult_marked_on"] < v["assigned_on"]:
            out.append(Problem(n, "认定难度较大日期", "认定难度较大日期早于交办日期"))
        elif v["replied_on"] is not None and v["difficult_marked_on"] > v["replied_on"]:
            out.append(Problem(n, "认定难度较大日期", "难度较大件须在答复前事先认定"))
    return out


def _state(v: dict[str, Any]) -> str:
    if v["rating"] == Rating.DISSATISFIED:
        return State.REHANDLING
    if v["rating"]:
        return State.CONCLUDED
    if v["replied_on"] is not None:
        return State.REPLIED
    if v["assigned_on"] is not None:
        return State.ASSIGNED
    return State.REGISTERED


def create(rows: list[dict[str, Any]], by: Any, context: Any) -> int:
    jurisdiction = context["jurisdiction"]
    numbers = number_rows(NUMBERING, Proposal, jurisdiction, rows, date_key="received_on")
    values = []
    for v, number in zip(rows, numbers, strict=True):
        dissatisfied = v["rating"] == Rating.DISSATISFIED
        values.append(
            dict(
                **number,
                jurisdiction_id=jurisdiction.pk,
                office_id=context["handling"].pk,
                lead_department_id=context["departments"][v["lead_department"]].pk,
                co_departments=v["co_departments"],
                kind=v["kind"],
                session=v["session"],
                proposal_number=v["proposal_number"],
                authors=v["authors"],
                title=v["title"],
                state=_state(v),
                received_on=v["received_on"],
                assigned_on=v["assigned_on"],
                difficult=bool(v["difficult"]),
                difficult_reason=v["difficult_reason"],
                difficult_marked_on=v["difficult_marked_on"] if v["difficult"] else None,
                contacted_on=v["contacted_on"],
                contact_method=v["contact_method"] or "",
                first_replied_on=v["replied_on"],
                replied_on=v["replied_on"],
                category=v["category"] or "",
                rating=v["rating"] or "",
                rated_on=v["rated_on"],
                rehandle_count=1 if dissatisfied else 0,
                notes=v["notes"],
            )
        )
    ids = insert_values_audited(Proposal, values, by=by, event="imported")
    start_clocks(Proposal.objects.filter(pk__in=ids, assigned_on__isnull=False), by=by)
    return len(ids)


def start_clocks(items: Any, *, by: Any) -> None:
    """The reply clock from 交办 (extended for a difficult item, stopped at the reply); a
    reopened item's re-handling clock from its rating."""
    for item in items.order_by("id").iterator(chunk_size=500):
        spec = reply_spec(item.kind, item.assigned_on)
        clocks.start(item, spec, on=item.assigned_on, by=by)
        if item.difficult:
            clocks.extend(item, spec, length=3, approved_by="", on=item.difficult_marked_on, by=by)
        if item.first_replied_on is not None:
            clocks.stop(item, spec, on=item.first_replied_on, by=by)
        if item.state == State.REHANDLING:
            clocks.start(item, REHANDLE, on=item.rated_on, by=by)


SPEC = registry.register(
    SheetSpec(
        key="proposals",
        title="建议提案",
        columns=COLUMNS,
        check_row=check_row,
        check_all=check_all,
        create=create,
        context=context_for,
        instructions=[
            "一行一件人大代表建议或政协提案；带*的列必填。交办单位为导入人所在区划的司法行政部门。",
            "答复前须已交办并见面沟通；答复的须填写答复类别；评价须在答复之后。",
            "难度较大件（六个月办理）须填写理由和认定日期，认定日期须在答复之前。",
            "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
        ],
        example={
            "kind": "人大代表建议",
            "session": "县第十八届人民代表大会第四次会议",
            "proposal_number": "第12号",
            "authors": "张三",
            "title": "关于加强农村道路养护的建议",
            "received_on": dt.date(2025, 2, 10),
            "lead_department": "交通运输局",
        },
    )
)
