"""The `litigation.*` figures, from lawsuit and hearing rows, for any Scope.

口径 (also in docs/ledgers/litigation.md):
- `cases` counts the lawsuits handled in the period: complaint copy received before its end and
  not decided before its start; one row per instance, so cases = 一审 + 二审 + 再审 exactly.
- `concluded`, `lost`, `withdrawn` count decisions dated in the period; 败诉 is the configurable
  set `rules.loss_dispositions()` (default: 撤销、履行、给付、确认违法、确认无效、变更).
- `hearings` and `leader_appearances` count court sessions held in the period (the per-hearing
  口径 of statutes.md §14): a 负责人出庭 is `models.LEADER_Q`. Their drill-down lists the cases
  those sessions belong to. The per-case-instance and first-instance-only 口径 are computed by
  `appearance_rates` and shown beside the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from fazhi.casework.indicators import ModelLedger
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token
from fazhi.ledgers.litigation.models import LEADER_Q, Hearing, LitigationCase
from fazhi.ledgers.litigation.rules import loss_dispositions
from fazhi.ledgers.litigation.states import Disposition, Instance
from fazhi.lib.ratio import Ratio

P = "litigation."
PER_HEARING = frozenset({P + "hearings", P + "leader_appearances"})


def _held(scope: Scope) -> Q:
    return Q(held_on__gte=scope.start, held_on__lt=scope.end)


def definitions(scope: Scope) -> dict[str, Q]:
    """indicator id → the lawsuit rows it counts (one definition for counts and drill-down)."""
    start, end = scope.start, scope.end
    handled = Q(complaint_received_on__lt=end) & (
        Q(decided_on__isnull=True) | Q(decided_on__gte=start)
    )
    decided = Q(decided_on__gte=start, decided_on__lt=end) & ~Q(decision_kind="")
    held = Hearing.objects.filter(_held(scope))
    d = {
        "cases": handled,
        "first_instance": handled & Q(trial_level=Instance.FIRST),
        "second_instance": handled & Q(trial_level=Instance.SECOND),
        "retrial": handled & Q(trial_level=Instance.RETRIAL),
        "concluded": decided,
        "lost": decided & Q(disposition__in=loss_dispositions()),
        "withdrawn": decided & Q(disposition=Disposition.WITHDRAWAL_PERMITTED),
        "hearings": Q(pk__in=held.values("case_id")),
        "leader_appearances": Q(pk__in=held.filter(LEADER_Q).values("case_id")),
    }
    return {P + k: v for k, v in d.items()}


def _hearing_counts(scope: Scope) -> dict[str, Any]:
    """Per hearing: sessions held in the period, and those with a 负责人 (one query)."""
    from django.db.models import Count

    agg = Hearing.objects.filter(_held(scope), case__jurisdiction_id__in=scope.ids).aggregate(
        n=Count("pk"), leaders=Count("pk", filter=LEADER_Q)
    )
    return {P + "hearings": agg["n"], P + "leader_appearances": agg["leaders"]}


FIGURES = ModelLedger(
    LitigationCase,
    definitions,
    list_url="litigation:list",
    separate=PER_HEARING,
    other_counts=_hearing_counts,
)
FIGURES.register("litigation")


@dataclass(frozen=True)
class AppearanceRate:
    basis: str  # the 口径, printed beside the rate
    ratio: Ratio


def appearance_rates(scope: Scope) -> list[AppearanceRate]:
    """出庭率 in each 口径 statutes.md §14 lists."""
    hearings = Hearing.objects.filter(_held(scope), case__jurisdiction_id__in=scope.ids)
    per_hearing = _hearing_counts(scope)
    cases = LitigationCase.objects.filter(
        jurisdiction_id__in=scope.ids, pk__in=hearings.values("case_id")
    )
    with_leader = cases.filter(pk__in=hearings.filter(LEADER_Q).values("case_id"))
    first = Q(trial_level=Instance.FIRST)
    return [
        AppearanceRate(
            "按开庭次数：负责人出庭次数 ÷ 开庭次数",
            Ratio(per_hearing[P + "leader_appearances"], per_hearing[P + "hearings"]),
        ),
        AppearanceRate(
            "按案件（审级）：有负责人出庭的案件 ÷ 开庭审理的案件",
            Ratio(with_leader.count(), cases.count()),
        ),
        AppearanceRate(
            "仅一审：有负责人出庭的一审案件 ÷ 开庭审理的一审案件",
            Ratio(with_leader.filter(first).count(), cases.filter(first).count()),
        ),
    ]


def build_section(scope: Scope) -> list[str]:
    """The 行政应诉 paragraph of part 一."""
    f = {
        k.removeprefix(P): token(k)
        for k in (
            P + x
            for x in (
                "cases",
                "first_instance",
                "second_instance",
                "retrial",
                "hearings",
                "leader_appearances",
                "leader_appearance_rate",
                "concluded",
                "withdrawn",
                "lost",
                "loss_rate",
            )
        )
    }
    return [
        "严格落实行政机关负责人出庭应诉制度，支持人民法院依法受理和审理行政案件。"
        f"全年办理行政诉讼案件{f['cases']}件，其中一审{f['first_instance']}件、二审{f['second_instance']}件、"
        f"再审{f['retrial']}件；开庭{f['hearings']}次，行政机关负责人出庭应诉{f['leader_appearances']}次，"
        f"出庭应诉率{f['leader_appearance_rate']}。审结{f['concluded']}件，其中原告撤诉{f['withdrawn']}件，"
        f"败诉{f['lost']}件，败诉率{f['loss_rate']}。"
    ]


def build_leader_sentence(scope: Scope) -> list[str]:
    """The 负责人出庭 sentence of part 三."""
    return [
        "带头履行行政机关负责人出庭应诉职责，全年行政机关负责人出庭应诉"
        f"{token(P + 'leader_appearances')}次，出庭应诉率{token(P + 'leader_appearance_rate')}。"
    ]


register_section(
    ledger="litigation",
    part=1,
    order=31,
    title="加强和规范行政应诉工作",
    build=build_section,
)
register_section(ledger="litigation", part=3, order=20, title="", build=build_leader_sentence)
