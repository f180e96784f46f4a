"""Review of an accepted case: 送达副本（答复通知）, 答复, 听证, 中止/恢复, 延期, 简易转普通.

中止 pauses the decision clock (2023 Art. 39; excluded from the period, the usual reading).
延期 of at most 30 days is approved by the 复议机构 head (2023 Art. 62(1); under the 2017 text
the head of the 复议机关); the simplified procedure has no extension (Art. 62(2)).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from fazhi import clocks
from fazhi.casework.effects import schedule_notice
from fazhi.casework.transitions import (
    Ctx,
    Transition,
    TransitionError,
    not_after_today,
    notice_problem,
)
from fazhi.clocks.models import PauseKind
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import (
    HearingForm,
    LawVersion,
    Procedure,
    State,
    SuspensionGround,
)
from fazhi.ledgers.reconsideration.workflow.base import stop_if_open, sync_decision_due
from fazhi.lib.cn_date import cn_date

FROM_ACCEPTED = (State.ACCEPTED,)
FROM_ANSWER_REQUESTED = (State.ANSWER_REQUESTED,)
HEARABLE = (State.ANSWER_REQUESTED, State.UNDER_REVIEW)
SCHEDULABLE = HEARABLE  # after the copy went out, as for holding the hearing
SUSPENDABLE = (State.ACCEPTED, State.ANSWER_REQUESTED, State.UNDER_REVIEW)
EXTENDABLE = SUSPENDABLE
SWITCHABLE = SUSPENDABLE
FROM_SUSPENDED = (State.SUSPENDED,)
APPROVER = "行政复议机构负责人"


def _no_hearing_yet(case: ReconsiderationCase) -> str | None:
    return "本案已登记听证或听取意见" if case.hearing_on is not None else None


def _copy_sent(case: ReconsiderationCase, ctx: Ctx) -> None:
    specs = specs_for(case)
    assert ctx.on is not None
    stop_if_open(case, specs.copy_to_respondent, on=ctx.day, by=ctx.by)
    if ctx["served_on"] is not None:
        clocks.start(case, specs.respondent_answer, on=ctx["served_on"], by=ctx.by)


def _start_answer(case: ReconsiderationCase, served_on: dt.date, by: Any) -> None:
    clocks.start(case, specs_for(case).respondent_answer, on=served_on, by=by)


def _copy_service(case: ReconsiderationCase, ctx: Ctx) -> str | None:
    served_on = ctx["served_on"]
    if served_on is None:
        return None
    sent_on = ctx.on if case.copy_sent_on is None else case.copy_sent_on
    if sent_on is not None and served_on < sent_on:
        return f"被申请人收到副本日期（{cn_date(served_on)}）不能早于发送副本日期（{cn_date(sent_on)}）"
    try:
        not_after_today(served_on, "被申请人收到副本日期")
    except TransitionError as exc:
        return exc.message
    return None


# 申请书副本 and 答复通知书 sent to the respondent; its answer period starts.
send_copy = Transition(
    "send_copy",
    "发送申请书副本",
    FROM_ACCEPTED,
    State.ANSWER_REQUESTED,
    event="copy_sent",
    verb="发送申请书副本",
    date_field="copy_sent_on",
    date_label="发送申请书副本日期",
    after=(("accepted_on", "受理日期"),),
    inputs=("on", "served_on", "note"),
    checks=(_copy_service,),
    changes=lambda c, ctx: {"copy_served_on": ctx["served_on"]},
    effects=_copy_sent,
)

# The day the respondent received the copy, when not known as it went out: its answer period
# (10 working days, simplified 5; 2017: 10 days) starts (Arts. 48, 54; 2017 Art. 23).
serve_copy = Transition(
    "serve_copy",
    "登记副本送达",
    FROM_ANSWER_REQUESTED,
    event="copy_served",
    verb="登记副本送达",
    date_field="copy_served_on",
    date_label="被申请人收到副本日期",
    after=(("copy_sent_on", "发送副本日期"),),
    when=(
        lambda c: (
            f"被申请人已于{cn_date(c.copy_served_on)}收到副本"
            if c.copy_served_on is not None
            else None
        ),
    ),
    expect=lambda c: {"copy_served_on__isnull": True},
    effects=lambda c, ctx: _start_answer(c, ctx.day, ctx.by),
    style="outline-primary",
)

record_answer = Transition(
    "record_answer",
    "登记答复",
    FROM_ANSWER_REQUESTED,
    State.UNDER_REVIEW,
    event="answered",
    date_field="answered_on",
    date_label="收到答复日期",
    date_what="答复日期",
    after=(("copy_sent_on", "发送副本日期"),),
    effects=lambda c, ctx: stop_if_open(c, specs_for(c).respondent_answer, on=ctx.day, by=ctx.by),
)


def _no_opinions_record(case: ReconsiderationCase) -> str | None:
    if case.hearing_on is not None:
        return "本案已登记听证或听取意见"
    if case.opinions_prevented:
        return "本案已登记因当事人原因不能听取意见"
    return None


# Art. 49: the parties are heard in the ordinary procedure; "因当事人原因不能听取意见的，可以
# 书面审理" — recorded with the circumstances, it lets the decision go ahead.
record_opinions_prevented = Transition(
    "record_opinions_prevented",
    "不能听取意见（当事人原因）",
    HEARABLE,
    event="opinions_prevented",
    verb="登记不能听取意见",
    date_label="登记日期",
    after=(("copy_sent_on", "发送副本日期"),),
    note_required="请写明因当事人原因不能听取意见的情况（如多次联系未果、明确拒绝）",
    when=(_no_opinions_record,),
    changes=lambda c, ctx: {"opinions_prevented": True},
    expect=lambda c: {"hearing_on__isnull": True, "opinions_prevented": False},
    style="outline-secondary",
)


def _form_chosen(case: ReconsiderationCase, ctx: Ctx) -> str | None:
    if ctx["form"] not in (HearingForm.OPINIONS, HearingForm.HEARING):
        return "请选择听证或听取意见"
    return None


# 听证 or 听取意见 held (a record, not a change of state). No notice recorded before the
# hearing: the notice clock closes on the hearing day (shown late).
hold_hearing = Transition(
    "hold_hearing",
    "听证/听取意见",
    HEARABLE,
    event="hearing_held",
    verb="登记听证或听取意见",
    date_field="hearing_on",
    date_label="听证日期",
    after=(("copy_sent_on", "发送副本日期"),),
    inputs=("on", "form", "note"),
    when=(_no_hearing_yet,),
    checks=(_form_chosen,),
    changes=lambda c, ctx: {"hearing_form": ctx["form"]},
    expect=lambda c: {"hearing_on__isnull": True},
    effects=lambda c, ctx: stop_if_open(c, specs_for(c).hearing_notice, on=ctx.day, by=ctx.by),
    style="outline-primary",
)


def _ground_chosen(case: ReconsiderationCase, ctx: Ctx) -> str | None:
    if ctx["ground"] not in SuspensionGround.values:
        return "请选择中止审理的法定情形（行政复议法第三十九条第一款）"
    return None


def _pause_reason(ctx: Ctx) -> str:
    label = SuspensionGround(ctx["ground"]).label
    detail = (ctx["reason"] or "").strip()
    return f"{label}：{detail}" if detail else label


def _suspended(case: ReconsiderationCase, ctx: Ctx) -> None:
    assert ctx.on is not None
    clocks.pause(
        case,
        specs_for(case).decision,
        on=ctx.on,
        reason=_pause_reason(ctx)[:200],
        kind=PauseKind.SUSPENSION,
        by=ctx.by,
    )
    sync_decision_due(case)


suspend = Transition(
    "suspend",
    "中止审理",
    SUSPENDABLE,
    State.SUSPENDED,
    event="suspended",
    date_field="suspended_on",
    date_label="中止日期",
    after=(("accepted_on", "受理日期"),),
    inputs=("on", "ground", "reason"),
    fields={
        "ground": forms.ChoiceField(
            label="中止情形（第三十九条第一款）", choices=SuspensionGround.choices
        ),
        "reason": forms.CharField(label="具体情况", max_length=200, required=False),
    },
    checks=(_ground_chosen,),
    changes=lambda c, ctx: {
        "suspension_ground": ctx["ground"],
        "suspension_reason": (ctx["reason"] or "").strip()[:200],
    },
    history_note=lambda c, ctx: _pause_reason(ctx),
    effects=_suspended,
    style="outline-warning",
)


def state_after_suspension(case: ReconsiderationCase) -> str:
    if case.answered_on is not None:
        return State.UNDER_REVIEW
    if case.copy_sent_on is not None:
        return State.ANSWER_REQUESTED
    return State.ACCEPTED


def _resumed(case: ReconsiderationCase, ctx: Ctx) -> None:
    assert ctx.on is not None
    clocks.resume(case, specs_for(case).decision, on=ctx.day, by=ctx.by)
    sync_decision_due(case)


# 恢复审理 on `on`: the days from the 中止 up to the day before count for nothing.
resume = Transition(
    "resume",
    "恢复审理",
    FROM_SUSPENDED,
    state_after_suspension,
    event="resumed",
    date_label="恢复审理日期",
    after=(("suspended_on", "中止日期"),),
    changes=lambda c, ctx: {"suspended_on": None},
    effects=_resumed,
)


def _not_simplified(case: ReconsiderationCase) -> str | None:
    if case.is_simplified:
        return "简易程序案件不得延长审理期限（行政复议法第六十二条第二款）"
    return None


def _not_extended(case: ReconsiderationCase) -> str | None:
    if case.extended_on is not None:
        return "本案已延期一次，延长期限最多不超过30日"
    return None


def _days(case: ReconsiderationCase, ctx: Ctx) -> str | None:
    days = ctx["days"]
    if not isinstance(days, int) or not 1 <= days <= 30:
        return "延长日数应在1至30日之间"
    return None


def _before_due(case: ReconsiderationCase, ctx: Ctx) -> str | None:
    due = clocks.due(case, specs_for(case).decision)
    if due is not None and ctx.on is not None and ctx.on > due:
        return f"审理期限已于{due.year}年{due.month}月{due.day}日届满，不能再批准延期"
    return None


def _extended(case: ReconsiderationCase, ctx: Ctx) -> None:
    assert ctx.on is not None
    clocks.extend(
        case,
        specs_for(case).decision,
        length=ctx["days"],
        approved_by=str(ctx.by),
        on=ctx.on,
        by=ctx.by,
    )
    sync_decision_due(case)


# 延期审理, approved by the head; once, at most 30 days, on or before the due date.
extend = Transition(
    "extend",
    "批准延期",
    EXTENDABLE,
    event="extended",
    verb="延期",
    perm="approve",
    perm_message=f"延期须经{APPROVER}批准（2017年修正文本的案件须经行政复议机关负责人批准），您没有批准权限",
    date_field="extended_on",
    date_label="批准延期日期",
    after=(("accepted_on", "受理日期"),),
    inputs=("on", "days", "note"),
    when=(_not_simplified, _not_extended),
    checks=(_days, _before_due),
    changes=lambda c, ctx: {"extension_days": ctx["days"], "extension_approved_by": ctx.by},
    # Once only, never for the simplified procedure: checked again in the UPDATE itself.
    expect=lambda c: {"extended_on__isnull": True, "procedure": Procedure.ORDINARY},
    effects=_extended,
    style="outline-warning",
)

# --- 第三人 (Art. 16) ------------------------------------------------------------------------

PARTICIPABLE = (State.ACCEPTED, State.ANSWER_REQUESTED, State.UNDER_REVIEW, State.SUSPENDED)


def _third_party_named(case: ReconsiderationCase, ctx: Ctx) -> str | None:
    name = (ctx["name"] or "").strip()
    if not name:
        return "请填写第三人姓名（名称）"
    if len(name) > 100:
        return "第三人姓名（名称）不能超过100个字"
    if case.third_parties.filter(name=name).exists():
        return f"{name}已是本案第三人"
    return None


def _third_party_added(case: ReconsiderationCase, ctx: Ctx) -> None:
    from fazhi.ledgers.reconsideration.models import ThirdParty

    row = ThirdParty(
        case=case, name=ctx["name"].strip(), joined_on=ctx.day, notified=bool(ctx["notified"])
    )
    row._history_user = ctx.by  # type: ignore[attr-defined]
    row.save()


# A 第三人 applies to take part, or the 复议机构 notifies it (Art. 16); the notices to the
# parties (中止/恢复, 延期, 听证, 终止, 调解书) are then addressed to it as well.
add_third_party = Transition(
    "add_third_party",
    "追加第三人",
    PARTICIPABLE,
    event="third_party_added",
    verb="追加第三人",
    date_label="参加日期",
    after=(("accepted_on", "受理日期"),),
    inputs=("on", "name", "notified", "note"),
    fields={
        "name": forms.CharField(label="第三人姓名（名称）", max_length=100),
        "notified": forms.BooleanField(
            label="由行政复议机构通知参加（否则为申请参加）", required=False
        ),
    },
    checks=(_third_party_named,),
    history_note=lambda c, ctx: (
        f"{'通知' if ctx['notified'] else '准许'}{ctx['name'].strip()}作为第三人参加行政复议"
        + (f"：{ctx.note}" if ctx.note else "")
    ),
    effects=_third_party_added,
    style="outline-secondary",
)

# --- 延期 request → approval loop -------------------------------------------------------------


def _no_pending_request(case: ReconsiderationCase) -> str | None:
    if case.extension_pending:
        assert case.extension_requested_on is not None
        return f"本案已于{cn_date(case.extension_requested_on)}申请延期，待{APPROVER}审批"
    return None


def _pending_request(case: ReconsiderationCase) -> str | None:
    return None if case.extension_pending else "本案没有待审批的延期申请"


# The 承办人 asks for 延期 with reasons; the head approves (`extend`) or refuses. Both decisions
# are history entries; pending requests are listed on the head's home page (panels.py).
request_extension = Transition(
    "request_extension",
    "申请延期",
    EXTENDABLE,
    event="extension_requested",
    verb="申请延期",
    date_field="extension_requested_on",
    date_label="申请日期",
    after=(("accepted_on", "受理日期"),),
    inputs=("on", "days", "note"),
    note_required="请写明申请延期的理由（情况复杂、不能在规定期限内作出决定的具体情况）",
    when=(_not_simplified, _not_extended, _no_pending_request),
    checks=(_days, _before_due),
    changes=lambda c, ctx: {
        "extension_request_days": ctx["days"],
        "extension_request_reason": ctx.note[:300],
        "extension_requested_by": ctx.by,
    },
    history_note=lambda c, ctx: f"申请延长{ctx['days']}日：{ctx.note}",
    expect=lambda c: {
        "extended_on__isnull": True,
        "extension_requested_on__isnull": True,
        "procedure": Procedure.ORDINARY,
    },
    style="outline-warning",
)

refuse_extension = Transition(
    "refuse_extension",
    "不批准延期",
    EXTENDABLE,
    event="extension_refused",
    verb="审批延期申请",
    perm="approve",
    perm_message=f"延期申请须由{APPROVER}审批，您没有批准权限",
    date_label="审批日期",
    after=(("extension_requested_on", "延期申请日期"),),
    note_required="请写明不批准延期的理由",
    when=(_pending_request,),
    changes=lambda c, ctx: {
        "extension_requested_on": None,
        "extension_request_days": None,
        "extension_request_reason": "",
        "extension_requested_by": None,
    },
    history_note=lambda c, ctx: f"不批准{c.extension_request_days}日延期申请：{ctx.note}",
    expect=lambda c: {
        "extension_requested_on": c.extension_requested_on,
        "extended_on__isnull": True,
    },
    style="outline-danger",
)

# --- 简易程序 → 普通程序 (2023 Art. 55) -------------------------------------------------------


def _replace_clock(case: ReconsiderationCase, old: Any, new: Any, *, on: dt.date, by: Any) -> None:
    """Stop the simplified clock `old` on `on` and run the ordinary `new` from the same start,
    carrying its 中止 periods over (all closed: a suspended case cannot switch)."""
    clock = clocks.get(case, old)
    if clock is None or clock.start_on is None:
        return
    pauses = [(p.from_on, p.to_on, p.reason, p.kind) for p in clock.pauses.all()]
    if not clock.is_open:
        return  # e.g. the copy was already sent: nothing left to time
    clocks.stop(case, old, on=max(on, clock.restart_on or clock.start_on), by=by)
    clocks.start(case, new, on=clock.start_on, by=by)
    for from_on, to_on, reason, kind in pauses:
        if to_on is None:
            continue
        clocks.pause(case, new, on=from_on, reason=reason, kind=kind, by=by)
        clocks.resume(case, new, on=to_on + dt.timedelta(days=1), by=by)


def _switched(case: ReconsiderationCase, ctx: Ctx) -> None:
    """The decision period becomes 60 days counted from the ORIGINAL acceptance date
    (statutes.md §2, UNCONFIRMED default), and an extension is then possible. Open simplified
    copy/answer periods are replaced by the ordinary ones from the same start (choice: the
    ordinary rules apply from the switch on)."""
    assert ctx.on is not None
    from fazhi.ledgers.reconsideration.clocks import specs_for_version

    simplified = specs_for_version(case.law_version, Procedure.SIMPLIFIED)
    ordinary = specs_for(case)
    for name in ("copy_to_respondent", "respondent_answer", "decision"):
        _replace_clock(
            case, getattr(simplified, name), getattr(ordinary, name), on=ctx.on, by=ctx.by
        )
    sync_decision_due(case)


switch_to_ordinary = Transition(
    "switch_to_ordinary",
    "转为普通程序",
    SWITCHABLE,
    event="procedure_switched",
    perm="approve",
    perm_message=f"转为普通程序须经{APPROVER}批准，您没有批准权限",
    date_field="procedure_switched_on",
    date_label="批准日期",
    date_what="批准转换日期",
    after=(("accepted_on", "受理日期"),),
    note_required="请写明转为普通程序的理由（案情复杂，不宜适用简易程序）",
    when=(
        lambda c: None if c.is_simplified else "本案适用普通程序，无需转换",
        lambda c: (
            None
            if c.law_version == LawVersion.V2023
            else "简易程序转普通程序适用2023年修订的行政复议法（第五十五条）"
        ),
    ),
    changes=lambda c, ctx: {"procedure": Procedure.ORDINARY},
    expect=lambda c: {"procedure": Procedure.SIMPLIFIED, "law_version": LawVersion.V2023},
    effects=_switched,
    style="outline-warning",
)

# --- 听证 notice (2023 Art. 51) ----------------------------------------------------------------


def _notice_date(case: ReconsiderationCase, ctx: Ctx) -> str | None:
    return notice_problem(
        ctx["notice_on"],
        what="听证通知日期",
        earliest=case.accepted_on,
        earliest_what="受理日期",
        event_on=ctx.on,
        event_what="听证日期",
    )


def _scheduled(case: ReconsiderationCase, ctx: Ctx) -> None:
    schedule_notice(
        case,
        specs_for(case).hearing_notice,
        event_on=ctx.day,
        notice_on=ctx["notice_on"],
        by=ctx.by,
    )


# Fix (or move) the hearing date `on`; the 听证通知 is due 5 working days before it (an
# advance-notice clock counted back from the hearing day). `notice_on`, if given, is the day
# the notice went out and stops the clock.
schedule_hearing = Transition(
    "schedule_hearing",
    "安排听证",
    SCHEDULABLE,
    event=lambda c: "hearing_rescheduled" if c.hearing_scheduled_on else "hearing_scheduled",
    date_field="hearing_scheduled_on",
    date_label="听证日期",
    after=(("accepted_on", "受理日期"),),
    ahead=True,
    inputs=("on", "notice_on", "note"),
    when=(lambda c: "本案已登记听证，不能再安排" if c.hearing_on is not None else None,),
    checks=(_notice_date,),
    changes=lambda c, ctx: {"hearing_notice_on": ctx["notice_on"]},
    # Not after a hearing was recorded, and not over someone else's move just now.
    expect=lambda c: {"hearing_on__isnull": True, "hearing_scheduled_on": c.hearing_scheduled_on},
    effects=_scheduled,
    style="outline-primary",
)
