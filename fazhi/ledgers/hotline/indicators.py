"""The `hotline.*` figures, from ticket rows, for any Scope, and the department league table.

口径 (also in docs/ledgers/hotline.md): a ticket belongs to the period it was received (受理) in;
every other figure counts the same tickets as they stood at the period's end, so 办结率 and 满意率
never exceed 100% and a late-year ticket concluded in January counts as pending in its year.
- `tickets_received`: received in the period (a re-handled ticket is one ticket).
- `tickets_concluded`: of those, concluded by the period's end.
- `tickets_rated`: of those, with a rating (满意/基本满意/不满意) recorded by the period's end; the
  latest rating counts, so a ticket re-handled after a 不满意 counts with its final rating.
- `tickets_satisfied`: rated 满意, plus 基本满意 where the jurisdiction's `HotlineRules` of the year
  count it (default: yes). Counted per jurisdiction, so a city's figure sums each county's 口径.
- `satisfaction_rate`: its denominator is the kernel's 口径 (`RateDefinition`): rated tickets by
  default, concluded tickets if the jurisdiction sets so.
- 回访率 (no catalog id): tickets whose callback reached the requester ÷ concluded tickets;
  重办 counts once per re-handling (the tickets' `rehandle_count`); both on the league table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, Sum

from fazhi.casework.indicators import ModelLedger
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token
from fazhi.ledgers.hotline.config import Rules, rules_by_jurisdiction
from fazhi.ledgers.hotline.models import HotlineTicket
from fazhi.ledgers.hotline.states import Rating
from fazhi.lib.ratio import Ratio

P = "hotline."
SATISFIED_ID = P + "tickets_satisfied"


def _received(scope: Scope) -> Q:
    return Q(received_on__gte=scope.start, received_on__lt=scope.end)


def rated_q(scope: Scope) -> Q:
    return _received(scope) & ~Q(rating="") & Q(rated_on__lt=scope.end)


def satisfied_q(scope: Scope, rules: dict[int, Rules] | None = None) -> Q:
    """满意, plus 基本满意 in the jurisdictions whose rules of the year count it."""
    rules = rules if rules is not None else rules_by_jurisdiction(scope.ids, scope.start.year)
    basic = sorted(j for j, r in rules.items() if r.basic_counts_as_satisfied)
    good = Q(rating=Rating.SATISFIED)
    if basic:
        good |= Q(rating=Rating.BASICALLY_SATISFIED, jurisdiction_id__in=basic)
    return rated_q(scope) & good


def definitions(scope: Scope) -> dict[str, Q]:
    """indicator id → the ticket rows it counts (one definition for counts and drill-down)."""
    received = _received(scope)
    return {
        P + "tickets_received": received,
        P + "tickets_concluded": received & Q(concluded_on__lt=scope.end),
        P + "tickets_rated": rated_q(scope),
        # Depends on the jurisdictions' rules, so it is counted by a query of its own rather
        # than compiled once per process with the other counts.
        SATISFIED_ID: satisfied_q(scope),
    }


def _satisfied_count(scope: Scope) -> dict[str, Any]:
    n = HotlineTicket.objects.filter(jurisdiction_id__in=scope.ids).filter(satisfied_q(scope))
    return {SATISFIED_ID: n.count()}


FIGURES = ModelLedger(
    HotlineTicket,
    definitions,
    list_url="hotline:list",
    relevant=_received,
    separate=frozenset({SATISFIED_ID}),
    other_counts=_satisfied_count,
)
FIGURES.register("hotline")


# --- the league table (排名) ---------------------------------------------------------------------


@dataclass
class LeagueRow:
    department_id: int | None
    name: str
    received: int
    concluded: int
    replied: int
    replied_on_time: int
    rated: int
    satisfied: int
    called_back: int
    rehandlings: int
    returns: int
    overdue_open: int
    satisfaction_denominator: str = "rated"

    @property
    def completion(self) -> Ratio:
        return Ratio(self.concluded, self.received)

    @property
    def on_time(self) -> Ratio:
        return Ratio(self.replied_on_time, self.replied)

    @property
    def satisfaction(self) -> Ratio:
        den = self.concluded if self.satisfaction_denominator == "concluded" else self.rated
        return Ratio(self.satisfied, den)

    @property
    def callback_rate(self) -> Ratio:
        return Ratio(self.called_back, self.concluded)

    def sort_key(self) -> tuple[Any, ...]:
        def pct(r: Ratio) -> Any:
            return r.percent if r.percent is not None else -1

        # Tickets the hotline answered itself are no unit's: listed after the units.
        unit = 0 if self.department_id is not None else 1
        return (unit, -pct(self.satisfaction), -pct(self.on_time), -pct(self.completion), self.name)


def satisfaction_basis(jurisdiction: Any, year: int) -> tuple[str, str]:
    """("rated" | "concluded", the 口径 text of 满意率) for a jurisdiction and year."""
    from fazhi.indicators.compute import rate_bases

    basis = rate_bases(jurisdiction, year).get(P + "satisfaction_rate")
    den = "concluded" if basis and basis.denominator == P + "tickets_concluded" else "rated"
    rules = rules_by_jurisdiction([jurisdiction.pk], year)[jurisdiction.pk]
    text = (
        f"满意率＝{rules.satisfied_text}工单 ÷ "
        + ("办结工单" if den == "concluded" else "回访评价工单")
        + f"（{rules.source}；"
        + (basis.source if basis else "指标目录默认口径")
        + "）"
    )
    return den, text


def league_table(scope: Scope, jurisdiction: Any, today: Any) -> list[LeagueRow]:
    """One row per member unit of the tickets received in `scope`, best first (满意率, then 按时
    回复率, then 办结率); tickets answered directly at intake form a row of their own, last."""
    from fazhi.org.models import Department

    den, _ = satisfaction_basis(jurisdiction, scope.start.year)
    end = scope.end
    rated = ~Q(rating="") & Q(rated_on__lt=end)
    overdue = Q(reply_due_on__lt=today, state__in=["dispatched", "handling", "reopened"])
    rows = (
        HotlineTicket.objects.filter(jurisdiction_id__in=scope.ids)
        .filter(_received(scope))
        .values("department_id")
        .annotate(
            received=Count("pk"),
            concluded=Count("pk", filter=Q(concluded_on__lt=end)),
            # 按时回复率 over replies whose period is known (an import without a dispatch day
            # has none).
            replied=Count("pk", filter=Q(replied_on__lt=end, replied_on_time__isnull=False)),
            on_time=Count("pk", filter=Q(replied_on__lt=end, replied_on_time=True)),
            rated=Count("pk", filter=rated),
            satisfied=Count("pk", filter=satisfied_q(scope)),
            called_back=Count("pk", filter=Q(callback_on__lt=end, callback_reached=True)),
            rehandlings=Sum("rehandle_count"),
            returns=Sum("return_count"),
            overdue_open=Count("pk", filter=overdue),
        )
        .order_by()
    )
    names = dict(Department.objects.filter(jurisdiction_id__in=scope.ids).values_list("pk", "name"))
    out = [
        LeagueRow(
            department_id=r["department_id"],
            name=names.get(r["department_id"], "热线直接答复（未派单）"),
            received=r["received"],
            concluded=r["concluded"],
            replied=r["replied"],
            replied_on_time=r["on_time"],
            rated=r["rated"],
            satisfied=r["satisfied"],
            called_back=r["called_back"],
            rehandlings=r["rehandlings"] or 0,
            returns=r["returns"] or 0,
            overdue_open=r["overdue_open"],
            satisfaction_denominator=den,
        )
        for r in rows
    ]
    return sorted(out, key=LeagueRow.sort_key)


def category_counts(scope: Scope) -> list[tuple[str, int]]:
    from fazhi.ledgers.hotline.states import Category

    rows = dict(
        HotlineTicket.objects.filter(jurisdiction_id__in=scope.ids)
        .filter(_received(scope))
        .values_list("category")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [(label, rows.get(value, 0)) for value, label in Category.choices]


# --- the report -----------------------------------------------------------------------------------


def build_section(scope: Scope) -> list[str]:
    """The 12345热线 sentence of part 一, with the 满意率's 口径 spelled out."""
    rules = rules_by_jurisdiction(scope.ids, scope.start.year)
    kinds = {r.basic_counts_as_satisfied for r in rules.values()}
    if kinds == {True}:
        basis = "满意率含基本满意"
    elif kinds == {False}:
        basis = "满意率不含基本满意"
    else:
        basis = "满意率按各地口径"
    f = {
        k: token(P + k)
        for k in (
            "tickets_received",
            "tickets_concluded",
            "completion_rate",
            "tickets_rated",
            "tickets_satisfied",
            "satisfaction_rate",
        )
    }
    return [
        "畅通12345政务服务便民热线，推动群众诉求“接诉即办”。"
        f"全年受理群众诉求{f['tickets_received']}件，办结{f['tickets_concluded']}件，"
        f"办结率{f['completion_rate']}；回访评价{f['tickets_rated']}件，"
        f"其中满意{f['tickets_satisfied']}件，满意率{f['satisfaction_rate']}（{basis}）。"
    ]


register_section(
    ledger="hotline",
    part=1,
    order=45,
    title="畅通12345政务服务便民热线",
    build=build_section,
)
