"""The `proposals.*` figures, from 建议提案 rows, for any Scope.

口径 (also in docs/ledgers/proposals.md):
- `total` (and per kind) counts the items received in the period (收到日期): the year's session
  and the suggestions of the recess received that year.
- `concluded` (办复) counts those of them answered by the end of the period (首次答复日期); a
  re-handled item is counted once.
- `satisfied` counts those of them whose latest rating, given by the end of the period, is in
  `rules.satisfied_ratings()` (default 满意 + 基本满意; a 不满意 reopened item is not satisfied
  until rated again).
- The rates (办复率, 满意率 per kind and combined) are computed by the indicators kernel from these
  counts with the jurisdiction's configured denominator; `satisfied_basis()` is printed beside
  the 满意率.
"""

from __future__ import annotations

from django.db.models import Q

from fazhi.casework.indicators import ModelLedger
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token
from fazhi.ledgers.proposals.models import Proposal
from fazhi.ledgers.proposals.rules import satisfied_basis, satisfied_ratings
from fazhi.ledgers.proposals.states import Kind

P = "proposals."


def definitions(scope: Scope) -> dict[str, Q]:
    """indicator id → the rows it counts (one definition for counts and drill-down)."""
    start, end = scope.start, scope.end
    received = Q(received_on__gte=start, received_on__lt=end)
    replied = received & Q(first_replied_on__lt=end)
    satisfied = replied & Q(rating__in=satisfied_ratings(), rated_on__lt=end)
    npc, cppcc = Q(kind=Kind.NPC), Q(kind=Kind.CPPCC)
    d = {
        "total": received,
        "npc_suggestions": received & npc,
        "cppcc_proposals": received & cppcc,
        "concluded": replied,
        "npc_concluded": replied & npc,
        "cppcc_concluded": replied & cppcc,
        "satisfied": satisfied,
        "npc_satisfied": satisfied & npc,
        "cppcc_satisfied": satisfied & cppcc,
    }
    return {P + k: v for k, v in d.items()}


FIGURES = ModelLedger(Proposal, definitions, list_url="proposals:list")
FIGURES.register("proposals")


def build_section(scope: Scope) -> list[str]:
    """The 建议提案 paragraph of part 一."""
    f = {
        k: token(P + k)
        for k in (
            "npc_suggestions",
            "cppcc_proposals",
            "total",
            "npc_completion_rate",
            "cppcc_completion_rate",
            "completion_rate",
            "npc_satisfaction_rate",
            "cppcc_satisfaction_rate",
            "satisfaction_rate",
        )
    }
    return [
        "自觉接受人大法律监督和政协民主监督，认真办理人大代表建议和政协提案。"
        f"全年承办人大代表建议{f['npc_suggestions']}件、政协提案{f['cppcc_proposals']}件，"
        f"共{f['total']}件，办复率{f['completion_rate']}（建议{f['npc_completion_rate']}、"
        f"提案{f['cppcc_completion_rate']}）；代表委员满意率{f['satisfaction_rate']}"
        f"（建议{f['npc_satisfaction_rate']}、提案{f['cppcc_satisfaction_rate']}，"
        f"{satisfied_basis()}）。"
    ]


register_section(
    ledger="proposals",
    part=1,
    order=60,
    title="认真办理人大代表建议和政协提案",
    build=build_section,
)
