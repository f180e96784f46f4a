"""我的待办 for every ledger: the open clocks of the rows I handle (or that wait on my department)
that run out within 3 working days or already have, and the rows near their due date on which
an approval only I may give is available (延期: `Transition(perm="approve")`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from fazhi import todo
from fazhi.casework.registry import ledgers
from fazhi.casework.transitions import available
from fazhi.clocks.board import soon_limit
from fazhi.clocks.models import OPEN_Q, Clock
from fazhi.lib.cn_date import cn_date
from fazhi.org.access import visible

APPROVE = "approve"
MAX_ITEMS = 200  # per ledger: a to-do list longer than this is a board, and the board is linked


def _mine_q(spec: Any, user: Any) -> Q:
    """Clocks that are this user's to meet: those of the rows they handle and, for their
    department, the clocks it must meet as a row's second party (`LedgerSpec.party_clocks`,
    e.g. a respondent's 答复). A ledger without a 承办人 gives a department its rows' clocks."""
    q = Q(pk__in=[])
    if hasattr(spec.model, "handler_id"):
        q |= Q(object_id__in=visible(spec.model, user).filter(handler=user).values("pk"))
        for name, slot in spec.party_clocks.items():
            if user.department_id:
                field = "department_id" if slot == 1 else "department_2_id"
                q |= Q(name=name, **{field: user.department_id})
    elif user.department_id:
        q |= Q(department_id=user.department_id) | Q(department_2_id=user.department_id)
    return q


def _clock_item(clock: Clock, today: dt.date) -> todo.Item:
    assert clock.due_on is not None
    late = (today - clock.due_on).days
    when = f"已逾期{late}日" if late > 0 else f"{cn_date(clock.due_on)}届满"
    return todo.Item(
        key=f"clock:{clock.pk}",
        kind="overdue" if late > 0 else "soon",
        text=f"{clock.ledger_label} {clock.object_label}：{clock.label}，{when}",
        url=clock.object_url,
        due_on=clock.due_on,
        days_overdue=max(late, 0),
    )


@todo.register
def due_cases(user: Any, today: dt.date) -> list[todo.Item]:
    limit, _ = soon_limit(today)
    out: list[todo.Item] = []
    for spec in ledgers():
        mine = _mine_q(spec, user)
        ct = ContentType.objects.get_for_model(spec.model)
        clocks = (
            Clock.objects.visible_to(user)
            .filter(OPEN_Q, mine, content_type=ct, due_on__lte=limit)
            .order_by("due_on", "pk")[:MAX_ITEMS]
        )
        out += [_clock_item(c, today) for c in clocks]
    return out


@todo.register
def approvals(user: Any, today: dt.date) -> list[todo.Item]:
    """Rows whose clock runs out within 3 working days (or has), on which the user may give an
    approval now: the head sees the cases that need his 延期 before it is too late."""
    limit, _ = soon_limit(today)
    out: list[todo.Item] = []
    for spec in ledgers():
        steps = [t for t in spec.transitions if t.perm == APPROVE]
        if not steps:
            continue
        ct = ContentType.objects.get_for_model(spec.model)
        near = (
            Clock.objects.visible_to(user)
            .filter(OPEN_Q, content_type=ct, due_on__lte=limit)
            .values("object_id")
        )
        states = sorted({s for t in steps for s in t.source})
        rows = visible(spec.model, user).filter(pk__in=near, state__in=states)[:MAX_ITEMS]
        for row in rows:
            for t in available(spec.transitions, row, user):
                if t.perm == APPROVE:
                    out.append(
                        todo.Item(
                            key=f"approve:{spec.key}:{row.pk}:{t.code}",
                            kind="approval",
                            text=f"{spec.title} {row}：待{t.label}",
                            url=row.get_absolute_url(),
                        )
                    )
    return out
