"""文书 of a ticket, as a 公文 docx: the 交办单 sent to the member unit with the ticket."""

from __future__ import annotations

from fazhi import clocks
from fazhi.casework.registry import Document
from fazhi.ledgers.hotline.models import HotlineTicket
from fazhi.ledgers.hotline.workflow import current_reply
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.lib.gongwen import Paragraph


def assignment_slip(ticket: HotlineTicket) -> bytes:
    spec = current_reply(ticket)
    clock = clocks.get(ticket, spec)
    round_ = f"（第{ticket.rehandle_count}次重办）" if ticket.rehandle_count else ""
    blocks: list[gongwen.Block] = [
        Paragraph(f"{ticket.department.name if ticket.department else '＿＿＿＿'}："),
        Paragraph(
            f"{cn_date(ticket.received_on)}，12345热线受理群众{ticket.get_category_display()}诉求"
            f"（工单编号{ticket.case_number}）{round_}：{ticket.title}。"
        ),
        Paragraph(ticket.content or "（诉求内容见工单）"),
        Paragraph(
            "请按照职责认真办理，并在答复期限内将办理结果答复诉求人、反馈12345热线。"
            "不属于本单位职责的，请在规定期限内说明理由退回。"
        ),
    ]
    if clock is not None and clock.due_on is not None:
        blocks.append(Paragraph(f"答复期限：{cn_date(clock.due_on)}（{clock.explanation}）。"))
    return gongwen.build(
        "12345热线工单交办单",
        blocks=blocks,
        signer=f"{ticket.jurisdiction.name}12345热线工作机构",
        date_text=cn_date(ticket.dispatched_on) if ticket.dispatched_on else "　　年　　月　　日",
    )


DOCUMENTS = [
    Document(
        "assignment",
        "交办单",
        assignment_slip,
        ready=lambda t: t.department_id is not None and t.dispatched_on is not None,
    )
]
