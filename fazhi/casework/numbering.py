"""案号: one counter per (ledger, jurisdiction, year), a format declared per ledger.

    RECONSIDERATION = Numbering("政复")   # 示政复〔2025〕12号
    LITIGATION = Numbering("政诉")        # 示政诉〔2025〕3号

A number typed by hand (on the form, in an edit, in an import) may lie anywhere in the series:
allocation checks the numbers it is about to hand out against those in use and skips them, so a
typed number never makes a later automatic one collide, and the gap below it is still used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction

from fazhi.casework.models import NumberCounter
from fazhi.org.models import Jurisdiction


@dataclass(frozen=True)
class Numbering:
    infix: str  # between the jurisdiction's 简称 and the year: "政复"
    # A second series of one ledger (a 文号 given on publication, besides the 案号 given at
    # intake): its own counter name and the column its numbers are stored in.
    counter: str = ""  # defaults to the ledger's app label
    column: str = "case_number"

    @property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(
            r"^(?P<prefix>.+?)" + re.escape(self.infix) + r"〔(?P<year>\d{4})〕(?P<serial>\d+)号$"
        )

    def text(self, jurisdiction: Jurisdiction, year: int, serial: int) -> str:
        return f"{prefix_of(jurisdiction)}{self.infix}〔{year}〕{serial}号"

    def example(self) -> str:
        return f"简称{self.infix}〔2025〕12号"

    def parse(self, text: str) -> tuple[int, int] | None:
        """ "示政复〔2025〕12号" → (2025, 12); anything else → None."""
        m = self.pattern.match(text.strip())
        if m is None:
            return None
        return int(m["year"]), int(m["serial"])

    def allocate(
        self,
        model: Any,
        jurisdiction: Jurisdiction,
        year: int,
        *,
        count: int = 1,
        skip: frozenset[str] = frozenset(),
    ) -> list[tuple[int, str]]:
        """Reserve `count` serials of `model`'s ledger for (jurisdiction, year). The counter row is
        locked with SELECT … FOR UPDATE, so a second clerk saving at the same moment waits and
        gets the next serial. A number already in use (typed by hand), or in `skip` (typed in
        the same import), is skipped."""
        ledger = self.counter or model._meta.app_label
        with transaction.atomic():
            counter = _locked_counter(ledger, jurisdiction, year)
            out: list[tuple[int, str]] = []
            serial = counter.last
            while len(out) < count:
                want = count - len(out)
                batch = [
                    (s, self.text(jurisdiction, year, s))
                    for s in range(serial + 1, serial + 1 + want)
                ]
                taken = set(
                    model._default_manager.filter(
                        jurisdiction=jurisdiction, **{f"{self.column}__in": [t for _, t in batch]}
                    ).values_list(self.column, flat=True)
                )
                out += [(s, t) for s, t in batch if t not in taken and t not in skip]
                serial += want
            counter.last = serial
            counter.save(update_fields=["last"])
        return out


def prefix_of(jurisdiction: Jurisdiction) -> str:
    return jurisdiction.doc_prefix or jurisdiction.name[:1]


def _locked_counter(ledger: str, jurisdiction: Jurisdiction, year: int) -> NumberCounter:
    try:
        with transaction.atomic():
            NumberCounter.objects.get_or_create(ledger=ledger, jurisdiction=jurisdiction, year=year)
    except IntegrityError:
        pass  # created by the other clerk a moment ago
    return NumberCounter.objects.select_for_update().get(
        ledger=ledger, jurisdiction=jurisdiction, year=year
    )


def register_row(obj: Any, numbering: Numbering, *, year: int, by: Any) -> None:
    """Save a new row under its 案号 with one 'received' history entry: a typed number must be
    free (its year and serial are read from it), a blank one gets the next of `year`."""
    from fazhi.casework.transitions import TransitionError

    model = type(obj)
    if obj.case_number:
        obj.case_number = obj.case_number.strip()
        if model._default_manager.filter(
            jurisdiction=obj.jurisdiction, case_number=obj.case_number
        ).exists():
            raise TransitionError(
                f"案号“{obj.case_number}”已被使用，请留空由系统编号或改用其他案号"
            )
        obj.case_year, obj.case_serial = numbering.parse(obj.case_number) or (year, None)
    else:
        obj.case_year = year
        ((obj.case_serial, obj.case_number),) = numbering.allocate(model, obj.jurisdiction, year)
    obj._change_reason = "event:received"
    obj._history_user = by
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise TransitionError(f"案号“{obj.case_number}”已被使用，请重试") from exc


def number_rows(
    numbering: Numbering,
    model: Any,
    jurisdiction: Jurisdiction,
    rows: list[dict[str, Any]],
    *,
    date_key: str,
) -> list[dict[str, Any]]:
    """The 案号 fields of imported rows, in order: a typed number is kept (its year and serial
    read from it), a blank one gets the next of its year — skipping the numbers typed in the same
    file, so a row never collides with another row of the import."""
    typed = frozenset(v["case_number"] for v in rows if v["case_number"])
    need: dict[int, int] = {}
    for v in rows:
        if not v["case_number"]:
            need[v[date_key].year] = need.get(v[date_key].year, 0) + 1
    fresh = {
        year: iter(numbering.allocate(model, jurisdiction, year, count=n, skip=typed))
        for year, n in need.items()
    }
    out = []
    for v in rows:
        if v["case_number"]:
            year, serial = numbering.parse(v["case_number"]) or (v[date_key].year, None)
            out.append({"case_number": v["case_number"], "case_year": year, "case_serial": serial})
        else:
            serial, number = next(fresh[v[date_key].year])
            out.append(
                {"case_number": number, "case_year": v[date_key].year, "case_serial": serial}
            )
    return out
