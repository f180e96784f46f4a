"""The `legal_aid.*` figures, for any Scope.

口径 (also in docs/ledgers/legal_aid.md):
- `cases`: cases assigned (指派) in the period — applications granted and criminal notifications.
- `beneficiaries`: the 受援人数 of those cases.
- `amount_recovered`: 挽回经济损失 of cases closed in the period, in 万元 (kept as integer 分).
- `consultations`, `documents_drafted`: sums of the daily counts in the period.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db.models import Q, Sum

from fazhi.casework.indicators import ModelLedger
from fazhi.indicators.scope import Scope
from fazhi.indicators.sections import register_section, token
from fazhi.ledgers.legal_aid.models import LegalAidCase, ServiceDay

P = "legal_aid."
OTHER = frozenset(
    {P + "beneficiaries", P + "amount_recovered", P + "consultations", P + "documents_drafted"}
)
FEN_PER_WAN = Decimal(1_000_000)


def definitions(scope: Scope) -> dict[str, Q]:
    start, end = scope.start, scope.end
    assigned = Q(assigned_on__gte=start, assigned_on__lt=end)
    closed = Q(closed_on__gte=start, closed_on__lt=end)
    days = ServiceDay.objects.filter(on__gte=start, on__lt=end)
    d = {
        "cases": assigned,
        "beneficiaries": assigned,
        "amount_recovered": closed & Q(amount_recovered_fen__gt=0),
        # Drill-down of the daily counts: the cases of the bodies that kept them.
        "consultations": Q(department__in=days.values("department_id")),
        "documents_drafted": Q(department__in=days.values("department_id")),
    }
    return {P + k: v for k, v in d.items()}


def other_counts(scope: Scope) -> dict[str, Any]:
    cases = LegalAidCase.objects.filter(jurisdiction_id__in=scope.ids)
    people = cases.filter(assigned_on__gte=scope.start, assigned_on__lt=scope.end).aggregate(
        n=Sum("beneficiaries")
    )["n"]
    fen = cases.filter(closed_on__gte=scope.start, closed_on__lt=scope.end).aggregate(
        n=Sum("amount_recovered_fen")
    )["n"]
    days = ServiceDay.objects.filter(
        jurisdiction_id__in=scope.ids, on__gte=scope.start, on__lt=scope.end
    ).aggregate(c=Sum("consultations"), d=Sum("documents_drafted"))
    return {
        P + "beneficiaries": people or 0,
        P + "amount_recovered": (Decimal(fen or 0) / FEN_PER_WAN).quantize(Decimal("0.0001")),
        P + "consultations": days["c"] or 0,
        P + "documents_drafted": days["d"] or 0,
    }


FIGURES = ModelLedger(
    LegalAidCase, definitions, list_url="legal_aid:list", separate=OTHER, other_counts=other_counts
)
FIGURES.register("legal_aid")


def build_section(scope: Scope) -> list[str]:
    """The 法律援助 paragraph of part 一."""
    f = {
        k: token(P + k)
        for k in (
            "cases",
            "beneficiaries",
            "amount_recovered",
            "consultations",
            "documents_drafted",
        )
    }
    return [
        "深化法律援助惠民工程，扩大法律援助覆盖面。全年办理法律援助案件"
        f"{f['cases']}件，受援人{f['beneficiaries']}，为受援人挽回经济损失{f['amount_recovered']}；"
        f"解答法律咨询{f['consultations']}，代写法律文书{f['documents_drafted']}。"
    ]


register_section(
    ledger="legal_aid", part=1, order=41, title="提升法律援助质效", build=build_section
)
