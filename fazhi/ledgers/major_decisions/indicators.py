"""The `major_decisions.*` figures, from decision rows, for any Scope.

口径 (also in docs/ledgers/major_decisions.md):
- `count`: decisions made (作出决定) in the period, by the decision date; catalog items not yet
  decided are not counted here (reports that give the catalog's size use `catalog_items`).
- `catalog_items`: items of the published catalogs of the period's year(s), less those removed
  from the catalog (调出); items added after publication count.
- `public_consultations`, `expert_reviews`, `risk_assessments`, `legality_reviewed`: decisions
  whose 征求意见 opened, 专家论证, 风险评估 or 合法性审查意见 is dated in the period.
"""

from __future__ import annotations

from django.db.models import Q

from fazhi.casework.indicators import ModelLedger
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token
from fazhi.ledgers.major_decisions.models import MajorDecision
from fazhi.ledgers.major_decisions.states import State

P = "major_decisions."
CATALOG_ITEMS = P + "catalog_items"


def _in(field: str, scope: Scope) -> Q:
    return Q(**{f"{field}__gte": scope.start, f"{field}__lt": scope.end})


def definitions(scope: Scope) -> dict[str, Q]:
    """indicator id → the decision rows it counts (one definition for counts and drill-down)."""
    d = {
        "count": _in("decided_on", scope),
        "catalog_items": Q(
            catalog__published_on__isnull=False,
            catalog__year__gte=scope.start.year,
            catalog__year__lte=scope.last_day.year,
        )
        & ~Q(state=State.REMOVED),
        "public_consultations": _in("comment_from", scope),
        "expert_reviews": _in("expert_reviewed_on", scope),
        "risk_assessments": _in("risk_assessed_on", scope),
        "legality_reviewed": _in("legality_reviewed_on", scope),
    }
    return {P + k: v for k, v in d.items()}


FIGURES = ModelLedger(
    MajorDecision,
    definitions,
    list_url="major_decisions:list",
    # Its condition holds the catalog's year, not one of the scope's dates: a query of its own.
    separate=frozenset({CATALOG_ITEMS}),
)
FIGURES.register("major_decisions")


def build_section(scope: Scope) -> list[str]:
    """Part 一, “（三）推进重大行政决策科学化民主化法治化” (the drafter numbers the heading)."""
    f = {k: token(P + k) for k in ("catalog_items", "count", "public_consultations")}
    f.update({k: token(P + k) for k in ("expert_reviews", "risk_assessments", "legality_reviewed")})
    return [
        "严格落实《重大行政决策程序暂行条例》，经同级党委同意后公布年度重大行政决策事项目录，"
        f"列入目录事项{f['catalog_items']}项。全年作出重大行政决策{f['count']}件，"
        f"公开征求意见{f['public_consultations']}件，组织专家论证{f['expert_reviews']}件，"
        f"开展风险评估{f['risk_assessments']}件，经合法性审查{f['legality_reviewed']}件，"
        "均经集体讨论决定，未经合法性审查的决策草案一律不提交讨论。"
    ]


register_section(
    ledger="major_decisions",
    part=1,
    order=22,  # after 规范性文件 (20), before 行政复议 (30); the drafter numbers the headings
    title="推进重大行政决策科学化民主化法治化",
    build=build_section,
)
