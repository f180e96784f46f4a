"""The 人民调解 ledger, declared on the casework kit."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from fazhi.casework.registry import Lapse, LedgerSpec, register
from fazhi.casework.sheets import legal_office_or_404
from fazhi.ledgers.mediation import views, workflow
from fazhi.ledgers.mediation.documents import DOCUMENTS
from fazhi.ledgers.mediation.filters import CaseFilter
from fazhi.ledgers.mediation.forms import ACTION_FIELDS, CaseForm
from fazhi.ledgers.mediation.importers import SPEC
from fazhi.ledgers.mediation.indicators import FIGURES
from fazhi.ledgers.mediation.models import MediationCase, MediationCommittee
from fazhi.ledgers.mediation.states import OPEN, DisputeType
from fazhi.ledgers.mediation.tables import CaseTable


def new_case(user: Any) -> MediationCase:
    """A dispute of the user's jurisdiction; quick entry carries over the committee, mediator
    and dispute type of the user's last entry (townships enter many a day)."""
    office = legal_office_or_404(user)
    if not MediationCommittee.objects.filter(jurisdiction=user.jurisdiction).exists():
        raise Http404("本区划尚未登记人民调解组织，请先在“调解组织和调解员”页面登记")
    case = MediationCase(
        jurisdiction=user.jurisdiction, department=office, dispute_type=DisputeType.NEIGHBOUR
    )
    last = (
        MediationCase.history.filter(history_user_id=user.pk, history_type="+")
        .order_by("-history_id")
        .values("committee_id", "mediator_id", "dispute_type")
        .first()
    )
    if last is not None:
        case.committee_id, case.mediator_id = last["committee_id"], last["mediator_id"]
        case.dispute_type = last["dispute_type"]
    return case


def detail_context(request: HttpRequest, case: MediationCase) -> dict[str, Any]:
    badges = [(case.get_dispute_type_display(), "light border")]
    if case.is_major:
        badges.insert(0, ("重大疑难", "warning"))
    return {
        "parties": list(case.parties.all()),
        "missing": case.missing_signatures() if case.agreement_form == "written_agreement" else [],
        "badges": badges,
    }


def list_summary(request: HttpRequest, rows: Any) -> str:
    return format_html(
        '<p class="small" id="mediation-links"><a href="{}">调解组织和调解员</a> · '
        '<a href="{}">现场解答咨询（按日登记）</a></p>',
        reverse("mediation:organizations"),
        reverse("mediation:consultations"),
    )


def sample(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    committee, _ = MediationCommittee.objects.get_or_create(
        jurisdiction=jurisdiction,
        name="城关镇人民调解委员会",
        defaults={
            "department": office,
            "kind": "township",
            "established_on": on.replace(year=2020),
        },
    )
    case = MediationCase(
        jurisdiction=jurisdiction,
        department=office,
        committee=committee,
        received_on=on,
        dispute_type=DisputeType.NEIGHBOUR,
        summary="宅基地滴水檐纠纷",
    )
    return workflow.receive(case, by=by, children=[{"name": "张三"}, {"name": "李四"}])


LEDGER = register(
    LedgerSpec(
        key="mediation",
        model=MediationCase,
        title="人民调解",
        noun="矛盾纠纷",
        order=60,
        create_label="登记矛盾纠纷",
        quick_entry=True,
        numbering=workflow.NUMBERING,
        transitions=workflow.TRANSITIONS,
        table=CaseTable,
        filterset=CaseFilter,
        form=CaseForm,
        receive=workflow.receive,
        new_instance=new_case,
        facts_template="mediation/_facts.html",
        action_fields=ACTION_FIELDS,
        detail_context=detail_context,
        documents=DOCUMENTS,
        sheet=SPEC,
        list_related=("jurisdiction", "committee"),
        due_cache=workflow.DUE,
        open_states=OPEN,
        lapses=(Lapse("confirmation", "司法确认申请期限届满", workflow.lapse_confirmation),),
        list_summary=list_summary,
        export_rows=lambda qs: (
            qs.select_related("committee", "mediator")
            .prefetch_related("parties")
            .iterator(chunk_size=2000)
        ),
        extra_urls=views.urls,
        figures=FIGURES,
        sample=sample,
    )
)
