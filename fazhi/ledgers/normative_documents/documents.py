"""文书 of a normative document: the 合法性审核意见书 and the 备案报告."""

from __future__ import annotations

from fazhi.casework.registry import Document
from fazhi.ledgers.normative_documents.models import NormativeDocument
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.lib.gongwen import Paragraph

BLANK_DATE = "　　年　　月　　日"


def review_opinion(doc: NormativeDocument) -> bytes:
    blocks: list[gongwen.Block] = [
        Paragraph(f"{doc.drafting_department.name}："),
        Paragraph(
            f"你单位于{cn_date(doc.review_requested_on)}提请合法性审核的《{doc.title}》"
            f"（登记号{doc.case_number}）收悉。经审核，提出意见如下："
        ),
        Paragraph(doc.review_opinion or "＿＿＿＿"),
        Paragraph(f"审核结论：{doc.get_review_result_display() or '＿＿＿＿'}。"),
    ]
    date = cn_date(doc.reviewed_on) if doc.reviewed_on else BLANK_DATE
    return gongwen.build(
        "行政规范性文件合法性审核意见书",
        blocks=blocks,
        signer=doc.review_department.name,
        date_text=date,
    )


def filing_report(doc: NormativeDocument) -> bytes:
    lines = [f"{f.recipient_name}" for f in doc.filings.order_by("recipient")]
    blocks: list[gongwen.Block] = [
        Paragraph("、".join(lines) + "：" if lines else "＿＿＿＿："),
        Paragraph(
            f"《{doc.title}》（{doc.document_number}）已经{doc.deliberation_meeting}审议通过，"
            f"于{cn_date(doc.published_on)}公布，自{cn_date(doc.effective_on)}起施行，"
            f"有效期至{cn_date(doc.expires_on)}。现将该文件报送备案，请予审查。"
        ),
        Paragraph("附件：1．规范性文件正式文本；2．起草说明；3．合法性审核意见书；4．制定依据。"),
    ]
    return gongwen.build(
        "关于报送规范性文件备案的报告", blocks=blocks, signer=doc.issuing_body, date_text=BLANK_DATE
    )


DOCUMENTS = [
    Document(
        "review_opinion",
        "合法性审核意见书",
        review_opinion,
        ready=lambda d: d.reviewed_on is not None,
    ),
    Document(
        "filing_report", "备案报告", filing_report, ready=lambda d: d.published_on is not None
    ),
]
