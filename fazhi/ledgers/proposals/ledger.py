"""The 人大建议/政协提案 ledger, declared on the casework kit."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from fazhi.casework.registry import LedgerSpec, register
from fazhi.casework.sheets import legal_office_or_404
from fazhi.indicators.compute import evaluate
from fazhi.indicators.scope import Scope
from fazhi.ledgers.proposals import workflow
from fazhi.ledgers.proposals.documents import DOCUMENTS
from fazhi.ledgers.proposals.filters import CaseFilter
from fazhi.ledgers.proposals.forms import ACTION_FIELDS, CaseForm
from fazhi.ledgers.proposals.importers import SPEC
from fazhi.ledgers.proposals.indicators import FIGURES, P
from fazhi.ledgers.proposals.models import Proposal
from fazhi.ledgers.proposals.rules import category_labels, satisfied_basis
from fazhi.ledgers.proposals.states import OPEN
from fazhi.ledgers.proposals.tables import CaseTable
from fazhi.org.models import Department

OFFICE_NAMES = ("县政府办公室", "政府办公室", "市政府办公室")


def new_item(user: Any) -> Proposal:
    """An item is assigned by the government office where there is one, else the legal office."""
    office = legal_office_or_404(user)
    gov = Department.objects.filter(jurisdiction=user.jurisdiction, name__in=OFFICE_NAMES).first()
    return Proposal(jurisdiction=user.jurisdiction, office=gov or office)


def detail_context(request: HttpRequest, item: Proposal) -> dict[str, Any]:
    badges = [(item.get_kind_display(), "light border")]
    if item.difficult:
        badges.append(("难度较大件", "warning"))
    return {"badges": badges, "category_label": category_labels().get(item.category, "")}


RATES = (
    "completion_rate",
    "satisfaction_rate",
    "npc_completion_rate",
    "npc_satisfaction_rate",
    "cppcc_completion_rate",
    "cppcc_satisfaction_rate",
)


def list_summary(request: HttpRequest, rows: Any) -> str:
    """办复率 and 满意率 this year, per kind and combined, each with its 口径."""
    jurisdiction = request.user.jurisdiction  # type: ignore[union-attr]
    if jurisdiction is None:
        return ""
    year = timezone.localdate().year
    snap = evaluate(
        Scope.year(jurisdiction, year),
        jurisdiction=jurisdiction,
        year=year,
        with_rows=False,
        ids=[P + r for r in RATES],
    )
    return render_to_string(
        "proposals/_rates.html",
        {
            "figures": [snap[P + r] for r in RATES],
            "year": year,
            "jurisdiction": jurisdiction,
            "basis": satisfied_basis(),
        },
    )


def sample(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    item = Proposal(
        jurisdiction=jurisdiction,
        kind="npc",
        session="县第十八届人民代表大会第四次会议",
        proposal_number="第1号",
        authors="张三",
        title="关于加强校园周边交通安全管理的建议",
        office=office,
        lead_department=department,
        received_on=on,
    )
    return workflow.receive(item, by=by)


LEDGER = register(
    LedgerSpec(
        key="proposals",
        model=Proposal,
        title="建议提案",
        noun="建议提案",
        order=70,
        create_label="登记建议提案",
        numbering=workflow.NUMBERING,
        transitions=workflow.TRANSITIONS,
        table=CaseTable,
        filterset=CaseFilter,
        form=CaseForm,
        receive=workflow.receive,
        new_instance=new_item,
        facts_template="proposals/_facts.html",
        action_fields=ACTION_FIELDS,
        detail_context=detail_context,
        documents=DOCUMENTS,
        sheet=SPEC,
        list_related=("jurisdiction", "lead_department", "office"),
        due_cache=workflow.DUE,
        open_states=OPEN,
        list_summary=list_summary,
        export_rows=lambda qs: qs.select_related("lead_department").iterator(chunk_size=2000),
        figures=FIGURES,
        sample=sample,
    )
)
