"""The notices and the decision skeleton of a 行政复议 case, as 公文 docx.

Each document is a function of the case; dates come from the case's clocks (`clocks.due`)
and are written with `cn_date` so that the last day is plainly included ("至…（含当日）"); a
date whose year's holiday calendar is not confirmed is printed as computed on weekends only and
marked 暂定, with the reason. `ready` says when each makes sense. 2017 cases cite the 2017 text
(and the 2007 实施条例).
"""

from __future__ import annotations

import datetime as dt

from fazhi import clocks
from fazhi.casework.registry import Document as Doc
from fazhi.clocks.engine import compute
from fazhi.clocks.models import Clock, PauseKind
from fazhi.clocks.spec import ClockSpec, Unit
from fazhi.ledgers.reconsideration.clocks import specs_for
from fazhi.ledgers.reconsideration.models import ReconsiderationCase
from fazhi.ledgers.reconsideration.states import (
    LawVersion,
    Outcome,
    State,
    TerminationReason,
)
from fazhi.lib import gongwen
from fazhi.lib.cn_date import cn_date
from fazhi.lib.gongwen import Heading1, Paragraph

LAW_NEW = "《中华人民共和国行政复议法》"
LAW_OLD = "《中华人民共和国行政复议法》（2017年修正）"
REGULATION = "《中华人民共和国行政复议法实施条例》"
LITIGATION_LAW = "《中华人民共和国行政诉讼法》"
# 实施条例 Art. 29 asks for "合理的补正期限" in the notice; the 2017 text sets none. Ten days,
# printed in the notice, is this system's default reasonable period.
OLD_CORRECTION_DAYS = 10
ONE_DAY = dt.timedelta(days=1)


def _is_old(case: ReconsiderationCase) -> bool:
    return case.law_version == LawVersion.V2017


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


# --- dates ---------------------------------------------------------------------------------------


def provisional_due(clock: Clock) -> dt.date | None:
    """The last day counted with weekends only (no holiday calendar), for a year whose 放假调休
    notice is not out yet; None while a pause is still open."""
    begin = clock.restart_on or clock.start_on
    if begin is None:
        return None
    pauses = [(p.from_on, p.to_on) for p in clock.pauses.all()]
    if any(to_on is None for _, to_on in pauses):
        return None

    def paused(d: dt.date) -> bool:
        return any(a <= d <= b for a, b in pauses if b is not None)

    working = clock.unit == Unit.WORKING_DAY
    left, day = clock.length + clock.extension_length, begin
    while left > 0:
        day += ONE_DAY
        if paused(day) or (working and day.weekday() >= 5):
            continue
        left -= 1
    while day.weekday() >= 5:  # 末日顺延 past a weekend
        day += ONE_DAY
    return day


def due_text(case: ReconsiderationCase, spec: ClockSpec | None) -> str:
    """ "2026年1月15日（含当日）", or the provisional date marked 暂定 with the reason."""
    clock = clocks.get(case, spec) if spec is not None else None
    if clock is None:
        return "（期限尚未起算）"
    if clock.due_on is not None:
        return f"{cn_date(clock.due_on)}（含当日）"
    guess = provisional_due(clock)
    if guess is None:
        return "（期限中止，恢复后另行计算）"
    year = clock.flag_year or guess.year
    return (
        f"{cn_date(guess)}（含当日；暂定：{year}年节假日安排尚未公布，按仅扣除周末计算，"
        "如遇法定节假日顺延）"
    )


def unextended_decision_due(case: ReconsiderationCase) -> str:
    """Art. 62(1): the 受理通知书 states the statutory period from acceptance, not extended."""
    spec = specs_for(case).decision
    clock = clocks.get(case, spec)
    if clock is None or clock.start_on is None:
        return "（期限尚未起算）"
    # 2017: the 补正 time is not counted (条例 Art. 29) and is known at acceptance; later 中止
    # and extensions are not part of the date the notice announces.
    pauses = [p for p in clock.pauses.all() if p.kind == PauseKind.CORRECTION]
    due = compute(clock.start_on, clock.length, clock.unit, pauses=pauses).due_on
    if due is not None:
        return f"{cn_date(due)}（含当日）"
    return due_text(case, spec)


def _opening(case: ReconsiderationCase) -> str:
    return (
        f"你（单位）不服{case.respondent_name}{case.act_description}，于{cn_date(case.received_on)}"
        f"向本机关提出的行政复议申请收悉。"
    )


def _parties(case: ReconsiderationCase) -> str:
    """申请人、被申请人 and any 第三人 (Art. 16): the 当事人 the notices go to."""
    third = "、".join(t.name for t in case.third_parties.all())
    return f"{_applicants(case)}、{case.respondent_name}" + (f"、{third}" if third else "")


# --- the notices ---------------------------------------------------------------------------------


def acceptance_notice(case: ReconsiderationCase) -> bytes:
    due = unextended_decision_due(case)
    if not _is_old(case):
        basis = f"{LAW_NEW}第三十条"
        if case.is_simplified:
            period = (
                f"本案适用简易程序，本机关将自受理之日起30日内，即至{due}，"
                f"作出行政复议决定（{LAW_NEW}第六十二条第二款）。"
            )
        else:
            period = (
                f"本机关将自受理之日起60日内，即至{due}，作出行政复议决定；情况复杂、不能在规定"
                "期限内作出决定的，经行政复议机构负责人批准，可以适当延长，并书面告知当事人，"
                f"但延长期限最多不超过30日（{LAW_NEW}第六十二条第一款）。"
            )
    else:
        basis = f"{LAW_OLD}第十七条"
        period = (
            f"本机关将自受理之日起60日内，即至{due}，作出行政复议决定；情况复杂、不能在规定期限内"
            "作出决定的，经本机关负责人批准，可以适当延长，并告知申请人和被申请人，但延长期限最多"
            f"不超过30日（{LAW_OLD}第三十一条）。"
        )
    accepted = "视为受理" if case.deemed_accepted else "决定受理"
    if _is_old(case):
        accepted = "受理（自收到申请之日起即为受理）"
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
                f"补正期限至{due_text(case, specs.correction_response)}）"
            )
        deadline = (
            f"请你自收到本通知之日起10个工作日内{served}提交补正材料。"
            "无正当理由逾期不补正的，视为你放弃行政复议申请，并记录在案。"
        )
        basis = f"{LAW_NEW}第三十一条"
    else:
        deadline = (
            f"请你自收到本通知之日起{OLD_CORRECTION_DAYS}日内提交补正材料。"
            "补正申请材料所用时间不计入行政复议审理期限。"
        )
        basis = f"{REGULATION}第二十九条"
    body = [
        _opening(case)
        + f"经审查，你提交的行政复议申请材料不齐全或者表述不清楚，根据{basis}的规定，请你补正以下材料：{what}",
        deadline,
        "特此通知。",
    ]
    return _render(
        case, "行政复议申请补正通知书", _applicants(case), body, date=case.correction_requested_on
    )


def refusal_reason(case: ReconsiderationCase) -> str:
    """The recorded reason without a trailing "决定不予受理" (the notice says it once)."""
    reason = (case.closure_note or "（写明不予受理的理由）").strip().rstrip("。；，")
    for tail in ("，决定不予受理", "，本机关决定不予受理", "决定不予受理"):
        if reason.endswith(tail):
            reason = reason[: -len(tail)].rstrip("。；，")
    return reason


def refusal_decision(case: ReconsiderationCase) -> bytes:
    if _is_old(case):
        basis, jurisdiction, suit_article = f"{LAW_OLD}第十七条", "", f"{LAW_OLD}第十九条"
    else:
        basis = f"{LAW_NEW}第三十条"
        jurisdiction = f"{LAW_NEW}第三十条第二款"
        suit_article = f"{LAW_NEW}第三十四条"
    body = [
        _opening(case),
        f"经审查，{refusal_reason(case)}。根据{basis}的规定，本机关决定不予受理。",
    ]
    if case.competent_body:
        body.append(
            f"本案不属于本机关管辖，申请人可以向有管辖权的{case.competent_body}提出行政复议申请"
            + (f"（{jurisdiction}）。" if jurisdiction else "。")
        )
    if case.review_first:
        body.append(
            "本案属于法律、行政法规规定应当先申请行政复议的情形。申请人如不服本决定，可以自收到"
            f"本决定书之日起15日内，依法向人民法院提起行政诉讼（{suit_article}）。"
        )
    else:
        body.append(
            "申请人如对原行政行为不服，可以自知道或者应当知道作出行政行为之日起6个月内，依法向"
            f"人民法院提起行政诉讼（{LITIGATION_LAW}第四十六条）。"
        )
    return _render(case, "不予受理行政复议申请决定书", _applicants(case), body, date=case.closed_on)


def answer_notice(case: ReconsiderationCase) -> bytes:
    specs = specs_for(case)
    if not _is_old(case):
        days = "5个工作日" if case.is_simplified else "10个工作日"
        basis = f"{LAW_NEW}第五十四条" if case.is_simplified else f"{LAW_NEW}第四十八条"
        lapse = "被申请人不按照规定提出书面答复、提交当初作出行政行为的证据、依据和其他有关材料的，视为该行政行为没有证据、依据（第七十条）。"
    else:
        days = "10日"
        basis = f"{LAW_OLD}第二十三条"
        lapse = ""
    # Arts. 48, 54: the period runs from the respondent's receipt of the copy, so its last day
    # is printed only once that receipt is recorded.
    served = ""
    if case.copy_served_on is not None:
        served = (
            f"（你单位于{cn_date(case.copy_served_on)}收到副本，"
            f"答复期限至{due_text(case, specs.respondent_answer)}）"
        )
    body = [
        f"{_applicants(case)}不服你单位{case.act_description}，于{cn_date(case.received_on)}向本机关申请行政复议，"
        f"本机关已于{cn_date(case.accepted_on)}依法受理。现将行政复议申请书副本发送你单位。",
        f"根据{basis}的规定，请你单位自收到申请书副本之日起{days}内{served}，"
        "提出书面答复，并提交当初作出行政行为的证据、依据和其他有关材料。" + lapse,
        "特此通知。",
    ]
    return _render(case, "行政复议答复通知书", case.respondent_name, body, date=case.copy_sent_on)


def extension_notice(case: ReconsiderationCase) -> bytes:
    specs = specs_for(case)
    if _is_old(case):
        approver, basis = "本机关负责人", f"{LAW_OLD}第三十一条第一款"
    else:
        approver, basis = "行政复议机构负责人", f"{LAW_NEW}第六十二条第一款"
    body = [
        f"本机关于{cn_date(case.accepted_on)}受理的{_applicants(case)}不服{case.respondent_name}{case.act_description}"
        f"一案，因情况复杂，不能在规定期限内作出行政复议决定。",
        f"根据{basis}的规定，经{approver}批准，本案审理期限延长{case.extension_days or 30}日，"
        f"至{due_text(case, specs.decision)}。",
        "特此通知。",
    ]
    return _render(case, "延期审理通知书", _parties(case), body, date=case.extended_on)


def _suspensions(case: ReconsiderationCase) -> list[tuple[dt.date, dt.date | None, str]]:
    clock = clocks.get(case, specs_for(case).decision)
    if clock is None:
        return []
    return [
        (p.from_on, p.to_on, p.reason)
        for p in clock.pauses.order_by("from_on")
        if p.kind == "suspension"
    ]


def _suspension_article(case: ReconsiderationCase) -> str:
    if _is_old(case):
        return f"{REGULATION}第四十一条"
    return f"{LAW_NEW}第三十九条"


def suspension_notice(case: ReconsiderationCase) -> bytes:
    """中止审理通知书 (Art. 39(3): 中止 and 恢复 are notified to the parties in writing)."""
    from_on, _to, reason = _suspensions(case)[-1]
    body = [
        f"本机关于{cn_date(case.accepted_on)}受理的{_applicants(case)}不服{case.respondent_name}"
        f"{case.act_description}一案，因{reason}，根据{_suspension_article(case)}的规定，本机关决定"
        f"自{cn_date(from_on)}起中止审理。",
        "中止审理的原因消除后，本机关将及时恢复审理，并书面告知。中止期间不计入行政复议审理期限。",
        "特此通知。",
    ]
    return _render(case, "行政复议中止审理通知书", _parties(case), body, date=from_on)


def resumption_notice(case: ReconsiderationCase) -> bytes:
    from_on, to_on, _reason = [s for s in _suspensions(case) if s[1] is not None][-1]
    assert to_on is not None
    resumed = to_on + ONE_DAY
    body = [
        f"本机关于{cn_date(from_on)}中止审理的{_applicants(case)}不服{case.respondent_name}"
        f"{case.act_description}一案，中止审理的原因已经消除，根据{_suspension_article(case)}的规定，"
        f"本机关自{cn_date(resumed)}起恢复审理。",
        f"本案审理期限至{due_text(case, specs_for(case).decision)}。",
        "特此通知。",
    ]
    return _render(case, "行政复议恢复审理通知书", _parties(case), body, date=resumed)


def hearing_notice(case: ReconsiderationCase) -> bytes:
    """听证通知书 (Art. 51: notified at least five working days before the hearing)."""
    assert case.hearing_scheduled_on is not None
    spec = specs_for(case).hearing_notice
    notice_by = clocks.due(case, spec) if spec is not None else None
    body = [
        f"{_applicants(case)}不服{case.respondent_name}{case.act_description}一案，本机关决定于"
        f"{cn_date(case.hearing_scheduled_on)}举行听证。",
        f"根据{LAW_NEW}第五十条、第五十一条的规定，请按时参加。被申请人的负责人应当参加听证；"
        "不能参加的，应当说明理由并委托相应的工作人员参加听证。申请人无正当理由拒不参加听证的，"
        "视为放弃听证权利。",
    ]
    if notice_by is not None:
        body.append(f"本通知应当于听证5个工作日前，即{cn_date(notice_by)}前（含当日）送达当事人。")
    body.append("特此通知。")
    return _render(case, "行政复议听证通知书", _parties(case), body, date=case.hearing_notice_on)


TERMINATION_TEXT = {
    TerminationReason.WITHDRAWN: "申请人撤回行政复议申请，经本机关准予撤回",
    TerminationReason.SETTLED: "申请人与被申请人达成和解，申请人撤回行政复议申请，经本机关准予撤回",
    TerminationReason.SUSPENSION_LAPSED: "本案中止审理满60日，中止的原因仍未消除",
    TerminationReason.OTHER: "出现法定终止情形",
}


def termination_decision(case: ReconsiderationCase) -> bytes:
    """终止决定书 (Art. 41; 2017: 条例 Art. 42)."""
    article = f"{REGULATION}第四十二条" if _is_old(case) else f"{LAW_NEW}第四十一条"
    if case.termination_reason == TerminationReason.SUSPENSION_LAPSED and not _is_old(case):
        article = f"{LAW_NEW}第四十一条第五项"
    what = TERMINATION_TEXT.get(TerminationReason(case.termination_reason or "other"), "")
    body = [
        f"申请人{_applicants(case)}不服被申请人{case.respondent_name}{case.act_description}，"
        f"于{cn_date(case.received_on)}向本机关申请行政复议，本机关于{cn_date(case.accepted_on)}依法受理。",
        f"行政复议期间，{what}"
        + (f"（{case.closure_note}）" if case.closure_note else "")
        + f"。根据{article}的规定，本机关决定：终止本案行政复议。",
    ]
    return _render(case, "行政复议终止决定书", _parties(case), body, date=case.closed_on)


def mediation_agreement(case: ReconsiderationCase) -> bytes:
    """行政复议调解书 (Art. 73: signed by the parties, sealed by the 复议机关; binding once
    signed)."""
    article = f"{REGULATION}第五十条" if _is_old(case) else f"{LAW_NEW}第七十三条"
    body = [
        f"申请人：{_applicants(case)}。",
        f"被申请人：{case.respondent_name}。",
        *(f"第三人：{t.name}。" for t in case.third_parties.all()),
        f"申请人不服被申请人{case.act_description}，于{cn_date(case.received_on)}向本机关申请行政复议，"
        f"本机关于{cn_date(case.accepted_on)}依法受理。",
        "经本机关主持调解，当事人自愿达成如下协议："
        + (case.closure_note or "（写明调解协议内容）"),
        f"本调解书根据{article}的规定制作，经各方当事人签字或者签章，并加盖本机关印章，即具有"
        "法律效力。",
    ]
    return _render(case, "行政复议调解书", "", body, date=case.closed_on)


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
    for t in case.third_parties.all():
        blocks.append(Paragraph(f"第三人：{t.name}。"))
    blocks.append(
        Paragraph(
            f"申请人不服被申请人{case.act_description}，于{cn_date(case.received_on)}向本机关申请行政复议，"
            f"本机关于{cn_date(case.accepted_on)}依法受理。"
            + ("本案适用简易程序。" if case.is_simplified else "")
        )
    )
    if case.extended_on:
        blocks.append(Paragraph(f"因情况复杂，经批准，本案审理期限延长{case.extension_days}日。"))
    law = LAW_OLD if _is_old(case) else LAW_NEW
    # 行政诉讼法 Art. 45: a suit against the 复议 decision within 15 days of receiving it.
    suit = "申请人如不服本决定，可以自收到本决定书之日起15日内，依法向人民法院提起行政诉讼。"
    blocks += [
        Paragraph(f"申请人请求：{case.request or '（写明复议请求）'}"),
        Paragraph("申请人称：（写明申请人的事实和理由）"),
        Paragraph("被申请人称：（写明被申请人答复的事实和理由）"),
        Heading1("经审理查明"),
        Paragraph("（写明本机关查明的事实和证据）"),
        Heading1("本机关认为"),
        Paragraph("（写明认定的理由和适用的法律依据）"),
        Paragraph("根据" + law + "第（　）条的规定，本机关决定如下："),
        Paragraph(
            OUTCOME_TEXT.get(Outcome(case.outcome), "（写明决定内容）")
            if case.outcome
            else "（写明决定内容）" + "。"
        ),
        Paragraph(suit),
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
        "suspension",
        "中止审理通知书",
        suspension_notice,
        lambda c: c.accepted_on is not None and bool(_suspensions(c)),
    ),
    Doc(
        "resumption",
        "恢复审理通知书",
        resumption_notice,
        lambda c: c.accepted_on is not None and any(s[1] for s in _suspensions(c)),
    ),
    Doc(
        "hearing",
        "听证通知书",
        hearing_notice,
        lambda c: c.hearing_scheduled_on is not None,
    ),
    Doc(
        "termination",
        "终止决定书",
        termination_decision,
        lambda c: c.outcome == Outcome.TERMINATED,
    ),
    Doc(
        "mediation", "行政复议调解书", mediation_agreement, lambda c: c.outcome == Outcome.MEDIATED
    ),
    Doc(
        "decision",
        "行政复议决定书（草稿）",
        decision_skeleton,
        lambda c: c.accepted_on is not None,
    ),
]

__all__ = ["DOCUMENTS", "due_text", "provisional_due"]
