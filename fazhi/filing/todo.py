"""我的待办 for 填报: a unit's person sees what its round still needs (values not yet submitted,
values the office returned) while the round, or the unit's 补报, is open; the coordinating office
sees the values waiting for its 审核 and, in the last week of a round, how many units are not
complete."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import Q
from django.urls import reverse

from fazhi import todo
from fazhi.filing.models import FilingRound, FilingUnit, ValueState
from fazhi.filing.views import is_member, is_office
from fazhi.lib.cn_date import cn_date
from fazhi.org.models import Role

WARN_DAYS = 7  # the office hears of incomplete units in a round's last week


def _due(unit: FilingUnit, today: dt.date) -> dt.date:
    return (
        unit.reopened_until
        if unit.is_reopened(today) and unit.reopened_until
        else unit.round.deadline
    )


def _unit_items(unit: FilingUnit, today: dt.date) -> list[todo.Item]:
    values = list(unit.values.all())
    returned = [v for v in values if v.state == ValueState.RETURNED]
    given = {v.indicator_id for v in values if v.state != ValueState.RETURNED}
    sent_back = {v.indicator_id for v in returned}
    missing = [i for i in unit.round.indicator_ids if i not in given and i not in sent_back]
    due = _due(unit, today)
    url = reverse("filing:unit", args=[unit.pk])
    out = []
    if returned:
        out.append(
            todo.Item(
                f"filing:unit:{unit.pk}:returned",
                "report",
                f"填报被退回{len(returned)}项，请修改后重新提交：{unit.round.title}（{unit.name}，"
                f"截止{cn_date(due)}）",
                url,
                due_on=due,
            )
        )
    if missing:
        out.append(
            todo.Item(
                f"filing:unit:{unit.pk}:missing",
                "report",
                f"待填报{len(missing)}项：{unit.round.title}（{unit.name}，截止{cn_date(due)}）",
                url,
                due_on=due,
            )
        )
    return out


def _office_items(rnd: FilingRound, today: dt.date) -> list[todo.Item]:
    url = reverse("filing:round", args=[rnd.pk])
    units = list(rnd.units.prefetch_related("values"))
    states = Counter(v.state for u in units for v in u.values.all())
    out = []
    if states[ValueState.SUBMITTED]:
        out.append(
            todo.Item(
                f"filing:round:{rnd.pk}:review",
                "approval",
                f"待审核填报{states[ValueState.SUBMITTED]}项：{rnd.title}",
                url,
            )
        )
    if rnd.is_open(today) and (rnd.deadline - today).days <= WARN_DAYS:
        wanted = set(rnd.indicator_ids)
        short = sum(
            1
            for u in units
            if not wanted
            <= {v.indicator_id for v in u.values.all() if v.state != ValueState.RETURNED}
        )
        if short:
            out.append(
                todo.Item(
                    f"filing:round:{rnd.pk}:short",
                    "report",
                    f"{rnd.title}{cn_date(rnd.deadline)}截止，尚有{short}个单位未报齐",
                    url,
                    due_on=rnd.deadline,
                )
            )
    return out


@todo.register
def filing_items(user: Any, today: dt.date) -> list[todo.Item]:
    if user.jurisdiction_id is None and not user.is_superuser:
        return []
    units = (
        FilingUnit.objects.visible_to(user)
        .filter(
            Q(round__closed_at__isnull=True)
            | Q(reopened_until__gte=today)  # 补报 after the round closed
            | Q(values__state=ValueState.SUBMITTED)  # a late value still waits for 审核
        )
        .distinct()
        .select_related("round", "department", "township")
        .prefetch_related("values")
    )
    admin = user.is_superuser or user.role == Role.ADMIN  # not the office of every county
    out: list[todo.Item] = []
    offices: dict[int, FilingRound] = {}
    for unit in units:
        if is_member(user, unit) and unit.accepts(today):
            out += _unit_items(unit, today)
        if is_office(user, unit.round) and not admin:
            offices.setdefault(unit.round_id, unit.round)
    for rnd in offices.values():
        out += _office_items(rnd, today)
    return out
