"""The 回复函 to a mailbox writer, as 公文 docx."""

from __future__ import annotations

from fazhi.casework.registry import Document
from fazhi.ledgers.mailbox.models import MailboxLetter
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.lib.gongwen import Paragraph


def reply_letter(letter: MailboxLetter) -> bytes:
    blocks: list[gongwen.Block] = [
        Paragraph(
            f"您于{cn_date(letter.received_on)}通过政府信箱反映的“{letter.subject}”收悉（{letter.case_number}）。现回复如下："
        ),
        *[Paragraph(p) for p in letter.reply.splitlines() if p.strip()],
    ]
    if letter.route:
        blocks.append(
            Paragraph(f"您反映的事项已{letter.get_route_display()}，将依照相应程序和时限办理。")
        )
    blocks.append(Paragraph("感谢您对政府工作的关心和支持。"))
    return gongwen.build(
        "政府信箱来信回复函",
        recipient=letter.writer_name,
        blocks=blocks,
        signer=letter.department.name,
        date_text=cn_date(letter.replied_on),
    )


DOCUMENTS = [Document("reply", "回复函", reply_letter, lambda r: bool(r.replied_on))]
