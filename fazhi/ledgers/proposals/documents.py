"""文书 of a suggestion or proposal, as 公文 docx: the 答复函 skeleton with its A/B/C class
(wording configurable, rules.category_labels) and the reply deadline for the drafter."""

from __future__ import annotations

from fazhi import clocks
from fazhi.casework.registry import Document
from fazhi.ledgers.proposals.clocks import REHANDLE, reply_spec
from fazhi.ledgers.proposals.models import Proposal
from fazhi.ledgers.proposals.rules import category_labels
from fazhi.ledgers.proposals.states import State
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.lib.gongwen import Heading1, Paragraph

BLANK_DATE = "　　年　　月　　日"


def reply_letter(item: Proposal) -> bytes:
    labels = category_labels()
    word, who = item.kind_word, item.author_word
    chosen = labels.get(item.category, "")
    blocks: list[gongwen.Block] = [
        Paragraph(
            f"您在{item.session}期间提出的《{item.title}》（第{item.proposal_number.strip('第号')}号"
            f"{word}）收悉。我单位高度重视，{'会同' + item.co_departments + '，' if item.co_departments else ''}"
            "认真研究办理，现答复如下："
        ),
        Heading1("一、基本情况"),
        Paragraph("＿＿＿＿"),
        Heading1("二、办理措施和进展"),
        Paragraph("＿＿＿＿"),
        Heading1("三、下一步工作"),
        Paragraph("＿＿＿＿"),
        Paragraph("答复类别：" + (chosen or "□" + "　□".join(labels.values())) + "。"),
    ]
    if item.contacted_on:
        blocks.append(
            Paragraph(
                f"办理期间，我单位于{cn_date(item.contacted_on)}以"
                f"{item.get_contact_method_display() or '见面'}方式与您沟通了办理情况。"
            )
        )
    blocks.append(
        Paragraph(f"衷心感谢您对{item.jurisdiction.name}工作的关心和支持，欢迎继续提出意见和建议。")
    )
    blocks.append(Paragraph("联系单位：＿＿＿＿　联系人：＿＿＿＿　联系电话：＿＿＿＿"))
    spec = (
        REHANDLE
        if item.rehandle_count
        else (reply_spec(item.kind, item.assigned_on) if item.assigned_on else None)
    )
    due = clocks.due(item, spec) if spec is not None else None
    if due is not None:
        blocks.append(
            Paragraph(
                f"（内部提示：本件于{cn_date(item.assigned_on)}交办，应于{cn_date(due)}前答复；"
                f"抄送{item.office.name}。）"
            )
        )
    return gongwen.build(
        f"关于{item.session}第{item.proposal_number.strip('第号')}号{word}的答复",
        doc_number=item.case_number,
        recipient=f"尊敬的{item.authors}{who}",
        blocks=blocks,
        signer=item.lead_department.name,
        date_text=cn_date(item.replied_on) if item.replied_on else BLANK_DATE,
    )


DOCUMENTS = [
    Document(
        "reply_letter",
        "答复函（草稿）",
        reply_letter,
        lambda p: p.state != State.REGISTERED,
    ),
]
