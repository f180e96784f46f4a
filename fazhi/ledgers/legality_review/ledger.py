"""The 合同及涉法文件审核 ledger, declared on the casework kit."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from fazhi.casework.registry import LedgerSpec, register
from fazhi.casework.sheets import legal_office_or_404
from fazhi.ledgers.legality_review import rules as _rules  # noqa: F401 - registers the perms
from fazhi.ledgers.legality_review import workflow
from fazhi.ledgers.legality_review.documents import DOCUMENTS
from fazhi.ledgers.legality_review.filters import CaseFilter
from fazhi.ledgers.legality_review.forms import ACTION_FIELDS, CaseForm
from fazhi.ledgers.legality_review.importers import SPEC
from fazhi.ledgers.legality_review.indicators import FIGURES
from fazhi.ledgers.legality_review.models import LegalityReview
from fazhi.ledgers.legality_review.states import OPEN, Result
from fazhi.ledgers.legality_review.tables import CaseTable


def new_review(user: Any) -> LegalityReview:
    """A department sends its own item to its jurisdiction's 司法局; the 司法局/法治办 may enter
    one for any department."""
    office = legal_office_or_404(user)
    keeps_all = user.is_superuser or user.role in ("coordinator", "admin")
    sender = None if keeps_all else user.department
    if sender is None and not keeps_all:
        raise Http404("请先为您的账号指定所属部门")
    return LegalityReview(
        jurisdiction=user.jurisdiction, reviewing_office=office, submitting_department=sender
    )


def detail_context(request: HttpRequest, r: LegalityReview) -> dict[str, Any]:
    styles: dict[str, str] = {Result.APPROVED: "success", Result.APPROVED_WITH_CHANGES: "info"}
    badges = [(r.get_kind_display(), "light border")]
    if r.result:
        badges.insert(0, (r.get_result_display(), styles.get(r.result, "danger")))
    return {"badges": badges}


def sample(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    r = LegalityReview(
        jurisdiction=jurisdiction,
        reviewing_office=office,
        submitting_department=department,
        kind="contract",
        title="办公楼物业服务合同",
        counterparty="城关物业管理有限公司",
        amount_fen=36_000_000,
        submitted_on=on,
    )
    return workflow.receive(r, by=by)


LEDGER = register(
    LedgerSpec(
        key="legality_review",
        model=LegalityReview,
        title="合同及涉法文件审核",
        noun="合同及涉法文件审核事项",
        order=34,
        create_label="送审",
        numbering=workflow.NUMBERING,
        transitions=workflow.TRANSITIONS,
        table=CaseTable,
        filterset=CaseFilter,
        form=CaseForm,
        receive=workflow.receive,
        new_instance=new_review,
        facts_template="legality_review/_facts.html",
        action_fields=ACTION_FIELDS,
        detail_context=detail_context,
        documents=DOCUMENTS,
        sheet=SPEC,
        list_related=("jurisdiction", "submitting_department"),
        due_cache=workflow.DUE,
        open_states=OPEN,
        export_rows=lambda qs: qs.select_related("submitting_department").iterator(chunk_size=2000),
        figures=FIGURES,
        sample=sample,
    )
)
