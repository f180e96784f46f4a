"""Figures of `legal_education.*`, `legal_counsel.*` and `leader_duties.*`, each defined once.

口径: events, sessions, opinions and duty records are counted by their date in the period; venues,
法律明白人, villages and retained counsel are the stock on the period's last day (a counsel counts
if retained at any time in the period); persons reached and trained are sums of the rows' counts;
the leader's court appearances are read from the 行政应诉 ledger (`litigation.api`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse

from fazhi.casework.indicators import Ledgers, ModelLedger
from fazhi.indicators.scope import Scope
from fazhi.ledgers.legal_education.models import (
    STUDY_MEETING_KINDS,
    ActivityKind,
    ClientKind,
    CounselKind,
    CounselWork,
    DutyKind,
    EducationActivity,
    LeaderDutyRecord,
    LegalCounsel,
    LegalLiterate,
    PublicityVenue,
    StudyKind,
    StudyMeeting,
    Village,
)
from fazhi.ledgers.litigation.api import principal_appearances

LE, LC, LD = "legal_education.", "legal_counsel.", "leader_duties."


def _in(field: str, scope: Scope) -> Q:
    return Q(**{f"{field}__gte": scope.start, f"{field}__lt": scope.end})


def _standing(start: str, end: str, scope: Scope) -> Q:
    """Rows in being on the period's last day."""
    last = scope.end - dt.timedelta(days=1)
    return Q(**{f"{start}__lte": last}) & (
        Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gt": last})
    )


ACTIVITIES = ModelLedger(
    EducationActivity,
    lambda scope: {
        LE + "activities": _in("held_on", scope) & Q(kind=ActivityKind.PUBLICITY),
        LE + "lectures": _in("held_on", scope) & Q(kind=ActivityKind.LECTURE),
    },
    list_url="legal_education:list",
    sums=lambda scope: {
        LE + "materials_distributed": ("materials", _in("held_on", scope)),
        LE + "persons_reached": (
            "audience",
            _in("held_on", scope) & Q(kind__in=[ActivityKind.PUBLICITY, ActivityKind.LECTURE]),
        ),
        LE + "legal_literates_trained": (
            "audience",
            _in("held_on", scope) & Q(kind=ActivityKind.LITERATE_TRAINING),
        ),
    },
)
VENUES = ModelLedger(
    PublicityVenue,
    lambda scope: {LE + "publicity_venues": _standing("opened_on", "closed_on", scope)},
    list_url="publicity_venues:list",
)
LITERATES = ModelLedger(
    LegalLiterate,
    lambda scope: {LE + "legal_literates": _standing("registered_on", "left_on", scope)},
    list_url="legal_literates:list",
)
STUDY = ModelLedger(
    StudyMeeting,
    lambda scope: {LE + "study_meetings": _in("held_on", scope) & Q(kind__in=STUDY_MEETING_KINDS)},
    list_url="study_sessions:list",
    sums=lambda scope: {
        LE + "persons_trained": (
            "participants",
            _in("held_on", scope) & Q(kind__in=[StudyKind.TRAINING, StudyKind.EXAM]),
        )
    },
)
EDUCATION = Ledgers((ACTIVITIES, VENUES, LITERATES, STUDY))
EDUCATION.register("legal_education")


def _retained(scope: Scope) -> Q:
    return Q(retained_on__lt=scope.end) & (Q(ended_on__isnull=True) | Q(ended_on__gte=scope.start))


def _covered(scope: Scope, defs: dict[str, Q]) -> dict[str, Any]:
    q = _retained(scope) & Q(client_kind=ClientKind.VILLAGE)
    return {"covered": Count("village", distinct=True, filter=q)}


COUNSEL = ModelLedger(
    LegalCounsel,
    lambda scope: {
        LC + "counsel_count": _retained(scope) & Q(kind=CounselKind.COUNSEL),
        LC + "public_lawyers": _retained(scope) & Q(kind=CounselKind.PUBLIC_LAWYER),
    },
    list_url="legal_counsel:list",
    extra_aggregates=_covered,
    derive=lambda row, out: {LC + "villages_covered": row["covered"]},
    extra_rows=lambda k, scope, defs: (
        _retained(scope) & Q(client_kind=ClientKind.VILLAGE)
        if k == LC + "villages_covered"
        else None
    ),
)
WORK = ModelLedger(
    CounselWork,
    lambda scope: {},
    list_url="counsel_work:list",
    sums=lambda scope: {
        LC + "opinions": ("opinions", _in("worked_on", scope)),
        LC + "documents_drafted": ("documents_drafted", _in("worked_on", scope)),
        LC + "disputes_mediated": ("disputes_mediated", _in("worked_on", scope)),
    },
)
VILLAGES = ModelLedger(
    Village,
    lambda scope: {LC + "villages": _standing("established_on", "abolished_on", scope)},
    list_url="villages:list",
)
COUNSEL_FIGURES = Ledgers((COUNSEL, WORK, VILLAGES))
COUNSEL_FIGURES.register("legal_counsel")


def duty_definitions(scope: Scope) -> dict[str, Q]:
    period = _in("held_on", scope)
    return {
        LD + "meetings_on_rule_of_law": period & Q(kind=DutyKind.MEETING),
        LD + "instructions": period & Q(kind=DutyKind.INSTRUCTION),
        LD + "debriefs": period & Q(kind=DutyKind.DEBRIEF),
    }


DUTIES = ModelLedger(LeaderDutyRecord, duty_definitions, list_url="leader_duties:list")


def court_appearances(scope: Scope) -> dict[str, Any]:
    return {LD + "court_appearances": len(principal_appearances(scope.ids, scope.start, scope.end))}


DUTY_FIGURES = Ledgers(
    (DUTIES,),
    more=court_appearances,
    # The appearances are 行政应诉 rows: the link opens that ledger's list.
    more_url=lambda k, scope: reverse("litigation:list"),
)
DUTY_FIGURES.register("leader_duties")
