"""文书 of a major decision, as 公文 docx: the letter asking the 司法局 for the legality review
(送审函), with the review time the law requires (第二十六条: at least 7 working days)."""

from __future__ import annotations

from fazhi.casework.registry import Document
from fazhi.ledgers.major_decisions.models import MajorDecision
from fazhi.ledgers.major_decisions.workflow import review_window_end
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.lib.gongwen import Paragraph

BLANK_DATE = "　　年　　月　　日"


def review_request(d: MajorDecision) -> bytes:
    steps = []
    if d.comment_closed_on:
        steps.append(
            f"已于{cn_date(d.comment_from)}至{cn_date(d.comment_until)}公开征求意见，收到意见{d.comments_received or 0}条"
        )
    if d.expert_reviewed_on:
        steps.append(f"已于{cn_date(d.expert_reviewed_on)}组织专家论证")
    if d.risk_assessed_on:
        steps.append(f"已于{cn_date(d.risk_assessed_on)}完成风险评估")
    sent = d.legality_submitted_on
    deadline = d.review_deadline or (review_window_end(sent) if sent else None)
    blocks: list[gongwen.Block] = [
        Paragraph(
            f"根据《重大行政决策程序暂行条例》第二十五条至第二十八条，现将“{d.title}”决策草案"
            f"（{d.case_number}）及其说明、依据等材料送你单位进行合法性审查。"
        ),
        Paragraph("；".join(steps) + "。" if steps else "本事项公众参与等程序情况见附件。"),
        Paragraph(
            "请于"
            + (cn_date(deadline) if deadline else "＿＿＿＿")
            + "前出具合法性审查意见（审查时间不少于7个工作日）。"
        ),
        Paragraph(
            "附件：1．决策草案及起草说明；2．法律法规及政策依据；3．公众参与、专家论证、风险评估材料。"
        ),
    ]
    return gongwen.build(
        "关于送请合法性审查的函",
        doc_number=d.case_number,
        recipient=d.review_office.name,
        blocks=blocks,
        signer=d.sponsor_department.name,
        date_text=BLANK_DATE,
    )


DOCUMENTS = [Document("review_request", "送请合法性审查函", review_request)]
