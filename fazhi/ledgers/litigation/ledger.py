"""The 行政应诉 ledger, declared on the casework kit."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from fazhi.casework.registry import LedgerSpec, register
from fazhi.casework.sheets import legal_office_or_404
from fazhi.indicators.scope import Scope
from fazhi.ledgers.litigation import workflow
from fazhi.ledgers.litigation.documents import DOCUMENTS
from fazhi.ledgers.litigation.filters import CaseFilter
from fazhi.ledgers.litigation.forms import ACTION_FIELDS, CaseForm
from fazhi.ledgers.litigation.importers import SPEC
from fazhi.ledgers.litigation.indicators import FIGURES, appearance_rates
from fazhi.ledgers.litigation.models import LitigationCase
from fazhi.ledgers.litigation.states import OPEN
from fazhi.ledgers.litigation.tables import CaseTable
from fazhi.ledgers.reconsideration.api import get_ref


def new_case(user: Any) -> LitigationCase:
    """A lawsuit goes to the user's jurisdiction; its legal office coordinates the response."""
    return LitigationCase(
        jurisdiction=user.jurisdiction, handling_department=legal_office_or_404(user)
    )


def detail_context(request: HttpRequest, case: LitigationCase) -> dict[str, Any]:
    ref = get_ref(case.reconsideration_case_id) if case.reconsideration_case_id else None
    badges = [(case.get_trial_level_display(), "light border")]
    if case.disposition:
        badges.insert(0, (case.get_disposition_display(), "danger" if case.is_loss else "success"))
    return {
        "hearings": list(case.hearings.order_by("scheduled_for", "id")),
        "next_instances": list(case.next_instances.order_by("id")),
        "reconsideration": ref,
        "badges": badges,
    }


def list_summary(request: HttpRequest, rows: Any) -> str:
    """出庭率 this year in each 口径, for the user's jurisdiction."""
    from django.utils import timezone

    jurisdiction = request.user.jurisdiction  # type: ignore[union-attr]
    if jurisdiction is None:
        return ""
    year = timezone.localdate().year
    rates = appearance_rates(Scope.year(jurisdiction, year))
    return render_to_string(
        "litigation/_rates.html", {"rates": rates, "year": year, "jurisdiction": jurisdiction}
    )


def sample(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    case = LitigationCase(
        jurisdiction=jurisdiction,
        handling_department=office,
        defendant_department=department,
        defendant_name=f"{jurisdiction.name}{department.name}",
        court_name=f"{jurisdiction.name}人民法院",
        plaintiffs="张三",
        act_category="penalty",
        act_description="作出的罚款决定",
        complaint_received_on=on,
    )
    return workflow.receive(case, by=by)


LEDGER = register(
    LedgerSpec(
        key="litigation",
        model=LitigationCase,
        title="行政应诉",
        noun="行政诉讼案件",
        order=20,
        create_label="登记收到起诉状",
        numbering=workflow.NUMBERING,
        transitions=workflow.TRANSITIONS,
        table=CaseTable,
        filterset=CaseFilter,
        form=CaseForm,
        receive=workflow.receive,
        new_instance=new_case,
        facts_template="litigation/_facts.html",
        action_fields=ACTION_FIELDS,
        detail_context=detail_context,
        documents=DOCUMENTS,
        sheet=SPEC,
        list_related=("jurisdiction", "handler", "previous_instance", "handling_department"),
        due_cache=workflow.DUE,
        # The defendant department's own deadline: 答辩举证 (行政诉讼法 Art. 67).
        party_clocks={"defence_and_evidence": 1},
        open_states=OPEN,
        list_summary=list_summary,
        export_rows=lambda qs: qs.select_related("defendant_department").iterator(chunk_size=2000),
        figures=FIGURES,
        sample=sample,
    )
)
