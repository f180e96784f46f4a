"""The procedure of a major decision, declared on the casework engine (国务院令第713号):

列入目录 → [公开征求意见 → 结束征求意见] [听证] [专家论证] [风险评估] → 送请合法性审查 →
出具审查意见 → 集体讨论 → 行政首长作出决定 → [决策后评估]; or 调出目录 with its reason.

The gate: “作出决定” is refused until 合法性审查 and 集体讨论 are recorded and every step the row
says it requires is done; the refusal names each missing step."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from fazhi import clocks
from fazhi.casework.due import DueCache
from fazhi.casework.effects import schedule_notice, stop_if_open
from fazhi.casework.numbering import Numbering, register_row
from fazhi.casework.transitions import Ctx, Transition, TransitionError, not_after_today
from fazhi.clocks.engine import advance_notice, compute
from fazhi.ledgers.major_decisions.clocks import COMMENT_WINDOW, HEARING_MATERIALS, LEGALITY_REVIEW
from fazhi.ledgers.major_decisions.models import MajorDecision
from fazhi.ledgers.major_decisions.states import UNDECIDED, CounselKind, ReviewResult, State
from fazhi.lib.cn_date import cn_date

NUMBERING = Numbering("决策")  # 示决策〔2025〕3号
DUE = DueCache(
    clocks=frozenset({LEGALITY_REVIEW.name}),
    field="review_due_on",
    flag_field="review_due_flag_year",
    label="合法性审查期间",
    states=frozenset({State.LEGALITY_REVIEW}),
)


def intake_problem(d: MajorDecision) -> str:
    """What the registration form and the import check too: the catalog, the reasons."""
    catalog = d.catalog
    if catalog is not None and catalog.jurisdiction_id != d.jurisdiction_id:
        return "所选目录不属于本区划"
    if (
        catalog is not None
        and catalog.published_on is not None
        and d.listed_on is not None
        and d.listed_on > catalog.published_on
        and not d.added_reason.strip()
    ):
        return f"目录已于{cn_date(catalog.published_on)}公布，公布后增补的事项请填写增补理由"
    if not d.participation_required and not d.not_public_reason.strip():
        return "不公开征求意见的，请说明依法不予公开的理由（第十四条）"
    return ""


@transaction.atomic
def receive(d: MajorDecision, *, by: Any, children: Any = ()) -> MajorDecision:
    """列入目录（启动）: the number, of the listing year."""
    if d.pk is not None:
        raise TransitionError("该决策事项已登记")
    if d.listed_on is None:
        raise TransitionError("请填写列入目录（启动）日期")
    not_after_today(d.listed_on, "列入目录（启动）日期")
    problem = intake_problem(d)
    if problem:
        raise TransitionError(problem)
    d.state = State.DRAFTING
    register_row(d, NUMBERING, year=d.listed_on.year, by=by)
    return d


# --- 公众参与 (Arts. 14–18) ----------------------------------------------------------------------


def comment_window_end(start: Any) -> Any:
    """The earliest day a comment period opened on `start` may close (the clock's due date)."""
    return compute(start, COMMENT_WINDOW.length, COMMENT_WINDOW.unit).due_on


def _window_checks(d: MajorDecision, ctx: Ctx) -> str | None:
    until = ctx["comment_until"]
    if until is None:
        return "请填写公开征求意见截止日期"
    if ctx.on is not None and until <= ctx.on:
        return "公开征求意见截止日期应晚于开始日期"
    earliest = comment_window_end(ctx.on)
    reason = (ctx["short_window_reason"] or "").strip()
    if earliest is not None and until < earliest and not reason:
        return (
            f"公开征求意见的期限一般不少于30日：自{cn_date(ctx.on)}起，截止日期不得早于"
            f"{cn_date(earliest)}；确需缩短的，请填写缩短期限的理由（第十五条）"
        )
    return None


def record_window(d: MajorDecision, start: Any, until: Any, *, by: Any) -> None:
    """The comment window is a minimum, not a deadline anyone must meet: its clock is computed
    (with its explanation) and closed at once with the announced end as its label, so the
    deadline board never lists it; closing the consultation early is refused instead."""
    clocks.start(d, COMMENT_WINDOW, on=start, by=by)
    earliest = comment_window_end(start)
    short = earliest is not None and until < earliest
    label = f"征求意见至{cn_date(until)}" + ("（缩短，已说明理由）" if short else "")
    clocks.stop(d, COMMENT_WINDOW, on=start, by=by, outcome_label=label)


def _needs_participation(d: MajorDecision) -> str | None:
    if not d.participation_required:
        return "该决策事项依法不公开征求意见"
    if d.comment_closed_on is not None:
        return "该决策事项已完成公开征求意见"
    return None


open_consultation = Transition(
    "open_consultation",
    "公开征求意见",
    (State.DRAFTING,),
    State.PUBLIC_PARTICIPATION,
    event="consultation_opened",
    date_field="comment_from",
    date_label="公开征求意见开始日期",
    after=(("listed_on", "列入目录日期"),),
    inputs=("on", "comment_until", "short_window_reason", "note"),
    when=(_needs_participation,),
    checks=(_window_checks,),
    changes=lambda d, ctx: {
        "comment_until": ctx["comment_until"],
        "short_window_reason": (ctx["short_window_reason"] or "").strip()[:300],
    },
    effects=lambda d, ctx: record_window(d, ctx.day, ctx["comment_until"], by=ctx.by),
    style="outline-primary",
)


def _close_checks(d: MajorDecision, ctx: Ctx) -> str | None:
    if d.comment_until is not None and ctx.on is not None and ctx.on < d.comment_until:
        return f"公开征求意见截止日期（{cn_date(d.comment_until)}）前不能结束征求意见"
    n = ctx["comments_received"]
    if n is None or n < 0:
        return "请填写收到的意见条数（没有的填0）"
    return None


close_consultation = Transition(
    "close_consultation",
    "结束征求意见",
    (State.PUBLIC_PARTICIPATION,),
    State.DRAFTING,
    event="consultation_closed",
    date_field="comment_closed_on",
    date_label="征求意见结束日期",
    after=(("comment_from", "公开征求意见开始日期"),),
    inputs=("on", "comments_received", "note"),
    checks=(_close_checks,),
    changes=lambda d, ctx: {"comments_received": ctx["comments_received"]},
    effects=lambda d, ctx: stop_if_open(d, COMMENT_WINDOW, on=ctx.day, by=ctx.by),  # old rows
)


def _hearing_checks(d: MajorDecision, ctx: Ctx) -> str | None:
    materials = ctx["hearing_materials_on"]
    if materials is None:
        return "请填写听证材料公布日期"
    if ctx.on is not None and materials > ctx.on:
        return "听证材料公布日期不能晚于听证会日期"
    latest = advance_notice(ctx.day, HEARING_MATERIALS.length, HEARING_MATERIALS.unit).due_on
    if latest is not None and materials > latest and not ctx.note.strip():
        return (
            f"听证材料应当于听证会7日前公布（最迟{cn_date(latest)}）；"
            "未按期公布的，请在说明中写明理由"
        )
    return None


hold_hearing = Transition(
    "hold_hearing",
    "记录听证会",
    (State.DRAFTING, State.PUBLIC_PARTICIPATION),
    event="hearing_held",
    date_field="hearing_on",
    date_label="听证会日期",
    after=(("listed_on", "列入目录日期"),),
    inputs=("on", "hearing_materials_on", "note"),
    when=(lambda d: "已记录听证会" if d.hearing_on else None,),
    checks=(_hearing_checks,),
    changes=lambda d, ctx: {"hearing_materials_on": ctx["hearing_materials_on"]},
    expect=lambda d: {"hearing_on__isnull": True},
    effects=lambda d, ctx: schedule_notice(
        d, HEARING_MATERIALS, event_on=ctx.day, notice_on=ctx["hearing_materials_on"], by=ctx.by
    ),
    style="outline-primary",
)

# --- 专家论证 (19–21), 风险评估 (22–24) ------------------------------------------------------------

expert_review = Transition(
    "expert_review",
    "记录专家论证",
    UNDECIDED,  # a late (补充) 论证 before the meeting is recorded too
    event="expert_reviewed",
    date_field="expert_reviewed_on",
    date_label="专家论证日期",
    after=(("listed_on", "列入目录日期"),),
    note_field="expert_opinion",
    when=(lambda d: "已记录专家论证" if d.expert_reviewed_on else None,),
    expect=lambda d: {"expert_reviewed_on__isnull": True},
    style="outline-primary",
)

risk_assessment = Transition(
    "risk_assessment",
    "记录风险评估",
    UNDECIDED,  # a late (补充) 评估 before the meeting unblocks the decision
    event="risk_assessed",
    date_field="risk_assessed_on",
    date_label="风险评估日期",
    after=(("listed_on", "列入目录日期"),),
    note_field="risk_conclusion",
    when=(lambda d: "已记录风险评估" if d.risk_assessed_on else None,),
    expect=lambda d: {"risk_assessed_on__isnull": True},
    style="outline-primary",
)

# --- 合法性审查 (25–28) ----------------------------------------------------------------------------


def review_window_end(submitted: Any) -> Any:
    """The earliest review deadline a submission on `submitted` may give (7 working days)."""
    return compute(submitted, LEGALITY_REVIEW.length, LEGALITY_REVIEW.unit).due_on


def _deadline_checks(d: MajorDecision, ctx: Ctx) -> str | None:
    deadline = ctx["review_deadline"]
    if deadline is None:
        return "请填写给予合法性审查机构的审查期限"
    earliest = review_window_end(ctx.on)
    if earliest is None:
        return f"{ctx.day.year}年节假日安排尚未确认，暂不能计算7个工作日的审查时间"
    if deadline < earliest:
        return (
            f"合法性审查时间一般不少于7个工作日：{cn_date(ctx.on)}送审的，审查期限不得早于"
            f"{cn_date(earliest)}（第二十六条）"
        )
    return None


def _participation_done(d: MajorDecision) -> str | None:
    """The draft goes to review as it stands after the public's comments (Arts. 14–18, 25)."""
    if d.participation_required and d.comment_closed_on is None:
        return "需公开征求意见的决策事项，结束征求意见后方可送请合法性审查"
    return None


def _submitted(d: MajorDecision, ctx: Ctx) -> None:
    clocks.start(d, LEGALITY_REVIEW, on=ctx.day, by=ctx.by)
    DUE.refresh(d)


submit_review = Transition(
    "submit_review",
    "送请合法性审查",
    (State.DRAFTING,),
    State.LEGALITY_REVIEW,
    event="review_requested",
    date_field="legality_submitted_on",
    date_label="送审日期",
    after=(("listed_on", "列入目录日期"), ("comment_closed_on", "征求意见结束日期")),
    inputs=("on", "review_deadline", "note"),
    when=(_participation_done,),
    checks=(_deadline_checks,),
    changes=lambda d, ctx: {"review_deadline": ctx["review_deadline"]},
    effects=_submitted,
)


def _opinion_checks(d: MajorDecision, ctx: Ctx) -> str | None:
    if ctx["legality_result"] not in ReviewResult.values:
        return "请选择合法性审查结论"
    kind = ctx["counsel_kind"] or CounselKind.NONE
    if kind not in CounselKind.values:
        return "请选择是否听取法律顾问、公职律师意见"
    if kind != CounselKind.NONE and not (ctx["counsel_name"] or "").strip():
        return "听取了法律顾问或公职律师意见的，请填写其姓名"
    return None


def _reviewed(d: MajorDecision, ctx: Ctx) -> None:
    stop_if_open(d, LEGALITY_REVIEW, on=ctx.day, by=ctx.by)
    DUE.refresh(d)


record_review = Transition(
    "record_review",
    "出具合法性审查意见",
    (State.LEGALITY_REVIEW,),
    State.COLLECTIVE_DECISION,
    event="legality_reviewed",
    date_field="legality_reviewed_on",
    date_label="出具审查意见日期",
    after=(("legality_submitted_on", "送审日期"),),
    inputs=("on", "legality_result", "counsel_kind", "counsel_name", "note"),
    note_required="请填写合法性审查意见",
    note_field="legality_opinion",
    checks=(_opinion_checks,),
    perm="review",
    perm_message="合法性审查意见由合法性审查机构（司法局）出具",
    changes=lambda d, ctx: {
        "legality_result": ctx["legality_result"],
        "counsel_kind": ctx["counsel_kind"] or CounselKind.NONE,
        "counsel_name": (ctx["counsel_name"] or "").strip()[:60],
    },
    effects=_reviewed,
    style="success",
)

# --- 集体讨论决定 (29–30), 后评估 (36) ---------------------------------------------------------------


def _unlawful(d: MajorDecision) -> str | None:
    if d.legality_result == ReviewResult.UNLAWFUL:
        return "决策草案经合法性审查不合法，不得提交集体讨论（第二十五条）"
    return None


def _meeting_checks(d: MajorDecision, ctx: Ctx) -> str | None:
    if not (ctx["meeting_name"] or "").strip():
        return "请填写集体讨论的会议名称（如县政府常务会议）"
    if not (ctx["attendees"] or "").strip():
        return "请填写出席人员"
    return None


discuss = Transition(
    "discuss",
    "记录集体讨论",
    (State.COLLECTIVE_DECISION,),
    event="discussed",
    date_field="discussed_on",
    date_label="集体讨论日期",
    after=(("legality_reviewed_on", "出具合法性审查意见日期"),),
    inputs=("on", "meeting_name", "attendees", "dissent", "note"),
    when=(_unlawful, lambda d: "已记录集体讨论" if d.discussed_on else None),
    checks=(_meeting_checks,),
    changes=lambda d, ctx: {
        "meeting_name": ctx["meeting_name"].strip()[:100],
        "attendees": ctx["attendees"].strip()[:300],
        "dissent": (ctx["dissent"] or "").strip(),
    },
    expect=lambda d: {"discussed_on__isnull": True},
    style="outline-primary",
)


def decision_gate(d: MajorDecision) -> str | None:
    """Why “作出决定” is refused now, naming every missing step; None when it may be made."""
    missing = d.missing_steps()
    if missing:
        return (
            f"尚未完成{'、'.join(missing)}，不能作出决定"
            "（《重大行政决策程序暂行条例》第二十五条、第三十条）"
        )
    return _unlawful(d)


def _decided(d: MajorDecision, ctx: Ctx) -> None:
    for spec in (COMMENT_WINDOW, LEGALITY_REVIEW, HEARING_MATERIALS):
        stop_if_open(d, spec, on=ctx.day, by=ctx.by)


decide = Transition(
    "decide",
    "作出决定",
    UNDECIDED,
    State.DECIDED,
    event="decided",
    date_field="decided_on",
    date_label="作出决定日期",
    after=(("discussed_on", "集体讨论日期"),),
    inputs=("on", "head_decision", "note"),
    when=(decision_gate,),
    checks=(
        lambda d, ctx: (
            None
            if (ctx["head_decision"] or "").strip()
            else "请记录行政首长在集体讨论基础上作出的决定（行政首长最后发表意见）"
        ),
    ),
    changes=lambda d, ctx: {"head_decision": ctx["head_decision"].strip()},
    effects=_decided,
    style="success",
)

evaluate = Transition(
    "evaluate",
    "决策后评估",
    (State.DECIDED,),
    State.POST_EVALUATION,
    event="evaluated",
    date_field="evaluated_on",
    date_label="后评估日期",
    after=(("decided_on", "作出决定日期"),),
    note_required="请填写后评估结论",
    note_field="evaluation",
    style="outline-secondary",
)


def _removed(d: MajorDecision, ctx: Ctx) -> None:
    for spec in (COMMENT_WINDOW, LEGALITY_REVIEW, HEARING_MATERIALS):
        stop_if_open(d, spec, on=ctx.day, by=ctx.by)


remove = Transition(
    "remove",
    "调出目录",
    UNDECIDED,
    State.REMOVED,
    event="removed",
    date_field="removed_on",
    date_label="调出目录日期",
    after=(("listed_on", "列入目录日期"),),
    note_required="请填写调出目录的理由",
    note_field="removal_reason",
    when=(lambda d: None if d.catalog_id else "该决策事项未列入目录",),
    effects=_removed,
    style="outline-danger",
)

TRANSITIONS = [
    open_consultation,
    close_consultation,
    hold_hearing,
    expert_review,
    risk_assessment,
    submit_review,
    record_review,
    discuss,
    decide,
    evaluate,
    remove,
]
