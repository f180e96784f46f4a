"""The 12345热线 ledger, declared on the casework kit."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from fazhi.casework.registry import LedgerSpec, register
from fazhi.indicators.scope import Scope
from fazhi.ledgers.hotline import views, workflow
from fazhi.ledgers.hotline.documents import DOCUMENTS
from fazhi.ledgers.hotline.filters import TicketFilter
from fazhi.ledgers.hotline.forms import ACTION_FIELDS, TicketForm
from fazhi.ledgers.hotline.importers import SPEC, hotline_office
from fazhi.ledgers.hotline.indicators import (
    FIGURES,
    category_counts,
    league_table,
    satisfaction_basis,
)
from fazhi.ledgers.hotline.models import HotlineTicket
from fazhi.ledgers.hotline.states import OPEN
from fazhi.ledgers.hotline.tables import TicketTable
from fazhi.lib.mask import mask_phone


def new_ticket(user: Any) -> HotlineTicket:
    """A ticket goes to the user's jurisdiction, received by its 12345 office (the 政府办公室, else
    the user's own department)."""
    if user.jurisdiction is None:
        raise Http404("请先为您的账号指定所属区划")
    office = hotline_office(user.jurisdiction_id) or user.department
    if office is None:
        raise Http404("本区划尚未设置12345热线受理机构（政府办公室）")
    return HotlineTicket(jurisdiction=user.jurisdiction, office=office)


def detail_context(request: HttpRequest, ticket: HotlineTicket) -> dict[str, Any]:
    badges = []
    if ticket.rehandle_count:
        badges.append((f"重办{ticket.rehandle_count}次", "warning"))
    if ticket.rating:
        badges.append(
            (
                ticket.get_rating_display(),
                "danger" if ticket.rating == "dissatisfied" else "success",
            )
        )
    return {"badges": badges}


def list_summary(request: HttpRequest, rows: Any) -> str:
    jurisdiction = request.user.jurisdiction  # type: ignore[union-attr]
    if jurisdiction is None:
        return ""
    year = timezone.localdate().year
    scope = Scope.year(jurisdiction, year)
    league = league_table(scope, jurisdiction, timezone.localdate())
    total = {
        k: sum(getattr(r, k) for r in league)
        for k in ("received", "concluded", "rated", "satisfied", "rehandlings")
    }
    den, basis = satisfaction_basis(jurisdiction, year)
    from fazhi.lib.ratio import Ratio

    context = {
        **total,
        "jurisdiction": jurisdiction,
        "year": year,
        "completion": Ratio(total["concluded"], total["received"]),
        "satisfaction": Ratio(
            total["satisfied"], total["concluded"] if den == "concluded" else total["rated"]
        ),
        "basis": basis,
        "categories": category_counts(scope),
    }
    return render_to_string("hotline/_summary.html", context)


def sample(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    ticket = HotlineTicket(
        jurisdiction=jurisdiction,
        office=office,
        category="complaint",
        title="路灯不亮",
        requester_name="张三",
        received_on=on,
    )
    ticket = workflow.receive(ticket, by=by)
    # Dispatched to the other department, so its staff and the office both see it.
    workflow.dispatch(ticket, on=on, department=department, by=by)
    return ticket


LEDGER = register(
    LedgerSpec(
        key="hotline",
        model=HotlineTicket,
        title="12345热线",
        noun="工单",
        order=60,
        create_label="登记工单",
        numbering=workflow.NUMBERING,
        transitions=workflow.TRANSITIONS,
        table=TicketTable,
        filterset=TicketFilter,
        form=TicketForm,
        receive=workflow.receive,
        new_instance=new_ticket,
        facts_template="hotline/_facts.html",
        action_fields=ACTION_FIELDS,
        detail_context=detail_context,
        documents=DOCUMENTS,
        sheet=SPEC,
        list_related=("jurisdiction", "department", "office"),
        due_cache=workflow.DUE,
        open_states=OPEN,
        list_summary=list_summary,
        export_rows=lambda qs: qs.select_related("department").iterator(chunk_size=2000),
        figures=FIGURES,
        extra_urls=views.urls,
        personal_columns={"requester_phone": mask_phone},
        sample=sample,
    )
)
