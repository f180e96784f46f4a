"""One transition engine for every ledger (and the annual report's status flow).

A transition is declared once — source states, target, the date it records, the dates that
date may not precede, its guards, the permission, its audit event and its effects on clocks —
and `run()` applies it in the same order every time:

1. the state is one of `source` (else a Chinese message naming the current state);
2. the acting user holds `perm` on the row (system runs, `by=None`, are the statute acting);
3. the `when` guards, which look only at the row (the same ones `available()` uses for the
   buttons, so a button is shown exactly when these pass);
4. the date: present, not before the declared earlier dates, not after today (unless the
   transition schedules something ahead);
5. the `checks`, which look at the inputs too;
6. one conditional UPDATE (`audit.update_if`) whose WHERE repeats the source states and the
   transition's own `expect` conditions, so two people pressing at once get one history row and
   one clear message — including for transitions that keep the state (an extension, a hearing),
   which a state-only compare-and-swap cannot tell apart;
7. the `effects` (clocks), inside the same database transaction.

Ledgers call a transition like a function: `accept(case, on=…, by=…, note=…)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from fazhi.audit import update_if
from fazhi.lib.cn_date import cn_date

if TYPE_CHECKING:
    from django import forms


class TransitionError(Exception):
    """A refused transition; the message is shown next to the button."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Ctx:
    """What one run of a transition was given."""

    on: dt.date | None
    by: Any
    note: str
    inputs: Mapping[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.inputs.get(name)

    @property
    def day(self) -> dt.date:
        """`on`, for effects: a transition that takes a date has checked it is there."""
        if self.on is None:
            raise TransitionError("请填写日期")
        return self.on


RowGuard = Callable[[Any], str | None]  # the row → a refusal message, or None
InputGuard = Callable[[Any, Ctx], str | None]  # the row and the inputs → a message, or None
Changes = Callable[[Any, Ctx], dict[str, Any]]
Effects = Callable[[Any, Ctx], None]


def not_before(on: dt.date | None, earlier: dt.date | None, what: str, earlier_what: str) -> None:
    if on is None:
        raise TransitionError(f"请填写{what}")
    if earlier is not None and on < earlier:
        raise TransitionError(
            f"{what}（{cn_date(on)}）不能早于{earlier_what}（{cn_date(earlier)}）"
        )


def not_after_today(on: dt.date | None, what: str) -> None:
    """Everything a transition records has already happened. Besides wrong figures (indicators
    count by these dates), a far-future date would overflow the clocks' date arithmetic."""
    today = timezone.localdate()
    if on is not None and on > today:
        raise TransitionError(f"{what}（{cn_date(on)}）不能晚于今天（{cn_date(today)}）")


def notice_problem(
    notice_on: dt.date | None,
    *,
    what: str,
    earliest: dt.date | None,
    earliest_what: str,
    event_on: dt.date | None,
    event_what: str,
) -> str | None:
    """A notice recorded with a scheduled event (听证通知, 出庭通知): not before `earliest`, not
    after today, not after the event itself. None when there is no notice or it is fine."""
    if notice_on is None:
        return None
    try:
        not_before(notice_on, earliest, what, earliest_what)
        not_after_today(notice_on, what)
    except TransitionError as exc:
        return exc.message
    if event_on is not None and notice_on > event_on:
        return f"{what}不能晚于{event_what}"
    return None


def within_a_year(on: dt.date | None, what: str) -> None:
    """For what is scheduled ahead (a hearing): at most a year from today (29 Feb → 28 Feb)."""
    latest = horizon()
    if on is not None and on > latest:
        raise TransitionError(
            f"{what}（{cn_date(on)}）不能晚于{cn_date(latest)}：最迟只能安排在一年以内"
        )


def horizon(today: dt.date | None = None) -> dt.date:
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


@dataclass(frozen=True, eq=False)
class Transition:
    do_not_call_in_templates: ClassVar[bool] = True  # `{{ t.label }}`, not `t()`

    code: str
    label: str  # the button, e.g. "受理"
    source: tuple[str, ...]
    target: str | Callable[[Any], str] | None = None  # None: the state stays
    event: str | Callable[[Any], str] = ""  # audit event code (defaults to `code`)
    event_label: str = ""  # history label (defaults to `label`)
    verb: str = ""  # "不能{verb}" in the state message (defaults to `label`)
    perm: str = "change"  # `<ledger>.<perm>_case`
    perm_message: str = ""
    date_field: str | None = None  # the column that records `on`
    date_label: str = "日期"  # the form's label for `on`
    date_what: str = ""  # how messages name `on` (defaults to `date_label`)
    after: tuple[tuple[str, str], ...] = ()  # (column, label) `on` may not precede
    ahead: bool = False  # `on` is scheduled ahead (at most a year), not recorded after the fact
    inputs: tuple[str, ...] = ("on", "note")
    fields: Mapping[str, forms.Field] = field(default_factory=dict)  # this transition's own inputs
    note_required: str = ""  # the message when the note is missing; "" if optional
    note_field: str | None = None  # a column the note is also written to (cut to its length)
    when: tuple[RowGuard, ...] = ()
    checks: tuple[InputGuard, ...] = ()
    changes: Changes | None = None
    expect: Callable[[Any], dict[str, Any]] | None = None
    effects: Effects | None = None
    history_note: Callable[[Any, Ctx], str] | None = None
    style: str = "primary"
    system: bool = False  # run by the statute (a lapse), never a button

    # --- the declaration, read -----------------------------------------------------------------
    @property
    def event_code(self) -> str:
        """The event's code for the history labels (a per-row event labels its usual case)."""
        return self.event if isinstance(self.event, str) and self.event else self.code

    def event_for(self, obj: Any) -> str:
        return self.event(obj) if callable(self.event) else (self.event or self.code)

    def full_perm(self, obj: Any) -> str:
        return f"{obj._meta.app_label}.{self.perm}_case" if self.perm else ""

    def target_for(self, obj: Any) -> str | None:
        return self.target(obj) if callable(self.target) else self.target

    def blocked(self, obj: Any) -> str | None:
        """Why the row cannot take this transition now, from the row alone (state, `when`)."""
        if state_of(obj) not in self.source:
            return state_message(obj, self.verb or self.label)
        for guard in self.when:
            message = guard(obj)
            if message:
                return message
        return None

    # --- running -------------------------------------------------------------------------------
    def __call__(
        self, obj: Any, *, by: Any, on: dt.date | None = None, note: str = "", **inputs: Any
    ) -> None:
        run(self, obj, by=by, on=on, note=note, **inputs)


def state_field(obj: Any) -> str:
    """The column holding the workflow state: `state`, or what the model names (`status`)."""
    return str(getattr(type(obj), "state_field", "state"))


def state_of(obj: Any) -> str:
    return str(getattr(obj, state_field(obj)))


def state_message(obj: Any, verb: str) -> str:
    hint = getattr(type(obj), "state_hints", {}).get(state_of(obj))
    if hint:
        return str(hint).format(verb=verb)
    noun = getattr(type(obj), "noun", "记录")
    label = getattr(obj, f"get_{state_field(obj)}_display")()
    return f"{noun}当前为“{label}”，不能{verb}"


def run(
    t: Transition, obj: Any, *, by: Any, on: dt.date | None = None, note: str = "", **inputs: Any
) -> None:
    with transaction.atomic():
        _run(t, obj, by=by, on=on, note=note or "", inputs=inputs)


def _run(
    t: Transition, obj: Any, *, by: Any, on: dt.date | None, note: str, inputs: dict[str, Any]
) -> None:
    ctx = Ctx(on=on, by=by, note=note, inputs=inputs)
    field_name = state_field(obj)
    if state_of(obj) not in t.source:
        raise TransitionError(state_message(obj, t.verb or t.label))
    perm = t.full_perm(obj)
    if perm and getattr(by, "is_authenticated", False) and not by.has_perm(perm, obj):
        raise TransitionError(t.perm_message or f"您没有{t.label}的权限")
    for guard in t.when:
        message = guard(obj)
        if message:
            raise TransitionError(message)
    if "on" in t.inputs:
        what = t.date_what or t.date_label
        for column, label in t.after:
            not_before(on, getattr(obj, column), what, label)
        if on is None:
            raise TransitionError(f"请填写{what}")
        if t.ahead:
            within_a_year(on, what)
        else:
            not_after_today(on, what)
    if t.note_required and not note.strip():
        raise TransitionError(t.note_required)
    for check in t.checks:
        message = check(obj, ctx)
        if message:
            raise TransitionError(message)
    changes: dict[str, Any] = {}
    target = t.target_for(obj)
    if target is not None:
        changes[field_name] = target
    if t.date_field:
        changes[t.date_field] = on
    if t.note_field:
        limit = obj._meta.get_field(t.note_field).max_length or len(note)
        changes[t.note_field] = note[:limit]
    if t.changes is not None:
        changes.update(t.changes(obj, ctx))
    if not changes:
        changes[field_name] = state_of(obj)  # record-only: one history entry all the same
    expect = {f"{field_name}__in": list(t.source), **(t.expect(obj) if t.expect else {})}
    history = t.history_note(obj, ctx) if t.history_note else note
    if not update_if(
        obj, expect=expect, changes=changes, by=by, event=t.event_for(obj), note=history
    ):
        noun = getattr(type(obj), "noun", "记录")
        raise TransitionError(f"该{noun}已被他人处理，请刷新页面后重试")
    if t.effects is not None:
        t.effects(obj, ctx)


def available(transitions: Iterable[Transition], obj: Any, user: Any) -> list[Transition]:
    """The buttons `user` may press on `obj` now: the same state lists and `when` guards that
    `run` checks, and the same permission."""
    return [
        t
        for t in transitions
        if not t.system
        and t.blocked(obj) is None
        and (not t.full_perm(obj) or user.has_perm(t.full_perm(obj), obj))
    ]


def by_code(transitions: Sequence[Transition]) -> dict[str, Transition]:
    return {t.code: t for t in transitions}


def event_labels(transitions: Iterable[Transition], **extra: str) -> dict[str, str]:
    """Audit event code → Chinese label, for the history page."""
    out = {t.event_code: t.event_label or t.label for t in transitions}
    out.update(extra)
    return out


def quiet_save(obj: Model, fields: list[str]) -> None:
    """Save derived columns (cached due dates) without a history row of their own."""
    obj.skip_history_when_saving = True  # type: ignore[attr-defined]
    try:
        obj.save(update_fields=fields)
    finally:
        del obj.skip_history_when_saving  # type: ignore[attr-defined]
