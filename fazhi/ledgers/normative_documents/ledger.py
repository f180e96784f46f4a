"""The 规范性文件 ledger, declared on the casework kit."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from fazhi.casework.registry import Lapse, LedgerSpec, register
from fazhi.casework.sheets import legal_office_or_404
from fazhi.indicators.scope import Scope
from fazhi.ledgers.normative_documents import cleanup, filing, views, workflow
from fazhi.ledgers.normative_documents.documents import DOCUMENTS
from fazhi.ledgers.normative_documents.filters import CaseFilter
from fazhi.ledgers.normative_documents.forms import ACTION_FIELDS, CaseForm
from fazhi.ledgers.normative_documents.importers import SPEC
from fazhi.ledgers.normative_documents.indicators import FIGURES, timely_filing
from fazhi.ledgers.normative_documents.models import NormativeDocument
from fazhi.ledgers.normative_documents.states import OPEN
from fazhi.ledgers.normative_documents.tables import CaseTable


def new_document(user: Any) -> NormativeDocument:
    """A draft of the user's jurisdiction, reviewed by its 司法局, drafted by the user's
    department (changeable on the form)."""
    office = legal_office_or_404(user)
    return NormativeDocument(
        jurisdiction=user.jurisdiction,
        review_department=office,
        drafting_department=user.department or office,
        issuing_body=user.jurisdiction.government_name,
    )


def detail_context(request: HttpRequest, doc: NormativeDocument) -> dict[str, Any]:
    badges = []
    if doc.document_number:
        badges.append((doc.document_number, "light border"))
    warning = workflow.short_review_warning(doc)
    if warning:
        badges.append(("审核期限不足5个工作日", "warning"))
    return {
        "filings": list(doc.filings.order_by("recipient")),
        "entries": list(doc.cleanup_entries.select_related("batch").order_by("id")),
        "review_warning": warning,
        "badges": badges,
    }


def list_summary(request: HttpRequest, rows: Any) -> str:
    """Links to the cleanup batches and the public list; this year's 及时报备率 with its 口径."""
    from django.utils import timezone

    jurisdiction = getattr(request.user, "jurisdiction", None)
    links = format_html(
        '<a href="{}">清理批次</a>　<a href="{}?j={}">现行有效文件目录（公开页面）</a>',
        reverse("normative_documents:batches"),
        reverse("normative_documents:public"),
        getattr(jurisdiction, "code", ""),
    )
    if jurisdiction is None:
        return format_html('<p class="small" id="normative-links">{}</p>', links)
    year = timezone.localdate().year
    timely = timely_filing(Scope.year(jurisdiction, year))
    return format_html(
        '<p class="small" id="normative-links">{}　{}年及时报备率：<strong>{}</strong>（{}/{}；'
        "口径：本年公布文件的报备中，在各报备对象期限内报送的 ÷ 已报送的）</p>",
        links,
        year,
        timely.percent_text(),
        timely.numerator,
        timely.denominator,
    )


def sample(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    doc = NormativeDocument(
        jurisdiction=jurisdiction,
        review_department=office,
        drafting_department=department,
        issuing_body=f"{jurisdiction.name}人民政府",
        title="城区占道经营管理办法",
        drafted_on=on,
    )
    return workflow.receive(doc, by=by)


LEDGER = register(
    LedgerSpec(
        key="normative_documents",
        model=NormativeDocument,
        title="规范性文件",
        noun="规范性文件",
        order=30,
        create_label="登记起草文件",
        numbering=workflow.NUMBERING,
        transitions=[
            *workflow.TRANSITIONS,
            *filing.TRANSITIONS,
            *cleanup.OUTCOME_TRANSITIONS.values(),
        ],
        table=CaseTable,
        filterset=CaseFilter,
        form=CaseForm,
        receive=workflow.receive,
        new_instance=new_document,
        facts_template="normative_documents/_facts.html",
        action_fields=ACTION_FIELDS,
        detail_context=detail_context,
        documents=DOCUMENTS,
        sheet=SPEC,
        list_related=("jurisdiction", "drafting_department", "review_department"),
        due_cache=workflow.DUE,
        open_states=OPEN,
        lapses=(
            Lapse("expire", "有效期届满失效", workflow.expire_all),
            Lapse("cleanup", "清理结果到期执行", cleanup.apply_due_batches),
        ),
        list_summary=list_summary,
        export_rows=lambda qs: qs.select_related("drafting_department").prefetch_related("filings"),
        extra_urls=views.urls,
        figures=FIGURES,
        sample=sample,
    )
)
