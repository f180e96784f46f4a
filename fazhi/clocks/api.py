"""The clock API the ledgers call. Every change saves the row and writes exactly one history row
(`fazhi.audit.record`) labelled with the event; bad input raises `ClockError` and saves nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from fazhi.audit import record
from fazhi.audit.api import EVENT_PREFIX
from fazhi.clocks.engine import (
    FLAG_UNCONFIRMED,
    KIND_ADVANCE_NOTICE,
    KIND_DEADLINE,
    Due,
    Pause,
    compute,
    unit_text,
)
from fazhi.clocks.models import OPEN_STATES, Clock, ClockPause, Outcome, PauseKind, State
from fazhi.clocks.signals import due_changed
from fazhi.clocks.spec import ClockError, ClockSpec, Unit
from fazhi.lib.cn_date import cn_date
from fazhi.workcal.calendar import calendar_version

ONE_DAY = dt.timedelta(days=1)


# --- reading ----------------------------------------------------------------------------------


def _key(obj: models.Model) -> dict[str, Any]:
    if obj.pk is None:
        raise ClockError("对象尚未保存，不能计算期限")
    return {"content_type": ContentType.objects.get_for_model(obj), "object_id": obj.pk}


def get(obj: models.Model, spec: ClockSpec) -> Clock | None:
    clock: Clock | None = Clock.objects.filter(**_key(obj), name=spec.name).first()
    return clock


def due(obj: models.Model, spec: ClockSpec) -> dt.date | None:
    clock = get(obj, spec)
    return clock.due_on if clock else None


def clocks_for(obj: models.Model) -> list[Clock]:
    return list(Clock.objects.filter(**_key(obj)).order_by("id"))


# --- computing --------------------------------------------------------------------------------


def _pauses(clock: Clock) -> list[Pause]:
    if clock.pk is None:
        return []
    return [Pause(p.from_on, p.to_on, p.reason) for p in clock.pauses.all()]


def evaluate(clock: Clock, pauses: Iterable[Pause] | None = None) -> Due:
    if clock.start_on is None:
        return Due(None, None, None, "尚未开始计算")
    result = compute(
        (clock.start_at or clock.start_on) if clock.unit == Unit.HOUR else clock.start_on,
        clock.length,
        clock.unit,
        pauses=_pauses(clock) if pauses is None else pauses,
        extension=clock.extension_length,
        restart=clock.restart_on,
        kind=clock.kind or KIND_DEADLINE,
        event=clock.event_label,
    )
    if clock.extension_late and clock.extension_approved_on:
        result = Due(
            result.due_on,
            result.flag,
            result.flag_year,
            result.explanation
            + f"；延长于原届满日后（{cn_date(clock.extension_approved_on)}）批准，请核查",
            result.remaining,
        )
    return result


def _apply(clock: Clock, result: Due) -> tuple[dt.date | None, str]:
    """Write `result` into the row; returns the (due date, flag) it had before."""
    old = (clock.due_on, clock.flag) if clock.pk is not None else (None, "")
    clock.due_on = result.due_on
    clock.flag = result.flag or ""
    clock.flag_year = result.flag_year
    clock.explanation = result.explanation
    clock.calendar_version = calendar_version()
    return old


def _save(
    clock: Clock,
    *,
    event: str,
    by: Any,
    note: str = "",
    old: tuple[dt.date | None, str] | None = None,
) -> None:
    clock.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        clock.save()
    finally:
        del clock.skip_history_when_saving  # type: ignore[attr-defined]
    record(clock, event=event, by=by, note=note)
    if old is not None and old != (clock.due_on, clock.flag):
        due_changed.send(
            sender=Clock,
            clock=clock,
            old_due=old[0],
            new_due=clock.due_on,
            old_flag=old[1],
            new_flag=clock.flag,
            event=event,
        )


def _scope(obj: models.Model) -> dict[str, Any]:
    """Jurisdiction and up to two departments of the owner, its URL and label."""

    def follow(path: str) -> int | None:
        target: Any = obj
        parts = path.split("__")
        for part in parts[:-1]:
            target = getattr(target, part, None)
            if target is None:
                return None
        return getattr(target, parts[-1] + "_id", None)

    jur = follow(getattr(type(obj), "scope_jurisdiction", "jurisdiction"))
    depts: list[int] = []
    for path in getattr(type(obj), "scope_departments", ("department",)):
        d = follow(path)
        if d is not None and d not in depts:
            depts.append(d)
    url = ""
    if hasattr(obj, "get_absolute_url"):
        url = str(obj.get_absolute_url())
    meta = obj._meta
    from django.apps import apps

    return {
        "jurisdiction_id": jur,
        "department_id": depts[0] if depts else None,
        "department_2_id": depts[1] if len(depts) > 1 else None,
        "object_url": url[:300],
        "object_label": str(obj)[:200],
        "ledger": meta.app_label,
        "ledger_label": str(apps.get_app_config(meta.app_label).verbose_name)[:60],
    }


def _locked(obj: models.Model, spec: ClockSpec) -> Clock:
    clock: Clock | None = (
        Clock.objects.select_for_update().filter(**_key(obj), name=spec.name).first()
    )
    if clock is None:
        raise ClockError(f"“{spec.label}”尚未开始计算")
    return clock


def _require_open(clock: Clock) -> None:
    if clock.start_on is None:
        raise ClockError(f"“{clock.label}”尚未开始计算")
    if clock.state == State.STOPPED:
        raise ClockError(f"“{clock.label}”已于{cn_date(clock.stopped_on)}停止计算")


# --- transitions ------------------------------------------------------------------------------


@transaction.atomic
def start(
    obj: models.Model,
    spec: ClockSpec,
    *,
    on: dt.date | None,
    by: Any,
    at: dt.datetime | None = None,
) -> Clock:
    """Start the clock on `on` (that day not counted). `on=None` creates it not started.
    A clock in hours (`Unit.HOUR`) starts at the moment `at` (its day is `on`)."""
    if spec.unit == Unit.HOUR and on is not None:
        if at is None:
            raise ClockError(f"“{spec.label}”按小时计算，请填写起算时刻")
        from django.utils import timezone

        on = timezone.localtime(at).date() if timezone.is_aware(at) else at.date()
    key = _key(obj)
    clock: Clock | None = Clock.objects.select_for_update().filter(**key, name=spec.name).first()
    if clock is not None and clock.start_on is not None:
        raise ClockError(
            f"“{spec.label}”已于{cn_date(clock.start_on)}开始计算，如需重新起算请使用“重新起算”"
        )
    if clock is None:
        clock = Clock(
            **key, name=spec.name, created_by=by if getattr(by, "is_authenticated", False) else None
        )
    for attr, value in _scope(obj).items():
        setattr(clock, attr, value)
    clock.label, clock.basis, clock.law_version = spec.label, spec.basis, spec.law_version
    clock.length, clock.unit = spec.length, spec.unit
    clock.kind, clock.event_label = spec.kind, spec.event_label[:30]
    clock.start_on, clock.state = on, State.RUNNING
    clock.start_at = at if spec.unit == Unit.HOUR else None
    old = _apply(clock, evaluate(clock))
    _save(clock, event="clock_started" if on else "clock_created", by=by, old=old)
    return clock


@transaction.atomic
def start_many(items: Iterable[tuple[models.Model, ClockSpec, dt.date]], *, by: Any) -> list[Clock]:
    """Start one clock per (object, spec, start day) with two INSERTs (the clocks and their
    history rows), for imports of thousands of rows where `start` would cost a dozen queries
    each. An object that already has the clock is skipped. No `due_changed` signal is sent:
    the caller writes its cached due dates with its own rows. Equal periods are computed once."""
    items = list(items)
    if not items:
        return []
    ct = ContentType.objects.get_for_model(items[0][0])
    have = set(
        Clock.objects.filter(
            content_type=ct, object_id__in=[o.pk for o, _, _ in items]
        ).values_list("object_id", "name")
    )
    version = calendar_version()
    results: dict[tuple[dt.date, int, str], Due] = {}
    user = by if getattr(by, "is_authenticated", False) else None
    clocks: list[Clock] = []
    for obj, spec, on in items:
        if (obj.pk, spec.name) in have:
            continue
        key = (on, spec.length, spec.unit)
        if key not in results:
            results[key] = compute(on, spec.length, spec.unit, kind=spec.kind)
        result = results[key]
        clocks.append(
            Clock(
                content_type=ct,
                object_id=obj.pk,
                name=spec.name,
                created_by=user,
                **_scope(obj),
                label=spec.label,
                basis=spec.basis,
                law_version=spec.law_version,
                length=spec.length,
                unit=spec.unit,
                kind=spec.kind,
                event_label=spec.event_label[:30],
                start_on=on,
                state=State.RUNNING,
                due_on=result.due_on,
                flag=result.flag or "",
                flag_year=result.flag_year,
                explanation=result.explanation,
                calendar_version=version,
            )
        )
        have.add((obj.pk, spec.name))
    Clock.objects.bulk_create(clocks, batch_size=500)
    history_model = Clock.history.model
    tracked = [f.attname for f in history_model.tracked_fields]
    now = timezone.now()
    history_model.objects.bulk_create(
        [
            history_model(
                history_date=now,
                history_type="+",
                history_user=user,
                history_change_reason=EVENT_PREFIX + "clock_started",
                **{a: getattr(c, a) for a in tracked},
            )
            for c in clocks
        ],
        batch_size=500,
    )
    return clocks


@transaction.atomic
def restart(obj: models.Model, spec: ClockSpec, *, on: dt.date, by: Any) -> Clock:
    """The full period runs again from `on` (that day not counted); earlier pauses drop out.
    For an advance notice, `on` is the new event day (it may be earlier: the event moved)."""
    clock = _locked(obj, spec)
    _require_open(clock)
    assert clock.start_on is not None
    if on < clock.start_on and clock.kind != KIND_ADVANCE_NOTICE:
        raise ClockError(f"重新起算日期（{cn_date(on)}）早于起算日期（{cn_date(clock.start_on)}）")
    for p in clock.pauses.filter(to_on__isnull=True):
        p.to_on = max(on, p.from_on)
        p.save(update_fields=["to_on"])
    clock.restart_on, clock.state = on, State.RUNNING
    old = _apply(clock, evaluate(clock))
    _save(clock, event="clock_restarted", by=by, old=old)
    return clock


@transaction.atomic
def pause(
    obj: models.Model,
    spec: ClockSpec,
    *,
    on: dt.date,
    reason: str,
    by: Any,
    kind: str = PauseKind.OTHER,
) -> Clock:
    """Stop counting from `on` inclusive (e.g. the day of the 中止 decision or the letter).
    `kind` (`PauseKind`) records why, for figures such as "cases in 中止 at the year end"."""
    if kind not in PauseKind.values:
        raise ClockError(f"未知的中止类型“{kind}”")
    if not spec.pausable:
        raise ClockError(f"“{spec.label}”依法不能中止")
    if not reason.strip():
        raise ClockError("请填写中止原因")
    clock = _locked(obj, spec)
    _require_open(clock)
    assert clock.start_on is not None
    if clock.state == State.PAUSED:
        raise ClockError(f"“{clock.label}”已处于中止状态")
    if on < (clock.restart_on or clock.start_on):
        raise ClockError(f"中止日期（{cn_date(on)}）早于起算日期")
    last = clock.pauses.order_by("-from_on").first()
    if last is not None and last.to_on is not None and on <= last.to_on:
        raise ClockError(f"中止日期（{cn_date(on)}）与上一次中止（至{cn_date(last.to_on)}）重叠")
    ClockPause.objects.create(
        clock=clock, from_on=on, to_on=None, reason=reason.strip()[:200], kind=kind
    )
    clock.state = State.PAUSED
    old = _apply(clock, evaluate(clock))
    _save(clock, event="clock_paused", by=by, note=reason.strip(), old=old)
    return clock


@transaction.atomic
def resume(
    obj: models.Model, spec: ClockSpec, *, on: dt.date, by: Any, include_on: bool = False
) -> Clock:
    """Counting resumes on `on` (恢复之日 counts): the pause covers up to the day before.
    With `include_on=True` the day `on` is still excluded (a pause "from the letter to the day
    the reply is received", as in 信息公开 consultations) and counting resumes the day after."""
    clock = _locked(obj, spec)
    _require_open(clock)
    open_pause = clock.pauses.filter(to_on__isnull=True).first()
    if clock.state != State.PAUSED or open_pause is None:
        raise ClockError(f"“{clock.label}”未处于中止状态")
    to_on = on if include_on else on - ONE_DAY
    if on < open_pause.from_on:
        raise ClockError(f"恢复日期（{cn_date(on)}）早于中止日期（{cn_date(open_pause.from_on)}）")
    if to_on < open_pause.from_on:
        open_pause.delete()  # resumed the same day: no day was excluded
    else:
        open_pause.to_on = to_on
        open_pause.save(update_fields=["to_on"])
    clock.state = State.RUNNING
    old = _apply(clock, evaluate(clock))
    _save(clock, event="clock_resumed", by=by, old=old)
    return clock


@transaction.atomic
def extend(
    obj: models.Model, spec: ClockSpec, *, length: int, approved_by: Any, on: dt.date, by: Any
) -> Clock:
    """Add `length` units (same unit) approved on `on`; never above `spec.max_extension` in total
    (no cap when `spec.extension_uncapped`, e.g. a "reasonable" 补正 extension). An approval
    after the original due date is allowed but flagged."""
    if spec.max_extension is None and not spec.extension_uncapped:
        raise ClockError(f"“{spec.label}”依法不能延长")
    if not isinstance(length, int) or length <= 0:
        raise ClockError("延长期限必须为正整数")
    clock = _locked(obj, spec)
    _require_open(clock)
    total = clock.extension_length + length
    if spec.max_extension is not None and total > spec.max_extension:
        raise ClockError(
            f"“{spec.label}”最多延长{unit_text(spec.unit, spec.max_extension)}，"
            f"本次延长后共{unit_text(spec.unit, total)}，超过上限"
        )
    late = clock.due_on is not None and on > clock.due_on
    clock.extension_length = total
    clock.extension_approved_by = str(approved_by or "")[:100]
    clock.extension_approved_on = on
    clock.extension_late = clock.extension_late or late
    old = _apply(clock, evaluate(clock))
    note = f"延长{unit_text(spec.unit, length)}，批准人{clock.extension_approved_by}"
    if late:
        note += "（于原届满日后批准）"
    _save(clock, event="clock_extended", by=by, note=note, old=old)
    return clock


@transaction.atomic
def stop(
    obj: models.Model,
    spec: ClockSpec,
    *,
    on: dt.date,
    by: Any,
    outcome: str = "",
    outcome_label: str = "",
    at: dt.datetime | None = None,
) -> Clock:
    """The act was done on `on` (at the moment `at`, for a clock in hours); the clock keeps
    its due date for 按期 statistics. An advance
    notice is given before its event, so `on` may precede the event day.
    `outcome="lapsed"` records that the period ran out instead (shown as 期限届满未办理, never
    按期办结); `outcome_label` is the ledger's short wording shown for the stopped clock."""
    if outcome and outcome not in Outcome.values:
        raise ClockError(f"未知的办结结果“{outcome}”")
    clock = _locked(obj, spec)
    _require_open(clock)
    assert clock.start_on is not None
    if on < clock.start_on and clock.kind != KIND_ADVANCE_NOTICE:
        raise ClockError(f"办结日期（{cn_date(on)}）早于起算日期（{cn_date(clock.start_on)}）")
    for p in clock.pauses.filter(to_on__isnull=True):
        if on < p.from_on:
            raise ClockError(f"办结日期（{cn_date(on)}）早于中止日期（{cn_date(p.from_on)}）")
        p.to_on = on
        p.save(update_fields=["to_on"])
    clock.state, clock.stopped_on = State.STOPPED, on
    if clock.unit == Unit.HOUR:
        if at is not None and clock.start_at is not None and at < clock.start_at:
            raise ClockError("办结时刻早于起算时刻")
        clock.stopped_at = at
    clock.outcome, clock.outcome_label = outcome, outcome_label.strip()[:30]
    old = _apply(clock, evaluate(clock))
    _save(clock, event="clock_stopped", by=by, note=clock.outcome_label, old=old)
    return clock


@transaction.atomic
def reopen(obj: models.Model, spec: ClockSpec, *, on: dt.date, by: Any) -> Clock:
    """A stopped clock runs again, in full, from `on` (that day not counted): the matter was sent
    back and is handed out again (a 12345 ticket returned as misrouted and dispatched to another
    unit). Its stop, pauses and extension are cleared (the clock's history keeps them); the length
    is `spec`'s. An open clock is restarted instead (`restart`)."""
    clock = _locked(obj, spec)
    if clock.start_on is None:
        raise ClockError(f"“{clock.label}”尚未开始计算")
    if clock.state != State.STOPPED:
        raise ClockError(f"“{clock.label}”仍在计算，如需重新起算请使用“重新起算”")
    assert clock.start_on is not None
    if on < (clock.stopped_on or clock.start_on):
        raise ClockError(
            f"重新起算日期（{cn_date(on)}）早于办结日期（{cn_date(clock.stopped_on)}）"
        )
    clock.pauses.all().delete()
    clock.length, clock.unit = spec.length, spec.unit
    clock.label, clock.basis = spec.label, spec.basis
    clock.restart_on, clock.state, clock.stopped_on = on, State.RUNNING, None
    clock.outcome, clock.outcome_label = "", ""
    clock.extension_length, clock.extension_approved_by = 0, ""
    clock.extension_approved_on, clock.extension_late = None, False
    old = _apply(clock, evaluate(clock, pauses=[]))
    _save(clock, event="clock_reopened", by=by, old=old)
    return clock


# --- calendar changes -------------------------------------------------------------------------


def recompute_open(years: Iterable[int] | None = None) -> int:
    """Recompute open clocks (running or paused) whose window touches `years` (all open clocks
    when None) and every open clock flagged calendar_unconfirmed. Changed rows get one history
    row "日历调整：届满日由…改为…". Stopped clocks keep their due date. Returns rows changed."""
    qs = Clock.objects.filter(state__in=OPEN_STATES, start_on__isnull=False)
    if years is not None:
        q = Q(flag=FLAG_UNCONFIRMED)
        for y in sorted(set(years)):
            q |= Q(start_on__lte=dt.date(y, 12, 31)) & (
                Q(due_on__gte=dt.date(y, 1, 1)) | Q(due_on__isnull=True)
            )
            # An advance notice's window runs back from the event: [due_on, event day].
            q |= Q(kind=KIND_ADVANCE_NOTICE, due_on__lte=dt.date(y, 12, 31)) & (
                Q(start_on__gte=dt.date(y, 1, 1)) | Q(restart_on__gte=dt.date(y, 1, 1))
            )
        qs = qs.filter(q)
    changed = 0
    for clock in qs.prefetch_related("pauses").order_by("id").iterator(chunk_size=2000):
        result = evaluate(clock)
        old_due, old_flag = clock.due_on, clock.flag
        if (result.due_on, result.flag or "", result.explanation) == (
            clock.due_on,
            clock.flag,
            clock.explanation,
        ):
            continue
        with transaction.atomic():
            before = _apply(clock, result)
            old = cn_date(old_due) if old_due else ("“日历未确认”" if old_flag else "—")
            new = (
                cn_date(result.due_on)
                if result.due_on
                else (f"“{result.flag_year}年日历未确认”" if result.flag else "—")
            )
            _save(
                clock,
                event="recomputed",
                by=None,
                note=f"日历调整：届满日由{old}改为{new}",
                old=before,
            )
        changed += 1
    return changed
