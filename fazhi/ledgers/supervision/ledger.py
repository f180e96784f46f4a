"""The 督查督办 / 整改台账 ledger, declared on the casework kit."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from fazhi.casework.registry import LedgerSpec, register
from fazhi.casework.sheets import legal_office_or_404
from fazhi.ledgers.supervision import views, workflow
from fazhi.ledgers.supervision.documents import DOCUMENTS
from fazhi.ledgers.supervision.filters import CaseFilter
from fazhi.ledgers.supervision.forms import ACTION_FIELDS, CaseForm
from fazhi.ledgers.supervision.importers import SPEC
from fazhi.ledgers.supervision.indicators import FIGURES
from fazhi.ledgers.supervision.models import SupervisionItem, SupervisionNotice
from fazhi.ledgers.supervision.states import OPEN, Kind, State
from fazhi.ledgers.supervision.tables import CaseTable
from fazhi.org.models import Department

OFFICE_NAMES = ("县政府办公室", "政府办公室", "市政府办公室")


def new_item(user: Any) -> SupervisionItem:
    """The assigning office is the government office (督查室) where there is one."""
    office = legal_office_or_404(user)
    gov = Department.objects.filter(jurisdiction=user.jurisdiction, name__in=OFFICE_NAMES).first()
    return SupervisionItem(jurisdiction=user.jurisdiction, office=gov or office)


def detail_context(request: HttpRequest, item: SupervisionItem) -> dict[str, Any]:
    badges = [(item.get_kind_display(), "light border")]
    overdue = workflow.DUE.is_overdue(item)
    if overdue:
        badges.append(("已超期", "danger"))
    return {
        "badges": badges,
        "overdue": overdue,
        "reports": list(item.reports.order_by("reported_on", "id")),
        "evidence": list(item.evidence.order_by("id")),
        "can_upload": item.state != State.CLOSED
        and request.user.has_perm("supervision.change_case", item),
    }


def sample(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    notice = SupervisionNotice(
        jurisdiction=jurisdiction,
        notice_number=f"示督办〔{on.year}〕{on.timetuple().tm_yday}号",
        source="leader_instruction",
        title="关于督办城区停车难问题的通知",
        issued_on=on,
        office=office,
    )
    item = SupervisionItem(
        jurisdiction=jurisdiction,
        notice=notice,
        kind=Kind.MATTER,
        task="制定城区停车泊位增设方案",
        office=office,
        lead_department=department,
        assigned_on=on,
        limit_kind="working_days",
        time_limit_days=20,
    )
    return workflow.receive(item, by=by)


LEDGER = register(
    LedgerSpec(
        key="supervision",
        model=SupervisionItem,
        title="督查督办",
        noun="督办事项",
        order=80,
        create_label="登记督办事项",
        numbering=workflow.NUMBERING,
        transitions=workflow.TRANSITIONS,
        table=CaseTable,
        filterset=CaseFilter,
        form=CaseForm,
        receive=workflow.receive,
        new_instance=new_item,
        facts_template="supervision/_facts.html",
        action_fields=ACTION_FIELDS,
        detail_context=detail_context,
        documents=DOCUMENTS,
        sheet=SPEC,
        list_related=("jurisdiction", "lead_department", "notice"),
        due_cache=workflow.DUE,
        open_states=OPEN,
        extra_events={"evidence_added": "上传佐证材料"},
        export_rows=lambda qs: qs.select_related("notice", "lead_department").iterator(
            chunk_size=2000
        ),
        extra_urls=views.urls,
        figures=FIGURES,
        sample=sample,
    )
)
