"""Excel import and export of major decisions: one row per decision item, with the dates of the
steps already taken. The import applies the workflow's rules to each row (the catalog exists, a
short comment window has its reason, a decision has its legality review and collective
discussion and every required step); all or nothing, every row's problems listed."""

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
from fazhi.ledgers.major_decisions.clocks import LEGALITY_REVIEW
from fazhi.ledgers.major_decisions.models import DecisionCatalog, MajorDecision
from fazhi.ledgers.major_decisions.states import State
from fazhi.ledgers.major_decisions.workflow import (
    NUMBERING,
    comment_window_end,
    intake_problem,
    record_window,
    review_window_end,
)
from fazhi.lib.cn_date import cn_date

COLUMNS = [
    *model_columns(
        MajorDecision, ["case_number"], case_number={"comment": "可留空，由系统自动编号"}
    ),
    Column(
        "catalog_year",
        "目录年度",
        kind="int",
        comment="列入哪一年度的目录（须已建立）；未列入目录的留空",
        getter=lambda d: d.catalog.year if d.catalog_id else None,
    ),
    *model_columns(
        MajorDecision,
        [
            "title",
            "sponsor_department",
            "listed_on",
            "added_reason",
            "participation_required",
            "not_public_reason",
            "expert_review_required",
            "risk_assessment_required",
            "comment_from",
            "comment_until",
            "short_window_reason",
            "comment_closed_on",
            "comments_received",
            "expert_reviewed_on",
            "risk_assessed_on",
            "legality_submitted_on",
            "review_deadline",
            "legality_reviewed_on",
            "legality_result",
            "meeting_name",
            "discussed_on",
            "decided_on",
            "notes",
        ],
        required=["title", "sponsor_department", "listed_on"],
        sponsor_department={"comment": "本区划部门全称"},
        participation_required={
            "kind": "choice",
            "choices": [("是", "是"), ("否", "否")],
            "comment": "留空视为“是”；填“否”的须填写不公开的理由",
            "getter": lambda d: "是" if d.participation_required else "否",
        },
        notes={"max_length": 2000},
    ),
]

DATE_ORDER = [
    ("listed_on", "列入目录（启动）日期"),
    ("comment_from", "公开征求意见开始日期"),
    ("comment_closed_on", "征求意见结束日期"),
    ("legality_submitted_on", "送请合法性审查日期"),
    ("legality_reviewed_on", "出具合法性审查意见日期"),
    ("discussed_on", "集体讨论日期"),
    ("decided_on", "作出决定日期"),
]


def context_for(user: Any) -> dict[str, Any] | None:
    context = import_context(user, "major_decisions.add_case")
    if context is not None:
        context["catalogs"] = {
            c.year: c for c in DecisionCatalog.objects.filter(jurisdiction=context["jurisdiction"])
        }
    return context


def check_all(rows: list[tuple[int, dict[str, Any]]], context: Any) -> list[Problem]:
    return case_number_problems(rows, MajorDecision, context["jurisdiction"], NUMBERING)


def _probe(v: dict[str, Any], context: Any) -> MajorDecision:
    return MajorDecision(
        jurisdiction=context["jurisdiction"],
        catalog=context["catalogs"].get(v["catalog_year"]),
        **{k: v[k] for k in ("listed_on", "comment_closed_on", "expert_reviewed_on")},
        **{k: v[k] for k in ("risk_assessed_on", "legality_reviewed_on", "discussed_on")},
        added_reason=v["added_reason"],
        participation_required=_participation(v),
        not_public_reason=v["not_public_reason"],
        expert_review_required=v["expert_review_required"],
        risk_assessment_required=v["risk_assessment_required"],
    )


def _participation(v: dict[str, Any]) -> bool:
    return bool(v["participation_required"] != "否")


def _window_problems(n: int, v: dict[str, Any]) -> list[Problem]:
    out = []
    start, until = v["comment_from"], v["comment_until"]
    if start is not None and until is None:
        out.append(Problem(n, "公开征求意见截止日期", "已填写开始日期，请填写截止日期"))
    if start is not None and until is not None:
        earliest = comment_window_end(start)
        if until <= start:
            out.append(Problem(n, "公开征求意见截止日期", "截止日期应晚于开始日期"))
        elif earliest is not None and until < earliest and not v["short_window_reason"]:
            out.append(
                Problem(
                    n,
                    "征求意见期限少于30日的理由",
                    f"征求意见期限少于30日（最早应至{cn_date(earliest)}），请填写理由",
                )
            )
    if v["comment_closed_on"] is not None and start is None:
        out.append(Problem(n, "公开征求意见开始日期", "已填写征求意见结束日期，请填写开始日期"))
    submitted, deadline = v["legality_submitted_on"], v["review_deadline"]
    if submitted is not None and deadline is None:
        out.append(Problem(n, "给予的审查期限", "已送请合法性审查的，请填写给予的审查期限"))
    if submitted is not None and deadline is not None:
        earliest = review_window_end(submitted)
        if earliest is not None and deadline < earliest:
            out.append(
                Problem(
                    n,
                    "给予的审查期限",
                    f"合法性审查时间不得少于7个工作日，审查期限不得早于{cn_date(earliest)}",
                )
            )
    return out


def check_row(n: int, v: dict[str, Any], context: Any) -> list[Problem]:
    out = date_problems(n, v, DATE_ORDER)
    out += _window_problems(n, v)
    year = v["catalog_year"]
    if year is not None and year not in context["catalogs"]:
        out.append(Problem(n, "目录年度", f"本区划尚未建立{year}年度重大行政决策事项目录"))
    dept = v["sponsor_department"]
    if dept and dept not in context["departments"]:
        out.append(Problem(n, "决策承办单位", f"本区划没有名为“{dept}”的部门"))
    if out:
        return out
    d = _probe(v, context)
    problem = intake_problem(d)
    if problem:
        out.append(Problem(n, "决策事项", problem))
    if (
        v["legality_submitted_on"] is not None
        and d.participation_required
        and (v["comment_closed_on"] is None)
    ):
        out.append(
            Problem(n, "征求意见结束日期", "需公开征求意见的，结束征求意见后方可送请合法性审查")
        )
    if v["legality_reviewed_on"] is not None and not v["legality_result"]:
        out.append(Problem(n, "合法性审查结论", "已出具合法性审查意见的，请填写审查结论"))
    if v["legality_reviewed_on"] is not None and v["legality_submitted_on"] is None:
        out.append(Problem(n, "送请合法性审查日期", "请填写送请合法性审查日期"))
    if v["discussed_on"] is not None and not v["meeting_name"]:
        out.append(Problem(n, "集体讨论会议", "已集体讨论的，请填写会议名称"))
    if v["decided_on"] is not None:
        missing = d.missing_steps()
        if missing:
            out.append(
                Problem(n, "作出决定日期", f"尚未完成{'、'.join(missing)}，不能登记为已作出决定")
            )
        elif v["legality_result"] == "unlawful":
            out.append(Problem(n, "合法性审查结论", "经审查不合法的决策草案不得提交讨论、作出决定"))
    return out


def _state(v: dict[str, Any]) -> str:
    if v["decided_on"] is not None:
        return State.DECIDED
    if v["legality_reviewed_on"] is not None:
        return State.COLLECTIVE_DECISION
    if v["legality_submitted_on"] is not None:
        return State.LEGALITY_REVIEW
    if v["comment_from"] is not None and v["comment_closed_on"] is None:
        return State.PUBLIC_PARTICIPATION
    return State.DRAFTING


FIELDS = [c.key for c in COLUMNS if c.key not in ("case_number", "catalog_year")]


def create(rows: list[dict[str, Any]], by: Any, context: Any) -> int:
    jurisdiction = context["jurisdiction"]
    numbers = number_rows(NUMBERING, MajorDecision, jurisdiction, rows, date_key="listed_on")
    values = []
    for v, number in zip(rows, numbers, strict=True):
        row = {k: v[k] for k in FIELDS if k != "sponsor_department"}
        row["legality_result"] = v["legality_result"] or ""
        row["participation_required"] = _participation(v)
        catalog = context["catalogs"].get(v["catalog_year"])
        values.append(
            dict(
                row,
                **number,
                jurisdiction_id=jurisdiction.pk,
                catalog_id=catalog.pk if catalog else None,
                sponsor_department_id=context["departments"][v["sponsor_department"]].pk,
                review_office_id=context["handling"].pk,
                state=_state(v),
            )
        )
    ids = insert_values_audited(MajorDecision, values, by=by, event="imported")
    start_clocks(MajorDecision.objects.filter(pk__in=ids), by=by)
    return len(ids)


def start_clocks(rows: Any, *, by: Any) -> None:
    """The windows of imported rows: an open comment period's (recorded), a pending review."""
    for d in rows.filter(state__in=(State.PUBLIC_PARTICIPATION, State.LEGALITY_REVIEW)):
        if d.state == State.PUBLIC_PARTICIPATION:
            record_window(d, d.comment_from, d.comment_until, by=by)
        else:
            clocks.start(d, LEGALITY_REVIEW, on=d.legality_submitted_on, by=by)


SPEC = registry.register(
    SheetSpec(
        key="major_decisions",
        title="重大行政决策事项",
        columns=COLUMNS,
        check_row=check_row,
        check_all=check_all,
        create=create,
        context=context_for,
        instructions=[
            "一行一个决策事项；带*的列必填。已完成的程序环节填写其日期，未进行的留空。",
            "公开征求意见不少于30日，少于30日的须填写理由；合法性审查时间不少于7个工作日。",
            "填写作出决定日期的，须已完成合法性审查和集体讨论，以及标明需要的公众参与、专家论证、风险评估。",
            "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
        ],
        example={
            "catalog_year": 2025,
            "title": "城区停车收费标准调整",
            "sponsor_department": "住房和城乡建设局",
            "listed_on": dt.date(2025, 2, 10),
            "participation_required": True,
        },
    )
)
