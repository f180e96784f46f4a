"""The deadline engine: a pure function of dates and the confirmed working-day calendar.

Counting rules (statutes.md §1, clock-cases.json conventions):
start day not counted; calendar-day and month ends roll forward to the next working day (which
may be a 调休上班 Saturday); month ends use the same day-number or the month's last day; pauses
are inclusive ranges and none of their days count; a restart counts the full period again from
the restart day; an extension adds to the length counted from the start, rolled once at the end;
a date needed from an unconfirmed year gives no due date but the flag `calendar_unconfirmed`.
"""

from __future__ import annotations

import calendar as std_calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from fazhi.clocks.spec import ClockError, Unit
from fazhi.lib.cn_date import WEEKDAYS, cn_date, cn_date_short, cn_datetime
from fazhi.workcal import calendar as wc
from fazhi.workcal.calendar import CalendarUnconfirmed

FLAG_UNCONFIRMED = "calendar_unconfirmed"
KIND_DEADLINE = "deadline"
KIND_ADVANCE_NOTICE = "advance_notice"
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Due:
    due_on: dt.date | None
    flag: str | None
    flag_year: int | None
    explanation: str
    remaining: int | None = None  # units still to count while an open pause runs
    due_at: dt.datetime | None = None  # the moment an hour period runs out (Unit.HOUR)


@dataclass(frozen=True)
class Pause:
    from_on: dt.date
    to_on: dt.date | None  # None: still paused
    reason: str = ""


def _pause(p: Any) -> Pause:
    if isinstance(p, Pause):
        return p
    if isinstance(p, dict):
        return Pause(p["from"], p.get("to"), p.get("reason", ""))
    if hasattr(p, "from_on"):
        return Pause(p.from_on, p.to_on, getattr(p, "reason", ""))
    items = tuple(p)
    return Pause(items[0], items[1], items[2] if len(items) > 2 else "")


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, std_calendar.monthrange(year, month)[1]))


def unit_text(unit: str, n: int) -> str:
    if unit == Unit.WORKING_DAY:
        return f"{n}个工作日"
    if unit == Unit.MONTH:
        return f"{n}个月"
    if unit == Unit.HOUR:
        return f"{n}小时"
    return f"{n}日"


def _md(d: dt.date, year: int) -> str:
    return cn_date_short(d) if d.year == year else cn_date(d)


def _span(a: dt.date, b: dt.date, year: int) -> str:
    if a == b:
        return _md(a, year)
    if a.year == b.year and a.month == b.month:
        return f"{_md(a, year)}至{b.day}日"
    return f"{_md(a, year)}至{_md(b, year)}"


def _normalise(pauses: Iterable[Any], begin: dt.date) -> list[Pause]:
    """Sorted, merged pauses that lie after the begin day (earlier days never count anyway)."""
    items = sorted((_pause(p) for p in pauses), key=lambda p: p.from_on)
    for p in items:
        if p.to_on is not None and p.to_on < p.from_on:
            raise ClockError(
                f"中止结束日期（{cn_date(p.to_on)}）早于开始日期（{cn_date(p.from_on)}）"
            )
    out: list[Pause] = []
    for p in items:
        if p.to_on is not None and p.to_on <= begin:
            continue
        p = Pause(max(p.from_on, begin + ONE_DAY), p.to_on, p.reason)
        if out and (out[-1].to_on is None or p.from_on <= out[-1].to_on + ONE_DAY):
            last = out[-1]
            to = None if last.to_on is None or p.to_on is None else max(last.to_on, p.to_on)
            out[-1] = Pause(last.from_on, to, last.reason or p.reason)
        else:
            out.append(p)
    return out


def _in_pause(d: dt.date, pauses: Sequence[Pause]) -> bool:
    return any(p.from_on <= d and (p.to_on is None or d <= p.to_on) for p in pauses)


def compute(
    start: dt.date,
    length: int,
    unit: str,
    *,
    pauses: Iterable[Any] = (),
    extension: int = 0,
    restart: dt.date | None = None,
    event: str = "",
    kind: str = KIND_DEADLINE,
) -> Due:
    """Due date of a period of `length` (+ `extension`) `unit`s after `start` (or `restart`).

    `kind="advance_notice"`: `start` (or `restart`, the event moved) is the event day and the
    due date is the latest day to act, counted back (see `advance_notice`).

    `pauses`: (from, to) pairs, `Pause`s, dicts with from/to or objects with from_on/to_on; `to`
    None means still paused, and then the due date is None unless the period ran out before.
    `event` names the start event in the explanation ("收到申请之日")."""
    if not isinstance(length, int) or isinstance(length, bool) or length <= 0:
        raise ClockError("期限长度必须为正整数")
    if not isinstance(extension, int) or extension < 0:
        raise ClockError("延长期限不能为负数")
    if unit not in Unit.values:
        raise ClockError(f"未知的期限单位：{unit}")
    if kind == KIND_ADVANCE_NOTICE:
        if extension or tuple(pauses):
            raise ClockError("提前通知期限不能中止或延长")
        return advance_notice(restart or start, length, unit, event=event)
    if kind != KIND_DEADLINE:
        raise ClockError(f"未知的期限类型：{kind}")
    if unit == Unit.HOUR:
        return hours(start, length + extension, pauses=pauses, restart=restart, event=event)
    if restart is not None and restart < start:
        raise ClockError(f"重新起算日期（{cn_date(restart)}）早于起算日期（{cn_date(start)}）")
    begin = restart or start
    total = length + extension
    plist = _normalise(pauses, begin)
    if unit == Unit.MONTH and plist:
        raise ClockError("按月计算的期限不支持中止，请改用自然日或工作日期限")

    if restart:
        head = f"自{cn_date(begin)}重新起算{unit_text(unit, length)}（原起算日{cn_date(start)}）"
    else:
        head = f"自{cn_date(begin)}{event}起{unit_text(unit, length)}"
    if extension:
        head += f"，延长{unit_text(unit, extension)}，共{unit_text(unit, total)}"
    try:
        if unit == Unit.MONTH:
            raw_end = add_months(begin, total)
            due = wc.next_workday(raw_end)
            return Due(due, None, None, head + _month_tail(begin, raw_end, due))
        cur, remaining = begin, total
        for p in plist:
            if unit == Unit.WORKING_DAY:
                probe = wc.add_working_days(cur, remaining)
                if probe < p.from_on:
                    break
                avail = wc.working_days_between(cur + ONE_DAY, p.from_on - ONE_DAY)
            else:
                avail = (p.from_on - cur).days - 1
                if avail >= remaining:
                    break
            remaining -= avail
            if p.to_on is None:
                counted = total - remaining
                text = (
                    f"{head}，{cn_date(p.from_on)}起中止，已计{unit_text(unit, counted)}，"
                    f"尚余{unit_text(unit, remaining)}，恢复后继续计算"
                )
                return Due(None, None, None, text, remaining=remaining)
            cur = p.to_on
        if unit == Unit.WORKING_DAY:
            due = wc.add_working_days(cur, remaining)
            return Due(due, None, None, head + _working_tail(begin, due, plist))
        raw_end = cur + dt.timedelta(days=remaining)
        due = wc.next_workday(raw_end)
        return Due(due, None, None, head + _calendar_tail(total, raw_end, due, plist))
    except CalendarUnconfirmed as exc:
        text = f"{head}，需用到{exc.year}年日历，{exc.year}年日历未确认，暂无法确定届满日"
        return Due(None, FLAG_UNCONFIRMED, exc.year, text)


def hours(
    start: dt.date,
    length: int,
    *,
    pauses: Iterable[Any] = (),
    restart: dt.date | None = None,
    event: str = "",
) -> Due:
    """A period of `length` hours from the moment `start` (or `restart`), counted continuously:
    rest days and holidays count and the end is not rolled (民法典 Art. 201: an hour period runs
    from the moment it starts). No pause: no statute pauses an hour period."""
    begin = restart or start
    if not isinstance(begin, dt.datetime):
        raise ClockError("按小时计算的期限须有起算时刻（日期和时间）")
    if tuple(pauses):
        raise ClockError("按小时计算的期限不支持中止")
    due_at = begin + dt.timedelta(hours=length)
    begin_local, local = _local(begin), _local(due_at)
    text = (
        f"自{cn_datetime(begin_local)}{event}起{length}小时（连续计算，休息日、节假日不扣除），"
        f"至{cn_datetime(local)}届满"
    )
    return Due(local.date(), None, None, text, due_at=due_at)


def _local(t: dt.datetime) -> dt.datetime:
    from django.utils import timezone

    return timezone.localtime(t) if timezone.is_aware(t) else t


def advance_notice(event_on: dt.date, length: int, unit: str, *, event: str = "") -> Due:
    """The latest day to give notice at least `length` units before `event_on`, counted back
    from the event; the event day itself is not counted (statutes.md §1, advance notice).
    Working days: the `length`-th working day before the event. Calendar days and months: the
    day that many units earlier; if it is a rest day, move EARLIER to the previous working day
    (UNCONFIRMED default, statutes.md §15.9), never later."""
    what = event or "事件"
    head = f"{what}日为{cn_date(event_on)}，须提前{unit_text(unit, length)}（{what}当日不计）"
    try:
        if unit == Unit.WORKING_DAY:
            d, n = event_on, 0
            while n < length:
                d -= ONE_DAY
                if wc.is_workday(d):
                    n += 1
            notes = [
                f"{'、'.join(names)}假期{_span(a, b, d.year)}不计"
                for a, b, names in _holiday_blocks(d + ONE_DAY, event_on - ONE_DAY, ())
            ]
            inner = f"（{'；'.join(notes)}）" if notes else ""
            return Due(d, None, None, f"{head}{inner}，最迟应于{cn_date(d)}发出通知")
        raw = (
            add_months(event_on, -length)
            if unit == Unit.MONTH
            else event_on - dt.timedelta(days=length)
        )
        d = raw
        while not wc.is_workday(d):
            d -= ONE_DAY
        if d == raw:
            tail = f"，前推{unit_text(unit, length)}为{cn_date(raw)}，最迟应于当日发出通知"
        else:
            tail = (
                f"，前推{unit_text(unit, length)}为{cn_date(raw)}（{_why_rest(raw)}），"
                f"提前至{cn_date(d, weekday=True)}发出通知"
            )
        return Due(d, None, None, head + tail)
    except CalendarUnconfirmed as exc:
        text = f"{head}，需用到{exc.year}年日历，{exc.year}年日历未确认，暂无法确定最迟通知日"
        return Due(None, FLAG_UNCONFIRMED, exc.year, text)


def _holiday_blocks(
    first: dt.date, last: dt.date, pauses: Sequence[Pause]
) -> list[tuple[dt.date, dt.date, list[str]]]:
    blocks: list[tuple[dt.date, dt.date, list[str]]] = []
    d = first
    while d <= last:
        exc = wc.exception_on(d)
        if exc and exc[0] == "holiday" and not _in_pause(d, pauses):
            if blocks and blocks[-1][1] == d - ONE_DAY:
                a, _, names = blocks[-1]
                if exc[1] not in names:
                    names.append(exc[1])
                blocks[-1] = (a, d, names)
            else:
                blocks.append((d, d, [exc[1]]))
        d += ONE_DAY
    return blocks


def _pause_notes(pauses: Sequence[Pause], year: int) -> list[str]:
    notes = []
    for p in pauses:
        if p.to_on is None:
            continue
        days = (p.to_on - p.from_on).days + 1
        what = p.reason or "中止"
        notes.append(f"{_span(p.from_on, p.to_on, year)}{what}共{days}日不计")
    return notes


def _working_tail(begin: dt.date, due: dt.date, pauses: Sequence[Pause]) -> str:
    y = due.year
    notes = []
    makeups = []
    d = begin + ONE_DAY
    while d <= due:
        exc = wc.exception_on(d)
        if exc and exc[0] == "workday" and not _in_pause(d, pauses):
            makeups.append(f"{_md(d, y)}（周{WEEKDAYS[d.weekday()]}）")
        d += ONE_DAY
    if makeups:
        notes.append("、".join(makeups) + "调休上班计入")
    for a, b, names in _holiday_blocks(begin + ONE_DAY, due, pauses):
        notes.append(f"{'、'.join(names)}假期{_span(a, b, y)}不计")
    notes += _pause_notes(pauses, y)
    inner = f"（{'；'.join(notes)}）" if notes else ""
    return f"{inner}，至{cn_date(due)}届满"


def _why_rest(d: dt.date) -> str:
    exc = wc.exception_on(d)
    if exc and exc[0] == "holiday":
        return f"{exc[1]}假期"
    return f"周{WEEKDAYS[d.weekday()]}"


def _roll(raw_end: dt.date, due: dt.date) -> str:
    if raw_end == due:
        return f"（周{WEEKDAYS[due.weekday()]}），当日届满"
    exc = wc.exception_on(due)
    makeup = "，调休上班" if exc and exc[0] == "workday" else ""
    return (
        f"（{_why_rest(raw_end)}），顺延至{cn_date(due)}（周{WEEKDAYS[due.weekday()]}{makeup}）届满"
    )


def _calendar_tail(total: int, raw_end: dt.date, due: dt.date, pauses: Sequence[Pause]) -> str:
    notes = _pause_notes(pauses, due.year)
    inner = f"（{'；'.join(notes)}）" if notes else ""
    return f"{inner}，第{total}日为{cn_date(raw_end)}" + _roll(raw_end, due)


def _month_tail(begin: dt.date, raw_end: dt.date, due: dt.date) -> str:
    if raw_end.day != begin.day:
        text = f"，到期月无{begin.day}日，以月末日{cn_date(raw_end)}为最后一日"
    else:
        text = f"，对应日为{cn_date(raw_end)}"
    if raw_end == due:
        exc = wc.exception_on(due)
        if exc and exc[0] == "workday":
            return text + "（调休上班，不顺延），当日届满"
        return text + f"（周{WEEKDAYS[due.weekday()]}），当日届满"
    return text + _roll(raw_end, due)
