"""The 法律援助 ledger, declared on the casework kit."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from fazhi import clocks
from fazhi.casework.registry import Lapse, LedgerSpec, register
from fazhi.casework.sheets import legal_office_or_404
from fazhi.ledgers.legal_aid import views, workflow
from fazhi.ledgers.legal_aid.clocks import FORWARD
from fazhi.ledgers.legal_aid.documents import DOCUMENTS
from fazhi.ledgers.legal_aid.filters import CaseFilter
from fazhi.ledgers.legal_aid.forms import ACTION_FIELDS, CaseForm
from fazhi.ledgers.legal_aid.importers import SPEC
from fazhi.ledgers.legal_aid.indicators import FIGURES
from fazhi.ledgers.legal_aid.models import LegalAidCase
from fazhi.ledgers.legal_aid.states import OPEN, State
from fazhi.ledgers.legal_aid.tables import CaseTable
from fazhi.lib.money import fen_to_yuan_text

AWAITING = (State.RECEIVED, State.SUPPLEMENT)


def new_case(user: Any) -> LegalAidCase:
    return LegalAidCase(jurisdiction=user.jurisdiction, department=legal_office_or_404(user))


def is_urgent(case: LegalAidCase, today: Any = None) -> bool:
    """先行提供 alert (Art. 44): fewer than 7 days left before the limitation date while the
    application still awaits its decision."""
    today = today or timezone.localdate()
    return (
        case.state in AWAITING
        and case.limitation_on is not None
        and 0 <= (case.limitation_on - today).days < 7
    )


def detail_context(request: HttpRequest, case: LegalAidCase) -> dict[str, Any]:
    badges = [(case.get_matter_type_display(), "light border")]
    urgent = is_urgent(case)
    if urgent:
        badges.insert(0, ("时效不足七日", "danger"))
    forwarding = ""
    clock = clocks.get(case, FORWARD) if case.request_received_at else None
    if clock is not None:
        forwarding = clock.explanation + (
            f"；{clock.status_label}" if clock.state == "stopped" else ""
        )
    return {
        "badges": badges,
        "urgent": urgent,
        "forwarding": forwarding,
        "amount": fen_to_yuan_text(case.amount_recovered_fen),
    }


def list_summary(request: HttpRequest, rows: Any) -> str:
    return format_html(
        '<p class="small" id="legal-aid-links"><a href="{}">法律咨询和代写文书（按日登记）</a></p>',
        reverse("legal_aid:services"),
    )


def sample(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    case = LegalAidCase(
        jurisdiction=jurisdiction,
        department=office,
        applicant="张三",
        matter_type="labour",
        matter="追索劳动报酬",
        basis="economic_hardship",
        hardship_proof="低保证",
        received_on=on,
    )
    return workflow.receive(case, by=by)


LEDGER = register(
    LedgerSpec(
        key="legal_aid",
        model=LegalAidCase,
        title="法律援助",
        noun="法律援助案件",
        order=61,
        create_label="登记法律援助申请",
        numbering=workflow.NUMBERING,
        transitions=workflow.TRANSITIONS,
        table=CaseTable,
        filterset=CaseFilter,
        form=CaseForm,
        receive=workflow.receive,
        new_instance=new_case,
        facts_template="legal_aid/_facts.html",
        action_fields=ACTION_FIELDS,
        detail_context=detail_context,
        documents=DOCUMENTS,
        sheet=SPEC,
        list_related=("jurisdiction", "handler"),
        due_cache=workflow.DUE,
        open_states=OPEN,
        lapses=(Lapse("supplement", "逾期未补充材料视为撤回申请", workflow.lapse_supplements),),
        list_summary=list_summary,
        extra_urls=views.urls,
        figures=FIGURES,
        sample=sample,
    )
)
