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
All counts but `suspended` come from one compiled aggregate query with `Count(filter=Q(...))`;
`suspended` is a second small query (a subquery on the pauses).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, QuerySet, Sum
from django.urls import get_script_prefix, get_urlconf, reverse

from fazhi.clocks.models import ClockPause, PauseKind
from fazhi.indicators.compiled import ScopedAggregate
from fazhi.indicators.registry import register
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


def _base(scope: Scope) -> QuerySet[ReconsiderationCase]:
    return ReconsiderationCase.objects.filter(jurisdiction_id__in=scope.ids)


def _aggregate(scope: Scope) -> tuple[QuerySet[ReconsiderationCase], dict[str, Any]]:
    defs = definitions(scope)
    # Counted by its own query (`counts`): its subquery's date (end − 1 day) is not one of the
    # scope's dates, so the compiled statement could not put it in place.
    del defs[SUSPENDED]
    letters = Q(closed_on__gte=scope.start, closed_on__lt=scope.end)
    concluded = defs[P + "concluded"]
    aggregates: dict[str, Any] = {
        k.replace(".", "__"): Count("pk", filter=q) for k, q in defs.items()
    }
    aggregates["opinion"] = Count("pk", filter=letters & Q(opinion_letter=True))
    aggregates["recommendation"] = Count("pk", filter=letters & Q(recommendation_letter=True))
    aggregates["days"] = Sum(
        ExpressionWrapper(F("closed_on") - F("accepted_on"), output_field=DurationField()),
        filter=concluded,
    )
    # Only rows that can matter: received before the end and not closed before the start.
    relevant = Q(received_on__lt=scope.end) & (
        Q(closed_on__isnull=True) | Q(closed_on__gte=scope.start)
    ) | Q(hearing_on__gte=scope.start, hearing_on__lt=scope.end)
    return _base(scope).filter(relevant), aggregates


# Compiled to SQL once per process (fazhi/indicators/compiled.py); `_AGGREGATE.orm` is the reference.
_AGGREGATE = ScopedAggregate(ReconsiderationCase, _aggregate)


def counts(scope: Scope) -> dict[str, Any]:
    return {**_figures(_AGGREGATE(scope)), SUSPENDED: _suspended(scope)}


def counts_orm(scope: Scope) -> dict[str, Any]:
    """`counts` through the ORM on every call: the reference the compiled path is tested against."""
    return {**_figures(_AGGREGATE.orm(scope)), SUSPENDED: _suspended(scope)}


def _suspended(scope: Scope) -> int:
    return rows(SUSPENDED, scope).count()


def _figures(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        k.replace("__", "."): v for k, v in row.items() if k.startswith("reconsideration__")
    }
    out[P + "opinion_letters"] = row["opinion"] + row["recommendation"]
    days = row["days"]
    n = out[P + "concluded"]
    if n and days is not None:
        total = days.days if hasattr(days, "days") else int(days) // 86_400_000_000
        out[P + "average_days"] = (Decimal(total) / n).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
    return out


def rows(indicator_id: str, scope: Scope) -> QuerySet[ReconsiderationCase]:
    defs = definitions(scope)
    if indicator_id == P + "opinion_letters":
        q = Q(closed_on__gte=scope.start, closed_on__lt=scope.end) & (
            Q(opinion_letter=True) | Q(recommendation_letter=True)
        )
    elif indicator_id == P + "average_days":
        q = defs[P + "concluded"]
    else:
        q = defs.get(indicator_id)
        if q is None:
            return ReconsiderationCase.objects.none()
    return _base(scope).filter(q)


def drilldown_url(indicator_id: str, scope: Scope) -> str:
    return (
        _list_url(get_script_prefix(), get_urlconf())
        + "?"
        + urlencode({"indicator": indicator_id})
        + "&"
        + _scope_query(scope)
    )


@lru_cache(maxsize=16)
def _list_url(script_prefix: str, urlconf: str | None) -> str:
    """`reverse()` once per prefix and URLconf: the kernel asks for a link per id."""
    return reverse("reconsideration:list", urlconf=urlconf)


@lru_cache(maxsize=256)
def _scope_query(scope: Scope) -> str:
    """The scope's part of a drill-down link, built once per scope (the kernel asks for ~35 ids)."""
    return urlencode(
        {
            "start": scope.start.isoformat(),
            "end": scope.end.isoformat(),
            "j": ",".join(str(i) for i in scope.ids),
        }
    )


def build_section(scope: Scope) -> list[str]:
    """The 行政复议 paragraph of part 一 (主要举措和成效), with figure tokens."""
    f = {
        k: token(P + k)
        for k in (
            "received",
            "accepted",
            "not_accepted",
            "withdrawn_before_acceptance",
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
        )
    }
    first = (
        f"全年共收到行政复议申请{f['received']}件，其中受理{f['accepted']}件、不予受理{f['not_accepted']}件、"
        f"受理前撤回{f['withdrawn_before_acceptance']}件，上年结转{f['carried_over']}件。"
        f"审结{f['concluded']}件（按期审结{f['concluded_on_time']}件），其中维持{f['upheld']}件、撤销{f['revoked']}件、"
        f"变更{f['changed']}件、确认违法{f['confirmed_illegal']}件、确认无效{f['confirmed_invalid']}件、"
        f"责令履行{f['ordered_to_perform']}件、驳回复议请求{f['claims_rejected']}件、驳回复议申请{f['application_dismissed']}件、"
        f"终止{f['terminated']}件、调解结案{f['mediated']}件；尚在审理{f['pending']}件。"
    )
    second = (
        f"坚持发挥行政复议化解行政争议主渠道作用，直接纠正违法或不当行政行为{f['corrected']}件，"
        f"通过调解、和解方式结案{f['mediated_settled']}件；组织听证{f['hearings']}次，"
        f"制发行政复议意见书、建议书{f['opinion_letters']}份。"
    )
    return [first, second]


register(ledger="reconsideration", counts=counts, rows=rows, drilldown_url=drilldown_url)
register_section(
    ledger="reconsideration",
    part=1,
    order=30,
    title="（三）依法化解行政争议，发挥行政复议主渠道作用",
    build=build_section,
)
