"""The 依申请公开 ledger, declared on the casework kit."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from fazhi.casework.registry import Lapse, LedgerSpec, register
from fazhi.ledgers.disclosure import panels as _panels  # noqa: F401  (registers the panel)
from fazhi.ledgers.disclosure import workflow
from fazhi.ledgers.disclosure.documents import DOCUMENTS
from fazhi.ledgers.disclosure.filters import CaseFilter
from fazhi.ledgers.disclosure.forms import ACTION_FIELDS, CaseForm
from fazhi.ledgers.disclosure.importers import SPEC
from fazhi.ledgers.disclosure.indicators import FIGURES
from fazhi.ledgers.disclosure.models import DisclosureRequest
from fazhi.ledgers.disclosure.states import OPEN, ApplicantKind, Channel
from fazhi.ledgers.disclosure.tables import CaseTable
from fazhi.lib.mask import mask_phone


def new_request(user: Any) -> DisclosureRequest:
    """A request goes to the user's jurisdiction and, by default, the user's own department."""
    if user.jurisdiction is None:
        raise Http404("请先为您的账号指定所属区划")
    return DisclosureRequest(jurisdiction=user.jurisdiction, department=user.department)


def detail_context(request: HttpRequest, req: DisclosureRequest) -> dict[str, Any]:
    from fazhi.ledgers.litigation.api import get_lawsuit_ref
    from fazhi.ledgers.reconsideration.api import get_ref

    badges = []
    if req.reply_type:
        badges.append((req.get_reply_type_display(), "success"))
    return {
        "reconsideration": get_ref(req.reconsideration_case_id)
        if req.reconsideration_case_id
        else None,
        "lawsuit": get_lawsuit_ref(req.litigation_case_id) if req.litigation_case_id else None,
        "badges": badges,
    }


def list_summary(request: HttpRequest, rows: Any) -> str:
    from fazhi.ledgers.disclosure.annual_views import summary_html

    return summary_html(request)


def sample(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    req = DisclosureRequest(
        jurisdiction=jurisdiction,
        department=office,
        applicant_name="张三",
        applicant_kind=ApplicantKind.NATURAL_PERSON,
        subject="2024年度城区道路改造项目预算",
        channel=Channel.IN_PERSON,
        evidence_on=on,
    )
    return workflow.receive(req, by=by)


def _extra_urls() -> list[Any]:
    from fazhi.ledgers.disclosure.annual_views import urls

    return urls()


LEDGER = register(
    LedgerSpec(
        key="disclosure",
        model=DisclosureRequest,
        title="依申请公开",
        noun="政府信息公开申请",
        order=60,
        create_label="登记申请",
        numbering=workflow.NUMBERING,
        transitions=workflow.TRANSITIONS,
        table=CaseTable,
        filterset=CaseFilter,
        form=CaseForm,
        receive=workflow.receive,
        new_instance=new_request,
        facts_template="disclosure/_facts.html",
        action_fields=ACTION_FIELDS,
        detail_context=detail_context,
        documents=DOCUMENTS,
        sheet=SPEC,
        list_related=("jurisdiction", "department", "handler"),
        due_cache=workflow.DUE,
        open_states=OPEN,
        lapses=(Lapse("abandon", "逾期未补正视为放弃申请", workflow.run_abandonment),),
        list_summary=list_summary,
        personal_columns={"applicant_contact": mask_phone},
        export_rows=lambda qs: qs.select_related("department").iterator(chunk_size=2000),
        extra_urls=_extra_urls,
        figures=FIGURES,
        sample=sample,
    )
)
