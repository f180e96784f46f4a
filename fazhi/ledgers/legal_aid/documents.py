"""文书 of a legal-aid case: the 不予法律援助决定书 (written, with reasons: Art. 43) and the
指派通知书, as 公文 docx."""

from __future__ import annotations

from fazhi.casework.registry import Document
from fazhi.ledgers.legal_aid.models import LegalAidCase
from fazhi.ledgers.legal_aid.states import State
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.lib.gongwen import Paragraph


def _body(case: LegalAidCase) -> str:
    return f"{case.jurisdiction.name}法律援助中心"


def refusal(case: LegalAidCase) -> bytes:
    blocks: list[gongwen.Block] = [
        Paragraph(
            f"你（单位）于{cn_date(case.received_on)}提出的法律援助申请（{case.matter}），"
            "经审查，决定不予法律援助。"
        ),
        Paragraph(f"理由：{case.refusal_reasons}"),
        Paragraph(
            "如对本决定有异议，可以自收到本决定书之日起向设立本机构的司法行政部门提出，"
            "司法行政部门应当自收到异议之日起五日内进行审查，作出维持或者责令法律援助机构"
            "提供法律援助的决定（《中华人民共和国法律援助法》第四十九条）。"
        ),
    ]
    return gongwen.build(
        "不予法律援助决定书",
        doc_number=case.case_number,
        recipient=case.applicant,
        blocks=blocks,
        signer=_body(case),
        date_text=cn_date(case.decided_on),
    )


def assignment(case: LegalAidCase) -> bytes:
    blocks: list[gongwen.Block] = [
        Paragraph(
            f"受援人{case.applicant}（{case.get_matter_type_display()}：{case.matter}）"
            f"的法律援助事项，经本中心审查决定给予法律援助，现指派{case.provider}承办。"
        ),
        Paragraph("请依法及时为受援人提供符合标准的法律援助服务，结案后按规定提交结案材料。"),
    ]
    return gongwen.build(
        "指派通知书",
        doc_number=case.case_number,
        recipient=case.provider or "承办律师",
        blocks=blocks,
        signer=_body(case),
        date_text=cn_date(case.assigned_on),
    )


DOCUMENTS = [
    Document("refusal", "不予法律援助决定书", refusal, ready=lambda c: bool(c.refusal_reasons)),
    Document(
        "assignment",
        "指派通知书",
        assignment,
        ready=lambda c: c.state in (State.ASSIGNED, State.CLOSED),
    ),
]
