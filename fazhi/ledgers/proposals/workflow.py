"""Transitions of a suggestion or proposal, declared on the casework engine: 登记 → 交办 →
(认定难度较大) → 见面沟通 → 答复 → 评价; a 不满意 rating reopens the item (重办) once, and the
re-handled reply is rated again and recorded as it is."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from fazhi import clocks
from fazhi.casework.due import DueCache
from fazhi.casework.effects import stop_if_open
from fazhi.casework.numbering import Numbering, register_row
from fazhi.casework.transitions import Ctx, Transition, TransitionError, not_after_today
from fazhi.ledgers.proposals.clocks import REHANDLE, reply_spec
from fazhi.ledgers.proposals.models import CO_SEPARATOR, Proposal
from fazhi.ledgers.proposals.states import (
    HANDLING,
    Category,
    ContactMethod,
    Rating,
    State,
)
from fazhi.lib.cn_date import cn_date

NUMBERING = Numbering("建提")  # 示建提〔2025〕3号
DUE = DueCache(
    clocks=frozenset({"reply", REHANDLE.name}),
    field="reply_due_on",
    flag_field="reply_due_flag_year",
    label="答复期限",
    states=frozenset(HANDLING),
    current=lambda p: REHANDLE.name if p.rehandle_count else "reply",
)


def co_department_problem(jurisdiction_id: int, names: str) -> str:
    """协办单位: departments of the jurisdiction, by name."""
    from fazhi.org.models import Department

    wanted = [n.strip() for n in names.split(CO_SEPARATOR) if n.strip()]
    known = set(
        Department.objects.filter(jurisdiction_id=jurisdiction_id, name__in=wanted).values_list(
            "name", flat=True
        )
    )
    missing = [n for n in wanted if n not in known]
    return f"本区划没有名为“{'、'.join(missing)}”的部门" if missing else ""


@transaction.atomic
def receive(item: Proposal, *, by: Any, children: Any = ()) -> Proposal:
    """登记: the 登记编号 of the year the item was received; the clock starts at 交办."""
    if item.pk is not None:
        raise TransitionError("该件已登记")
    if item.received_on is None:
        raise TransitionError("请填写收到日期")
    not_after_today(item.received_on, "收到日期")
    for dept in (item.lead_department, item.office):
        if dept.jurisdiction_id != item.jurisdiction_id:
            raise TransitionError(f"“{dept.name}”不属于本区划")
    problem = co_department_problem(item.jurisdiction_id, item.co_departments)
    if problem:
        raise TransitionError(f"协办单位：{problem}")
    item.state = State.REGISTERED
    register_row(item, NUMBERING, year=item.received_on.year, by=by)
    return item


def spec_of(item: Proposal) -> Any:
    assert item.assigned_on is not None
    return reply_spec(item.kind, item.assigned_on)


# --- 交办 ---------------------------------------------------------------------------------------


def _assigned(item: Proposal, ctx: Ctx) -> None:
    clocks.start(item, reply_spec(item.kind, ctx.day), on=ctx.day, by=ctx.by)
    DUE.refresh(item)


assign = Transition(
    "assign",
    "交办",
    (State.REGISTERED,),
    State.ASSIGNED,
    event="assigned",
    date_field="assigned_on",
    date_label="交办日期",
    after=(("received_on", "收到日期"),),
    effects=_assigned,
)

# --- 认定难度较大（六个月） ------------------------------------------------------------------------


def _difficult_in_advance(item: Proposal, ctx: Ctx) -> str | None:
    due = clocks.due(item, spec_of(item))
    if due is not None and ctx.day > due:
        return (
            f"难度较大件须在三个月答复期限届满（{cn_date(due)}）前事先认定并说明理由，"
            "期限届满后不能再延长"
        )
    return None


def _marked_difficult(item: Proposal, ctx: Ctx) -> None:
    clocks.extend(
        item,
        spec_of(item),
        length=3,
        approved_by=getattr(ctx.by, "name", "") or str(ctx.by),
        on=ctx.day,
        by=ctx.by,
    )
    DUE.refresh(item)


mark_difficult = Transition(
    "mark_difficult",
    "认定为难度较大件",
    (State.ASSIGNED,),
    event="marked_difficult",
    event_label="认定为难度较大件（答复期限延至六个月）",
    perm="approve",
    perm_message="难度较大件须由交办单位认定，您没有该权限",
    date_field="difficult_marked_on",
    date_label="认定日期",
    after=(("assigned_on", "交办日期"),),
    note_required="请填写涉及面广、处理难度大的具体理由（须事先说明）",
    note_field="difficult_reason",
    when=(lambda p: "该件已认定为难度较大件" if p.difficult else None,),
    checks=(_difficult_in_advance,),
    changes=lambda p, ctx: {"difficult": True},
    expect=lambda p: {"difficult": False},
    effects=_marked_difficult,
    style="outline-warning",
)

# --- 见面沟通 -----------------------------------------------------------------------------------

contact = Transition(
    "contact",
    "登记见面沟通",
    HANDLING,
    event="contacted",
    date_field="contacted_on",
    date_label="见面沟通日期",
    after=(("assigned_on", "交办日期"),),
    inputs=("on", "contact_method", "note"),
    checks=(
        lambda p, ctx: None if ctx["contact_method"] in ContactMethod.values else "请选择沟通方式",
    ),
    changes=lambda p, ctx: {"contact_method": ctx["contact_method"]},
    style="outline-primary",
)

# --- 答复 ---------------------------------------------------------------------------------------


def _contacted(item: Proposal) -> str | None:
    who = item.author_word
    if item.contacted_on is None:
        return f"答复前须先与{who}见面沟通，请先登记见面沟通"
    if item.rehandle_count and item.rated_on and item.contacted_on < item.rated_on:
        return f"重新办理的，答复前须再次与{who}见面沟通，请登记本次沟通"
    return None


def _reply_checks(item: Proposal, ctx: Ctx) -> str | None:
    if ctx["category"] not in Category.values:
        return "请选择答复类别（A类、B类或C类）"
    return None


def _replied(item: Proposal, ctx: Ctx) -> None:
    spec = REHANDLE if item.rehandle_count else spec_of(item)
    stop_if_open(item, spec, on=ctx.day, by=ctx.by)


reply = Transition(
    "reply",
    "答复",
    HANDLING,
    State.REPLIED,
    event="replied",
    date_field="replied_on",
    date_label="答复日期",
    after=(("assigned_on", "交办日期"), ("contacted_on", "见面沟通日期")),
    inputs=("on", "category", "note"),
    when=(_contacted,),
    checks=(_reply_checks,),
    changes=lambda p, ctx: {
        "category": ctx["category"],
        "first_replied_on": p.first_replied_on or ctx.on,
    },
    history_note=lambda p, ctx: f"{Category(ctx['category']).label}答复 {ctx.note}".strip(),
    effects=_replied,
    style="success",
)

# --- 评价 ---------------------------------------------------------------------------------------


def _rating_checks(item: Proposal, ctx: Ctx) -> str | None:
    rating = ctx["rating"]
    if rating not in Rating.values:
        return "请选择评价（满意、基本满意或不满意）"
    if rating == Rating.DISSATISFIED and not item.rehandle_count:
        return f"{item.author_word}对答复不满意的，应重新办理，请使用“评价不满意（重办）”"
    return None


rate = Transition(
    "rate",
    "登记评价",
    (State.REPLIED,),
    State.CONCLUDED,
    event="rated",
    date_field="rated_on",
    date_label="评价日期",
    after=(("replied_on", "答复日期"),),
    inputs=("on", "rating", "note"),
    checks=(_rating_checks,),
    changes=lambda p, ctx: {"rating": ctx["rating"]},
    history_note=lambda p, ctx: f"评价：{Rating(ctx['rating']).label}",
)


def _reopened(item: Proposal, ctx: Ctx) -> None:
    clocks.start(item, REHANDLE, on=ctx.day, by=ctx.by)
    DUE.refresh(item)


reopen = Transition(
    "reopen",
    "评价不满意（重办）",
    (State.REPLIED,),
    State.REHANDLING,
    event="reopened",
    date_field="rated_on",
    date_label="评价日期",
    after=(("replied_on", "答复日期"),),
    note_required="请填写代表（委员）不满意的具体意见",
    when=(
        lambda p: (
            "该件已重新办理过一次，再次评价请使用“登记评价”如实记录" if p.rehandle_count else None
        ),
    ),
    changes=lambda p, ctx: {"rating": Rating.DISSATISFIED, "rehandle_count": p.rehandle_count + 1},
    expect=lambda p: {"rehandle_count": p.rehandle_count},
    effects=_reopened,
    style="outline-danger",
)

TRANSITIONS = [assign, mark_difficult, contact, reply, rate, reopen]
