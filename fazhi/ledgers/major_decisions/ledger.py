"""The 重大行政决策 ledger, declared on the casework kit."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from fazhi.casework.registry import LedgerSpec, register
from fazhi.casework.sheets import legal_office_or_404
from fazhi.ledgers.major_decisions import rules as _rules  # noqa: F401 - registers the perms
from fazhi.ledgers.major_decisions import views, workflow
from fazhi.ledgers.major_decisions.documents import DOCUMENTS
from fazhi.ledgers.major_decisions.filters import CaseFilter
from fazhi.ledgers.major_decisions.forms import ACTION_FIELDS, CaseForm
from fazhi.ledgers.major_decisions.importers import SPEC
from fazhi.ledgers.major_decisions.indicators import FIGURES
from fazhi.ledgers.major_decisions.models import MajorDecision
from fazhi.ledgers.major_decisions.states import OPEN, UNDECIDED
from fazhi.ledgers.major_decisions.tables import CaseTable


def new_decision(user: Any) -> MajorDecision:
    """A decision of the user's jurisdiction, reviewed by its 司法局; a department's staff
    sponsor it themselves."""
    office = legal_office_or_404(user)
    keeps_all = user.is_superuser or user.role in ("coordinator", "admin")
    sponsor = None if keeps_all else user.department
    if sponsor is None and not keeps_all:
        raise Http404("请先为您的账号指定所属部门")
    return MajorDecision(
        jurisdiction=user.jurisdiction, review_office=office, sponsor_department=sponsor
    )


def detail_context(request: HttpRequest, d: MajorDecision) -> dict[str, Any]:
    gate = workflow.decision_gate(d) if d.state in UNDECIDED else None
    badges = [("需专家论证", "light border")] if d.expert_review_required else []
    if d.risk_assessment_required:
        badges.append(("需风险评估", "light border"))
    return {"gate": gate, "badges": badges}


def list_summary(request: HttpRequest, rows: Any) -> str:
    return format_html(
        '<p class="small"><a href="{}" id="catalog-link">查看年度重大行政决策事项目录</a></p>',
        reverse("major_decisions:catalogs"),
    )


def sample(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    d = MajorDecision(
        jurisdiction=jurisdiction,
        review_office=office,
        sponsor_department=department,
        title="城区停车收费标准调整",
        listed_on=on,
    )
    return workflow.receive(d, by=by)


LEDGER = register(
    LedgerSpec(
        key="major_decisions",
        model=MajorDecision,
        title="重大行政决策",
        noun="重大行政决策事项",
        order=32,
        create_label="登记决策事项",
        numbering=workflow.NUMBERING,
        transitions=workflow.TRANSITIONS,
        table=CaseTable,
        filterset=CaseFilter,
        form=CaseForm,
        receive=workflow.receive,
        new_instance=new_decision,
        facts_template="major_decisions/_facts.html",
        action_fields=ACTION_FIELDS,
        detail_context=detail_context,
        documents=DOCUMENTS,
        sheet=SPEC,
        list_related=("jurisdiction", "sponsor_department"),
        due_cache=workflow.DUE,
        open_states=OPEN,
        list_summary=list_summary,
        export_rows=lambda qs: qs.select_related("catalog", "sponsor_department").iterator(
            chunk_size=2000
        ),
        extra_urls=views.urls,
        figures=FIGURES,
        sample=sample,
    )
)
