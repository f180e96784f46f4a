"""The life of a normative document on the casework engine: 起草 → 征求意见 → 合法性审核 →
集体审议 → 公布 (文号) → 报备 (one row per recipient) → 评估 → 失效 (有效期届满, 清理, 备案审查撤销).

Two gates name what is missing (国办发〔2018〕37号: 未经合法性审核或者经审核不合法的，不得提交集体
审议; a document is 公布 only after review and deliberation): they are `when` guards, so the
button is not offered and a direct call is refused with the step named."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from fazhi import clocks
from fazhi.casework.due import DueCache
from fazhi.casework.effects import stop_if_open
from fazhi.casework.numbering import Numbering, register_row
from fazhi.casework.transitions import (
    Ctx,
    Transition,
    TransitionError,
    not_after_today,
)
from fazhi.clocks.models import Outcome as ClockOutcome
from fazhi.ledgers.normative_documents.clocks import EVALUATION, FILING, REVIEW, sized
from fazhi.ledgers.normative_documents.config import config
from fazhi.ledgers.normative_documents.models import Filing, NormativeDocument
from fazhi.ledgers.normative_documents.states import (
    DRAFT,
    PASSED,
    Recipient,
    ReviewResult,
    State,
)
from fazhi.lib.cn_date import cn_date

NUMBERING = Numbering("政规审")  # 登记号 of a draft: 示政规审〔2025〕3号
DOCUMENT_NUMBERING = Numbering(
    "政规", counter="normative_documents.issued", column="document_number"
)  # 文号 on publication: 示政规〔2025〕3号
DUE = DueCache(
    clocks=frozenset({REVIEW.name}),
    field="review_due_on",
    flag_field="review_due_flag_year",
    label="合法性审核期限",
    states=frozenset({State.REVIEWING}),
)
DAY = dt.timedelta(days=1)


@transaction.atomic
def receive(doc: NormativeDocument, *, by: Any, children: Any = ()) -> NormativeDocument:
    """起草登记: the 登记号; the clocks start when the review is requested."""
    if doc.pk is not None:
        raise TransitionError("该文件已登记")
    if not (doc.title or "").strip():
        raise TransitionError("请填写文件名称")
    if doc.drafted_on is None:
        raise TransitionError("请填写起草登记日期")
    not_after_today(doc.drafted_on, "起草登记日期")
    doc.state = State.DRAFTING
    register_row(doc, NUMBERING, year=doc.drafted_on.year, by=by)
    return doc


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def expiry(effective_on: dt.date, years: int) -> dt.date:
    """自施行之日起N年: the last day in force (2025-03-01 + 5 years → 2030-02-28)."""
    return add_years(effective_on, years) - DAY


# --- 征求意见, 合法性审核 ------------------------------------------------------------------------

start_consultation = Transition(
    "start_consultation",
    "公开征求意见",
    (State.DRAFTING,),
    State.CONSULTATION,
    event="consultation_started",
    date_field="consultation_started_on",
    date_label="征求意见开始日期",
    after=(("drafted_on", "起草登记日期"),),
    when=(lambda d: None if d.consultation_started_on is None else "该文件已公开征求过意见",),
    style="outline-primary",
)


def _consulted(doc: NormativeDocument) -> str | None:
    if doc.consultation_required and doc.consultation_started_on is None:
        return "该文件须向社会公开征求意见，尚未征求意见（缺少：征求意见），不能提请合法性审核"
    return None


def _review_days(ctx: Ctx) -> int:
    return int(ctx["review_working_days"] or config()["review_working_days"])


def _review_days_check(doc: NormativeDocument, ctx: Ctx) -> str | None:
    n = ctx["review_working_days"]
    if n is not None and not (1 <= int(n) <= 60):
        return "合法性审核期限应为1至60个工作日"
    return None


def short_review_warning(doc: NormativeDocument) -> str:
    """The warning statutes.md §5 asks for when the reviewer was given too little time."""
    minimum = config()["review_minimum_working_days"]
    n = doc.review_working_days
    if n is not None and n < minimum:
        return f"合法性审核期限仅{n}个工作日，少于{minimum}个工作日，审核时间可能不足"
    return ""


def _review_started(doc: NormativeDocument, ctx: Ctx) -> None:
    spec = sized(REVIEW, _review_days(ctx))
    clock = clocks.get(doc, spec)
    if clock is None or clock.start_on is None:
        clocks.start(doc, spec, on=ctx.day, by=ctx.by)
    elif clock.is_open:
        clocks.restart(doc, spec, on=ctx.day, by=ctx.by)
    else:  # resubmitted after 不同意: the period runs again
        clock.delete()
        clocks.start(doc, spec, on=ctx.day, by=ctx.by)
    DUE.refresh(doc)


def _review_note(doc: NormativeDocument, ctx: Ctx) -> str:
    n = _review_days(ctx)
    warning = short_review_warning(NormativeDocument(review_working_days=n))
    return "；".join(x for x in (f"审核期限{n}个工作日", warning, ctx.note) if x)


request_review = Transition(
    "request_review",
    "提请合法性审核",
    (State.DRAFTING, State.CONSULTATION),
    State.REVIEWING,
    event="review_requested",
    date_field="review_requested_on",
    date_label="审核机构受理日期",
    after=(("drafted_on", "起草登记日期"), ("consultation_started_on", "征求意见开始日期")),
    inputs=("on", "review_working_days", "note"),
    when=(_consulted,),
    checks=(_review_days_check,),
    changes=lambda d, ctx: {
        "review_working_days": _review_days(ctx),
        "review_result": "",
        "reviewed_on": None,
        "review_opinion": "",
    },
    history_note=_review_note,
    effects=_review_started,
)


def _opinion_checks(doc: NormativeDocument, ctx: Ctx) -> str | None:
    if ctx["review_result"] not in ReviewResult.values:
        return "请选择合法性审核结论（同意、修改后同意或不同意）"
    if not (ctx["review_opinion"] or "").strip():
        return "请填写合法性审核意见"
    return None


give_opinion = Transition(
    "give_opinion",
    "出具合法性审核意见",
    (State.REVIEWING,),
    event="reviewed",
    perm="review",
    perm_message="合法性审核意见由司法局（法制审核机构）出具",
    date_field="reviewed_on",
    date_label="审核意见日期",
    after=(("review_requested_on", "审核机构受理日期"),),
    inputs=("on", "review_result", "review_opinion", "note"),
    checks=(_opinion_checks,),
    changes=lambda d, ctx: {
        "state": State.REVIEWED if ctx["review_result"] in PASSED else State.DRAFTING,
        "review_result": ctx["review_result"],
        "review_opinion": ctx["review_opinion"].strip(),
    },
    history_note=lambda d, ctx: ReviewResult(ctx["review_result"]).label,
    effects=lambda d, ctx: stop_if_open(d, REVIEW, on=ctx.day, by=ctx.by),
    style="success",
)

# --- the gates: 集体审议, 公布 -------------------------------------------------------------------


def review_gate(doc: NormativeDocument) -> str | None:
    if doc.review_passed:
        return None
    if doc.review_result == ReviewResult.REJECTED:
        return "合法性审核意见为“不同意”（缺少：合法性审核通过），须修改后重新提请审核"
    return "该文件未经合法性审核（缺少：合法性审核），不得提交集体审议或公布"


def deliberation_gate(doc: NormativeDocument) -> str | None:
    if doc.deliberated_on is None:
        return "该文件未经集体审议（缺少：集体审议），不能公布"
    return None


deliberate = Transition(
    "deliberate",
    "登记集体审议",
    DRAFT,
    State.DELIBERATED,
    event="deliberated",
    date_field="deliberated_on",
    date_label="集体审议日期",
    after=(("reviewed_on", "合法性审核意见日期"),),
    inputs=("on", "deliberation_meeting", "note"),
    when=(review_gate,),
    checks=(
        lambda d, ctx: (
            None
            if (ctx["deliberation_meeting"] or "").strip()
            else "请填写审议会议（如：县政府第12次常务会议）"
        ),
    ),
    changes=lambda d, ctx: {"deliberation_meeting": ctx["deliberation_meeting"].strip()[:100]},
)


def _publish_checks(doc: NormativeDocument, ctx: Ctx) -> str | None:
    effective, years = ctx["effective_on"], ctx["validity_years"]
    if effective is not None and ctx.on is not None and effective < ctx.on:
        return f"施行日期（{cn_date(effective)}）不能早于公布日期（{cn_date(ctx.on)}）"
    if years is not None and not (1 <= int(years) <= 10):
        return "有效期应为1至10年"
    return None


def _publication(doc: NormativeDocument, ctx: Ctx) -> dict[str, Any]:
    on = ctx.day
    effective = ctx["effective_on"] or on
    years = int(ctx["validity_years"] or config()["validity_years"])
    ((serial, number),) = DOCUMENT_NUMBERING.allocate(NormativeDocument, doc.jurisdiction, on.year)
    return {
        "document_number": number,
        "effective_on": effective,
        "validity_years": years,
        "expires_on": expiry(effective, years),
    }


def recipient_name(doc: NormativeDocument, recipient: str) -> str:
    jurisdiction = doc.jurisdiction
    if recipient == Recipient.NPC:
        return f"{jurisdiction.name}人大常委会"
    parent = jurisdiction.parent
    return f"{parent.name}人民政府" if parent is not None else "上一级人民政府"


def _published(doc: NormativeDocument, ctx: Ctx) -> None:
    doc.refresh_from_db()
    days = config()["filing_days"]
    for recipient in Recipient.values:
        filing = Filing(
            document=doc,
            recipient=recipient,
            recipient_name=recipient_name(doc, recipient),
            period_days=int(days[recipient]),
        )
        filing._history_user = ctx.by  # type: ignore[attr-defined]
        filing.save()
        clocks.start(doc, sized(FILING[recipient], filing.period_days), on=ctx.day, by=ctx.by)
    stop_if_open(doc, REVIEW, on=ctx.day, by=ctx.by)
    assert doc.expires_on is not None
    months = int(config()["evaluation_months"])
    clocks.start(doc, sized(EVALUATION, months), on=doc.expires_on, by=ctx.by)


publish = Transition(
    "publish",
    "登记公布（统一编号）",
    DRAFT,
    State.ISSUED,
    event="published",
    verb="公布",
    perm="review",
    perm_message="统一登记、统一编号由司法局（法制审核机构）办理",
    date_field="published_on",
    date_label="公布日期",
    after=(("deliberated_on", "集体审议日期"), ("reviewed_on", "合法性审核意见日期")),
    inputs=("on", "effective_on", "validity_years", "note"),
    when=(review_gate, deliberation_gate),
    checks=(_publish_checks,),
    changes=_publication,
    history_note=lambda d, ctx: ctx.note,
    effects=_published,
    style="success",
)

# --- 评估, 失效 ---------------------------------------------------------------------------------


def stop_all(doc: NormativeDocument, on: dt.date, by: Any) -> None:
    for spec in (REVIEW, *FILING.values()):
        stop_if_open(doc, spec, on=on, by=by)
    clock = clocks.get(doc, EVALUATION)
    if clock is not None and clock.is_open:
        clocks.stop(doc, EVALUATION, on=on, by=by, outcome_label="文件已失效，无需评估")


evaluate = Transition(
    "evaluate",
    "登记届满前评估",
    (State.ISSUED,),
    event="evaluated",
    date_field="evaluated_on",
    date_label="评估日期",
    after=(("published_on", "公布日期"),),
    when=(lambda d: None if d.evaluated_on is None else "该文件已完成评估",),
    effects=lambda d, ctx: stop_if_open(d, EVALUATION, on=ctx.day, by=ctx.by),
    style="outline-primary",
)

abandon = Transition(
    "abandon",
    "终止制定",
    DRAFT,
    State.ABANDONED,
    event="abandoned",
    date_field="ended_on",
    date_label="终止日期",
    after=(("drafted_on", "起草登记日期"),),
    note_required="请填写终止制定的理由",
    effects=lambda d, ctx: stop_if_open(d, REVIEW, on=ctx.day, by=ctx.by),
    style="outline-secondary",
)


def _expired(doc: NormativeDocument, ctx: Ctx) -> None:
    for spec in (REVIEW, *FILING.values()):
        stop_if_open(doc, spec, on=ctx.day, by=ctx.by)
    clock = clocks.get(doc, EVALUATION)
    if clock is not None and clock.is_open:
        clocks.stop(
            doc,
            EVALUATION,
            on=ctx.day,
            by=None,
            outcome=ClockOutcome.LAPSED,
            outcome_label="届满前未评估",
        )


expire = Transition(
    "expire",
    "有效期届满失效",
    (State.ISSUED,),
    State.EXPIRED,
    event="expired",
    date_field="ended_on",
    date_label="失效日期",
    when=(
        lambda d: (
            None if d.expires_on is not None and d.expires_on < _today() else "有效期尚未届满"
        ),
    ),
    effects=_expired,
    system=True,
)


def _today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()


def expire_all(today: dt.date) -> int:
    """The daily lapse: a document past its 有效期 is no longer in force."""
    n = 0
    due = NormativeDocument.objects.filter(state=State.ISSUED, expires_on__lt=today)
    for doc in due.order_by("id").iterator(chunk_size=500):
        assert doc.expires_on is not None
        try:
            expire(doc, on=doc.expires_on + DAY, by=None, note="有效期届满")
        except TransitionError:
            continue  # a `--today` ahead of the real day: the expiry has not happened yet
        n += 1
    return n


TRANSITIONS = [
    start_consultation,
    request_review,
    give_opinion,
    deliberate,
    publish,
    evaluate,
    abandon,
    expire,
]
