"""文书 of a review, as 公文 docx: the 合法性审核意见书 the 司法局 sends back."""

from __future__ import annotations

from fazhi.casework.registry import Document
from fazhi.ledgers.legality_review.models import LegalityReview
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.lib.gongwen import Paragraph


def opinion_letter(r: LegalityReview) -> bytes:
    blocks: list[gongwen.Block] = [
        Paragraph(
            f"你单位{cn_date(r.submitted_on)}送审的{r.get_kind_display()}“{r.title}”"
            + (f"（相对方：{r.counterparty}；金额：{r.amount_text}）" if r.counterparty else "")
            + "收悉。经审核，提出意见如下："
        ),
        Paragraph(r.opinion or "＿＿＿＿"),
        Paragraph(
            f"审核结论：{r.get_result_display() or '＿＿＿＿'}"
            + (f"，共提出审核意见{r.opinion_count}条。" if r.opinion_count else "。")
            + "请根据审核意见修改完善，并反馈采纳情况。"
        ),
    ]
    if r.reviewer_name:
        blocks.append(
            Paragraph(f"本件由{r.get_reviewer_kind_display()}{r.reviewer_name}参与审核。")
        )
    return gongwen.build(
        "合法性审核意见书",
        doc_number=r.case_number,
        recipient=r.submitting_department.name,
        blocks=blocks,
        signer=r.reviewing_office.name,
        date_text=cn_date(r.reviewed_on) if r.reviewed_on else "　　年　　月　　日",
    )


DOCUMENTS = [Document("opinion", "合法性审核意见书", opinion_letter)]
