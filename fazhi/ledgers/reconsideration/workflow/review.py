"""Review of an accepted case: 送达副本（答复通知）, 答复, 听证, 中止/恢复, 延期.

中止 pauses the decision clock (2023 Art. 39; excluded from the period, the usual reading).
延期 of at most 30 days is approved by the 复议机构 head (2023 Art. 62(1); under the 2017 text
the head of the 复议机关); the simplified procedure has no extension (Art. 62(2)).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from fazhi import clocks
from fazhi.clocks.models import PauseKind
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import HearingForm, LawVersion, Procedure, State
from fazhi.ledgers.reconsideration.workflow.acceptance import sync_decision_due
from fazhi.ledgers.reconsideration.workflow.base import (
    TransitionError,
    hearing_horizon,
    not_after_today,
    not_before,
    require_state,
    stop_if_open,
    write,
)
from fazhi.lib.cn_date import cn_date

FROM_ACCEPTED = (State.ACCEPTED,)
FROM_ANSWER_REQUESTED = (State.ANSWER_REQUESTED,)
HEARABLE = (State.ANSWER_REQUESTED, State.UNDER_REVIEW)
SUSPENDABLE = (State.ACCEPTED, State.ANSWER_REQUESTED, State.UNDER_REVIEW)
EXTENDABLE = (State.ACCEPTED, State.ANSWER_REQUESTED, State.UNDER_REVIEW)
FROM_SUSPENDED = (State.SUSPENDED,)


@transaction.atomic
def send_copy(case: ReconsiderationCase, *, on: dt.date, by: Any, note: str = "") -> None:
    """申请书副本 and 答复通知书 sent to the respondent; its answer period starts."""
    require_state(case, FROM_ACCEPTED, "发送答复通知")
    not_before(on, case.accepted_on, "发送副本日期", "受理日期")
    not_after_today(on, "发送副本日期")
    write(
        case,
        allowed=FROM_ACCEPTED,
        changes={"state": State.ANSWER_REQUESTED, "copy_sent_on": on},
        by=by,
        event="copy_sent",
        note=note,
    )
    specs = specs_for(case)
    stop_if_open(case, specs.copy_to_respondent, on=on, by=by)
    clocks.start(case, specs.respondent_answer, on=on, by=by)


@transaction.atomic
def record_answer(case: ReconsiderationCase, *, on: dt.date, by: Any, note: str = "") -> None:
    require_state(case, FROM_ANSWER_REQUESTED, "登记答复")
    not_before(on, case.copy_sent_on, "答复日期", "发送副本日期")
    not_after_today(on, "答复日期")
    write(
        case,
        allowed=FROM_ANSWER_REQUESTED,
        changes={"state": State.UNDER_REVIEW, "answered_on": on},
        by=by,
        event="answered",
        note=note,
    )
    stop_if_open(case, specs_for(case).respondent_answer, on=on, by=by)


@transaction.atomic
def hold_hearing(
    case: ReconsiderationCase, *, on: dt.date, form: str, by: Any, note: str = ""
) -> None:
    """听证 or 听取意见 held (a record, not a change of state)."""
    require_state(case, HEARABLE, "登记听证或听取意见")
    if case.hearing_on is not None:
        raise TransitionError("本案已登记听证或听取意见")
    not_before(on, case.copy_sent_on, "听证日期", "发送副本日期")
    not_after_today(on, "听证日期")
    if form not in (HearingForm.OPINIONS, HearingForm.HEARING):
        raise TransitionError("请选择听证或听取意见")
    write(
        case,
        allowed=HEARABLE,
        changes={"hearing_on": on, "hearing_form": form},
        by=by,
        event="hearing_held",
        note=note,
        expect={"hearing_on__isnull": True},
    )
    # No notice recorded before the hearing: the clock closes on the hearing day (shown late).
    stop_if_open(case, specs_for(case).hearing_notice, on=on, by=by)


@transaction.atomic
def suspend(case: ReconsiderationCase, *, on: dt.date, reason: str, by: Any) -> None:
    require_state(case, SUSPENDABLE, "中止审理")
    not_before(on, case.accepted_on, "中止日期", "受理日期")
    not_after_today(on, "中止日期")
    if not reason.strip():
        raise TransitionError("中止审理须写明理由（行政复议法第三十九条所列情形）")
    write(
        case,
        allowed=SUSPENDABLE,
        changes={"state": State.SUSPENDED, "suspended_on": on, "suspension_reason": reason[:200]},
        by=by,
        event="suspended",
        note=reason,
    )
    clocks.pause(
        case, specs_for(case).decision, on=on, reason=reason, kind=PauseKind.SUSPENSION, by=by
    )
    sync_decision_due(case)


def state_after_suspension(case: ReconsiderationCase) -> str:
    if case.answered_on is not None:
        return State.UNDER_REVIEW
    if case.copy_sent_on is not None:
        return State.ANSWER_REQUESTED
    return State.ACCEPTED


@transaction.atomic
def resume(case: ReconsiderationCase, *, on: dt.date, by: Any, note: str = "") -> None:
    """恢复审理 on `on`: the days from the 中止 up to the day before count for nothing."""
    require_state(case, FROM_SUSPENDED, "恢复审理")
    not_before(on, case.suspended_on, "恢复审理日期", "中止日期")
    not_after_today(on, "恢复审理日期")
    write(
        case,
        allowed=FROM_SUSPENDED,
        changes={"state": state_after_suspension(case), "suspended_on": None},
        by=by,
        event="resumed",
        note=note,
    )
    clocks.resume(case, specs_for(case).decision, on=on, by=by)
    sync_decision_due(case)


@transaction.atomic
def extend(case: ReconsiderationCase, *, on: dt.date, days: int, by: Any, note: str = "") -> None:
    """延期审理, approved by the head; once, at most 30 days, on or before the due date."""
    require_state(case, EXTENDABLE, "延期")
    if case.is_simplified:
        raise TransitionError("简易程序案件不得延长审理期限（行政复议法第六十二条第二款）")
    if not by.has_perm("reconsideration.approve_case", case):
        raise TransitionError("延期须经行政复议机构负责人批准，您没有批准权限")
    if case.extended_on is not None:
        raise TransitionError("本案已延期一次，延长期限最多不超过30日")
    if not 1 <= days <= 30:
        raise TransitionError("延长日数应在1至30日之间")
    not_before(on, case.accepted_on, "批准延期日期", "受理日期")
    not_after_today(on, "批准延期日期")
    due = clocks.due(case, specs_for(case).decision)
    if due is not None and on > due:
        raise TransitionError(
            f"审理期限已于{due.year}年{due.month}月{due.day}日届满，不能再批准延期"
        )
    write(
        case,
        allowed=EXTENDABLE,
        changes={"extended_on": on, "extension_days": days, "extension_approved_by": by},
        by=by,
        event="extended",
        note=note,
        # Once only, never for the simplified procedure: checked again in the UPDATE itself.
        expect={"extended_on__isnull": True, "procedure": Procedure.ORDINARY},
    )
    clocks.extend(case, specs_for(case).decision, length=days, approved_by=str(by), on=on, by=by)
    sync_decision_due(case)


# --- 简易程序 → 普通程序 (2023 Art. 55) -------------------------------------------------------
SWITCHABLE = (State.ACCEPTED, State.ANSWER_REQUESTED, State.UNDER_REVIEW)


def _replace_clock(case: ReconsiderationCase, old: Any, new: Any, *, on: dt.date, by: Any) -> None:
    """Stop the simplified clock `old` on `on` and run the ordinary `new` from the same start,
    carrying its 中止 periods over (all closed: a suspended case cannot switch)."""
    clock = clocks.get(case, old)
    if clock is None or clock.start_on is None:
        return
    pauses = [(p.from_on, p.to_on, p.reason, p.kind) for p in clock.pauses.all()]
    was_open = clock.is_open
    if was_open:
        clocks.stop(case, old, on=max(on, clock.restart_on or clock.start_on), by=by)
    if not was_open:
        return  # e.g. the copy was already sent: nothing left to time
    clocks.start(case, new, on=clock.start_on, by=by)
    for from_on, to_on, reason, kind in pauses:
        if to_on is None:
            continue
        clocks.pause(case, new, on=from_on, reason=reason, kind=kind, by=by)
        clocks.resume(case, new, on=to_on + dt.timedelta(days=1), by=by)


@transaction.atomic
def switch_to_ordinary(case: ReconsiderationCase, *, on: dt.date, by: Any, note: str = "") -> None:
    """简易程序 → 普通程序, approved by the 复议机构 head (2023 Art. 55). The decision period
    becomes 60 days counted from the ORIGINAL acceptance date (statutes.md §2, UNCONFIRMED
    default), and an extension is then possible. Open simplified copy/answer periods are
    replaced by the ordinary ones from the same start (choice: the ordinary rules apply from
    the switch on)."""
    require_state(case, SWITCHABLE, "转为普通程序")
    if not case.is_simplified:
        raise TransitionError("本案适用普通程序，无需转换")
    if case.law_version != LawVersion.V2023:
        raise TransitionError("简易程序转普通程序适用2023年修订的行政复议法（第五十五条）")
    if not by.has_perm("reconsideration.approve_case", case):
        raise TransitionError("转为普通程序须经行政复议机构负责人批准，您没有批准权限")
    if not note.strip():
        raise TransitionError("请写明转为普通程序的理由（案情复杂，不宜适用简易程序）")
    not_before(on, case.accepted_on, "批准转换日期", "受理日期")
    not_after_today(on, "批准转换日期")
    simplified = specs_for(case)
    write(
        case,
        allowed=SWITCHABLE,
        changes={"procedure": Procedure.ORDINARY, "procedure_switched_on": on},
        by=by,
        event="procedure_switched",
        note=note,
        expect={"procedure": Procedure.SIMPLIFIED, "law_version": LawVersion.V2023},
    )
    ordinary = specs_for(case)
    _replace_clock(case, simplified.copy_to_respondent, ordinary.copy_to_respondent, on=on, by=by)
    _replace_clock(case, simplified.respondent_answer, ordinary.respondent_answer, on=on, by=by)
    # The decision clock always runs while the case is pending: 60 days from acceptance.
    _replace_clock(case, simplified.decision, ordinary.decision, on=on, by=by)
    sync_decision_due(case)


# --- 听证 notice (2023 Art. 51) ----------------------------------------------------------------
SCHEDULABLE = HEARABLE  # after the copy went out, as for holding the hearing


@transaction.atomic
def schedule_hearing(
    case: ReconsiderationCase,
    *,
    on: dt.date,
    by: Any,
    notice_on: dt.date | None = None,
    note: str = "",
) -> None:
    """Fix (or move) the hearing date `on`; the 听证通知 is due 5 working days before it
    (an advance-notice clock counted back from the hearing day). `notice_on`, if given, is the
    day the notice went out and stops the clock."""
    require_state(case, SCHEDULABLE, "安排听证")
    if case.hearing_on is not None:
        raise TransitionError("本案已登记听证，不能再安排")
    not_before(on, case.accepted_on, "听证日期", "受理日期")
    latest = hearing_horizon()
    if on > latest:
        raise TransitionError(
            f"听证日期（{cn_date(on)}）不能晚于{cn_date(latest)}：听证日期最迟只能安排在一年以内"
        )
    if notice_on is not None:
        not_before(notice_on, case.accepted_on, "听证通知日期", "受理日期")
        not_after_today(notice_on, "听证通知日期")
        if notice_on > on:
            raise TransitionError("听证通知日期不能晚于听证日期")
    moved = case.hearing_scheduled_on is not None
    write(
        case,
        allowed=SCHEDULABLE,
        changes={"hearing_scheduled_on": on, "hearing_notice_on": notice_on},
        by=by,
        event="hearing_rescheduled" if moved else "hearing_scheduled",
        note=note,
        # Not after a hearing was recorded, and not over someone else's move just now.
        expect={"hearing_on__isnull": True, "hearing_scheduled_on": case.hearing_scheduled_on},
    )
    spec = specs_for(case).hearing_notice
    if spec is None:
        return
    clock = clocks.get(case, spec)
    if clock is None or clock.start_on is None:
        clocks.start(case, spec, on=on, by=by)
    elif clock.is_open:
        clocks.restart(case, spec, on=on, by=by)  # the hearing moved: count back from the new day
    else:
        return  # notice already recorded for an earlier date; the history keeps the move
    if notice_on is not None:
        clocks.stop(case, spec, on=notice_on, by=by)
