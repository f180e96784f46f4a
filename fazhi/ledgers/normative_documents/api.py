"""What other ledgers may know of normative documents (style.md: ledgers link only through
api.py): the yearly counts the 政府信息公开工作年度报告 gives (statutes.md §5, last line)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class YearCounts:
    issued: int  # 本年制发: published in the year
    repealed: int  # 本年废止: ended in the year by 废止, 宣布失效, 撤销 or expiry
    in_force: int  # 现行有效: in force on 31 December (or today, for the current year)


def year_counts(jurisdiction_id: int, year: int, *, today: dt.date | None = None) -> YearCounts:
    from django.db.models import Q
    from django.utils import timezone

    from fazhi.ledgers.normative_documents.models import NormativeDocument
    from fazhi.ledgers.normative_documents.states import NOT_IN_FORCE

    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    day = min(end, today or timezone.localdate())
    docs = NormativeDocument.objects.filter(jurisdiction_id=jurisdiction_id)
    return YearCounts(
        issued=docs.filter(published_on__gte=start, published_on__lte=end).count(),
        repealed=docs.filter(
            state__in=NOT_IN_FORCE, ended_on__gte=start, ended_on__lte=end
        ).count(),
        in_force=docs.filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=day),
            published_on__isnull=False,
            effective_on__lte=day,
            expires_on__gte=day,
        ).count(),
    )
