"""The rules in force for a jurisdiction and year: the nearest jurisdiction's latest `HotlineRules`
row not after the year (own, then ancestors, then the all-jurisdictions row), else the defaults of
statutes.md §8 (Shandong 2020: reply 5 wd, extension ≤10 wd, return 2 wd) and §14 (基本满意 counts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

DEFAULT_SOURCE = "默认规则（参照山东省2020年做法）"


@dataclass(frozen=True)
class Rules:
    reply_days: int = 5
    extension_max_days: int = 10
    return_days: int = 2
    basic_counts_as_satisfied: bool = True
    source: str = DEFAULT_SOURCE

    @property
    def satisfied_text(self) -> str:
        return "满意＋基本满意" if self.basic_counts_as_satisfied else "仅“满意”（不含基本满意）"


def _chain(jurisdiction: Any) -> list[str]:
    codes = [c for c in (jurisdiction.path or "").split("/") if c][::-1]
    return codes or [j.code for j in (jurisdiction, *jurisdiction.ancestors())]


def rules_for(jurisdiction: Any, year: int) -> Rules:
    from fazhi.ledgers.hotline.models import HotlineRules

    codes = _chain(jurisdiction) if jurisdiction is not None else []
    rank = {code: i for i, code in enumerate(codes)}
    rows = HotlineRules.objects.filter(
        Q(jurisdiction__code__in=codes) | Q(jurisdiction__isnull=True), year__lte=year
    ).select_related("jurisdiction")
    best = None
    for row in rows:
        code = row.jurisdiction.code if row.jurisdiction is not None else None
        key = (rank[code] if code is not None else len(codes), -row.year)
        if best is None or key < best[0]:
            best = (key, row)
    if best is None:
        return Rules()
    row = best[1]
    where = row.jurisdiction.name if row.jurisdiction is not None else "全部区划"
    return Rules(
        reply_days=row.reply_days,
        extension_max_days=row.extension_max_days,
        return_days=row.return_days,
        basic_counts_as_satisfied=row.basic_counts_as_satisfied,
        source=f"{where}自{row.year}年度规则" + (f"（{row.basis}）" if row.basis else ""),
    )


def rules_by_jurisdiction(ids: list[int], year: int) -> dict[int, Rules]:
    """The rules of each jurisdiction id (for a scope that rolls several up)."""
    from fazhi.org.models import Jurisdiction

    return {j.pk: rules_for(j, year) for j in Jurisdiction.objects.filter(pk__in=ids)}
