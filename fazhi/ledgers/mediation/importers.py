"""Excel import and export of disputes (one row per dispute; the parties in one cell). All or
nothing, with every row's problems listed. A written agreement given an effective date is
recorded as signed by every party and the mediator and sealed on that date (Art. 29)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from fazhi import clocks
from fazhi.casework.numbering import number_rows
from fazhi.casework.sheets import case_number_problems, date_problems, import_context, model_columns
from fazhi.imports import registry
from fazhi.imports.columns import Column
from fazhi.imports.history import insert_values_audited
from fazhi.imports.sheet import Problem, SheetSpec
from fazhi.ledgers.mediation.clocks import CONFIRMATION, mediation_period
from fazhi.ledgers.mediation.forms import split_parties
from fazhi.ledgers.mediation.models import (
    MediationCase,
    MediationCommittee,
    MediationParty,
    Mediator,
)
from fazhi.ledgers.mediation.states import AgreementForm, Source, State
from fazhi.ledgers.mediation.workflow import DUE, NUMBERING

_model = model_columns(
    MediationCase,
    [
        "case_number",
        "committee",
        "mediator",
        "received_on",
        "dispute_type",
        "source",
        "is_major",
        "summary",
        "concluded_on",
        "agreement_form",
        "agreement_effective_on",
        "referral",
        "notes",
    ],
    required=["committee", "received_on", "dispute_type"],
    case_number={"comment": "可留空，由系统自动编号"},
    committee={"header": "调解组织", "comment": "本区划调解组织全称"},
    mediator={
        "header": "调解员",
        "comment": "该调解组织的调解员姓名",
        "getter": lambda c: c.mediator.name if c.mediator else "",
    },
    agreement_effective_on={
        "comment": "书面协议填写；填写即表示各方当事人、调解员已于该日签名并加盖调解委员会印章"
    },
    notes={"max_length": 2000},
)
PARTIES = Column(
    "parties",
    "当事人",
    required=True,
    max_length=300,
    width=24,
    comment="双方或多方当事人，以顿号分隔",
    getter=lambda c: "、".join(p.name for p in c.parties.all()),
)
COLUMNS = [*_model[:4], PARTIES, *_model[4:]]

DATE_ORDER = [
    ("received_on", "受理日期"),
    ("concluded_on", "调解终结日期"),
    ("agreement_effective_on", "协议生效日期"),
]


def context_for(user: Any) -> dict[str, Any] | None:
    ctx = import_context(user, "mediation.add_case")
    if ctx is None:
        return None
    committees = {
        c.name: c for c in MediationCommittee.objects.filter(jurisdiction=ctx["jurisdiction"])
    }
    mediators = {
        (m.committee_id, m.name): m
        for m in Mediator.objects.filter(committee__jurisdiction=ctx["jurisdiction"])
    }
    return {**ctx, "committees": committees, "mediators": mediators}


def check_all(rows: list[tuple[int, dict[str, Any]]], context: Any) -> list[Problem]:
    return case_number_problems(rows, MediationCase, context["jurisdiction"], NUMBERING)


def check_row(n: int, v: dict[str, Any], context: Any) -> list[Problem]:
    out = date_problems(n, v, DATE_ORDER)
    committee = context["committees"].get(v["committee"])
    if committee is None:
        out.append(Problem(n, "调解组织", f"本区划没有名为“{v['committee']}”的调解组织"))
    elif v["mediator"] and (committee.pk, v["mediator"]) not in context["mediators"]:
        out.append(Problem(n, "调解员", f"“{committee.name}”没有名为“{v['mediator']}”的调解员"))
    if len(split_parties(v["parties"])) < 2:
        out.append(Problem(n, "当事人", "请填写纠纷双方当事人（至少两方），以顿号分隔"))
    form, referral, ended = v["agreement_form"], v["referral"], v["concluded_on"]
    if form and referral:
        out.append(Problem(n, "调解不成引导途径", "已达成协议的纠纷不能同时填写调解不成引导途径"))
    if (form or referral) and ended is None:
        out.append(Problem(n, "调解终结日期", "已填写调解结果，请填写调解终结日期"))
    if ended is not None and not (form or referral):
        out.append(Problem(n, "协议形式", "已填写调解终结日期，请填写协议形式或调解不成引导途径"))
    effective = v["agreement_effective_on"]
    if effective is not None and form != AgreementForm.WRITTEN:
        out.append(Problem(n, "协议生效日期", "只有书面协议填写协议生效日期（口头协议达成即生效）"))
    return out


def _state(v: dict[str, Any]) -> str:
    if v["referral"]:
        return State.FAILED
    if v["agreement_form"] == AgreementForm.ORAL:
        return State.RESOLVED
    if v["agreement_form"] == AgreementForm.WRITTEN:
        return State.RESOLVED if v["agreement_effective_on"] else State.SIGNING
    return State.ACCEPTED


def create(rows: list[dict[str, Any]], by: Any, context: Any) -> int:
    jurisdiction = context["jurisdiction"]
    numbers = number_rows(NUMBERING, MediationCase, jurisdiction, rows, date_key="received_on")
    values = []
    for v, number in zip(rows, numbers, strict=True):
        committee = context["committees"][v["committee"]]
        mediator = context["mediators"].get((committee.pk, v["mediator"]))
        form = v["agreement_form"] or ""
        effective = v["agreement_effective_on"]
        if form == AgreementForm.ORAL:
            effective = v["concluded_on"]
        values.append(
            dict(
                **number,
                jurisdiction_id=jurisdiction.pk,
                department_id=committee.department_id,
                committee_id=committee.pk,
                mediator_id=mediator.pk if mediator else None,
                state=_state(v),
                received_on=v["received_on"],
                source=v["source"] or Source.APPLICATION,
                dispute_type=v["dispute_type"],
                is_major=v["is_major"],
                summary=v["summary"],
                concluded_on=v["concluded_on"],
                agreement_form=form,
                agreement_effective_on=effective,
                mediator_signed_on=effective if form == AgreementForm.WRITTEN else None,
                committee_sealed_on=effective if form == AgreementForm.WRITTEN else None,
                referral=v["referral"] or "",
                notes=v["notes"],
            )
        )
    ids = insert_values_audited(MediationCase, values, by=by, event="imported")
    parties = []
    for pk, v, row in zip(ids, rows, values, strict=True):
        signed = row["committee_sealed_on"]
        for i, name in enumerate(split_parties(v["parties"])):
            parties.append(
                dict(
                    case_id=pk,
                    name=name[:60],
                    side="applicant" if i == 0 else "respondent",
                    signed_on=signed,
                )
            )
    insert_values_audited(MediationParty, parties, by=by, event="imported")
    start_clocks(MediationCase.objects.filter(pk__in=ids), by=by)
    return len(ids)


def start_clocks(cases: Any, *, by: Any) -> None:
    """The mediation clock of rows still being mediated; the 司法确认 window of written
    agreements in effect and not yet brought to court — only where that window can still be open
    (an agreement imported long after its window closed gets no clock to lapse on the board)."""
    period = mediation_period()
    recent = timezone.localdate() - dt.timedelta(days=CONFIRMATION.length + 10)
    for case in cases.filter(state=State.ACCEPTED).order_by("id").iterator(chunk_size=500):
        clocks.start(case, period, on=case.received_on, by=by)
        DUE.refresh(case)
    for case in cases.filter(
        state=State.RESOLVED,
        agreement_form=AgreementForm.WRITTEN,
        agreement_effective_on__gte=recent,
    ).order_by("id"):
        clocks.start(case, CONFIRMATION, on=case.agreement_effective_on, by=by)


SPEC = registry.register(
    SheetSpec(
        key="mediation",
        title="人民调解矛盾纠纷",
        columns=COLUMNS,
        check_row=check_row,
        check_all=check_all,
        create=create,
        context=context_for,
        instructions=[
            "一行一件矛盾纠纷；带*的列必填；当事人填写双方或多方，以顿号分隔。",
            "调解成功的填写协议形式和调解终结日期；调解不成的填写调解终结日期和引导途径。",
            "书面协议填写协议生效日期即表示各方当事人、调解员已于该日签名并加盖调解委员会印章；"
            "尚未签字盖章的留空，导入后在纠纷页面逐一登记。",
            "各日期不得早于前一环节的日期，也不得晚于今天。",
            "导入为“全部成功或全部不导入”：任何一行有误，将列出全部问题，且不保存任何一行。",
        ],
        example={
            "committee": "城关镇人民调解委员会",
            "received_on": dt.date(2025, 3, 3),
            "parties": "张三、李四",
            "dispute_type": "邻里纠纷",
        },
    )
)
