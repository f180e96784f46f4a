"""人民调解协议书 in the standard layout (司法部 人民调解文书格式): 编号, the parties, the
dispute, the agreed terms, performance, the effect clause of Art. 29, and the signature lines
of every party, the mediator and the committee's seal; as a 公文 docx."""

from __future__ import annotations

from fazhi.casework.registry import Document
from fazhi.ledgers.mediation.models import MediationCase
from fazhi.ledgers.mediation.states import AgreementForm
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.lib.gongwen import Paragraph, Table

BLANK_DATE = "　　年　　月　　日"


def agreement(case: MediationCase) -> bytes:
    parties = list(case.parties.all())
    blocks: list[gongwen.Block] = [
        Paragraph(f"编号：{case.case_number}"),
        *(
            Paragraph(f"当事人（{p.get_side_display()}）：{p.name}，住所或联系方式：＿＿＿＿。")
            for p in parties
        ),
        Paragraph(
            f"纠纷主要事实、争议事项：{case.get_dispute_type_display()}。"
            f"{case.summary or '＿＿＿＿'}"
        ),
        Paragraph(
            f"经{case.committee.name}调解，当事人自愿达成如下协议：{case.agreement_terms or '＿＿＿＿'}"
        ),
        Paragraph("履行方式、时限：＿＿＿＿。"),
        Paragraph(
            f"本协议一式{len(parties) + 1}份，当事人、人民调解委员会各持一份。本协议自各方当事人"
            "签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效"
            "（《中华人民共和国人民调解法》第二十九条）。经人民调解委员会调解达成的调解协议，"
            "具有法律约束力，当事人应当按照约定履行。双方当事人可以自本协议生效之日起三十日内"
            "共同向人民法院申请司法确认（第三十三条）。"
        ),
        Table(
            rows=[
                ["签名（盖章、按指印）", "日期"],
                *(
                    [f"当事人：{p.name}", cn_date(p.signed_on) if p.signed_on else BLANK_DATE]
                    for p in parties
                ),
                [
                    f"人民调解员：{case.mediator.name if case.mediator else '＿＿＿＿'}",
                    cn_date(case.mediator_signed_on) if case.mediator_signed_on else BLANK_DATE,
                ],
            ],
            widths_mm=(100, 56),
        ),
    ]
    sealed = case.committee_sealed_on
    return gongwen.build(
        "人民调解协议书",
        blocks=blocks,
        signer=f"{case.committee.name}（印章）",
        date_text=cn_date(sealed) if sealed else BLANK_DATE,
    )


DOCUMENTS = [
    Document(
        "agreement",
        "人民调解协议书",
        agreement,
        ready=lambda c: c.agreement_form == AgreementForm.WRITTEN,
    )
]
