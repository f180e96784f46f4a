"""The notices and the decision skeleton of a 行政复议 case, as 公文 docx.

Each document is a function of the case; dates come from the case's clocks (`clocks.due`)
and are written with `cn_date`; `ready` says when each makes sense.
"""

from __future__ import annotations

import datetime as dt

from fazhi import clocks
from fazhi.casework.registry import Document as Doc
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import LawVersion, Outcome, State
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.lib.gongwen import Heading1, Paragraph

LAW_NEW = "《中华人民共和国行政复议法》"


def _applicants(case: ReconsiderationCase) -> str:
    return case.applicant_names or "申请人"


def _signer(case: ReconsiderationCase) -> str:
    return case.jurisdiction.government_name or f"{case.jurisdiction.name}人民政府"


def _render(
    case: ReconsiderationCase,
    title: str,
    recipient: str,
    paragraphs: list[str],
    *,
    date: dt.date | None = None,
) -> bytes:
    return gongwen.build(
        title,
        doc_number=case.case_number,
        recipient=recipient,
        blocks=[Paragraph(p) for p in paragraphs],
        signer=_signer(case),
        date_text=cn_date(date) if date else "　　年　　月　　日",
    )


def _due_text(case: ReconsiderationCase, spec: object) -> str:
    due = clocks.due(case, spec)  # type: ignore[arg-type]
    return cn_date(due) if due else "（期限待日历确认）"


def _opening(case: ReconsiderationCase) -> str:
    return (
        f"你（单位）不服{case.respondent_name}{case.act_description}，于{cn_date(case.received_on)}"
        f"向本机关提出的行政复议申请收悉。"
    )


def acceptance_notice(case: ReconsiderationCase) -> bytes:
    specs = specs_for(case)
    if case.law_version == LawVersion.V2023:
        basis = f"{LAW_NEW}第三十条"
        period = (
            f"本机关将自受理之日起60日内作出行政复议决定（{_due_text(case, specs.decision)}前）"
            + (
                "。"
                if case.is_simplified
                else "；情况复杂、不能在规定期限内作出决定的，经行政复议机构负责人批准，可以适当延长，但延长期限最多不超过30日。"
            )
        )
        if case.is_simplified:
            period = f"本案适用简易程序，本机关将自受理之日起30日内作出行政复议决定（{_due_text(case, specs.decision)}前）。"
    else:
        basis = "《中华人民共和国行政复议法》（2017年修正）第十七条"
        period = (
            f"本机关将自受理之日起60日内作出行政复议决定（{_due_text(case, specs.decision)}前）。"
        )
    accepted = "视为受理" if case.deemed_accepted else "决定受理"
    body = [
        _opening(case)
        + f"经审查，该申请符合{basis}规定的受理条件，本机关自{cn_date(case.accepted_on)}起{accepted}。",
        period,
        "特此通知。",
    ]
    return _render(case, "行政复议受理通知书", _applicants(case), body, date=case.accepted_on)


def correction_notice(case: ReconsiderationCase) -> bytes:
    specs = specs_for(case)
    what = case.correction_items or "（请逐项列明需要补正的材料）"
    if specs.correction_response is not None:
        # Art. 31(2): the period runs from receipt, so a date is printed only once the
        # service is recorded (and then the one computed from it).
        served = ""
        if case.correction_served_on is not None:
            served = (
                f"（本通知于{cn_date(case.correction_served_on)}送达，"
                f"补正期限至{_due_text(case, specs.correction_response)}（含当日））"
            )
        deadline = (
            f"请你自收到本通知之日起10个工作日内{served}提交补正材料。"
            "无正当理由逾期不补正的，视为你放弃行政复议申请，并记录在案。"
        )
        basis = f"{LAW_NEW}第三十一条"
    else:
        deadline = (
            "请你在收到本通知后及时提交补正材料。补正申请材料所用时间不计入行政复议审理期限。"
        )
        basis = "《中华人民共和国行政复议法实施条例》第二十九条"
    body = [
        _opening(case)
        + f"经审查，你提交的行政复议申请材料不齐全或者表述不清楚，根据{basis}的规定，请你补正以下材料：{what}",
        deadline,
        "特此通知。",
    ]
    return _render(
        case, "行政复议申请补正通知书", _applicants(case), body, date=case.correction_requested_on
    )


def refusal_decision(case: ReconsiderationCase) -> bytes:
    basis = (
        f"{LAW_NEW}第三十条"
        if case.law_version == LawVersion.V2023
        else "《中华人民共和国行政复议法》（2017年修正）第十七条"
    )
    body = [
        _opening(case),
        f"经审查，{case.closure_note or '（写明不予受理的理由）'}。根据{basis}的规定，本机关决定不予受理。",
        "申请人如不服本决定，可以自收到本决定书之日起15日内，依法向人民法院提起行政诉讼。",
    ]
    return _render(case, "不予受理行政复议申请决定书", _applicants(case), body, date=case.closed_on)


def answer_notice(case: ReconsiderationCase) -> bytes:
    specs = specs_for(case)
    if case.law_version == LawVersion.V2023:
        days = "5个工作日" if case.is_simplified else "10个工作日"
        basis = f"{LAW_NEW}第五十四条" if case.is_simplified else f"{LAW_NEW}第四十八条"
        lapse = "被申请人不按照规定提出书面答复、提交当初作出行政行为的证据、依据和其他有关材料的，视为该行政行为没有证据、依据（第七十条）。"
    else:
        days = "10日"
        basis = "《中华人民共和国行政复议法》（2017年修正）第二十三条"
        lapse = ""
    # Arts. 48, 54: the period runs from the respondent's receipt of the copy, so its last day
    # is printed only once that receipt is recorded.
    served = ""
    if case.copy_served_on is not None:
        served = (
            f"（你单位于{cn_date(case.copy_served_on)}收到副本，"
            f"答复期限至{_due_text(case, specs.respondent_answer)}（含当日））"
        )
    body = [
        f"{_applicants(case)}不服你单位{case.act_description}，于{cn_date(case.received_on)}向本机关申请行政复议，"
        f"本机关已于{cn_date(case.accepted_on)}依法受理。现将行政复议申请书副本发送你单位。",
        f"根据{basis}的规定，请你单位自收到申请书副本之日起{days}内{served}，"
        "提出书面答复，并提交当初作出行政行为的证据、依据和其他有关材料。" + lapse,
        "特此通知。",
    ]
    return _render(
        case,
        "行政复议答复通知书",
        case.respondent_name,
        body,
        date=case.copy_sent_on,
    )


def extension_notice(case: ReconsiderationCase) -> bytes:
    specs = specs_for(case)
    approver = "行政复议机构负责人" if case.law_version == LawVersion.V2023 else "本机关负责人"
    body = [
        f"本机关于{cn_date(case.accepted_on)}受理的{_applicants(case)}不服{case.respondent_name}{case.act_description}"
        f"一案，因情况复杂，不能在规定期限内作出行政复议决定。",
        f"根据{LAW_NEW}第六十二条第一款的规定，经{approver}批准，本案审理期限延长{case.extension_days or 30}日，"
        f"至{_due_text(case, specs.decision)}。",
        "特此通知。",
    ]
    return _render(
        case,
        "延期审理通知书",
        f"{_applicants(case)}、{case.respondent_name}",
        body,
        date=case.extended_on,
    )


OUTCOME_TEXT = {
    Outcome.UPHELD: "维持被申请人作出的行政行为",
    Outcome.REVOKED: "撤销被申请人作出的行政行为（并责令被申请人在一定期限内重新作出行政行为）",
    Outcome.CHANGED: "变更被申请人作出的行政行为",
    Outcome.CONFIRMED_ILLEGAL: "确认被申请人作出的行政行为违法",
    Outcome.CONFIRMED_INVALID: "确认被申请人作出的行政行为无效",
    Outcome.ORDERED_TO_PERFORM: "责令被申请人在一定期限内履行法定职责",
    Outcome.CLAIMS_REJECTED: "驳回申请人的行政复议请求",
    Outcome.APPLICATION_DISMISSED: "驳回申请人的行政复议申请",
}


def decision_skeleton(case: ReconsiderationCase) -> bytes:
    applicants = list(case.applicants.all())
    blocks: list[gongwen.Block] = []
    for a in applicants:
        line = f"申请人：{a.name}（{a.get_kind_display()}）"
        if a.address:
            line += f"，住所：{a.address}"
        blocks.append(Paragraph(line + "。"))
        if a.agent_name:
            blocks.append(Paragraph(f"委托代理人：{a.agent_name}。"))
    blocks.append(Paragraph(f"被申请人：{case.respondent_name}。"))
    blocks.append(
        Paragraph(
            f"申请人不服被申请人{case.act_description}，于{cn_date(case.received_on)}向本机关申请行政复议，"
            f"本机关于{cn_date(case.accepted_on)}依法受理。"
            + ("本案适用简易程序。" if case.is_simplified else "")
        )
    )
    if case.extended_on:
        blocks.append(Paragraph(f"因情况复杂，经批准，本案审理期限延长{case.extension_days}日。"))
    blocks += [
        Paragraph(f"申请人请求：{case.request or '（写明复议请求）'}"),
        Paragraph("申请人称：（写明申请人的事实和理由）"),
        Paragraph("被申请人称：（写明被申请人答复的事实和理由）"),
        Heading1("经审理查明"),
        Paragraph("（写明本机关查明的事实和证据）"),
        Heading1("本机关认为"),
        Paragraph("（写明认定的理由和适用的法律依据）"),
        Paragraph("根据" + LAW_NEW + "第（　）条的规定，本机关决定如下："),
        Paragraph(
            OUTCOME_TEXT.get(Outcome(case.outcome), "（写明决定内容）")
            if case.outcome
            else "（写明决定内容）" + "。"
        ),
        Paragraph(
            "申请人如不服本决定，可以自收到本决定书之日起15日内，依法向人民法院提起行政诉讼。"
        ),
    ]
    return gongwen.build(
        "行政复议决定书",
        doc_number=case.case_number,
        blocks=blocks,
        signer=_signer(case),
        date_text=cn_date(case.closed_on) if case.closed_on else "　　年　　月　　日",
    )


DOCUMENTS: list[Doc] = [
    Doc(
        "correction",
        "补正通知书",
        correction_notice,
        lambda c: c.correction_requested_on is not None,
    ),
    Doc("acceptance", "受理通知书", acceptance_notice, lambda c: c.accepted_on is not None),
    Doc("refusal", "不予受理决定书", refusal_decision, lambda c: c.state == State.NOT_ACCEPTED),
    # Goes out with the copy: not before the copy is recorded as sent.
    Doc("answer", "答复通知书", answer_notice, lambda c: c.copy_sent_on is not None),
    Doc("extension", "延期审理通知书", extension_notice, lambda c: c.extended_on is not None),
    Doc(
        "decision",
        "行政复议决定书（草稿）",
        decision_skeleton,
        lambda c: c.accepted_on is not None,
    ),
]
