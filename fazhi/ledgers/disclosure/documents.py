"""文书 of a disclosure request, as 公文 docx through `fazhi.lib.gongwen`: 补正通知书, 延期答复告知书,
征求意见函 and the 答复告知书 of each reply type, each citing its article and carrying the dates the
clocks computed, with their explanation."""

from __future__ import annotations

from fazhi import clocks
from fazhi.casework.registry import Document
from fazhi.ledgers.disclosure.clocks import (
    OTHER_AGENCY_OPINION,
    REPLY,
    THIRD_PARTY_OPINION,
    correction_period,
)
from fazhi.ledgers.disclosure.models import DisclosureRequest
from fazhi.ledgers.disclosure.states import (
    GROUND_ARTICLE,
    REPLY_ARTICLE,
    ConsulteeKind,
    Ground,
    ReplyType,
)
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.lib.gongwen import Paragraph

LAW = "《中华人民共和国政府信息公开条例》"
BLANK_DATE = "　　年　　月　　日"


def _organ(req: DisclosureRequest) -> str:
    from fazhi.casework.demo import agency_name

    return agency_name(req.jurisdiction, req.department)


def _received(req: DisclosureRequest) -> str:
    return f"本机关于{cn_date(req.received_on)}收到您（单位）提出的政府信息公开申请（{req.case_number}），申请公开“{req.subject}”。"


def _explanation(req: DisclosureRequest, spec: object) -> str:
    clock = clocks.get(req, spec)  # type: ignore[arg-type]
    return clock.explanation if clock is not None else ""


def _remedy() -> Paragraph:
    return Paragraph(
        "如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。"
    )


def _build(req: DisclosureRequest, title: str, blocks: list[gongwen.Block]) -> bytes:
    return gongwen.build(
        title,
        doc_number=req.case_number,
        recipient=req.applicant_name,
        blocks=blocks,
        signer=_organ(req),
        date_text=BLANK_DATE,
    )


def correction_notice(req: DisclosureRequest) -> bytes:
    days = req.correction_period_days or 15
    due = clocks.due(req, correction_period(days))
    blocks: list[gongwen.Block] = [
        Paragraph(_received(req)),
        Paragraph(
            f"经审查，您的申请内容不明确。根据{LAW}第二十九条、第三十条的规定，现一次性告知您需要补正的事项："
            f"{req.correction_items}。"
        ),
        Paragraph(
            f"请您在收到本通知之日起{days}个工作日内（即{cn_date(due) if due else '＿＿＿＿'}前）补正。"
            "答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。"
        ),
        Paragraph(f"（期限计算：{_explanation(req, correction_period(days))}）"),
        Paragraph(
            f"（本通知于{cn_date(req.correction_requested_on)}发出；{_explanation(req, _notice_spec())}）"
        ),
    ]
    return _build(req, "政府信息公开申请补正通知书", blocks)


def _notice_spec() -> object:
    from fazhi.ledgers.disclosure.clocks import CORRECTION_NOTICE

    return CORRECTION_NOTICE


def extension_notice(req: DisclosureRequest) -> bytes:
    due = clocks.due(req, REPLY)
    blocks: list[gongwen.Block] = [
        Paragraph(_received(req)),
        Paragraph(
            f"因您申请公开的政府信息需要进一步查找、核实，不能在法定期限内作出答复。根据{LAW}第三十三条第二款的规定，"
            f"经本机关政府信息公开工作机构负责人（{req.extension_approver}）同意，答复期限延长{req.extension_days}个工作日，"
            f"本机关将于{cn_date(due) if due else '＿＿＿＿'}前作出答复。"
        ),
        Paragraph(f"（期限计算：{_explanation(req, REPLY)}）"),
    ]
    return _build(req, "政府信息公开申请延期答复告知书", blocks)


def consultation_letter(req: DisclosureRequest) -> bytes:
    third = req.consultee_kind == ConsulteeKind.THIRD_PARTY
    spec = THIRD_PARTY_OPINION if third else OTHER_AGENCY_OPINION
    due = clocks.due(req, spec)
    article = "第三十二条" if third else "第三十四条"
    lapse = (
        "逾期未提出意见的，由本机关依照条例的规定决定是否公开。"
        if third
        else "逾期未提出意见的，视为同意公开。"
    )
    blocks: list[gongwen.Block] = [
        Paragraph(
            f"本机关于{cn_date(req.received_on)}收到申请人提出的政府信息公开申请（{req.case_number}），申请公开“{req.subject}”。"
            + ("该信息公开可能损害贵方合法权益。" if third else "该信息由本机关与贵机关共同制作。")
        ),
        Paragraph(
            f"根据{LAW}{article}的规定，现书面征求贵方意见。请自收到本函之日起15个工作日内"
            f"（即{cn_date(due) if due else '＿＿＿＿'}前）提出意见。{lapse}"
        ),
        Paragraph(
            f"（期限计算：{_explanation(req, spec)}。征求意见所需时间不计算在答复期限内，第三十三条第三款。）"
        ),
    ]
    return gongwen.build(
        "政府信息公开征求第三方意见函" if third else "政府信息公开征求意见函",
        doc_number=req.case_number,
        recipient=req.consultee_name,
        blocks=blocks,
        signer=_organ(req),
        date_text=BLANK_DATE,
    )


REPLY_TEXT = {
    ReplyType.DISCLOSED: "经审查，您申请公开的政府信息属于公开范围，现予以公开，随本告知书提供（或告知获取的方式、途径和时间）。",
    ReplyType.PARTIALLY_DISCLOSED: "经审查，您申请公开的政府信息中含有不应当公开的内容，但能够作区分处理。现向您提供可以公开的部分；不予公开的部分理由为：{ground}（条例{article}）。",
    ReplyType.WITHHELD: "经审查，您申请公开的政府信息{ground}，依据条例{article}的规定，不予公开。",
    ReplyType.UNABLE: "经审查，{ground}（条例{article}），本机关无法提供。",
    ReplyType.NOT_PROCESSED: "经审查，您的申请属于“{ground}”的情形，依据条例{article}的规定，本机关不予处理。",
    ReplyType.OTHER: "{ground}（条例{article}）。",
}


def reply_notice(req: DisclosureRequest) -> bytes:
    reply_type = ReplyType(req.reply_type)
    ground = Ground(req.reply_ground).label if req.reply_ground else ""
    due = clocks.due(req, REPLY)
    blocks: list[gongwen.Block] = [
        Paragraph(_received(req)),
        Paragraph(
            REPLY_TEXT[reply_type].format(
                ground=ground, article=GROUND_ARTICLE.get(req.reply_ground, "") or "有关规定"
            )
        ),
        Paragraph(f"本答复依据：{REPLY_ARTICLE[reply_type]}。"),
        Paragraph(
            f"本机关于{cn_date(req.replied_on)}作出本答复；答复期限至{cn_date(due) if due else '—'}"
            f"（{_explanation(req, REPLY)}）。"
        ),
        _remedy(),
    ]
    return _build(req, f"政府信息公开申请答复告知书（{reply_type.label}）", blocks)


DOCUMENTS = [
    Document(
        "correction", "补正通知书", correction_notice, lambda r: bool(r.correction_requested_on)
    ),
    Document("extension", "延期答复告知书", extension_notice, lambda r: bool(r.extended_on)),
    Document("consultation", "征求意见函", consultation_letter, lambda r: bool(r.consulted_on)),
    Document("reply", "答复告知书", reply_notice, lambda r: bool(r.reply_type)),
]
