"""Request → opinion → result, declared on the casework engine:

送审 (department) → 受理，材料齐全 (司法局; the clock starts) ⇄ 退回补充材料 (司法局; the clock
pauses) / 补齐材料 (department; it resumes) → 出具审核意见 with the result (司法局) → 反馈采纳情况
(department). Both sides see the row and its state throughout."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from fazhi import clocks
from fazhi.casework.due import DueCache
from fazhi.casework.effects import stop_if_open
from fazhi.casework.numbering import Numbering, register_row
from fazhi.casework.transitions import Ctx, Transition, TransitionError, not_after_today, not_before
from fazhi.clocks.models import PauseKind
from fazhi.ledgers.legality_review.clocks import REVIEW
from fazhi.ledgers.legality_review.models import LegalityReview
from fazhi.ledgers.legality_review.states import Adoption, Result, ReviewerKind, State

NUMBERING = Numbering("合审")  # 示合审〔2025〕3号
DUE = DueCache(
    clocks=frozenset({REVIEW.name}),
    field="review_due_on",
    flag_field="review_due_flag_year",
    label="审核期限",
    states=frozenset({State.REVIEWING, State.RETURNED}),
)
REVIEW_PERM = "review"
REVIEW_PERM_MESSAGE = "该操作由审核机构（司法局）办理"


def amount_problem(fen: Any) -> str:
    """An amount is a whole number of 分, not negative (parse with `fazhi.lib.money`)."""
    if fen is None:
        return ""
    if not isinstance(fen, int) or isinstance(fen, bool):
        return "合同金额须为整数分（最多两位小数的元）"
    if fen < 0:
        return "合同金额不能为负数"
    return ""


@transaction.atomic
def receive(r: LegalityReview, *, by: Any, children: Any = ()) -> LegalityReview:
    """送审: the number; if the materials are already complete (an import, a paper request
    entered afterwards), the review starts at once."""
    if r.pk is not None:
        raise TransitionError("该审核事项已登记")
    if r.submitted_on is None:
        raise TransitionError("请填写送审日期")
    not_after_today(r.submitted_on, "送审日期")
    problem = amount_problem(r.amount_fen)
    if problem:
        raise TransitionError(problem)
    if r.materials_complete_on is not None:
        not_before(r.materials_complete_on, r.submitted_on, "材料齐全日期", "送审日期")
        not_after_today(r.materials_complete_on, "材料齐全日期")
    r.state = State.REVIEWING if r.materials_complete_on else State.SUBMITTED
    register_row(r, NUMBERING, year=r.submitted_on.year, by=by)
    if r.materials_complete_on is not None:
        clocks.start(r, REVIEW, on=r.materials_complete_on, by=by)
        DUE.refresh(r)
    return r


def _started(r: LegalityReview, ctx: Ctx) -> None:
    clocks.start(r, REVIEW, on=ctx.day, by=ctx.by)
    DUE.refresh(r)


accept = Transition(
    "accept",
    "受理（材料齐全）",
    (State.SUBMITTED,),
    State.REVIEWING,
    event="accepted",
    date_field="materials_complete_on",
    date_label="材料齐全日期",
    after=(("submitted_on", "送审日期"),),
    perm=REVIEW_PERM,
    perm_message=REVIEW_PERM_MESSAGE,
    effects=_started,
)


def _paused(r: LegalityReview, ctx: Ctx) -> None:
    clocks.pause(r, REVIEW, on=ctx.day, reason=ctx.note, by=ctx.by, kind=PauseKind.CORRECTION)
    DUE.refresh(r)


return_for_supplement = Transition(
    "return_for_supplement",
    "退回补充材料",
    (State.REVIEWING,),
    State.RETURNED,
    event="returned",
    date_field="returned_on",
    date_label="退回日期",
    after=(("materials_complete_on", "材料齐全日期"), ("resupplied_on", "上次补齐材料日期")),
    note_required="请写明需要补充的材料",
    note_field="return_reason",
    perm=REVIEW_PERM,
    perm_message=REVIEW_PERM_MESSAGE,
    effects=_paused,
    style="outline-warning",
)


def _resumed(r: LegalityReview, ctx: Ctx) -> None:
    # The day the supplement arrives is not counted either: counting resumes the day after.
    clocks.resume(r, REVIEW, on=ctx.day, by=ctx.by, include_on=True)
    DUE.refresh(r)


resupply = Transition(
    "resupply",
    "补齐材料",
    (State.RETURNED,),
    State.REVIEWING,
    event="resupplied",
    date_field="resupplied_on",
    date_label="补齐材料日期",
    after=(("returned_on", "退回日期"),),
    effects=_resumed,
)


def _opinion_checks(r: LegalityReview, ctx: Ctx) -> str | None:
    result, n = ctx["result"], ctx["opinion_count"]
    if result not in Result.values:
        return "请选择审核结论（同意、修改后同意或不同意）"
    if n is None or n < 0:
        return "请填写提出的审核意见条数（没有的填0）"
    if result != Result.APPROVED and n == 0:
        return f"审核结论为“{Result(result).label}”的，请填写提出的审核意见条数"
    kind = ctx["reviewer_kind"]
    if kind not in ReviewerKind.values:
        return "请选择审核人员"
    if kind != ReviewerKind.STAFF and not (ctx["reviewer_name"] or "").strip():
        return f"由{ReviewerKind(kind).label}审核的，请填写其姓名"
    return None


def _reviewed(r: LegalityReview, ctx: Ctx) -> None:
    stop_if_open(r, REVIEW, on=ctx.day, by=ctx.by)
    DUE.refresh(r)


give_opinion = Transition(
    "give_opinion",
    "出具审核意见",
    (State.REVIEWING,),
    State.REVIEWED,
    event="reviewed",
    date_field="reviewed_on",
    date_label="出具审核意见日期",
    after=(("materials_complete_on", "材料齐全日期"), ("resupplied_on", "补齐材料日期")),
    inputs=("on", "result", "opinion_count", "reviewer_kind", "reviewer_name", "note"),
    note_required="请填写审核意见",
    note_field="opinion",
    checks=(_opinion_checks,),
    changes=lambda r, ctx: {
        "result": ctx["result"],
        "opinion_count": ctx["opinion_count"],
        "reviewer_kind": ctx["reviewer_kind"],
        "reviewer_name": (ctx["reviewer_name"] or "").strip()[:60],
    },
    perm=REVIEW_PERM,
    perm_message=REVIEW_PERM_MESSAGE,
    effects=_reviewed,
    style="success",
)

close = Transition(
    "close",
    "反馈采纳情况",
    (State.REVIEWED,),
    State.CLOSED,
    event="closed",
    date_field="closed_on",
    date_label="反馈日期",
    after=(("reviewed_on", "出具审核意见日期"),),
    inputs=("on", "adoption", "note"),
    checks=(
        lambda r, ctx: None if ctx["adoption"] in Adoption.values else "请选择审核意见的采纳情况",
    ),
    changes=lambda r, ctx: {"adoption": ctx["adoption"]},
)

TRANSITIONS = [accept, return_for_supplement, resupply, give_opinion, close]
