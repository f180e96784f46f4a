"""What other ledgers may know of 督办事项 and 整改任务 (style.md: ledgers link only through api.py).

案卷评查 (enforcement) refers to the rectification task that follows up a problem it found by
the task's 督办编号: `item_by_number` resolves it within the jurisdiction, `rectifications_in`
lists the candidates for a picker."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ItemRef:
    pk: int
    jurisdiction_id: int
    case_number: str  # 示督〔2025〕3号
    kind: str  # "matter" | "rectification"
    task: str
    lead_department: str
    state: str  # code
    state_label: str  # "办理中"
    due_on: dt.date | None
    closed_on: dt.date | None
    url: str


def _ref(item: object) -> ItemRef:
    from fazhi.ledgers.supervision.models import SupervisionItem

    assert isinstance(item, SupervisionItem)
    return ItemRef(
        pk=item.pk,
        jurisdiction_id=item.jurisdiction_id,
        case_number=item.case_number,
        kind=item.kind,
        task=item.task,
        lead_department=item.lead_department.name,
        state=item.state,
        state_label=item.get_state_display(),
        due_on=item.due_on,
        closed_on=item.closed_on,
        url=item.get_absolute_url(),
    )


def item_by_number(jurisdiction_id: int, case_number: str) -> ItemRef | None:
    """The item with this 督办编号 in the jurisdiction, or None."""
    from fazhi.ledgers.supervision.models import SupervisionItem

    item = (
        SupervisionItem.objects.select_related("lead_department")
        .filter(jurisdiction_id=jurisdiction_id, case_number=case_number.strip())
        .first()
    )
    return _ref(item) if item is not None else None


def get_ref(pk: int) -> ItemRef | None:
    from fazhi.ledgers.supervision.models import SupervisionItem

    item = SupervisionItem.objects.select_related("lead_department").filter(pk=pk).first()
    return _ref(item) if item is not None else None


def rectifications_in(jurisdiction_id: int, year: int) -> list[ItemRef]:
    """The jurisdiction's rectification tasks assigned in `year`, oldest first."""
    from fazhi.ledgers.supervision.models import SupervisionItem
    from fazhi.ledgers.supervision.states import Kind

    qs = (
        SupervisionItem.objects.select_related("lead_department")
        .filter(
            jurisdiction_id=jurisdiction_id,
            kind=Kind.RECTIFICATION,
            assigned_on__gte=dt.date(year, 1, 1),
            assigned_on__lt=dt.date(year + 1, 1, 1),
        )
        .order_by("assigned_on", "id")
    )
    return [_ref(i) for i in qs]
