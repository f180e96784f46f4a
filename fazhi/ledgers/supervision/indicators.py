"""The `supervision.*` figures from 督办事项 rows, the part-1 sentence and the part-2 paragraph on
the shortcomings found and their rectification.

口径 (also in docs/ledgers/supervision.md):
- `items` counts the items (督办事项 and 整改任务 alike) assigned (交办日期) in the period.
- `items_concluded` counts those of them 销号 by the end of the period.
- `notices_issued` counts the 督办通知 issued (下发日期) in the period; its drill-down lists the
  items those notices assigned.
- `completion_rate` (办结率) = items_concluded ÷ items, computed by the indicators kernel.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q

from fazhi.casework.indicators import ModelLedger
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token
from fazhi.ledgers.supervision.models import SupervisionItem, SupervisionNotice
from fazhi.ledgers.supervision.states import Area, Kind
from fazhi.lib.cn_date import cn_date

P = "supervision."
NOTICES = P + "notices_issued"
ORDINALS = "一二三四五六七八九十"
PER_AREA = 3  # findings named per area; the rest are "等"


def _issued(scope: Scope) -> Q:
    return Q(issued_on__gte=scope.start, issued_on__lt=scope.end)


def definitions(scope: Scope) -> dict[str, Q]:
    """indicator id → the item rows it counts (one definition for counts and drill-down)."""
    assigned = Q(assigned_on__gte=scope.start, assigned_on__lt=scope.end)
    return {
        P + "items": assigned,
        P + "items_concluded": assigned & Q(closed_on__lt=scope.end),
        NOTICES: Q(notice__issued_on__gte=scope.start, notice__issued_on__lt=scope.end),
    }


def _notice_counts(scope: Scope) -> dict[str, Any]:
    n = SupervisionNotice.objects.filter(_issued(scope), jurisdiction_id__in=scope.ids).count()
    return {NOTICES: n}


FIGURES = ModelLedger(
    SupervisionItem,
    definitions,
    list_url="supervision:list",
    separate=frozenset({NOTICES}),
    other_counts=_notice_counts,
)
FIGURES.register("supervision")


def build_section(scope: Scope) -> list[str]:
    """The 督查督办 sentence of part 一."""
    return [
        "强化督查督办，推动决策部署落地见效。"
        f"全年下发督办通知{token(NOTICES)}件，交办督办事项和整改任务{token(P + 'items')}件，"
        f"办结销号{token(P + 'items_concluded')}件，办结率{token(P + 'completion_rate')}。"
    ]


def _state_text(item: SupervisionItem, end: dt.date) -> str:
    lead = item.lead_department.name
    if item.closed_on is not None and item.closed_on < end:
        return f"{lead}负责，已于{cn_date(item.closed_on)}整改销号"
    due = item.due_on
    if due is None:
        return f"{lead}负责，正在整改"
    if due < end:
        return f"{lead}负责，整改时限{cn_date(due)}，已超期尚未完成"
    return f"{lead}负责，正在整改，时限{cn_date(due)}"


def rectifications(scope: Scope) -> list[SupervisionItem]:
    """The rectification tasks live in the period: found before its end, not closed before it."""
    return list(
        SupervisionItem.objects.filter(
            Q(closed_on__isnull=True) | Q(closed_on__gte=scope.start),
            jurisdiction_id__in=scope.ids,
            kind=Kind.RECTIFICATION,
            assigned_on__lt=scope.end,
        )
        .select_related("lead_department")
        .order_by("area", "assigned_on", "id")
    )


def build_shortcomings(scope: Scope) -> list[str]:
    """Part 二: the shortcomings that 督察 and inspections found, from the 整改台账, area by area,
    each with who rectifies it and where it stands; the counted totals are figure tokens."""
    rows = rectifications(scope)
    if not rows:
        return []
    by_area: dict[str, list[SupervisionItem]] = {}
    for row in rows:
        by_area.setdefault(row.area or Area.OTHER, []).append(row)
    clauses = []
    for i, (area, items) in enumerate(sorted(by_area.items(), key=lambda kv: -len(kv[1]))):
        named = "；".join(
            f"{it.finding.strip().rstrip('。；;')}（{_state_text(it, scope.end)}）"
            for it in items[:PER_AREA]
        )
        more = "等" if len(items) > PER_AREA else ""
        ordinal = ORDINALS[i] if i < len(ORDINALS) else str(i + 1)
        clauses.append(f"{ordinal}是{Area(area).label}方面：{named}{more}。")
    intro = (
        "对照法治督察、巡视巡察、审计和上级督察反馈的问题，我们逐项建立整改台账、明确责任单位和整改时限。"
        f"全年督查督办事项和整改任务{token(P + 'items')}件，办结销号{token(P + 'items_concluded')}件，"
        f"办结率{token(P + 'completion_rate')}。存在的不足主要有："
    )
    return [intro + "".join(clauses)]


register_section(ledger="supervision", part=1, order=80, title="强化督查督办", build=build_section)
register_section(
    ledger="supervision",
    part=2,
    order=10,
    title="督察检查发现的问题及整改情况",
    build=build_shortcomings,
)
