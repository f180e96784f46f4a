"""登记 (receive): the law version, the 案号 and the acceptance-review clock are fixed at intake."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from fazhi import clocks
from fazhi.casework.numbering import Numbering, register_row
from fazhi.casework.transitions import TransitionError, not_after_today
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import Applicant, ReconsiderationCase
from fazhi.ledgers.reconsideration.states import State, law_version_for
from fazhi.ledgers.reconsideration.workflow.period import check_knew_on, start_application_period
from fazhi.org.models import Jurisdiction

NUMBERING = Numbering("政复")  # 示政复〔2025〕12号


def parse_case_number(text: str) -> tuple[int, int] | None:
    """ "示政复〔2025〕12号" → (2025, 12); anything else → None."""
    return NUMBERING.parse(text)


def allocate_number(
    jurisdiction: Jurisdiction, year: int, *, count: int = 1
) -> list[tuple[int, str]]:
    return NUMBERING.allocate(ReconsiderationCase, jurisdiction, year, count=count)


@transaction.atomic
def receive(
    case: ReconsiderationCase,
    *,
    applicants: Iterable[dict[str, Any]] = (),
    children: Iterable[dict[str, Any]] = (),
    by: Any,
) -> ReconsiderationCase:
    """Register an application. `case` is unsaved, with the form's fields set; an empty
    `case_number` gets the next one, a hand-typed one must be free. `children` are the
    applicants as the generic create page passes them."""
    if case.pk is not None:
        raise TransitionError("该案件已登记")
    if case.received_on is None:
        raise TransitionError("请填写收到申请日期")
    not_after_today(case.received_on, "收到申请日期")
    case.state = State.RECEIVED
    problem = check_knew_on(case.knew_of_act_on, case.received_on)
    if problem:
        raise TransitionError(problem)
    if not case.law_version:
        case.law_version = law_version_for(case.received_on)
    elif case.law_version != law_version_for(case.received_on) and not case.law_version_reason:
        raise TransitionError("适用法律版本与收到申请日期不符，调整须填写理由")
    applicant_rows = [Applicant(**a) for a in [*applicants, *children]]
    case.applicant_names = "、".join(a.name for a in applicant_rows)[:200]
    register_row(case, NUMBERING, year=case.received_on.year, by=by)
    for a in applicant_rows:
        a.case = case
        a._history_user = by  # type: ignore[attr-defined]
        a.save()
    clocks.start(case, specs_for(case).acceptance_review, on=case.received_on, by=by)
    start_application_period(case, by=by)
    return case
