"""Figures of the 行政执法 ledger (`enforcement.*`), each defined once as a Q on one model.

口径: holders are certificates valid on the period's last day; reviews, cancellations, decisions
and reviewed files are counted by their own date in the period; delegated powers are the items
delegated and not withdrawn on the period's last day; 罚没金额 is the sum of the penalty
decisions' amounts (integer 分, shown in 万元)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from fazhi.casework.indicators import Ledgers, ModelLedger
from fazhi.indicators.scope import Scope
from fazhi.ledgers.enforcement.models import (
    CaseFileReview,
    CertificateKind,
    CertificateReview,
    EnforcementCertificate,
    EnforcementDecision,
    Power,
    PowerKind,
    valid_on_q,
)

E = "enforcement."


def _in(field: str, scope: Scope) -> Q:
    return Q(**{f"{field}__gte": scope.start, f"{field}__lt": scope.end})


def _last_day(scope: Scope) -> dt.date:
    return scope.end - dt.timedelta(days=1)


def _review_q(scope: Scope, kind: str, **more: Any) -> Q:
    return Q(
        kind=kind,
        reviews__reviewed_on__gte=scope.start,
        reviews__reviewed_on__lt=scope.end,
        **{f"reviews__{k}": v for k, v in more.items()},
    )


def certificate_definitions(scope: Scope) -> dict[str, Q]:
    last = _last_day(scope)
    supervision_valid = Q(
        kind=CertificateKind.SUPERVISION, issued_on__lte=last, valid_until__gte=last
    ) & (Q(revoked_on__isnull=True) | Q(revoked_on__gt=last))
    return {
        E + "certificate_holders": valid_on_q(last),
        E + "supervision_certificate_holders": supervision_valid,
        E + "certificates_revoked": _in("revoked_on", scope),
        E + "certificates_passed_review": _review_q(
            scope, CertificateKind.ENFORCEMENT, passed=True
        ),
        E + "supervision_certificates_passed_review": _review_q(
            scope, CertificateKind.SUPERVISION, passed=True
        ),
        E + "officers_trained": _review_q(scope, CertificateKind.ENFORCEMENT, trained=True),
    }


REVIEW_IDS = frozenset(
    {
        E + "certificates_passed_review",
        E + "supervision_certificates_passed_review",
        E + "officers_trained",
    }
)


def review_counts(scope: Scope) -> dict[str, Any]:
    """The review figures from the review rows (one per certificate and year)."""
    qs = CertificateReview.objects.filter(
        certificate__jurisdiction_id__in=scope.ids,
        reviewed_on__gte=scope.start,
        reviewed_on__lt=scope.end,
    )
    enf = Q(certificate__kind=CertificateKind.ENFORCEMENT)
    agg = qs.aggregate(
        n_passed=Count("pk", filter=enf & Q(passed=True)),
        n_sup=Count("pk", filter=~enf & Q(passed=True)),
        n_trained=Count("pk", filter=enf & Q(trained=True)),
    )
    return {
        E + "certificates_passed_review": agg["n_passed"],
        E + "supervision_certificates_passed_review": agg["n_sup"],
        E + "officers_trained": agg["n_trained"],
    }


CERTIFICATES = ModelLedger(
    EnforcementCertificate,
    certificate_definitions,
    list_url="enforcement:list",
    separate=REVIEW_IDS,
    other_counts=review_counts,
)


def decision_definitions(scope: Scope) -> dict[str, Q]:
    period = _in("decided_on", scope)
    return {
        E + "penalty_cases": period & Q(kind=PowerKind.PENALTY),
        E + "major_decisions": period & Q(is_major=True),
        E + "major_decisions_legally_reviewed": period
        & Q(is_major=True, legally_reviewed_on__isnull=False),
    }


def _penalty_sum(scope: Scope, defs: dict[str, Q]) -> dict[str, Any]:
    return {"penalty_fen": Coalesce(Sum("penalty_fen", filter=defs[E + "penalty_cases"]), 0)}


def _penalty_amount(row: Mapping[str, Any], out: dict[str, Any]) -> dict[str, Any]:
    return {E + "penalty_amount": Decimal(int(row["penalty_fen"])) / Decimal(1_000_000)}


DECISIONS = ModelLedger(
    EnforcementDecision,
    decision_definitions,
    list_url="enforcement_decisions:list",
    extra_aggregates=_penalty_sum,
    derive=_penalty_amount,
    extra_rows=lambda k, scope, defs: (
        defs[E + "penalty_cases"] if k == E + "penalty_amount" else None
    ),
)


def power_definitions(scope: Scope) -> dict[str, Q]:
    last = _last_day(scope)
    return {
        E + "powers_delegated_to_townships": Q(delegated=True, delegated_on__lte=last)
        & (Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=last))
    }


POWERS = ModelLedger(Power, power_definitions, list_url="enforcement_powers:list")


def review_definitions(scope: Scope) -> dict[str, Q]:
    return {E + "case_files_reviewed": _in("reviewed_on", scope)}


def _units(scope: Scope, defs: dict[str, Q]) -> dict[str, Any]:
    q = defs[E + "case_files_reviewed"]
    return {"units": Count("department", distinct=True, filter=q)}


REVIEWS = ModelLedger(
    CaseFileReview,
    review_definitions,
    list_url="case_file_reviews:list",
    sums=lambda scope: {E + "case_file_issues_found": ("issues_found", _in("reviewed_on", scope))},
    extra_aggregates=_units,
    derive=lambda row, out: {E + "case_file_review_units": row["units"]},
    extra_rows=lambda k, scope, defs: (
        defs[E + "case_files_reviewed"] if k == E + "case_file_review_units" else None
    ),
)

FIGURES = Ledgers((CERTIFICATES, DECISIONS, POWERS, REVIEWS))
FIGURES.register("enforcement")
