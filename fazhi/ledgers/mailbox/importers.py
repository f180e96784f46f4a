"""Excel import and export of mailbox letters (all or nothing, every row's problems listed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fazhi import clocks
from fazhi.casework.numbering import number_rows
from fazhi.casework.sheets import case_number_problems, date_problems, import_context, model_columns
from fazhi.imports import registry
from fazhi.imports.history import insert_values_audited
from fazhi.imports.sheet import Problem, SheetSpec
from fazhi.ledgers.mailbox.clocks import reply_spec
from fazhi.ledgers.mailbox.models import MailboxLetter, State
from fazhi.ledgers.mailbox.workflow import DUE, NUMBERING

COLUMNS = model_columns(
    MailboxLetter,
    [
        "case_number",
        "department",
        "writer_name",
        "writer_contact",
        "subject",
        "content",
        "wants_public",
        "received_on",
        "route",
        "reply",
        "replied_on",
        "replied_on_time",
        "published_on",
    ],
    required=["department", "writer_name", "subject", "content", "received_on"],
    case_number={"comment": "可留空，由系统自动编号"},
    department={"header": "承办单位", "comment": "本区划部门全称"},
    content={"max_length": 4000},
    reply={"max_length": 4000},
    replied_on_time={"header": "按期回复", "comment": "已回复的必填：是/否"},
)
DATE_ORDER = [
    ("received_on", "收信日期"),
    ("replied_on", "回复（办结）日期"),
    ("published_on", "公开日期"),
]


def context_for(user: Any) -> dict[str, Any] | None:
    return import_context(user, "mailbox.add_case")


def check_all(rows: list[tuple[int, dict[str, Any]]], context: Any) -> list[Problem]:
    return case_number_problems(rows, MailboxLetter, context["jurisdiction"], NUMBERING)


def check_row(n: int, v: dict[str, Any], context: Any) -> list[Problem]:
    out = date_problems(n, v, DATE_ORDER)
    if v["department"] and v["department"] not in context["departments"]:
        out.append(Problem(n, "承办单位", f"本区划没有名为“{v['department']}”的部门"))
    if v["replied_on"] is not None and not v["reply"]:
        out.append(Problem(n, "回复内容", "已填写回复日期，请填写回复内容"))
    if v["reply"] and v["replied_on"] is None:
        out.append(Problem(n, "回复（办结）日期", "已填写回复内容，请填写回复日期"))
    if v["published_on"] is not None and not v["wants_public"]:
        out.append(Problem(n, "公开日期", "写信人未同意公开，不能公开"))
    if v["published_on"] is not None and v["route"]:
        out.append(Problem(n, "公开日期", "转办的信件不在信箱公开"))
    return out


def create(rows: list[dict[str, Any]], by: Any, context: Any) -> int:
    jurisdiction = context["jurisdiction"]
    numbers = number_rows(NUMBERING, MailboxLetter, jurisdiction, rows, date_key="received_on")
    values = []
    for v, number in zip(rows, numbers, strict=True):
        done = v["replied_on"] is not None
        values.append(
            dict(
                **number,
                jurisdiction_id=jurisdiction.pk,
                department_id=context["departments"][v["department"]].pk,
                state=(State.ROUTED if v["route"] else State.REPLIED) if done else State.RECEIVED,
                writer_name=v["writer_name"],
                writer_contact=v["writer_contact"],
                subject=v["subject"],
                content=v["content"],
                wants_public=v["wants_public"],
                received_on=v["received_on"],
                route=v["route"] or "",
                reply=v["reply"],
                replied_on=v["replied_on"],
                replied_on_time=v["replied_on_time"] if done else None,
                published_on=v["published_on"],
            )
        )
    ids = insert_values_audited(MailboxLetter, values, by=by, event="imported")
    for letter in MailboxLetter.objects.filter(pk__in=ids, state=State.RECEIVED).order_by("id"):
        clocks.start(letter, reply_spec(), on=letter.received_on, by=by)
        DUE.refresh(letter)
    return len(ids)


SPEC = registry.register(
    SheetSpec(
        key="mailbox",
        title="政府信箱信件",
        columns=COLUMNS,
        check_row=check_row,
        check_all=check_all,
        create=create,
        context=context_for,
        instructions=[
            "一行一封信件；带*的列必填。已回复的须填写回复内容、回复日期和是否按期。",
            "只有写信人同意公开的信件才能填写公开日期；转办的信件填写转办去向，回复内容填写告知写信人的转办说明。",
            "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
        ],
        example={
            "department": "县政府办公室",
            "writer_name": "王五",
            "subject": "关于城关镇路灯维修的建议",
            "content": "城关镇东街路灯损坏已久，建议尽快维修。",
            "wants_public": True,
            "received_on": dt.date(2025, 3, 3),
        },
    )
)
