"""The 行政复议 ledger, declared on the casework kit: pages, nav, lapses and tests come from it."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from fazhi.casework.registry import Lapse, LedgerSpec, register
from fazhi.casework.sheets import legal_office_or_404
from fazhi.ledgers.litigation.api import lawsuits_after_reconsideration
from fazhi.ledgers.reconsideration import panels as _panels  # noqa: F401  (registers the panel)
from fazhi.ledgers.reconsideration import views as _views
from fazhi.ledgers.reconsideration import workflow
from fazhi.ledgers.reconsideration.documents import DOCUMENTS
from fazhi.ledgers.reconsideration.filters import CaseFilter
from fazhi.ledgers.reconsideration.forms import ACTION_FIELDS, ApplicantFormSet, CaseForm
from fazhi.ledgers.reconsideration.importers import SPEC
from fazhi.ledgers.reconsideration.indicators import FIGURES
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import OPEN, State
from fazhi.ledgers.reconsideration.tables import CaseTable
from fazhi.ledgers.reconsideration.workflow.base import DUE
from fazhi.lib.mask import mask_id, mask_phone


def new_case(user: Any) -> ReconsiderationCase:
    """A new application goes to the user's jurisdiction and its 复议机构 (the 司法行政部门)."""
    return ReconsiderationCase(
        jurisdiction=user.jurisdiction, handling_department=legal_office_or_404(user)
    )


def detail_context(request: HttpRequest, case: ReconsiderationCase) -> dict[str, Any]:
    badges = [(f"适用{case.get_law_version_display()}", "light border")]
    if case.outcome:
        badges.insert(0, (case.get_outcome_display(), "success"))
    return {
        "applicants": list(case.applicants.all()),
        "answer_files": list(case.files.all()),
        "third_parties": list(case.third_parties.all()),
        "can_answer": case.state == State.ANSWER_REQUESTED
        and request.user.has_perm("reconsideration.answer_case", case),
        "application_period": workflow.application_period(case),
        "lawsuits": lawsuits_after_reconsideration(case.pk),
        "badges": badges,
    }


def sample(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    case = ReconsiderationCase(
        jurisdiction=jurisdiction,
        handling_department=office,
        respondent_department=department,
        respondent_name=f"{jurisdiction.name}{department.name}",
        act_category="penalty",
        act_description="作出的罚款决定",
        received_on=on,
    )
    return workflow.receive(case, applicants=[{"name": "张三", "kind": "natural_person"}], by=by)


def export_rows(qs: Any) -> Any:
    # The applicant columns read case.applicants four times a row: prefetch per chunk.
    return (
        qs.select_related("respondent_department")
        .prefetch_related("applicants")
        .order_by("received_on", "id")
        .iterator(chunk_size=2000)
    )


LEDGER = register(
    LedgerSpec(
        key="reconsideration",
        model=ReconsiderationCase,
        title="行政复议",
        noun="行政复议案件",
        order=10,
        create_label="登记新申请",
        numbering=workflow.NUMBERING,
        transitions=workflow.TRANSITIONS,
        table=CaseTable,
        filterset=CaseFilter,
        form=CaseForm,
        formset=ApplicantFormSet,
        formset_prefix="applicants",
        formset_title="申请人",
        receive=workflow.receive,
        new_instance=new_case,
        facts_template="reconsideration/_facts.html",
        action_fields=ACTION_FIELDS,
        initial_for=workflow.initial_for,
        detail_context=detail_context,
        documents=DOCUMENTS,
        sheet=SPEC,
        export_rows=export_rows,
        list_related=("jurisdiction", "handler", "respondent_department"),
        due_cache=DUE,
        open_states=OPEN,
        lapses=(
            Lapse("deem_accepted", "审查期限届满视为受理", workflow.deem_accepted_all),
            Lapse("deem_abandoned", "逾期未补正视为放弃", workflow.deem_abandoned_all),
        ),
        extra_events={
            "deemed_accepted": "视为受理",
            "answer_submitted": "被申请人在线提交答复",
            "deemed_abandoned": "逾期未补正视为放弃",
            "hearing_scheduled": "安排听证",
            "hearing_rescheduled": "变更听证日期",
            "procedure_switched": "简易程序转为普通程序",
            "received": "登记收到申请",
            "edited": "修改案件信息",
            "due_recomputed": "日历调整审理期限",
        },
        after_edit=lambda case, by: workflow.start_application_period(case, by=by),
        figures=FIGURES,
        sample=sample,
        extra_urls=_views.urls,
        personal_columns={"applicant_id_number": mask_id, "applicant_phone": mask_phone},
        # The respondent department's own deadline: its 答复 (Art. 48/54; 2017 text Art. 23).
        party_clocks={"respondent_answer": 2, "respondent_answer_simplified": 2},
    )
)
