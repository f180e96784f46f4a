"""Excel import and export of 行政复议 cases (one row per case, its first applicant).

The state follows from the dates and the 处理结果 column: a closing result needs a 结案日期,
a 受理日期 makes the case accepted, a 发送副本日期 sends it to the respondent, and so on. Rows
are written in bulk with one history row each (event "imported"); open cases get their clocks.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from fazhi import clocks
from fazhi.casework.numbering import number_rows
from fazhi.casework.sheets import case_number_problems, date_problems, import_context
from fazhi.clocks.models import PauseKind
from fazhi.imports import registry
from fazhi.imports.columns import Column
from fazhi.imports.history import insert_values_audited
from fazhi.imports.sheet import Problem, SheetSpec
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import Applicant, ReconsiderationCase
from fazhi.ledgers.reconsideration.states import (
    DECISION_OUTCOMES,
    OPEN,
    ActCategory,
    ApplicantKind,
    Channel,
    HearingForm,
    LawVersion,
    Outcome,
    Procedure,
    State,
    SuspensionGround,
    TerminationReason,
    law_version_for,
)
from fazhi.ledgers.reconsideration.workflow.intake import NUMBERING
from fazhi.ledgers.reconsideration.workflow.period import check_knew_on, start_application_period

# 处理结果: the outcomes plus the three ways an application ends before acceptance.
RESULT_CHOICES = [
    (State.NOT_ACCEPTED.value, "不予受理"),
    (State.WITHDRAWN.value, "受理前撤回"),
    (State.REDIRECTED.value, "告知/转送"),
    *[(o.value, o.label.split("（")[0]) for o in Outcome],
]
BEFORE = {State.NOT_ACCEPTED.value, State.WITHDRAWN.value, State.REDIRECTED.value}


NAME_SEPARATORS = re.compile(r"[；;、]")
LIST_SEPARATORS = re.compile(r"[；;]")
PER_APPLICANT = [
    ("applicant_id_number", "证件号码", "id_number", 30),
    ("applicant_phone", "联系电话", "phone", 30),
    ("agent_name", "委托代理人", "agent_name", 60),
]


def _per_applicant(case: ReconsiderationCase, attr: str) -> str:
    """Export: one value per applicant, separated by “；” as the import reads them; a single
    value if every applicant has the same one (e.g. a common 委托代理人) or there is one."""
    values = [getattr(a, attr) for a in case.applicants.all()]
    if not any(values):
        return ""
    if len(set(values)) == 1:
        return values[0]
    return "；".join(values)


def split_applicants(n: int, v: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The row's applicants: 申请人 may name several, separated by “；” or “、” (same 申请人类型);
    证件号码 and 联系电话 then give one value per applicant in the same order, separated by “；”
    (a single value belongs to the first applicant); a single 委托代理人 acts for all of them."""
    problems: list[Problem] = []
    raw = v["applicant_name"] or ""
    names = [part.strip() for part in NAME_SEPARATORS.split(raw)]
    if any(not name for name in names):
        problems.append(Problem(n, "申请人", "申请人姓名之间有空项，请检查分隔符“；”或“、”的位置"))
    names = [name for name in names if name]
    for name in names:
        if len(name) > 100:
            problems.append(Problem(n, "申请人", f"申请人“{name[:10]}…”超过100个字"))
    seen: set[str] = set()
    for name in names:
        if name in seen:
            problems.append(Problem(n, "申请人", f"申请人“{name}”重复填写"))
        seen.add(name)
    applicants = [
        {"name": name, "kind": v["applicant_kind"], "id_number": "", "phone": "", "agent_name": ""}
        for name in names
    ]
    for key, header, attr, max_length in PER_APPLICANT:
        text = v[key] or ""
        if not text:
            continue
        values = [part.strip() for part in LIST_SEPARATORS.split(text)]
        if len(values) == 1:
            targets = applicants if attr == "agent_name" else applicants[:1]
            for a in targets:
                a[attr] = values[0]
        elif len(values) != len(names):
            problems.append(
                Problem(
                    n,
                    header,
                    f"填写了{len(values)}项，与申请人人数（{len(names)}人）不符；"
                    f"多名申请人的{header}请按申请人顺序用“；”分隔",
                )
            )
        else:
            for a, value in zip(applicants, values, strict=True):
                a[attr] = value
        for value in values:
            if len(value) > max_length:
                problems.append(Problem(n, header, f"“{value[:12]}…”超过{max_length}个字"))
    return applicants, problems


def _result(case: ReconsiderationCase) -> str:
    if case.state in BEFORE:
        return case.state
    return case.outcome


COLUMNS = [
    Column("case_number", "案号", max_length=40, width=20, comment="可留空，由系统自动编号"),
    Column("received_on", "收到申请日期", "date", required=True),
    Column("channel", "申请方式", "choice", required=True, choices=Channel.choices),
    Column(
        "knew_of_act_on",
        "知道该行政行为之日",
        "date",
        comment="可留空；填写后按60日计算申请期限，不得晚于收到申请日期",
    ),
    Column(
        "applicant_name",
        "申请人",
        required=True,
        max_length=200,
        width=20,
        comment="多名申请人用“；”或“、”分隔，如“张三；李四”（申请人类型相同）",
        getter=lambda c: c.applicant_names,
    ),
    Column(
        "applicant_kind",
        "申请人类型",
        "choice",
        required=True,
        choices=ApplicantKind.choices,
        comment="多名申请人时为同一类型",
        getter=lambda c: next((a.kind for a in c.applicants.all()), ""),
    ),
    Column(
        "applicant_id_number",
        "证件号码",
        max_length=300,
        comment="多名申请人的，按申请人顺序用“；”分隔",
        getter=lambda c: _per_applicant(c, "id_number"),
    ),
    Column(
        "applicant_phone",
        "联系电话",
        max_length=300,
        comment="多名申请人的，按申请人顺序用“；”分隔",
        getter=lambda c: _per_applicant(c, "phone"),
    ),
    Column(
        "agent_name",
        "委托代理人",
        max_length=300,
        comment="只填一个的，为全体申请人共同委托；各自委托的按申请人顺序用“；”分隔",
        getter=lambda c: _per_applicant(c, "agent_name"),
    ),
    Column("respondent_name", "被申请人", required=True, max_length=100, width=20),
    Column(
        "respondent_department",
        "被申请人部门",
        max_length=80,
        width=20,
        comment="本区划部门全称，如“公安局”；被申请人为乡镇政府等可留空",
        getter=lambda c: c.respondent_department.name if c.respondent_department_id else "",
    ),
    Column("act_category", "行政行为类别", "choice", required=True, choices=ActCategory.choices),
    Column("act_description", "被申请复议的行政行为", required=True, max_length=300, width=30),
    Column("request", "复议请求", max_length=1000, width=30),
    Column("procedure", "审理程序", "choice", choices=Procedure.choices),
    Column(
        "law_version",
        "适用法律版本",
        "choice",
        choices=LawVersion.choices,
        comment="留空则按收到申请日期确定",
    ),
    Column("correction_requested_on", "补正通知日期", "date"),
    Column(
        "correction_served_on",
        "补正通知送达日期",
        "date",
        comment="申请人收到补正通知之日；补正期限自此起算（第三十一条第二款）",
    ),
    Column("correction_received_on", "收到补正材料日期", "date"),
    Column("accepted_on", "受理日期", "date"),
    Column("copy_sent_on", "发送副本日期", "date"),
    Column("answered_on", "答复日期", "date"),
    Column("hearing_form", "审理方式", "choice", choices=HearingForm.choices),
    Column("hearing_on", "听证日期", "date"),
    Column("suspended_on", "中止日期", "date", comment="仍在中止中的填写；已恢复的不填"),
    Column(
        "suspension_ground",
        "中止情形",
        "choice",
        choices=SuspensionGround.choices,
        comment="行政复议法第三十九条第一款所列情形",
    ),
    Column("result", "处理结果", "choice", choices=RESULT_CHOICES, getter=_result),
    Column("termination_reason", "终止原因", "choice", choices=TerminationReason.choices),
    Column("closed_on", "结案日期", "date"),
    Column("carried_over", "上年结转", "bool"),
    Column("opinion_letter", "制发意见书", "bool"),
    Column("recommendation_letter", "制发建议书", "bool"),
    Column("lawsuit_ref", "后续行政诉讼", max_length=100),
    Column("notes", "备注", max_length=2000, width=30),
]

DATE_ORDER = [
    ("received_on", "收到申请日期"),
    ("correction_requested_on", "补正通知日期"),
    ("correction_received_on", "收到补正材料日期"),
    ("accepted_on", "受理日期"),
    ("copy_sent_on", "发送副本日期"),
    ("answered_on", "答复日期"),
    ("closed_on", "结案日期"),
]


def context_for(user: Any) -> dict[str, Any] | None:
    """Rows go to the user's jurisdiction and its 复议机构; only those who may register cases import."""
    return import_context(user, "reconsideration.add_case")


def check_all(rows: list[tuple[int, dict[str, Any]]], context: Any) -> list[Problem]:
    return case_number_problems(rows, ReconsiderationCase, context["jurisdiction"])


def check_row(n: int, v: dict[str, Any], context: Any) -> list[Problem]:
    out = date_problems(
        n,
        v,
        DATE_ORDER,
        also_past=(
            ("suspended_on", "中止日期"),
            ("hearing_on", "听证日期"),
            ("correction_served_on", "补正通知送达日期"),
        ),
    )
    if check_knew_on(v["knew_of_act_on"], v["received_on"]):
        out.append(Problem(n, "知道该行政行为之日", "知道该行政行为之日晚于收到申请日期"))
    out += split_applicants(n, v)[1]
    result, closed = v["result"], v["closed_on"]
    if result and closed is None:
        out.append(Problem(n, "结案日期", "已填写处理结果，请填写结案日期"))
    if closed is not None and not result:
        out.append(Problem(n, "处理结果", "已填写结案日期，请填写处理结果"))
    if result in BEFORE and v["accepted_on"] is not None:
        out.append(Problem(n, "处理结果", "已受理的案件不能为“不予受理/受理前撤回/告知转送”"))
    if result and result not in BEFORE and v["accepted_on"] is None:
        out.append(Problem(n, "受理日期", "审结的案件须填写受理日期"))
    if result in DECISION_OUTCOMES and v["copy_sent_on"] is None:
        out.append(Problem(n, "发送副本日期", "作出复议决定的案件须填写发送副本日期"))
    if result == Outcome.TERMINATED and not v["termination_reason"]:
        out.append(Problem(n, "终止原因", "处理结果为终止的，请填写终止原因"))
    if v["suspended_on"] is not None:
        if result and result != Outcome.TERMINATED:
            out.append(Problem(n, "中止日期", "案件仍在中止中，不能结案；已恢复的请清空中止日期"))
        if v["accepted_on"] is None or v["suspended_on"] < v["accepted_on"]:
            out.append(Problem(n, "中止日期", "中止日期早于受理日期"))
    served = v["correction_served_on"]
    if served is not None:
        if v["correction_requested_on"] is None:
            out.append(Problem(n, "补正通知送达日期", "有送达日期时须填写补正通知日期"))
        elif served < v["correction_requested_on"]:
            out.append(Problem(n, "补正通知送达日期", "送达日期早于补正通知日期"))
    if v["suspension_ground"] and v["suspended_on"] is None:
        out.append(Problem(n, "中止情形", "填写了中止情形，请填写中止日期"))
    if v["correction_received_on"] is not None and v["correction_requested_on"] is None:
        out.append(Problem(n, "补正通知日期", "有收到补正材料日期时须填写补正通知日期"))
    if v["hearing_on"] is not None and v["hearing_form"] not in (
        HearingForm.OPINIONS,
        HearingForm.HEARING,
    ):
        out.append(Problem(n, "审理方式", "填写了听证日期，审理方式应为“听证”或“听取意见”"))
    dept = v["respondent_department"]
    if dept and dept not in context["departments"]:
        out.append(Problem(n, "被申请人部门", f"本区划没有名为“{dept}”的部门"))
    received = v["received_on"]
    version = v["law_version"]
    if (
        received
        and result == Outcome.CONFIRMED_INVALID
        and (version or law_version_for(received)) == LawVersion.V2017
    ):
        out.append(Problem(n, "处理结果", "确认无效不适用于旧法（2017年）案件"))
    return out


def _state(v: dict[str, Any]) -> str:
    result = v["result"]
    if result in BEFORE:
        return result
    if result:
        return State.CONCLUDED
    if v["suspended_on"] is not None:
        return State.SUSPENDED
    if v["answered_on"] is not None:
        return State.UNDER_REVIEW
    if v["copy_sent_on"] is not None:
        return State.ANSWER_REQUESTED
    if v["accepted_on"] is not None:
        return State.ACCEPTED
    if v["correction_requested_on"] is not None and v["correction_received_on"] is None:
        return State.CORRECTION_REQUESTED
    return State.RECEIVED


def create(rows: list[dict[str, Any]], by: Any, context: Any) -> int:
    jurisdiction, handling, departments = (
        context["jurisdiction"],
        context["handling"],
        context["departments"],
    )
    numbers = number_rows(
        NUMBERING, ReconsiderationCase, jurisdiction, rows, date_key="received_on"
    )
    # Each row's applicants, parsed once (check_row already refused malformed ones).
    applicants_of = [split_applicants(0, v)[0] for v in rows]
    cases: list[dict[str, Any]] = []
    for v, row_applicants, number in zip(rows, applicants_of, numbers, strict=True):
        state = _state(v)
        result = v["result"]
        cases.append(
            dict(
                jurisdiction_id=jurisdiction.pk,
                handling_department_id=handling.pk,
                **number,
                state=state,
                law_version=v["law_version"] or law_version_for(v["received_on"]),
                law_version_reason="导入时指定"
                if v["law_version"] and v["law_version"] != law_version_for(v["received_on"])
                else "",
                procedure=v["procedure"] or Procedure.ORDINARY,
                hearing_form=v["hearing_form"] or HearingForm.WRITTEN,
                channel=v["channel"],
                applicant_names="、".join(a["name"] for a in row_applicants)[:200],
                respondent_department_id=departments[v["respondent_department"]].pk
                if v["respondent_department"]
                else None,
                respondent_name=v["respondent_name"],
                act_category=v["act_category"],
                act_description=v["act_description"],
                request=v["request"],
                received_on=v["received_on"],
                knew_of_act_on=v["knew_of_act_on"],
                correction_requested_on=v["correction_requested_on"],
                correction_served_on=v["correction_served_on"],
                correction_received_on=v["correction_received_on"],
                accepted_on=v["accepted_on"],
                copy_sent_on=v["copy_sent_on"],
                # A ledger sheet keeps one date for the copy: it is read as the day the
                # respondent received it (Arts. 48, 54), so the answer period runs from it.
                copy_served_on=v["copy_sent_on"],
                answered_on=v["answered_on"],
                hearing_on=v["hearing_on"],
                suspended_on=v["suspended_on"],
                suspension_ground=(v["suspension_ground"] or "") if v["suspended_on"] else "",
                suspension_reason="导入时处于中止" if v["suspended_on"] else "",
                closed_on=v["closed_on"],
                outcome="" if result in BEFORE else (result or ""),
                termination_reason=v["termination_reason"] or "",
                carried_over=v["carried_over"],
                opinion_letter=v["opinion_letter"],
                recommendation_letter=v["recommendation_letter"],
                lawsuit_ref=v["lawsuit_ref"],
                notes=v["notes"],
            )
        )
    ids = insert_values_audited(ReconsiderationCase, cases, by=by, event="imported")
    applicants = [
        dict(case_id=pk, **a)
        for pk, row_applicants in zip(ids, applicants_of, strict=True)
        for a in row_applicants
    ]
    insert_values_audited(Applicant, applicants, by=by, event="imported")
    knew_ids = [pk for pk, c in zip(ids, cases, strict=True) if c["knew_of_act_on"]]
    for i in range(0, len(knew_ids), 500):
        chunk = knew_ids[i : i + 500]
        for case in ReconsiderationCase.objects.filter(pk__in=chunk).order_by("id"):
            start_application_period(case, by=by)
    open_ids = [pk for pk, c in zip(ids, cases, strict=True) if c["state"] in OPEN]
    for i in range(0, len(open_ids), 500):
        chunk = open_ids[i : i + 500]
        start_clocks(list(ReconsiderationCase.objects.filter(pk__in=chunk).order_by("id")), by=by)
    return len(ids)


def start_clocks(cases: list[ReconsiderationCase], *, by: Any) -> None:
    """Clocks for imported or generated cases that are still open; closed ones need none."""
    from fazhi.ledgers.reconsideration.workflow.acceptance import sync_decision_due

    for case in cases:
        if case.state in (State.CONCLUDED, State.NOT_ACCEPTED, State.WITHDRAWN, State.REDIRECTED):
            continue
        specs = specs_for(case)
        if case.state in (State.RECEIVED, State.CORRECTION_REQUESTED):
            clocks.start(case, specs.acceptance_review, on=case.received_on, by=by)
            if case.correction_received_on:
                clocks.restart(case, specs.acceptance_review, on=case.correction_received_on, by=by)
            elif case.state == State.CORRECTION_REQUESTED:
                assert case.correction_requested_on is not None
                clocks.pause(
                    case,
                    specs.acceptance_review,
                    on=case.correction_requested_on,
                    reason="等待申请人补正",
                    kind=PauseKind.CORRECTION,
                    by=by,
                )
                # The applicant's 补正 period runs from receipt of the notice (Art. 31(2)); the
                # sheet does not record it, so it starts when the service is recorded.
                if specs.correction_response is not None and case.correction_served_on:
                    clocks.start(
                        case, specs.correction_response, on=case.correction_served_on, by=by
                    )
            continue
        assert case.accepted_on is not None
        clocks.start(case, specs.decision, on=case.accepted_on, by=by)
        if case.copy_sent_on is None:
            clocks.start(case, specs.copy_to_respondent, on=case.accepted_on, by=by)
        elif case.answered_on is None and case.copy_served_on is not None:
            # Arts. 48, 54: from the respondent's receipt of the copy.
            clocks.start(case, specs.respondent_answer, on=case.copy_served_on, by=by)
        if case.suspended_on is not None:
            clocks.pause(
                case,
                specs.decision,
                on=case.suspended_on,
                reason=(
                    case.get_suspension_ground_display()
                    if case.suspension_ground
                    else case.suspension_reason or "中止"
                ),
                kind=PauseKind.SUSPENSION,
                by=by,
            )
        sync_decision_due(case)


SPEC = registry.register(
    SheetSpec(
        key="reconsideration",
        title="行政复议案件",
        columns=COLUMNS,
        check_row=check_row,
        check_all=check_all,
        create=create,
        context=context_for,
        instructions=[
            "一行一件案件；带*的列必填。日期请填写为日期格式（如 2025-03-01）。",
            "多名申请人填在同一行：“申请人”列用“；”或“、”分隔（如“张三；李四”），申请人类型须相同；"
            "证件号码、联系电话按申请人顺序用“；”分隔，只填一项的属于第一名申请人；"
            "委托代理人只填一人的视为全体申请人共同委托。",
            "“知道该行政行为之日”可留空；填写后系统按60日计算申请期限并显示是否超期。",
            "“处理结果”为不予受理、受理前撤回、告知/转送或结案方式；填写处理结果时须同时填写结案日期。",
            "审结的案件须有受理日期；作出复议决定的须有发送副本日期；各日期不得早于前一环节的日期。",
            "案号可留空，由系统按“简称政复〔年度〕序号号”编号；填写的案号不得与已有案号重复。",
            "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
        ],
        example={
            "received_on": dt.date(2025, 3, 3),
            "channel": "当面递交",
            "knew_of_act_on": dt.date(2025, 2, 20),
            "applicant_name": "张三；李四",
            "applicant_kind": "自然人",
            "respondent_name": "示例县公安局",
            "respondent_department": "公安局",
            "act_category": "行政处罚",
            "act_description": "作出的行政处罚决定",
            "accepted_on": dt.date(2025, 3, 7),
        },
    )
)
