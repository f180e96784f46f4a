"""文书 of a lawsuit, as 公文 docx: the 答辩状 skeleton and the 出庭应诉通知 to the 负责人."""

from __future__ import annotations

from fazhi import clocks
from fazhi.casework.registry import Document
from fazhi.ledgers.litigation.clocks import DEFENCE
from fazhi.ledgers.litigation.models import LitigationCase
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.lib.gongwen import Heading1, Paragraph

BLANK_DATE = "　　年　　月　　日"


def _defendant(case: LitigationCase) -> str:
    return case.defendant_name or case.jurisdiction.government_name


def defence_statement(case: LitigationCase) -> bytes:
    due = clocks.due(case, DEFENCE)
    blocks: list[gongwen.Block] = [
        Paragraph(f"答辩人：{_defendant(case)}。法定代表人：＿＿＿＿（职务：＿＿＿＿）。"),
        Paragraph(f"委托代理人：{case.counsel or '＿＿＿＿'}。"),
        Paragraph(f"被答辩人（原告）：{case.plaintiffs}。"),
        Paragraph(
            f"因原告{case.plaintiffs}诉答辩人{case.act_description}一案"
            f"（{case.court_case_number or '案号＿＿＿＿'}），现提出答辩如下："
        ),
        Heading1("一、答辩请求"),
        Paragraph("请求人民法院依法驳回原告的诉讼请求。"),
        Heading1("二、事实与理由"),
        Paragraph("（一）答辩人具有作出被诉行政行为的法定职权。＿＿＿＿"),
        Paragraph("（二）被诉行政行为认定事实清楚，证据确凿（见证据清单）。＿＿＿＿"),
        Paragraph("（三）被诉行政行为程序合法。＿＿＿＿"),
        Paragraph("（四）被诉行政行为适用法律、法规正确，所依据的规范性文件见附件。＿＿＿＿"),
        Paragraph("（五）原告的诉讼主张不能成立。＿＿＿＿"),
        Paragraph(f"此致　{case.court_name}"),
        Paragraph(
            "附：1．证据清单；2．作出行政行为所依据的规范性文件目录；3．法定代表人身份证明书；4．授权委托书。"
        ),
    ]
    if due is not None:
        blocks.append(
            Paragraph(
                f"（内部提示：依据行政诉讼法第六十七条，应于{cn_date(due)}前提交答辩状及证据、依据，"
                f"本案于{cn_date(case.complaint_received_on)}收到起诉状副本。）"
            )
        )
    return gongwen.build("行政答辩状", blocks=blocks, signer=_defendant(case), date_text=BLANK_DATE)


def appearance_notice(case: LitigationCase) -> bytes:
    hearing = case.hearings.filter(held_on__isnull=True).order_by("scheduled_for").first()
    when = cn_date(hearing.scheduled_for) if hearing else "＿＿＿＿"
    blocks: list[gongwen.Block] = [
        Paragraph(
            f"{case.court_name}定于{when}开庭审理原告{case.plaintiffs}诉{_defendant(case)}"
            f"{case.act_description}一案（{case.court_case_number or case.case_number}，"
            f"{case.get_trial_level_display()}）。"
        ),
        Paragraph(
            "根据《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第一百二十八条至第一百三十二条"
            "和《最高人民法院关于行政机关负责人出庭应诉若干问题的规定》，请被诉行政机关负责人（正职、副职或"
            "分管负责人）出庭应诉，并注意："
        ),
        Paragraph(
            "一、出庭时携带加盖机关印章的负责人出庭身份证明；仅委托律师出庭的，不视为出庭应诉。"
        ),
        Paragraph("二、出庭负责人应当就实质性争议发表意见。"),
        Paragraph(
            "三、确有正当理由不能出庭的，应于开庭前向人民法院书面说明理由并提交证明，并委托相应的工作人员出庭。"
        ),
    ]
    if case.mandatory_attendance != "none":
        blocks.append(
            Paragraph(f"本案属于负责人应当出庭的情形：{case.get_mandatory_attendance_display()}。")
        )
    return gongwen.build(
        "出庭应诉通知",
        doc_number=case.case_number,
        recipient=f"{_defendant(case)}负责人",
        blocks=blocks,
        signer=case.handling_department.name,
        date_text=BLANK_DATE,
    )


DOCUMENTS = [
    Document("defence", "行政答辩状（草稿）", defence_statement),
    Document(
        "appearance",
        "出庭应诉通知",
        appearance_notice,
        lambda c: c.hearings.filter(held_on__isnull=True).exists(),
    ),
]
