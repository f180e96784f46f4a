"""Entering a year from the 国务院办公厅 notice, and its confirmation by a second person.

Choice: editing a confirmed year is allowed but makes it *unconfirmed* until someone other
than the editor confirms it again; meanwhile clocks that need that year carry the flag
"YYYY年日历未确认" (no silent guess). Nothing is saved when any line has an error.

One line per holiday: `名称 起始日期 [至 结束日期] [补班 日期 日期…]`, e.g.
`春节 2026-02-15 至 2026-02-23 补班 2026-02-14 2026-02-28`. Dates: 2026-02-15, 2026/2/15,
2026年2月15日 or 2月15日 (year of the entry). Dates of December of the previous year are accepted
(the 元旦 block).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from fazhi.lib.cn_date import cn_date
from fazhi.workcal.models import CalendarDay, CalendarYear, DayKind

MAKEUP_WORDS = ("补班", "调休上班", "上班")
_DATE = re.compile(r"^(?:(\d{4})[-/年.])?(\d{1,2})[-/月.](\d{1,2})日?$")
ONE_DAY = dt.timedelta(days=1)


class EntryError(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("；".join(problems))


@dataclass(frozen=True)
class Row:
    date: dt.date
    kind: str
    name: str
    line: int


def _parse_date(text: str, year: int) -> dt.date | None:
    m = _DATE.match(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1) or year), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def parse(year: int, text: str) -> list[Row]:
    """All rows of the entry, or EntryError with every problem (Chinese, with line numbers)."""
    problems: list[str] = []
    rows: list[Row] = []
    first_allowed, last_allowed = dt.date(year - 1, 12, 1), dt.date(year, 12, 31)
    for n, raw in enumerate(text.splitlines(), start=1):
        line = re.sub(r"[，,、；;：:～~—]+|至", " ", raw).strip()
        if not line:
            continue
        tokens = line.split()
        # The name is every word before the first date: "中秋节、国庆节 10-01 至 10-08" is one
        # holiday named 中秋节、国庆节 (the 、 was turned into a space above).
        lead = 0
        while (
            lead < len(tokens)
            and not tokens[lead][:1].isdigit()  # a date, or what was meant as one
            and tokens[lead] not in MAKEUP_WORDS
        ):
            lead += 1
        name, rest = "、".join(tokens[:lead]) or tokens[0], tokens[lead:] or tokens[1:]
        if _parse_date(name, year) is not None:
            problems.append(f"第{n}行：请先写节日名称，如“春节 {year}-02-15 至 {year}-02-21”")
            continue
        rest_part: list[str] = []
        makeup_part: list[str] = []
        seen_word = False
        for tok in rest:
            if tok in MAKEUP_WORDS:
                seen_word = True
            else:
                (makeup_part if seen_word else rest_part).append(tok)
        dates: dict[str, list[dt.date]] = {"rest": [], "makeup": []}
        for part, key in ((rest_part, "rest"), (makeup_part, "makeup")):
            for tok in part:
                d = _parse_date(tok, year)
                if d is None:
                    problems.append(f"第{n}行：无法识别日期“{tok}”")
                elif not first_allowed <= d <= last_allowed:
                    problems.append(f"第{n}行：{cn_date(d)}不在{year}年（或上一年12月）范围内")
                else:
                    dates[key].append(d)
        if len(rest_part) not in (1, 2):
            problems.append(f"第{n}行：放假日期应为一天或“起始日期 至 结束日期”")
            continue
        if len(dates["rest"]) != len(rest_part):
            continue
        start, end = dates["rest"][0], dates["rest"][-1]
        if end < start:
            problems.append(f"第{n}行：结束日期{cn_date(end)}早于起始日期{cn_date(start)}")
            continue
        d = start
        while d <= end:
            rows.append(Row(d, DayKind.HOLIDAY, name, n))
            d += ONE_DAY
        for d in dates["makeup"]:
            if d.weekday() < 5:
                problems.append(
                    f"第{n}行：调休上班日{cn_date(d)}是周{'一二三四五'[d.weekday()]}，只能是周六或周日"
                )
            rows.append(Row(d, DayKind.WORKDAY, name, n))
    seen: dict[dt.date, int] = {}
    for r in rows:
        if r.date in seen:
            problems.append(f"第{r.line}行：{cn_date(r.date)}重复填写（第{seen[r.date]}行已填）")
        else:
            seen[r.date] = r.line
    others = CalendarDay.objects.filter(date__in=list(seen)).exclude(calendar_year__year=year)
    for day in others.select_related("calendar_year"):
        problems.append(
            f"第{seen[day.date]}行：{cn_date(day.date)}已登记在{day.calendar_year.year}年日历中"
        )
    if not rows and not problems:
        problems.append("请至少填写一行放假安排")
    if problems:
        raise EntryError(problems)
    return rows


@transaction.atomic
def save_entry(year: int, *, source_note: str, text: str, by: object) -> CalendarYear:
    """Enter a year. A new or unconfirmed year gets its rows now and waits for confirmation; an
    edit to a confirmed year is kept as a pending draft and changes nothing until a second
    person confirms it."""
    rows = parse(year, text)
    cal_year, _ = CalendarYear.objects.select_for_update().get_or_create(year=year)
    if cal_year.confirmed:
        cal_year.pending_lines = text.strip()
        cal_year.pending_source_note = source_note.strip()[:200]
        cal_year.pending_by = by  # type: ignore[assignment]
        cal_year.pending_at = timezone.now()
        cal_year.save(update_fields=CalendarYear.PENDING_FIELDS)
        return cal_year
    _replace_days(cal_year, rows)
    cal_year.source_note = source_note.strip()[:200]
    cal_year.confirmed = False
    cal_year.entered_by = by  # type: ignore[assignment]
    cal_year.entered_at = timezone.now()
    cal_year.confirmed_by = None
    cal_year.confirmed_at = None
    cal_year.save()  # signal: version bump and recompute of open clocks after commit
    return cal_year


def _replace_days(cal_year: CalendarYear, rows: list[Row]) -> None:
    CalendarDay.objects.filter(calendar_year=cal_year).delete()
    CalendarDay.objects.bulk_create(
        [CalendarDay(date=r.date, kind=r.kind, name=r.name, calendar_year=cal_year) for r in rows]
    )


@transaction.atomic
def confirm(year: int, *, by: object) -> CalendarYear:
    """Confirm an entered year, or apply the pending edit of a confirmed one. Either way the
    confirming person must not be the one who entered it."""
    cal_year = CalendarYear.objects.select_for_update().filter(year=year).first()
    if cal_year is None:
        raise EntryError([f"{year}年日历尚未录入"])
    by_pk = getattr(by, "pk", None)
    if cal_year.confirmed and cal_year.pending_lines:
        if cal_year.pending_by_id is not None and cal_year.pending_by_id == by_pk:
            raise EntryError([f"{year}年日历的修改须由修改人以外的人员核对确认"])
        _replace_days(cal_year, parse(year, cal_year.pending_lines))
        cal_year.source_note = cal_year.pending_source_note or cal_year.source_note
        cal_year.entered_by = cal_year.pending_by
        cal_year.entered_at = cal_year.pending_at
        cal_year.pending_lines = ""
        cal_year.pending_source_note = ""
        cal_year.pending_by = None
        cal_year.pending_at = None
        cal_year.confirmed_by = by  # type: ignore[assignment]
        cal_year.confirmed_at = timezone.now()
        cal_year.save()  # signal: version bump and recompute of open clocks after commit
        return cal_year
    if cal_year.confirmed:
        raise EntryError([f"{year}年日历已确认"])
    if cal_year.entered_by_id is not None and cal_year.entered_by_id == by_pk:
        raise EntryError([f"{year}年日历须由录入人以外的人员核对确认"])
    if not cal_year.days.exists():
        raise EntryError([f"{year}年日历没有任何放假安排，不能确认"])
    cal_year.confirmed = True
    cal_year.confirmed_by = by  # type: ignore[assignment]
    cal_year.confirmed_at = timezone.now()
    cal_year.save()
    return cal_year


@transaction.atomic
def discard_pending(year: int) -> None:
    cal_year = CalendarYear.objects.select_for_update().get(year=year)
    cal_year.pending_lines = ""
    cal_year.pending_source_note = ""
    cal_year.pending_by = None
    cal_year.pending_at = None
    cal_year.save(update_fields=CalendarYear.PENDING_FIELDS)


def as_text(cal_year: CalendarYear) -> str:
    """The year's rows in the entry format (to edit an existing year)."""
    lines: list[str] = []
    by_name: dict[str, list[str]] = {}
    makeups: dict[str, list[str]] = {}
    days = list(cal_year.days.order_by("date"))
    run: list[CalendarDay] = []

    def flush() -> None:
        if run:
            a, b = run[0].date, run[-1].date
            text = a.isoformat() if a == b else f"{a.isoformat()} 至 {b.isoformat()}"
            by_name.setdefault(run[0].name, []).append(text)

    for day in days:
        if day.kind == DayKind.WORKDAY:
            makeups.setdefault(day.name, []).append(day.date.isoformat())
            continue
        if run and (day.date - run[-1].date != ONE_DAY or day.name != run[-1].name):
            flush()
            run = []
        run.append(day)
    flush()
    for name, ranges in by_name.items():
        for i, r in enumerate(ranges):
            extra = makeups.pop(name, []) if i == len(ranges) - 1 else []
            lines.append(f"{name} {r}" + (f" 补班 {' '.join(extra)}" if extra else ""))
    for name, dates in makeups.items():
        lines.append(f"# {name} 补班 {' '.join(dates)}（无对应放假行，请补全）")
    return "\n".join(lines)
