"""The `mediation.*` figures, for any Scope.

口径 (also in docs/ledgers/mediation.md):
- `organizations`: committees established before the period's end and not dissolved before its
  start; `mediators`: mediators appointed before the end and not dismissed before the start.
- `disputes_received`: disputes with 受理日期 in the period.
- `disputes_resolved`: disputes whose agreement (oral or written) was reached in the period,
  whether or not a written one is signed yet; = `agreements_oral` + `agreements_written`.
- `major_cases_resolved`: of those, the ones flagged 重大疑难.
- `referred_to_litigation`: disputes whose mediation failed in the period with the parties guided
  to litigation or another channel (the catalog's 口径: "litigation or other channels").
- `consultations`: the sum of the daily on-the-spot counts in the period.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, Sum

from fazhi.casework.indicators import ModelLedger
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token
from fazhi.ledgers.mediation.models import (
    ConsultationDay,
    MediationCase,
    MediationCommittee,
    Mediator,
)
from fazhi.ledgers.mediation.states import SUCCEEDED, AgreementForm, State

P = "mediation."
OTHER = frozenset({P + "organizations", P + "mediators", P + "consultations"})


def _active_committees(scope: Scope) -> Q:
    return Q(established_on__lt=scope.end) & (
        Q(dissolved_on__isnull=True) | Q(dissolved_on__gte=scope.start)
    )


def definitions(scope: Scope) -> dict[str, Q]:
    """indicator id → the dispute rows it counts (one definition for counts and drill-down)."""
    start, end = scope.start, scope.end
    concluded = Q(concluded_on__gte=start, concluded_on__lt=end)
    resolved = concluded & Q(state__in=SUCCEEDED)
    committees = MediationCommittee.objects.filter(_active_committees(scope))
    mediators = Mediator.objects.filter(
        Q(appointed_on__lt=end) & (Q(left_on__isnull=True) | Q(left_on__gte=start))
    )
    consulted = ConsultationDay.objects.filter(on__gte=start, on__lt=end)
    d = {
        "disputes_received": Q(received_on__gte=start, received_on__lt=end),
        "disputes_resolved": resolved,
        "agreements_oral": resolved & Q(agreement_form=AgreementForm.ORAL),
        "agreements_written": resolved & Q(agreement_form=AgreementForm.WRITTEN),
        "major_cases_resolved": resolved & Q(is_major=True),
        "referred_to_litigation": concluded & Q(state=State.FAILED) & ~Q(referral=""),
        # Drill-down of the figures from other rows: the disputes of those committees.
        "organizations": Q(committee__in=committees.values("pk")),
        "mediators": Q(mediator__in=mediators.values("pk")),
        "consultations": Q(committee__in=consulted.values("committee_id")),
    }
    return {P + k: v for k, v in d.items()}


def other_counts(scope: Scope) -> dict[str, Any]:
    """Committees, mediators and on-the-spot answers come from their own rows."""
    committees = MediationCommittee.objects.filter(
        _active_committees(scope), jurisdiction_id__in=scope.ids
    )
    mediators = Mediator.objects.filter(
        Q(appointed_on__lt=scope.end) & (Q(left_on__isnull=True) | Q(left_on__gte=scope.start)),
        committee__jurisdiction_id__in=scope.ids,
    )
    answered = ConsultationDay.objects.filter(
        on__gte=scope.start, on__lt=scope.end, committee__jurisdiction_id__in=scope.ids
    ).aggregate(n=Sum("count"), days=Count("pk"))
    return {
        P + "organizations": committees.count(),
        P + "mediators": mediators.count(),
        P + "consultations": answered["n"] or 0,
    }


FIGURES = ModelLedger(
    MediationCase,
    definitions,
    list_url="mediation:list",
    separate=OTHER,
    other_counts=other_counts,
)
FIGURES.register("mediation")


def build_section(scope: Scope) -> list[str]:
    """The 人民调解 paragraph of part 一."""
    f = {k: token(P + k) for k in (x.removeprefix(P) for x in _IDS)}
    return [
        "坚持和发展新时代“枫桥经验”，推进矛盾纠纷多元化解。现有人民调解组织"
        f"{f['organizations']}个、人民调解员{f['mediators']}名。全年受理矛盾纠纷"
        f"{f['disputes_received']}件，调解成功{f['disputes_resolved']}件，调解成功率"
        f"{f['success_rate']}，其中达成口头协议{f['agreements_oral']}件、书面协议"
        f"{f['agreements_written']}件；化解重大疑难纠纷{f['major_cases_resolved']}件；"
        f"调解不成的引导当事人通过诉讼等途径解决{f['referred_to_litigation']}件；"
        f"现场解答群众咨询{f['consultations']}。"
    ]


_IDS = (
    P + "organizations",
    P + "mediators",
    P + "disputes_received",
    P + "disputes_resolved",
    P + "success_rate",
    P + "agreements_oral",
    P + "agreements_written",
    P + "major_cases_resolved",
    P + "referred_to_litigation",
    P + "consultations",
)

register_section(
    ledger="mediation",
    part=1,
    order=40,
    title="加强人民调解工作",
    build=build_section,
)
