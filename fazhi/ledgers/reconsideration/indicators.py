"""The `reconsideration.*` count ids, computed from case rows for any Scope.

口径 (the definitions the figures follow, also in docs/ledgers/reconsideration.md):
- An application belongs to the period it was *received* in: `received` and its partition
  (accepted, not_accepted, withdrawn_before_acceptance, redirected, correction_requested) count
  the applications received in the period by what became of them (as the ledger stands now).
- `carried_over`: accepted cases received before the period and not closed before it began.
- `concluded` and every outcome count cases closed in the period, whenever received; so
  caseload = accepted + carried_over = concluded + pending holds exactly.
- `concluded_on_time`: concluded on or before the decision clock's due date (extensions in,
  中止 out), read from the clock when the case closed.
- `suspended`: pending at the end and in 中止 on the period's last day, read from the decision
  clock's 中止 pauses (`PauseKind.SUSPENSION`), not from the case's state today: a case suspended
  on 20 December and resumed on 10 January counts for December. 2017-law 补正 time is also a
  pause on that clock, of kind `correction`, and does not count.
All counts but `suspended` come from one compiled aggregate query with `Count(filter=Q(...))`
(`casework.indicators.ModelLedger`); `suspended` is a second small query (a subquery on the
pauses).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum

from fazhi.casework.indicators import ModelLedger
from fazhi.clocks.models import ClockPause, PauseKind
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import (
    CORRECTIVE,
    HearingForm,
    Outcome,
    State,
    TerminationReason,
)

P = "reconsideration."
SUSPENDED = P + "suspended"


def suspended_at_end(scope: Scope) -> Q:
    """Cases whose decision clock is in a 中止 pause on the period's last day (`end` is
    exclusive). Pauses are inclusive ranges; `to_on` is empty while still suspended, and a
    case resumed on 1 January has a pause ending 31 December. A case switched from the
    simplified procedure has its pauses on both decision clocks, hence `IN` (distinct ids)."""
    last_day = scope.end - dt.timedelta(days=1)
    pauses = ClockPause.objects.filter(
        Q(to_on__isnull=True) | Q(to_on__gte=last_day),
        kind=PauseKind.SUSPENSION,
        from_on__lte=last_day,
        clock__content_type=ContentType.objects.get_for_model(ReconsiderationCase),
    ).values("clock__object_id")
    return Q(pk__in=pauses)


def definitions(scope: Scope) -> dict[str, Q]:
    """indicator id → the rows it counts, for `scope` (one definition for counts and drill-down)."""
    start, end = scope.start, scope.end
    received = Q(received_on__gte=start, received_on__lt=end)
    concluded = Q(state=State.CONCLUDED, closed_on__gte=start, closed_on__lt=end)
    accepted_any = Q(accepted_on__isnull=False)
    open_at_end = Q(closed_on__isnull=True) | Q(closed_on__gte=end)

    def outcome(*codes: str) -> Q:
        return concluded & Q(outcome__in=codes)

    settled = concluded & Q(
        outcome=Outcome.TERMINATED, termination_reason=TerminationReason.SETTLED
    )
    d = {
        "received": received,
        "accepted": received & accepted_any,
        "not_accepted": received & Q(state=State.NOT_ACCEPTED),
        "withdrawn_before_acceptance": received & Q(state=State.WITHDRAWN),
        "redirected": received & Q(state=State.REDIRECTED),
        "correction_requested": received & Q(state=State.CORRECTION_REQUESTED),
        "carried_over": accepted_any
        & Q(received_on__lt=start)
        & (Q(closed_on__isnull=True) | Q(closed_on__gte=start)),
        "caseload": accepted_any
        & Q(received_on__lt=end)
        & (Q(closed_on__isnull=True) | Q(closed_on__gte=start)),
        "concluded": concluded,
        "concluded_on_time": concluded & Q(concluded_on_time=True),
        "pending": accepted_any & Q(received_on__lt=end) & open_at_end,
        "suspended": accepted_any & Q(received_on__lt=end) & open_at_end & suspended_at_end(scope),
        "upheld": outcome(Outcome.UPHELD),
        "revoked": outcome(Outcome.REVOKED),
        "changed": outcome(Outcome.CHANGED),
        "confirmed_illegal": outcome(Outcome.CONFIRMED_ILLEGAL),
        "confirmed_invalid": outcome(Outcome.CONFIRMED_INVALID),
        "ordered_to_perform": outcome(Outcome.ORDERED_TO_PERFORM),
        "claims_rejected": outcome(Outcome.CLAIMS_REJECTED),
        "application_dismissed": outcome(Outcome.APPLICATION_DISMISSED),
        "rejected": outcome(Outcome.CLAIMS_REJECTED, Outcome.APPLICATION_DISMISSED),
        "terminated": outcome(Outcome.TERMINATED),
        "mediated": outcome(Outcome.MEDIATED),
        "settled": settled,
        "mediated_settled": outcome(Outcome.MEDIATED) | settled,
        "corrected": outcome(*CORRECTIVE),
        "concluded_on_merits": concluded
        & ~Q(outcome__in=[Outcome.TERMINATED, Outcome.APPLICATION_DISMISSED]),
        "hearings": Q(hearing_on__gte=start, hearing_on__lt=end, hearing_form=HearingForm.HEARING),
    }
    return {P + k: v for k, v in d.items()}


def _extra(scope: Scope, defs: dict[str, Q]) -> dict[str, Any]:
    letters = Q(closed_on__gte=scope.start, closed_on__lt=scope.end)
    return {
        "opinion": Count("pk", filter=letters & Q(opinion_letter=True)),
        "recommendation": Count("pk", filter=letters & Q(recommendation_letter=True)),
        "days": Sum(
            ExpressionWrapper(F("closed_on") - F("accepted_on"), output_field=DurationField()),
            filter=defs[P + "concluded"],
        ),
    }


def _relevant(scope: Scope) -> Q:
    """Only rows that can matter: received before the end and not closed before the start."""
    return Q(received_on__lt=scope.end) & (
        Q(closed_on__isnull=True) | Q(closed_on__gte=scope.start)
    ) | Q(hearing_on__gte=scope.start, hearing_on__lt=scope.end)


def _derive(row: Mapping[str, Any], out: dict[str, Any]) -> dict[str, Any]:
    derived: dict[str, Any] = {P + "opinion_letters": row["opinion"] + row["recommendation"]}
    days = row["days"]
    n = out[P + "concluded"]
    if n and days is not None:
        total = days.days if hasattr(days, "days") else int(days) // 86_400_000_000
        derived[P + "average_days"] = (Decimal(total) / n).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
    return derived


def _extra_rows(indicator_id: str, scope: Scope, defs: dict[str, Q]) -> Q | None:
    if indicator_id == P + "opinion_letters":
        return Q(closed_on__gte=scope.start, closed_on__lt=scope.end) & (
            Q(opinion_letter=True) | Q(recommendation_letter=True)
        )
    if indicator_id == P + "average_days":
        return defs[P + "concluded"]
    return None


FIGURES = ModelLedger(
    ReconsiderationCase,
    definitions,
    list_url="reconsideration:list",
    relevant=_relevant,
    # Its subquery's date (end − 1 day) is not one of the scope's dates, so the compiled
    # statement could not put it in place: counted by a query of its own.
    separate=frozenset({SUSPENDED}),
    extra_aggregates=_extra,
    derive=_derive,
    extra_rows=_extra_rows,
)
counts = FIGURES.counts
counts_orm = FIGURES.counts_orm
rows = FIGURES.rows
drilldown_url = FIGURES.drilldown_url


def build_section(scope: Scope) -> list[str]:
    """The 行政复议 paragraph of part 一 (主要举措和成效), with figure tokens."""
    f = {
        k: token(P + k)
        for k in (
            "received",
            "accepted",
            "not_accepted",
            "withdrawn_before_acceptance",
            "redirected",
            "correction_requested",
            "carried_over",
            "concluded",
            "upheld",
            "revoked",
            "changed",
            "confirmed_illegal",
            "confirmed_invalid",
            "ordered_to_perform",
            "claims_rejected",
            "application_dismissed",
            "terminated",
            "mediated",
            "corrected",
            "pending",
            "mediated_settled",
            "concluded_on_time",
            "hearings",
            "opinion_letters",
            "correction_rate",
        )
    }
    first = (
        # The parts of `received` (by receipt date) add up to it: the catalog's partition.
        f"全年共收到行政复议申请{f['received']}件（按收到申请日期统计），其中受理{f['accepted']}件、"
        f"不予受理{f['not_accepted']}件、受理前撤回（含逾期未补正视为放弃）{f['withdrawn_before_acceptance']}件、"
        f"告知或转送{f['redirected']}件、尚在补正{f['correction_requested']}件，上年结转{f['carried_over']}件。"
        f"审结{f['concluded']}件（按期审结{f['concluded_on_time']}件），其中维持{f['upheld']}件、撤销{f['revoked']}件、"
        f"变更{f['changed']}件、确认违法{f['confirmed_illegal']}件、确认无效{f['confirmed_invalid']}件、"
        f"责令履行{f['ordered_to_perform']}件、驳回复议请求{f['claims_rejected']}件、驳回复议申请{f['application_dismissed']}件、"
        f"终止{f['terminated']}件、调解结案{f['mediated']}件；尚在审理{f['pending']}件。"
    )
    second = (
        f"坚持发挥行政复议化解行政争议主渠道作用，直接纠正违法或不当行政行为{f['corrected']}件，"
        f"纠错率{f['correction_rate']}（口径：纠错件数 ÷ 实体审结件数；实体审结含以调解书结案的案件，"
        "不含终止和驳回复议申请的案件），"
        f"通过调解、和解方式结案{f['mediated_settled']}件；组织听证{f['hearings']}次，"
        f"制发行政复议意见书、建议书{f['opinion_letters']}份。"
    )
    return [first, second]


FIGURES.register("reconsideration")
register_section(
    ledger="reconsideration",
    part=1,
    order=30,
    title="（三）依法化解行政争议，发挥行政复议主渠道作用",
    build=build_section,
)
