"""Excel import and export of legal-aid cases. All or nothing, every row's problems listed.
An assignment needs a decision (a notification is its own decision); counts and amounts may not
be negative; amounts are read in 元 exactly and kept in 分."""

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
from fazhi.ledgers.legal_aid.clocks import ASSIGN, decision_period
from fazhi.ledgers.legal_aid.models import LegalAidCase
from fazhi.ledgers.legal_aid.states import Basis, Channel, State
from fazhi.ledgers.legal_aid.workflow import DUE, NUMBERING
from fazhi.lib.money import MoneyError, fen_to_yuan_text, parse_yuan_to_fen

_cols = model_columns(
    LegalAidCase,
    [
        "case_number",
        "channel",
        "received_on",
        "applicant",
        "beneficiaries",
        "matter_type",
        "matter",
        "basis",
        "hardship_proof",
        "limitation_on",
        "decided_on",
        "refusal_reasons",
        "assigned_on",
        "provider",
        "closed_on",
        "notes",
    ],
    required=["channel", "received_on", "applicant", "matter_type", "matter", "basis"],
    case_number={"comment": "可留空，由系统自动编号"},
    beneficiaries={"comment": "不填为1"},
    refusal_reasons={"max_length": 1000},
    notes={"max_length": 2000},
)
AMOUNT = Column(
    "amount_recovered",
    "挽回经济损失（元）",
    comment="结案案件填写，最多两位小数",
    getter=lambda c: fen_to_yuan_text(c.amount_recovered_fen).removesuffix("元").replace(",", ""),
)
COLUMNS = [*_cols[:-1], AMOUNT, _cols[-1]]
DATE_ORDER = [
    ("received_on", "收到申请（通知）日期"),
    ("decided_on", "决定日期"),
    ("assigned_on", "指派日期"),
    ("closed_on", "结案日期"),
]


def context_for(user: Any) -> dict[str, Any] | None:
    return import_context(user, "legal_aid.add_case")


def check_all(rows: list[tuple[int, dict[str, Any]]], context: Any) -> list[Problem]:
    return case_number_problems(rows, LegalAidCase, context["jurisdiction"], NUMBERING)


def check_row(n: int, v: dict[str, Any], context: Any) -> list[Problem]:
    out = date_problems(n, v, DATE_ORDER)
    notified = v["channel"] == Channel.NOTIFICATION
    if v["assigned_on"] is not None and v["decided_on"] is None and not notified:
        out.append(Problem(n, "指派日期", "尚未作出给予法律援助的决定，不能指派（请填写决定日期）"))
    if v["refusal_reasons"] and (v["assigned_on"] or v["closed_on"]):
        out.append(Problem(n, "不予法律援助理由", "不予法律援助的案件不能有指派或结案日期"))
    if v["closed_on"] is not None and v["assigned_on"] is None:
        out.append(Problem(n, "结案日期", "未指派的案件不能结案"))
    if v["beneficiaries"] is not None and v["beneficiaries"] < 1:
        out.append(Problem(n, "受援人数", "受援人数至少为1，不能为负数或0"))
    if not notified and v["basis"] == Basis.NOTIFIED:
        out.append(
            Problem(n, "给予法律援助的依据", "当事人申请的，请选择经济困难或第三十二条规定的情形")
        )
    try:
        fen = parse_yuan_to_fen(v["amount_recovered"] or "0")
    except MoneyError as exc:
        out.append(Problem(n, "挽回经济损失（元）", str(exc)))
    else:
        if fen < 0:
            out.append(Problem(n, "挽回经济损失（元）", "挽回经济损失不能为负数"))
        v["amount_recovered_fen"] = fen
    return out


def _state(v: dict[str, Any]) -> str:
    if v["closed_on"]:
        return State.CLOSED
    if v["assigned_on"]:
        return State.ASSIGNED
    if v["refusal_reasons"]:
        return State.REFUSED
    if v["decided_on"] or v["channel"] == Channel.NOTIFICATION:
        return State.GRANTED
    return State.RECEIVED


def create(rows: list[dict[str, Any]], by: Any, context: Any) -> int:
    jurisdiction = context["jurisdiction"]
    numbers = number_rows(NUMBERING, LegalAidCase, jurisdiction, rows, date_key="received_on")
    values = []
    for v, number in zip(rows, numbers, strict=True):
        notified = v["channel"] == Channel.NOTIFICATION
        values.append(
            dict(
                **number,
                jurisdiction_id=jurisdiction.pk,
                department_id=context["handling"].pk,
                state=_state(v),
                channel=v["channel"],
                received_on=v["received_on"],
                applicant=v["applicant"],
                beneficiaries=v["beneficiaries"] or 1,
                matter_type=v["matter_type"],
                matter=v["matter"],
                basis=Basis.NOTIFIED if notified else v["basis"],
                hardship_proof=v["hardship_proof"],
                limitation_on=v["limitation_on"],
                decided_on=v["decided_on"] or (v["received_on"] if notified else None),
                refusal_reasons=v["refusal_reasons"],
                assigned_on=v["assigned_on"],
                provider=v["provider"],
                closed_on=v["closed_on"],
                amount_recovered_fen=v.get("amount_recovered_fen")
                or parse_yuan_to_fen(v["amount_recovered"] or "0"),
                notes=v["notes"],
            )
        )
    ids = insert_values_audited(LegalAidCase, values, by=by, event="imported")
    start_clocks(LegalAidCase.objects.filter(pk__in=ids), by=by)
    return len(ids)


def start_clocks(cases: Any, *, by: Any) -> None:
    """The decision clock of rows awaiting a decision, the assignment clock of granted ones."""
    period = decision_period()
    for case in cases.filter(state=State.RECEIVED).order_by("id").iterator(chunk_size=500):
        clocks.start(case, period, on=case.received_on, by=by)
        DUE.refresh(case)
    for case in cases.filter(state=State.GRANTED).order_by("id").iterator(chunk_size=500):
        clocks.start(case, ASSIGN, on=case.decided_on, by=by)
        DUE.refresh(case)


SPEC = registry.register(
    SheetSpec(
        key="legal_aid",
        title="法律援助案件",
        columns=COLUMNS,
        check_row=check_row,
        check_all=check_all,
        create=create,
        context=context_for,
        instructions=[
            "一行一件法律援助申请或刑事通知辩护（代理）；带*的列必填。",
            "当事人申请的须先有决定日期才能填写指派日期；不予法律援助的填写理由，不得填写指派或结案日期。",
            "受援人数不填为1；挽回经济损失以元为单位，最多两位小数，不得为负数。",
            "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
        ],
        example={
            "channel": "当事人申请",
            "received_on": dt.date(2025, 3, 3),
            "applicant": "张三",
            "matter_type": "劳动争议（讨薪）",
            "matter": "追索劳动报酬",
            "basis": "经济困难",
            "hardship_proof": "低保证",
        },
    )
)
