"""The 政府信箱 ledger, declared on the casework kit."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from fazhi.casework.registry import LedgerSpec, register
from fazhi.ledgers.mailbox import workflow
from fazhi.ledgers.mailbox.documents import DOCUMENTS
from fazhi.ledgers.mailbox.filters import CaseFilter
from fazhi.ledgers.mailbox.forms import ACTION_FIELDS, CaseForm
from fazhi.ledgers.mailbox.importers import SPEC
from fazhi.ledgers.mailbox.indicators import FIGURES
from fazhi.ledgers.mailbox.models import OPEN, MailboxLetter
from fazhi.ledgers.mailbox.tables import CaseTable
from fazhi.lib.mask import mask_phone


def new_letter(user: Any) -> MailboxLetter:
    if user.jurisdiction is None:
        raise Http404("请先为您的账号指定所属区划")
    return MailboxLetter(jurisdiction=user.jurisdiction, department=user.department)


def sample(jurisdiction: Any, office: Any, department: Any, by: Any, on: Any) -> Any:
    letter = MailboxLetter(
        jurisdiction=jurisdiction,
        department=office,
        writer_name="王五",
        subject="关于路灯维修的建议",
        content="东街路灯损坏，建议维修。",
        wants_public=True,
        received_on=on,
    )
    return workflow.receive(letter, by=by)


def _urls() -> list[Any]:
    from fazhi.ledgers.mailbox.views import urls

    return urls()


LEDGER = register(
    LedgerSpec(
        key="mailbox",
        model=MailboxLetter,
        title="政府信箱",
        noun="信件",
        order=61,
        create_label="登记信件",
        numbering=workflow.NUMBERING,
        transitions=workflow.TRANSITIONS,
        table=CaseTable,
        filterset=CaseFilter,
        form=CaseForm,
        receive=workflow.receive,
        new_instance=new_letter,
        facts_template="mailbox/_facts.html",
        action_fields=ACTION_FIELDS,
        sheet=SPEC,
        list_related=("jurisdiction", "department"),
        due_cache=workflow.DUE,
        open_states=OPEN,
        export_rows=lambda qs: qs.select_related("department").iterator(chunk_size=2000),
        extra_urls=_urls,
        personal_columns={"writer_contact": mask_phone},
        documents=DOCUMENTS,
        figures=FIGURES,
        sample=sample,
    )
)
