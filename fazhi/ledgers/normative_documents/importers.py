"""Excel import and export of normative documents (one row per document; the two 报备 dates are
columns). All or nothing, with every row's problems listed. The workflow's gates hold here too: a
row with a 公布日期 must carry a passed 合法性审核 and a 集体审议."""

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
from fazhi.ledgers.normative_documents.clocks import EVALUATION, FILING, REVIEW, sized
from fazhi.ledgers.normative_documents.config import config
from fazhi.ledgers.normative_documents.models import Filing, NormativeDocument
from fazhi.ledgers.normative_documents.states import PASSED, Recipient, ReviewResult, State
from fazhi.ledgers.normative_documents.workflow import (
    DOCUMENT_NUMBERING,
    NUMBERING,
    expiry,
    recipient_name,
)


def _filed_on(recipient: str) -> Any:
    def get(doc: NormativeDocument) -> Any:
        f = next((f for f in doc.filings.all() if f.recipient == recipient), None)
        return f.filed_on if f else None

    return get


COLUMNS = [
    *model_columns(
        NormativeDocument,
        [
            "case_number",
            "title",
            "issuing_body",
            "drafting_department",
            "drafted_on",
            "consultation_required",
            "consultation_started_on",
            "review_requested_on",
            "reviewed_on",
            "review_result",
            "review_opinion",
            "deliberation_meeting",
            "deliberated_on",
            "document_number",
            "published_on",
            "effective_on",
            "validity_years",
        ],
        required=["title", "issuing_body", "drafting_department", "drafted_on"],
        case_number={"comment": "可留空，由系统自动编号"},
        drafting_department={"header": "起草单位", "comment": "本区划部门全称"},
        document_number={"comment": "已公布的可留空，由系统按“示政规〔2025〕3号”统一编号"},
        validity_years={"comment": "留空为5年"},
        review_opinion={"max_length": 2000},
    ),
    Column(
        "filed_government_on",
        "报上一级人民政府备案日期",
        kind="date",
        getter=_filed_on(Recipient.GOVERNMENT),
    ),
    Column(
        "filed_npc_on", "报本级人大常委会备案日期", kind="date", getter=_filed_on(Recipient.NPC)
    ),
    *model_columns(NormativeDocument, ["notes"], notes={"max_length": 2000}),
]

DATE_ORDER = [
    ("drafted_on", "起草登记日期"),
    ("consultation_started_on", "征求意见开始日期"),
    ("review_requested_on", "合法性审核受理日期"),
    ("reviewed_on", "合法性审核意见日期"),
    ("deliberated_on", "集体审议日期"),
    ("published_on", "公布日期"),
]
FILED = {Recipient.GOVERNMENT: "filed_government_on", Recipient.NPC: "filed_npc_on"}


def context_for(user: Any) -> dict[str, Any] | None:
    return import_context(user, "normative_documents.add_case")


def check_all(rows: list[tuple[int, dict[str, Any]]], context: Any) -> list[Problem]:
    jurisdiction = context["jurisdiction"]
    out = case_number_problems(rows, NormativeDocument, jurisdiction, NUMBERING)
    typed = [v["document_number"] for _, v in rows if v["document_number"]]
    taken = set(
        NormativeDocument.objects.filter(
            jurisdiction=jurisdiction, document_number__in=typed
        ).values_list("document_number", flat=True)
    )
    seen: dict[str, int] = {}
    for n, v in rows:
        number = v["document_number"]
        if not number:
            continue
        if number in seen:
            out.append(Problem(n, "文号", f"文号“{number}”与第{seen[number]}行重复"))
        seen.setdefault(number, n)
        if number in taken:
            out.append(Problem(n, "文号", f"文号“{number}”已被使用"))
        elif DOCUMENT_NUMBERING.parse(number) is None:
            out.append(Problem(n, "文号", f"文号格式应为“{DOCUMENT_NUMBERING.example()}”"))
    return out


def check_row(n: int, v: dict[str, Any], context: Any) -> list[Problem]:
    out = date_problems(
        n,
        v,
        DATE_ORDER,
        also_past=[("filed_government_on", "报备日期"), ("filed_npc_on", "报备日期")],
    )
    published = v["published_on"]
    if published is not None:
        if v["reviewed_on"] is None or v["review_result"] not in PASSED:
            out.append(
                Problem(n, "公布日期", "未经合法性审核（或审核未通过）的文件不能登记为已公布")
            )
        if v["deliberated_on"] is None:
            out.append(Problem(n, "公布日期", "未经集体审议的文件不能登记为已公布"))
    elif v["document_number"] or v["effective_on"]:
        out.append(Problem(n, "公布日期", "已填写文号或施行日期，请填写公布日期"))
    if v["effective_on"] is not None and published is not None and v["effective_on"] < published:
        out.append(Problem(n, "施行日期", "施行日期早于公布日期"))
    if v["reviewed_on"] is not None and not v["review_result"]:
        out.append(Problem(n, "合法性审核结论", "已填写审核意见日期，请填写审核结论"))
    if v["review_result"] and v["reviewed_on"] is None:
        out.append(Problem(n, "合法性审核意见日期", "已填写审核结论，请填写审核意见日期"))
    if v["deliberated_on"] is not None and not v["deliberation_meeting"]:
        out.append(Problem(n, "审议会议", "已填写集体审议日期，请填写审议会议"))
    if v["validity_years"] is not None and not (1 <= v["validity_years"] <= 10):
        out.append(Problem(n, "有效期（年）", "有效期应为1至10年"))
    for key in FILED.values():
        filed = v[key]
        if filed is None:
            continue
        if published is None:
            out.append(Problem(n, "报备日期", "未公布的文件不能填写报备日期"))
        elif filed < published:
            out.append(Problem(n, "报备日期", "报备日期早于公布日期"))
    dept = v["drafting_department"]
    if dept and dept not in context["departments"]:
        out.append(Problem(n, "起草单位", f"本区划没有名为“{dept}”的部门"))
    return out


def _state(v: dict[str, Any]) -> str:
    if v["published_on"] is not None:
        return State.ISSUED
    if v["deliberated_on"] is not None:
        return State.DELIBERATED
    if v["reviewed_on"] is not None:
        return State.REVIEWED if v["review_result"] in PASSED else State.DRAFTING
    if v["review_requested_on"] is not None:
        return State.REVIEWING
    if v["consultation_started_on"] is not None:
        return State.CONSULTATION
    return State.DRAFTING


def create(rows: list[dict[str, Any]], by: Any, context: Any) -> int:
    jurisdiction = context["jurisdiction"]
    numbers = number_rows(NUMBERING, NormativeDocument, jurisdiction, rows, date_key="drafted_on")
    typed = frozenset(v["document_number"] for v in rows if v["document_number"])
    cfg = config()
    values = []
    for v, number in zip(rows, numbers, strict=True):
        published, effective = v["published_on"], v["effective_on"] or v["published_on"]
        doc_number = v["document_number"]
        if published is not None and not doc_number:
            ((_, doc_number),) = DOCUMENT_NUMBERING.allocate(
                NormativeDocument, jurisdiction, published.year, skip=typed
            )
        years = v["validity_years"] or (cfg["validity_years"] if published else None)
        values.append(
            dict(
                **number,
                jurisdiction_id=jurisdiction.pk,
                review_department_id=context["handling"].pk,
                drafting_department_id=context["departments"][v["drafting_department"]].pk,
                title=v["title"],
                issuing_body=v["issuing_body"],
                state=_state(v),
                drafted_on=v["drafted_on"],
                consultation_required=bool(v["consultation_required"]),
                consultation_started_on=v["consultation_started_on"],
                review_requested_on=v["review_requested_on"],
                review_working_days=cfg["review_working_days"]
                if v["review_requested_on"]
                else None,
                reviewed_on=v["reviewed_on"],
                review_result=v["review_result"] or "",
                review_opinion=v["review_opinion"],
                deliberation_meeting=v["deliberation_meeting"],
                deliberated_on=v["deliberated_on"],
                document_number=doc_number or "",
                published_on=published,
                effective_on=effective,
                validity_years=years,
                expires_on=expiry(effective, int(years)) if published and years else None,
                notes=v["notes"],
            )
        )
    ids = insert_values_audited(NormativeDocument, values, by=by, event="imported")
    docs = NormativeDocument.objects.filter(pk__in=ids).select_related("jurisdiction__parent")
    sheet = {n["case_number"]: r for n, r in zip(numbers, rows, strict=True)}
    for doc in docs.order_by("id"):
        start_clocks(doc, sheet[doc.case_number], by=by)
    return len(ids)


def start_clocks(doc: NormativeDocument, v: dict[str, Any], *, by: Any) -> None:
    """What the workflow would have started for a row in this state."""
    cfg = config()
    if doc.state == State.REVIEWING:
        assert doc.review_requested_on is not None and doc.review_working_days is not None
        clocks.start(doc, sized(REVIEW, doc.review_working_days), on=doc.review_requested_on, by=by)
        return
    if doc.state != State.ISSUED:
        return
    assert doc.published_on is not None and doc.expires_on is not None
    for recipient, key in FILED.items():
        filing = Filing.objects.create(
            document=doc,
            recipient=recipient,
            recipient_name=recipient_name(doc, recipient),
            period_days=int(cfg["filing_days"][recipient]),
            filed_on=v[key],
        )
        spec = sized(FILING[recipient], filing.period_days)
        clocks.start(doc, spec, on=doc.published_on, by=by)
        if filing.filed_on is not None:
            clocks.stop(doc, spec, on=filing.filed_on, by=by)
    clocks.start(doc, sized(EVALUATION, int(cfg["evaluation_months"])), on=doc.expires_on, by=by)


SPEC = registry.register(
    SheetSpec(
        key="normative_documents",
        title="规范性文件",
        columns=COLUMNS,
        check_row=check_row,
        check_all=check_all,
        create=create,
        context=context_for,
        instructions=[
            "一行一件规范性文件；带*的列必填。合法性审核由本区划司法局（法制审核机构）办理。",
            "已公布的文件须填写合法性审核意见日期、审核结论（同意或修改后同意）和集体审议日期、会议；"
            "文号可留空，由系统统一编号。",
            "各日期不得早于前一环节的日期，也不得晚于今天；报备日期不得早于公布日期。",
            "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
        ],
        example={
            "title": "示例县城区停车管理办法",
            "issuing_body": "示例县人民政府",
            "drafting_department": "公安局",
            "drafted_on": dt.date(2025, 1, 6),
            "consultation_required": True,
            "consultation_started_on": dt.date(2025, 1, 10),
            "review_requested_on": dt.date(2025, 2, 17),
            "reviewed_on": dt.date(2025, 3, 3),
            "review_result": ReviewResult.APPROVED_WITH_CHANGES.label,
            "review_opinion": "建议删除第十二条增设的行政许可。",
            "deliberation_meeting": "县政府第5次常务会议",
            "deliberated_on": dt.date(2025, 3, 10),
            "published_on": dt.date(2025, 3, 14),
            "effective_on": dt.date(2025, 4, 1),
        },
    )
)
