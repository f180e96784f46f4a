"""Excel import and export of reviews (a 司法局's existing 台账): one row per item; the amount in
元, read exactly into 分 (more than two decimals or a negative amount is an error, never rounded).
All or nothing, every row's problems listed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi import clocks
from fazhi.casework.numbering import number_rows
from fazhi.casework.sheets import case_number_problems, date_problems, import_context, model_columns
from fazhi.imports import registry
from fazhi.imports.columns import Column
from fazhi.imports.history import insert_values_audited
from fazhi.imports.sheet import Problem, SheetSpec
from fazhi.ledgers.legality_review.clocks import REVIEW
from fazhi.ledgers.legality_review.models import LegalityReview
from fazhi.ledgers.legality_review.states import Result, ReviewerKind, State
from fazhi.ledgers.legality_review.workflow import NUMBERING, amount_problem
from fazhi.lib.money import MoneyError, parse_yuan_to_fen

AMOUNT = "合同金额（元）"


def _yuan(r: LegalityReview) -> str:
    if r.amount_fen is None:
        return ""
    yuan, fen = divmod(r.amount_fen, 100)
    return f"{yuan}.{fen:02d}"


COLUMNS = [
    *model_columns(
        LegalityReview,
        ["case_number", "kind", "title", "submitting_department", "counterparty"],
        required=["kind", "title", "submitting_department"],
        case_number={"comment": "可留空，由系统自动编号"},
        submitting_department={"comment": "本区划部门全称"},
    ),
    Column(
        "amount",
        AMOUNT,
        max_length=20,
        comment="单位：元，最多两位小数；无金额的留空",
        getter=_yuan,
    ),
    *model_columns(
        LegalityReview,
        [
            "submitted_on",
            "materials_complete_on",
            "reviewed_on",
            "result",
            "opinion_count",
            "opinion",
            "reviewer_kind",
            "reviewer_name",
            "adoption",
            "closed_on",
            "notes",
        ],
        required=["submitted_on"],
        opinion={"max_length": 2000},
        notes={"max_length": 2000},
    ),
]

DATE_ORDER = [
    ("submitted_on", "送审日期"),
    ("materials_complete_on", "材料齐全日期"),
    ("reviewed_on", "出具审核意见日期"),
    ("closed_on", "办结日期"),
]


def context_for(user: Any) -> dict[str, Any] | None:
    return import_context(user, "legality_review.add_case")


def check_all(rows: list[tuple[int, dict[str, Any]]], context: Any) -> list[Problem]:
    return case_number_problems(rows, LegalityReview, context["jurisdiction"], NUMBERING)


def _fen(v: dict[str, Any]) -> int | None:
    return parse_yuan_to_fen(v["amount"]) if v["amount"] else None


def check_row(n: int, v: dict[str, Any], context: Any) -> list[Problem]:
    out = date_problems(n, v, DATE_ORDER)
    if v["amount"]:
        try:
            problem = amount_problem(_fen(v))
        except MoneyError as exc:
            problem = str(exc)
        if problem:
            out.append(Problem(n, AMOUNT, problem))
    dept = v["submitting_department"]
    if dept and dept not in context["departments"]:
        out.append(Problem(n, "送审单位", f"本区划没有名为“{dept}”的部门"))
    if v["reviewed_on"] is not None:
        if v["materials_complete_on"] is None:
            out.append(Problem(n, "材料齐全日期", "已出具审核意见的，请填写材料齐全日期"))
        if not v["result"]:
            out.append(Problem(n, "审核结论", "已出具审核意见的，请填写审核结论"))
        if v["opinion_count"] is None:
            out.append(
                Problem(n, "审核意见（条）", "已出具审核意见的，请填写意见条数（没有的填0）")
            )
        elif v["result"] and v["result"] != Result.APPROVED and v["opinion_count"] == 0:
            out.append(Problem(n, "审核意见（条）", "审核结论不是“同意”的，意见条数不能为0"))
    elif v["result"] or v["closed_on"] is not None:
        out.append(
            Problem(n, "出具审核意见日期", "已填写审核结论或办结日期的，请填写出具审核意见日期")
        )
    kind = v["reviewer_kind"]
    if kind and kind != ReviewerKind.STAFF and not v["reviewer_name"]:
        out.append(Problem(n, "审核人员姓名", "由法律顾问或公职律师审核的，请填写其姓名"))
    if v["closed_on"] is not None and not v["adoption"]:
        out.append(Problem(n, "意见采纳情况", "已办结的，请填写意见采纳情况"))
    return out


def _state(v: dict[str, Any]) -> str:
    if v["closed_on"] is not None:
        return State.CLOSED
    if v["reviewed_on"] is not None:
        return State.REVIEWED
    if v["materials_complete_on"] is not None:
        return State.REVIEWING
    return State.SUBMITTED


TEXT = ("title", "counterparty", "opinion", "reviewer_name", "notes")
CHOICES = ("kind", "result", "reviewer_kind", "adoption")
DATES = ("submitted_on", "materials_complete_on", "reviewed_on", "closed_on")


def create(rows: list[dict[str, Any]], by: Any, context: Any) -> int:
    jurisdiction = context["jurisdiction"]
    numbers = number_rows(NUMBERING, LegalityReview, jurisdiction, rows, date_key="submitted_on")
    values = []
    for v, number in zip(rows, numbers, strict=True):
        values.append(
            dict(
                **number,
                **{k: v[k] for k in TEXT + DATES},
                **{k: v[k] or "" for k in CHOICES},
                jurisdiction_id=jurisdiction.pk,
                submitting_department_id=context["departments"][v["submitting_department"]].pk,
                reviewing_office_id=context["handling"].pk,
                amount_fen=_fen(v),
                opinion_count=v["opinion_count"],
                state=_state(v),
            )
        )
    ids = insert_values_audited(LegalityReview, values, by=by, event="imported")
    for r in LegalityReview.objects.filter(pk__in=ids, state=State.REVIEWING).order_by("id"):
        clocks.start(r, REVIEW, on=r.materials_complete_on, by=by)
    return len(ids)


SPEC = registry.register(
    SheetSpec(
        key="legality_review",
        title="合同及涉法文件审核",
        columns=COLUMNS,
        check_row=check_row,
        check_all=check_all,
        create=create,
        context=context_for,
        instructions=[
            "一行一个送审事项；带*的列必填。金额以元为单位，最多两位小数，不得为负数。",
            "已出具审核意见的须填写材料齐全日期、审核结论和意见条数；已办结的须填写采纳情况。",
            "各日期不得早于前一环节的日期，也不得晚于今天。",
            "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
        ],
        example={
            "kind": "合同",
            "title": "县城区道路保洁服务合同",
            "submitting_department": "城市管理局",
            "counterparty": "城关环境服务有限公司",
            "amount": "1250000.00",
            "submitted_on": dt.date(2025, 3, 3),
            "materials_complete_on": dt.date(2025, 3, 3),
        },
    )
)
