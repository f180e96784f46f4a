"""Excel import and export of lawsuits (one row per case and instance; hearings are entered on
the case page). All or nothing, with every row's problems listed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi import clocks
from fazhi.casework.numbering import number_rows
from fazhi.casework.sheets import (
    case_number_problems,
    date_problems,
    import_context,
    model_columns,
)
from fazhi.imports import registry
from fazhi.imports.history import insert_values_audited
from fazhi.imports.sheet import Problem, SheetSpec
from fazhi.ledgers.litigation.clocks import DEFENCE
from fazhi.ledgers.litigation.models import LitigationCase
from fazhi.ledgers.litigation.states import (
    Disposition,
    Instance,
    MandatoryAttendance,
    State,
)
from fazhi.ledgers.litigation.workflow import NUMBERING

COLUMNS = model_columns(
    LitigationCase,
    [
        "case_number",
        "court_case_number",
        "court_name",
        "trial_level",
        "complaint_received_on",
        "plaintiffs",
        "defendant_department",
        "defendant_name",
        "act_category",
        "act_description",
        "mandatory_attendance",
        "answered_on",
        "decision_kind",
        "disposition",
        "decided_on",
        "withdrawal_reason",
        "effective_on",
        "notes",
    ],
    required=[
        "court_name",
        "trial_level",
        "complaint_received_on",
        "plaintiffs",
        "defendant_name",
        "act_category",
        "act_description",
    ],
    case_number={"comment": "可留空，由系统自动编号"},
    defendant_department={"header": "被告部门", "comment": "本区划部门全称；被告为人民政府的留空"},
    notes={"max_length": 2000},
)

DATE_ORDER = [
    ("complaint_received_on", "收到起诉状副本日期"),
    ("answered_on", "答辩举证日期"),
    ("decided_on", "裁判日期"),
    ("effective_on", "生效日期"),
]


def context_for(user: Any) -> dict[str, Any] | None:
    return import_context(user, "litigation.add_case")


def check_all(rows: list[tuple[int, dict[str, Any]]], context: Any) -> list[Problem]:
    return case_number_problems(rows, LitigationCase, context["jurisdiction"], NUMBERING)


def check_row(n: int, v: dict[str, Any], context: Any) -> list[Problem]:
    out = date_problems(n, v, DATE_ORDER)
    if v["disposition"] and v["decided_on"] is None:
        out.append(Problem(n, "裁判日期", "已填写裁判结果，请填写裁判日期"))
    if v["decided_on"] is not None and not v["disposition"]:
        out.append(Problem(n, "裁判结果", "已填写裁判日期，请填写裁判结果"))
    if v["disposition"] and not v["decision_kind"]:
        out.append(Problem(n, "裁判类型", "请填写裁判类型（判决或裁定）"))
    if v["disposition"] == Disposition.WITHDRAWAL_PERMITTED and not v["withdrawal_reason"]:
        out.append(Problem(n, "撤诉原因", "准许撤诉的，请填写撤诉原因"))
    if v["effective_on"] is not None and not v["disposition"]:
        out.append(Problem(n, "生效日期", "没有裁判结果的案件不能生效"))
    dept = v["defendant_department"]
    if dept and dept not in context["departments"]:
        out.append(Problem(n, "被告部门", f"本区划没有名为“{dept}”的部门"))
    return out


def _state(v: dict[str, Any]) -> str:
    if v["disposition"] == Disposition.WITHDRAWAL_PERMITTED:
        return State.WITHDRAWN
    if v["effective_on"] is not None:
        return State.EFFECTIVE
    if v["disposition"]:
        return State.DECIDED
    if v["answered_on"] is not None:
        return State.ANSWERED
    return State.RECEIVED


def create(rows: list[dict[str, Any]], by: Any, context: Any) -> int:
    jurisdiction = context["jurisdiction"]
    numbers = number_rows(
        NUMBERING, LitigationCase, jurisdiction, rows, date_key="complaint_received_on"
    )
    values = []  # the columns the sheet has; the rest take their defaults (fast.insert_values)
    for v, number in zip(rows, numbers, strict=True):
        dept = context["departments"].get(v["defendant_department"] or "")
        values.append(
            dict(
                **number,
                jurisdiction_id=jurisdiction.pk,
                handling_department_id=context["handling"].pk,
                court_case_number=v["court_case_number"],
                court_name=v["court_name"],
                trial_level=v["trial_level"],
                state=_state(v),
                plaintiffs=v["plaintiffs"],
                defendant_department_id=dept.pk if dept else None,
                defendant_name=v["defendant_name"],
                act_category=v["act_category"],
                act_description=v["act_description"],
                mandatory_attendance=v["mandatory_attendance"] or MandatoryAttendance.NONE,
                complaint_received_on=v["complaint_received_on"],
                answered_on=v["answered_on"],
                decision_kind=v["decision_kind"] or "",
                disposition=v["disposition"] or "",
                decided_on=v["decided_on"],
                withdrawal_reason=v["withdrawal_reason"] or "",
                effective_on=v["effective_on"],
                notes=v["notes"],
            )
        )
    ids = insert_values_audited(LitigationCase, values, by=by, event="imported")
    start_clocks(LitigationCase.objects.filter(pk__in=ids, state=State.RECEIVED), by=by)
    return len(ids)


def start_clocks(cases: Any, *, by: Any) -> None:
    """The defence clock of rows still awaiting the answer (imported or generated)."""
    for case in cases.exclude(trial_level=Instance.SECOND).order_by("id").iterator(chunk_size=500):
        clocks.start(case, DEFENCE, on=case.complaint_received_on, by=by)


SPEC = registry.register(
    SheetSpec(
        key="litigation",
        title="行政诉讼案件",
        columns=COLUMNS,
        check_row=check_row,
        check_all=check_all,
        create=create,
        context=context_for,
        instructions=[
            "一行一个案件的一个审级（一审、二审、再审各一行）；带*的列必填。",
            "填写裁判结果的须同时填写裁判类型和裁判日期；准许撤诉的须填写撤诉原因。",
            "各日期不得早于前一环节的日期，也不得晚于今天。开庭及出庭情况请在案件页面登记。",
            "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
        ],
        example={
            "court_name": "示例县人民法院",
            "trial_level": "一审",
            "complaint_received_on": dt.date(2025, 3, 3),
            "plaintiffs": "张三",
            "defendant_department": "公安局",
            "defendant_name": "示例县公安局",
            "act_category": "行政处罚",
            "act_description": "作出的罚款决定",
        },
    )
)
