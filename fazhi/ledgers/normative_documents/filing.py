"""报备 of a published document, one row per recipient (上一级人民政府, 本级人大常委会), and the
recipient's 备案审查 result (通过/纠正/撤销; 撤销 ends the document). The filing clocks live on the
document, one per recipient, with the length stored on the filing row."""

from __future__ import annotations

from typing import Any

from fazhi.casework.effects import stop_if_open
from fazhi.casework.transitions import Ctx, Transition
from fazhi.ledgers.normative_documents.clocks import FILING
from fazhi.ledgers.normative_documents.models import Filing, NormativeDocument
from fazhi.ledgers.normative_documents.states import FilingResult, Recipient, State
from fazhi.ledgers.normative_documents.workflow import stop_all
from fazhi.lib.cn_date import cn_date


def _filing(doc: NormativeDocument, recipient: Any) -> Filing | None:
    """The filing row, locked for the transition's transaction: two clerks filing at once are
    served one after the other, and the second is told it is done."""
    if recipient not in Recipient.values:
        return None
    return doc.filings.select_for_update().filter(recipient=recipient).first()


def _unfiled(doc: NormativeDocument) -> str | None:
    if not doc.filings.filter(filed_on__isnull=True).exists():
        return "该文件已向全部报备对象报备"
    return None


def _file_checks(doc: NormativeDocument, ctx: Ctx) -> str | None:
    filing = _filing(doc, ctx["recipient"])
    if filing is None:
        return "请选择报备对象"
    if filing.filed_on is not None:
        return f"已于{cn_date(filing.filed_on)}向{filing.recipient_name}报备"
    return None


def _filed(doc: NormativeDocument, ctx: Ctx) -> None:
    filing = _filing(doc, ctx["recipient"])
    assert filing is not None
    filing.filed_on = ctx.day
    filing._history_user = ctx.by  # type: ignore[attr-defined]
    filing.save(update_fields=["filed_on"])
    stop_if_open(doc, FILING[filing.recipient], on=ctx.day, by=ctx.by)


file_document = Transition(
    "file",
    "登记报备",
    (State.ISSUED,),
    event="filed",
    verb="报备",
    date_label="报备日期",
    after=(("published_on", "公布日期"),),
    inputs=("on", "recipient", "note"),
    when=(_unfiled,),
    checks=(_file_checks,),
    history_note=lambda d, ctx: f"向{Recipient(ctx['recipient']).label}报备",
    effects=_filed,
    style="outline-primary",
)


def _awaiting_result(doc: NormativeDocument) -> str | None:
    if not doc.filings.filter(filed_on__isnull=False, result="").exists():
        return "没有待登记备案审查结果的报备"
    return None


def _result_checks(doc: NormativeDocument, ctx: Ctx) -> str | None:
    filing = _filing(doc, ctx["recipient"])
    if filing is None:
        return "请选择报备对象"
    if filing.filed_on is None:
        return f"尚未向{filing.recipient_name}报备，不能登记审查结果"
    if filing.result:
        return f"{filing.recipient_name}的审查结果已登记为“{filing.get_result_display()}”"
    if ctx["filing_result"] not in FilingResult.values:
        return "请选择备案审查结果（通过、纠正或撤销）"
    if ctx.on is not None and ctx.on < filing.filed_on:
        return f"审查结果日期不能早于报备日期（{cn_date(filing.filed_on)}）"
    return None


def _result_recorded(doc: NormativeDocument, ctx: Ctx) -> None:
    filing = _filing(doc, ctx["recipient"])
    assert filing is not None
    filing.result, filing.result_on = ctx["filing_result"], ctx.day
    filing._history_user = ctx.by  # type: ignore[attr-defined]
    filing.save(update_fields=["result", "result_on"])
    if filing.result == FilingResult.REVOKED:
        stop_all(doc, ctx.day, ctx.by)


record_filing_result = Transition(
    "record_filing_result",
    "登记备案审查结果",
    (State.ISSUED,),
    event="filing_reviewed",
    date_label="审查结果日期",
    after=(("published_on", "公布日期"),),
    inputs=("on", "recipient", "filing_result", "note"),
    when=(_awaiting_result,),
    checks=(_result_checks,),
    changes=lambda d, ctx: (
        {"state": State.REVOKED, "ended_on": ctx.on}
        if ctx["filing_result"] == FilingResult.REVOKED
        else {}
    ),
    history_note=lambda d, ctx: (
        f"{Recipient(ctx['recipient']).label}：{FilingResult(ctx['filing_result']).label}"
    ),
    effects=_result_recorded,
    style="outline-primary",
)


TRANSITIONS = [file_document, record_filing_result]
